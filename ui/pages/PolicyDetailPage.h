#pragma once

// IAM > Policies > <name>: a managed policy's details (Type, Creation time, Edited
// time, ARN, Description) and its tabs: Permissions (the policy summary or the
// JSON; Edit for a customer-managed policy), Entities attached (Attach, Detach) and
// Policy versions (Set as default for a customer-managed policy). Every edit is one
// undoable command as the signed-in caller; a refusal shows AWS's text in the
// page's red flash and changes nothing.
//
// Object names: tabs, typeValue, createdValue, editedValue, arnValue,
// descriptionValue, entitiesTable, attachButton, detachButton, versionsTable,
// setDefaultButton (and PolicyPermissionsPanel's).

#include "ConsolePage.h"

namespace iam { struct AccountChange; }
class PolicyEntitiesModel;
class PolicyPermissionsPanel;
class PolicyVersionsModel;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

class PolicyDetailPage : public ConsolePage
{
    Q_OBJECT

public:
    PolicyDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &policyArn,
                     QWidget *parent = nullptr);

    // Whether the account can show `policyArn` (a customer-managed or AWS-managed policy).
    static bool exists(const WorkspaceDocument &document, const QString &policyArn);

    QList<Crumb> crumbs() const override;
    QString policyArn() const { return m_arn; }

private:
    void createWidgets();
    QWidget *createDetails();
    QWidget *createEntitiesTab();
    QWidget *createVersionsTab();
    void connectSignals();

    void showPolicy();
    void onEntityChanged(const iam::AccountChange &change);
    void leaveIfGone();
    void updateButtons();
    // The user, group or role of an Entities attached row (its name is a link).
    void openEntity(int row);
    void editPolicy();
    void attachEntities();
    void detachSelected();
    void setDefaultVersion();

    bool isCustomerManaged() const;
    QString policyName() const;
    QString documentText() const;

    QString m_arn;
    PolicyEntitiesModel *m_entities = nullptr;
    PolicyVersionsModel *m_versions = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_edited = nullptr;
    QLabel *m_arnLabel = nullptr;
    QLabel *m_description = nullptr;
    QTabWidget *m_tabs = nullptr;
    PolicyPermissionsPanel *m_permissions = nullptr;
    QTableView *m_entitiesView = nullptr;
    QPushButton *m_attachButton = nullptr;
    QPushButton *m_detachButton = nullptr;
    QTableView *m_versionsView = nullptr;
    QPushButton *m_setDefaultButton = nullptr;
};
