#pragma once

// IAM > Users > lab-user: the user's Summary (ARN, created, last activity) and its
// tabs: Permissions (its policies and those of its groups, Add permissions /
// Remove / Create inline policy, permissions boundary), Groups (Add user to
// groups / Remove), Tags.
//
// Object names: summaryArn, summaryCreated, summaryLastActivity, tabs,
// permissionsPanel, groupsTable, addToGroupsButton, removeFromGroupButton, tagsTable.

#include "ConsolePage.h"

class PrincipalPermissionsPanel;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class UserGroupsModel;
namespace iam { struct AccountChange; }

class UserDetailPage : public ConsolePage
{
    Q_OBJECT

public:
    UserDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &userName,
                   QWidget *parent = nullptr);

    static bool exists(const WorkspaceDocument &document, const QString &userName);

    QList<Crumb> crumbs() const override;
    PrincipalPermissionsPanel *permissionsPanel() const { return m_permissions; }

    void addToGroups();
    void removeFromSelectedGroup();

private:
    void createWidgets();
    QWidget *createGroupsTab();
    QWidget *createTagsTab();
    void connectSignals();
    void onEntityChanged(const iam::AccountChange &change);
    void updateSummary();
    void updateGroupButtons();
    QString selectedGroup() const;

    QString m_userName;
    QLabel *m_arn = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_lastActivity = nullptr;
    QTabWidget *m_tabs = nullptr;
    PrincipalPermissionsPanel *m_permissions = nullptr;
    UserGroupsModel *m_groupsModel = nullptr;
    QLabel *m_groupsHeading = nullptr;
    QTableView *m_groupsTable = nullptr;
    QPushButton *m_addToGroupsButton = nullptr;
    QPushButton *m_removeFromGroupButton = nullptr;
};
