#include "RolesPage.h"

#include "ConsoleStyle.h"
#include "DeleteCommands.h"
#include "Navigation.h"
#include "RolesModel.h"

#include <QPushButton>

RolesPage::RolesPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : EntityListPage(document, navigation, parent)
{
    setObjectName(QStringLiteral("rolesPage"));
    setListModel(new RolesModel(document, this), tr("Roles"),
                 tr("An IAM role is an identity you can create that has specific permissions with credentials that "
                    "are valid for short durations. Roles can be assumed by entities that you trust."),
                 ConsoleLocation::Page::Role, ConsoleLocation::Page::Roles);

    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_createButton = new QPushButton(tr("Create role"), this);
    m_createButton->setObjectName(QStringLiteral("createRoleButton"));
    ConsoleStyle::markPrimary(m_createButton);
    addActionButton(m_deleteButton);
    addActionButton(m_createButton);

    connect(m_deleteButton, &QPushButton::clicked, this, &RolesPage::deleteSelected);
    connect(m_createButton, &QPushButton::clicked, this, [this] { m_navigation.createRole(); });
    selectionChanged();
}

void RolesPage::selectionChanged()
{
    m_deleteButton->setEnabled(!selectedKey().isEmpty());
}

void RolesPage::deleteSelected()
{
    const QString role = selectedKey();
    if (role.isEmpty())
        return;
    // IAM refuses while policies or an instance profile hold the role (DeleteConflict):
    // the flash says what to remove first. Undo brings a deleted role back.
    runCommand(deleteRoleCommand(m_document, role), tr("Role %1 deleted.").arg(role),
               tr("Failed to delete role %1").arg(role));
}
