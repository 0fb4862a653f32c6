#pragma once

// IAM > User groups: "User groups (0)", the console's description, search, the
// sortable table (Group name, Users, Permissions, Creation time), "Delete" for the
// selected group and "Create group" (a small dialog: the name, checked as typed).
//
// Object names: searchEdit, table, deleteButton, createGroupButton.

#include "EntityListPage.h"

class QPushButton;

class GroupsPage : public EntityListPage
{
    Q_OBJECT

public:
    GroupsPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    void createGroup();
    void deleteSelected();

protected:
    void selectionChanged() override;

private:
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_createButton = nullptr;
};
