#include "UsersPage.h"

#include "AccountCommands.h"
#include "ConsoleStyle.h"
#include "CreatePrincipalDialog.h"
#include "DeleteCommands.h"
#include "UsersModel.h"

#include <QPushButton>

UsersPage::UsersPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : EntityListPage(document, navigation, parent)
{
    setObjectName(QStringLiteral("usersPage"));
    setListModel(new UsersModel(document, this), tr("Users"),
                 tr("An IAM user is an identity with long-term credentials that is used to interact with AWS in an "
                    "account."),
                 ConsoleLocation::Page::User, ConsoleLocation::Page::Users);

    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_createButton = new QPushButton(tr("Create user"), this);
    m_createButton->setObjectName(QStringLiteral("createUserButton"));
    ConsoleStyle::markPrimary(m_createButton);
    addActionButton(m_deleteButton);
    addActionButton(m_createButton);

    connect(m_deleteButton, &QPushButton::clicked, this, &UsersPage::deleteSelected);
    connect(m_createButton, &QPushButton::clicked, this, &UsersPage::createUser);
    selectionChanged();
}

void UsersPage::selectionChanged()
{
    m_deleteButton->setEnabled(!selectedKey().isEmpty());
}

void UsersPage::createUser()
{
    auto *dialog = new CreatePrincipalDialog(m_document, PrincipalKind::User, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->name();
        runCommand(createUserCommand(m_document, name), tr("User %1 created successfully.").arg(name),
                   tr("Failed to create user %1").arg(name));
    });
    dialog->open();
}

void UsersPage::deleteSelected()
{
    const QString user = selectedKey();
    if (user.isEmpty())
        return;
    // IAM refuses while the user is in groups or holds policies (DeleteConflict).
    runCommand(deleteUserCommand(m_document, user), tr("User %1 deleted.").arg(user),
               tr("Failed to delete user %1").arg(user));
}
