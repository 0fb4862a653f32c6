#pragma once

// EC2 > Instances > i-0abc...: "Instance summary for i-0abc... (lab-instance)",
// the Summary (Instance ID, Instance state, Instance type, IAM Role, AMI ID,
// Launch time), "Instance state ▾" and "Actions ▾" (Security › Modify IAM role),
// and the tabs Details (the instance's attributes) and Security (IAM Role, a link
// to the role's page, the instance profile ARN, the owner). Kept current as the
// instance, its profile or the account change.
//
// Object names: summaryInstanceId, summaryState, summaryType, summaryIamRole,
// summaryAmiId, summaryLaunchTime, tabs, detailsTab, detailsImageId,
// detailsImageName, detailsZone, securityTab, securityIamRole,
// securityInstanceProfileArn, securityOwnerId; InstanceActions' buttons.

#include "ConsolePage.h"

class InstanceActions;
class QFormLayout;
class QLabel;
class QTabWidget;
namespace iam { struct AccountChange; }

class InstanceDetailPage : public ConsolePage
{
    Q_OBJECT

public:
    InstanceDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &instanceId,
                       QWidget *parent = nullptr);

    // Whether the factory may build the page: the instance exists.
    static bool exists(const WorkspaceDocument &document, const QString &instanceId);

    QList<Crumb> crumbs() const override;
    InstanceActions *instanceActions() const { return m_actions; }

private:
    void createWidgets();
    QWidget *createDetailsTab();
    QWidget *createSecurityTab();
    QLabel *addRow(QFormLayout *form, const QString &objectName, const QString &label);
    void connectSignals();
    void onEntityChanged(const iam::AccountChange &change);
    void updateSummary();
    void openLink(const QString &link);

    QString m_instanceId;
    InstanceActions *m_actions = nullptr;
    QLabel *m_summaryId = nullptr;
    QLabel *m_summaryState = nullptr;
    QLabel *m_summaryType = nullptr;
    QLabel *m_summaryRole = nullptr;
    QLabel *m_summaryImage = nullptr;
    QLabel *m_summaryLaunch = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_detailsImage = nullptr;
    QLabel *m_detailsImageName = nullptr;
    QLabel *m_detailsZone = nullptr;
    QLabel *m_securityRole = nullptr;
    QLabel *m_securityProfileArn = nullptr;
    QLabel *m_securityOwner = nullptr;
};
