#pragma once

// IAM > Roles > S3Access: the role's Summary (creation date, ARN, instance
// profile ARN, last activity, maximum session duration, description) and its
// tabs: Permissions (policies, Add permissions / Remove / Create inline policy,
// permissions boundary), Trust relationships (the trust policy, read-only, and
// Edit trust policy), Tags. Kept current as the account changes; a deleted role
// leaves the page for the main window to replace.
//
// Object names: summaryCreationDate, summaryArn, summaryInstanceProfileArn,
// summaryLastActivity, summaryMaxSession, summaryDescription, deleteRoleButton,
// tabs, permissionsPanel, trustPolicyView, editTrustPolicyButton, tagsTable.

#include "ConsolePage.h"

class PrincipalPermissionsPanel;
class PolicyTextField;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
namespace iam { struct AccountChange; }

class RoleDetailPage : public ConsolePage
{
    Q_OBJECT

public:
    RoleDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &roleName,
                   QWidget *parent = nullptr);

    // Whether the factory may build the page: the role exists.
    static bool exists(const WorkspaceDocument &document, const QString &roleName);

    QList<Crumb> crumbs() const override;
    PrincipalPermissionsPanel *permissionsPanel() const { return m_permissions; }

    void editTrustPolicy();
    void deleteRole();

private:
    void createWidgets();
    QWidget *createTrustTab();
    QWidget *createTagsTab();
    void connectSignals();
    void onEntityChanged(const iam::AccountChange &change);
    void updateSummary();

    QString m_roleName;
    QLabel *m_creationDate = nullptr;
    QLabel *m_arn = nullptr;
    QLabel *m_instanceProfileArn = nullptr;
    QLabel *m_lastActivity = nullptr;
    QLabel *m_maxSession = nullptr;
    QLabel *m_description = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    PrincipalPermissionsPanel *m_permissions = nullptr;
    PolicyTextField *m_trustView = nullptr;
    QPushButton *m_editTrustButton = nullptr;
    QTableView *m_tagsTable = nullptr;
};
