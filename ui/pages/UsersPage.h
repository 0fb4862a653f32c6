#pragma once

// IAM > Users: "Users (1)", the console's description, search, the sortable table
// (User name, Groups, Last activity, Creation time), "Delete" for the selected
// user and "Create user" (a small dialog: the name, checked as typed).
//
// Object names: searchEdit, table, deleteButton, createUserButton.

#include "EntityListPage.h"

class QPushButton;

class UsersPage : public EntityListPage
{
    Q_OBJECT

public:
    UsersPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    void createUser();
    void deleteSelected();

protected:
    void selectionChanged() override;

private:
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_createButton = nullptr;
};
