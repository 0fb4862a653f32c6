#pragma once

// IAM > Roles: "Roles (3)", the console's description, search, the sortable
// table (Role name, Trusted entities, Last activity, Creation time), "Delete" for
// the selected role and "Create role" (the wizard, through Navigation).
//
// Object names: searchEdit, table, deleteButton, createRoleButton.

#include "EntityListPage.h"

class QPushButton;

class RolesPage : public EntityListPage
{
    Q_OBJECT

public:
    RolesPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    void deleteSelected();

protected:
    void selectionChanged() override;

private:
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_createButton = nullptr;
};
