#include "GroupDetailPage.h"

#include "ChooseNamesDialog.h"
#include "ConsoleStyle.h"
#include "ConsoleTime.h"
#include "GroupUsersModel.h"
#include "LinkItemDelegate.h"
#include "MembershipCommands.h"
#include "Navigation.h"
#include "PrincipalPermissionsPanel.h"
#include "SummaryBox.h"
#include "WorkspaceDocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

GroupDetailPage::GroupDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &groupName,
                                 QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_groupName(groupName)
{
    setObjectName(QStringLiteral("groupDetailPage"));
    setHeading(groupName);
    createWidgets();
    connectSignals();
    updateSummary();
    updateUserButtons();
}

bool GroupDetailPage::exists(const WorkspaceDocument &document, const QString &groupName)
{
    return document.account().findGroup(groupName.toStdString()) != nullptr;
}

QList<Crumb> GroupDetailPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("IAM"), {Page::Dashboard, {}}},
            {tr("User groups"), {Page::Groups, {}}},
            {m_groupName, {Page::Group, m_groupName}}};
}

void GroupDetailPage::createWidgets()
{
    auto *summary = new SummaryBox(this);
    m_name = summary->addField(QStringLiteral("summaryName"), tr("User group name"));
    m_created = summary->addField(QStringLiteral("summaryCreated"), tr("Creation time"));
    m_arn = summary->addField(QStringLiteral("summaryArn"), tr("ARN"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createUsersTab(), tr("Users"));
    m_permissions =
        new PrincipalPermissionsPanel(*this, m_document, m_navigation, PrincipalKind::Group, m_groupName, m_tabs);
    m_tabs->addTab(m_permissions, tr("Permissions"));

    contentLayout()->addWidget(summary);
    contentLayout()->addWidget(m_tabs, 1);
}

QWidget *GroupDetailPage::createUsersTab()
{
    auto *tab = new QWidget(m_tabs);
    m_usersModel = new GroupUsersModel(m_document, m_groupName, tab);
    m_usersHeading = new QLabel(tab);
    m_usersHeading->setObjectName(QStringLiteral("usersHeading"));
    QFont bold = m_usersHeading->font();
    bold.setBold(true);
    m_usersHeading->setFont(bold);
    auto *about = new QLabel(tr("An IAM user is an entity that you create in AWS to represent the person or "
                                "application that uses it to interact with AWS."), tab);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));
    m_removeUsersButton = new QPushButton(tr("Remove users"), tab);
    m_removeUsersButton->setObjectName(QStringLiteral("removeUsersButton"));
    m_addUsersButton = new QPushButton(tr("Add users"), tab);
    m_addUsersButton->setObjectName(QStringLiteral("addUsersButton"));
    ConsoleStyle::markPrimary(m_addUsersButton);

    m_usersTable = new QTableView(tab);
    m_usersTable->setObjectName(QStringLiteral("usersTable"));
    m_usersTable->setModel(m_usersModel);
    m_usersTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usersTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_usersTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usersTable->setShowGrid(false);
    m_usersTable->verticalHeader()->hide();
    m_usersTable->horizontalHeader()->setStretchLastSection(true);
    m_usersTable->horizontalHeader()->setDefaultSectionSize(240);
    m_usersTable->setItemDelegateForColumn(GroupUsersModel::NameColumn, new LinkItemDelegate(m_usersTable));

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_usersHeading);
    titles->addWidget(about);
    top->addLayout(titles, 1);
    top->addWidget(m_removeUsersButton, 0, Qt::AlignTop);
    top->addWidget(m_addUsersButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_usersTable, 1);
    return tab;
}

void GroupDetailPage::connectSignals()
{
    connect(m_addUsersButton, &QPushButton::clicked, this, &GroupDetailPage::addUsers);
    connect(m_removeUsersButton, &QPushButton::clicked, this, &GroupDetailPage::removeSelectedUsers);
    connect(m_usersTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GroupDetailPage::updateUserButtons);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_usersModel, signal, this, &GroupDetailPage::updateUserButtons);
    connect(m_usersModel, &QAbstractItemModel::modelReset, this, &GroupDetailPage::updateUserButtons);
    connect(m_usersTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        m_navigation.go(ConsoleLocation::Page::User, index.data(GroupUsersModel::KeyRole).toString());
    });
    connect(&m_document, &WorkspaceDocument::entityChanged, this, [this](const iam::AccountChange &change) {
        if (change.entity == iam::AccountChange::Entity::User) {
            updateUserButtons();   // a user created or deleted: someone (no longer) to add
        } else if (change.entity == iam::AccountChange::Entity::Group && change.name == m_groupName.toStdString()) {
            updateSummary();
        }
    });
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &GroupDetailPage::updateSummary);
}

void GroupDetailPage::updateSummary()
{
    const iam::Account &account = m_document.account();
    const iam::Group *group = account.findGroup(m_groupName.toStdString());
    if (!group)
        return;
    m_name->setText(QString::fromStdString(group->name));
    m_created->setText(consoleDateTime(group->createDate));
    m_arn->setText(QString::fromStdString(account.groupArn(*group)));
}

void GroupDetailPage::updateUserButtons()
{
    m_usersHeading->setText(tr("Users in this group (%1)").arg(m_usersModel->rowCount()));
    m_removeUsersButton->setEnabled(!selectedUsers().isEmpty());
    const iam::Account &account = m_document.account();
    m_addUsersButton->setEnabled(account.findGroup(m_groupName.toStdString())
                                 && int(account.users().size()) > m_usersModel->rowCount());
}

QStringList GroupDetailPage::selectedUsers() const
{
    QStringList users;
    for (const QModelIndex &row : m_usersTable->selectionModel()->selectedRows())
        users << row.data(GroupUsersModel::KeyRole).toString();
    return users;
}

void GroupDetailPage::addUsers()
{
    const std::string group = m_groupName.toStdString();
    QStringList candidates;
    for (const iam::User &user : m_document.account().users()) {
        if (std::find(user.groups.begin(), user.groups.end(), group) == user.groups.end())
            candidates << QString::fromStdString(user.name);
    }
    auto *dialog = new ChooseNamesDialog(tr("Add users to %1").arg(m_groupName),
                                         tr("Other users in this account (%1)").arg(candidates.size()), candidates,
                                         tr("Add users"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList users = dialog->checkedNames();
        if (users.isEmpty())
            return;
        runCommand(addUsersToGroupCommand(m_document, m_groupName, users),
                   users.size() == 1 ? tr("User was added to this group.") : tr("%1 users were added to this group.").arg(users.size()),
                   tr("Failed to add users to group %1").arg(m_groupName));
    });
    dialog->open();
}

void GroupDetailPage::removeSelectedUsers()
{
    const QStringList users = selectedUsers();
    if (users.isEmpty())
        return;
    runCommand(removeUsersFromGroupCommand(m_document, m_groupName, users),
               users.size() == 1 ? tr("User was removed from this group.")
                                 : tr("%1 users were removed from this group.").arg(users.size()),
               tr("Failed to remove users from group %1").arg(m_groupName));
}
