#include "GroupsPage.h"

#include "AccountCommands.h"
#include "ConsoleStyle.h"
#include "CreatePrincipalDialog.h"
#include "DeleteCommands.h"
#include "GroupsModel.h"

#include <QPushButton>

GroupsPage::GroupsPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : EntityListPage(document, navigation, parent)
{
    setObjectName(QStringLiteral("groupsPage"));
    setListModel(new GroupsModel(document, this), tr("User groups"),
                 tr("A user group is a collection of IAM users. Use groups to specify permissions for a collection "
                    "of users."),
                 ConsoleLocation::Page::Group, ConsoleLocation::Page::Groups);

    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_createButton = new QPushButton(tr("Create group"), this);
    m_createButton->setObjectName(QStringLiteral("createGroupButton"));
    ConsoleStyle::markPrimary(m_createButton);
    addActionButton(m_deleteButton);
    addActionButton(m_createButton);

    connect(m_deleteButton, &QPushButton::clicked, this, &GroupsPage::deleteSelected);
    connect(m_createButton, &QPushButton::clicked, this, &GroupsPage::createGroup);
    selectionChanged();
}

void GroupsPage::selectionChanged()
{
    m_deleteButton->setEnabled(!selectedKey().isEmpty());
}

void GroupsPage::createGroup()
{
    auto *dialog = new CreatePrincipalDialog(m_document, PrincipalKind::Group, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->name();
        runCommand(createGroupCommand(m_document, name), tr("%1 user group created.").arg(name),
                   tr("Failed to create user group %1").arg(name));
    });
    dialog->open();
}

void GroupsPage::deleteSelected()
{
    const QString group = selectedKey();
    if (group.isEmpty())
        return;
    // IAM refuses while the group has members or policies (DeleteConflict).
    runCommand(deleteGroupCommand(m_document, group), tr("User group %1 deleted.").arg(group),
               tr("Failed to delete user group %1").arg(group));
}
