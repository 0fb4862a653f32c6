#pragma once

// IAM > User groups > developers: the group's Summary (name, creation time, ARN)
// and its tabs: Users (Add users / Remove users) and Permissions (its policies,
// Add permissions / Remove / Create inline policy; groups have no boundary).
//
// Object names: summaryName, summaryCreated, summaryArn, tabs, usersTable,
// addUsersButton, removeUsersButton, permissionsPanel.

#include "ConsolePage.h"

class GroupUsersModel;
class PrincipalPermissionsPanel;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

class GroupDetailPage : public ConsolePage
{
    Q_OBJECT

public:
    GroupDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &groupName,
                    QWidget *parent = nullptr);

    static bool exists(const WorkspaceDocument &document, const QString &groupName);

    QList<Crumb> crumbs() const override;
    PrincipalPermissionsPanel *permissionsPanel() const { return m_permissions; }

    void addUsers();
    void removeSelectedUsers();

private:
    void createWidgets();
    QWidget *createUsersTab();
    void connectSignals();
    void updateSummary();
    void updateUserButtons();
    QStringList selectedUsers() const;

    QString m_groupName;
    QLabel *m_name = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_arn = nullptr;
    QTabWidget *m_tabs = nullptr;
    GroupUsersModel *m_usersModel = nullptr;
    QLabel *m_usersHeading = nullptr;
    QTableView *m_usersTable = nullptr;
    QPushButton *m_addUsersButton = nullptr;
    QPushButton *m_removeUsersButton = nullptr;
    PrincipalPermissionsPanel *m_permissions = nullptr;
};
