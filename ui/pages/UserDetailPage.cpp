#include "UserDetailPage.h"

#include "AccountCommands.h"
#include "ChooseNamesDialog.h"
#include "ConsoleStyle.h"
#include "ConsoleTime.h"
#include "DecisionsPanel.h"
#include "LinkItemDelegate.h"
#include "MembershipCommands.h"
#include "Navigation.h"
#include "PrincipalActivity.h"
#include "PrincipalPermissionsPanel.h"
#include "SummaryBox.h"
#include "TagsModel.h"
#include "UserGroupsModel.h"
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

namespace {

QTableView *createTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultSectionSize(260);
    return table;
}

} // namespace

UserDetailPage::UserDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &userName,
                               QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_userName(userName)
{
    setObjectName(QStringLiteral("userDetailPage"));
    setHeading(userName);
    createWidgets();
    connectSignals();
    updateSummary();
    updateGroupButtons();
}

bool UserDetailPage::exists(const WorkspaceDocument &document, const QString &userName)
{
    return document.account().findUser(userName.toStdString()) != nullptr;
}

QList<Crumb> UserDetailPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("IAM"), {Page::Dashboard, {}}}, {tr("Users"), {Page::Users, {}}}, {m_userName, {Page::User, m_userName}}};
}

void UserDetailPage::createWidgets()
{
    auto *summary = new SummaryBox(this);
    m_arn = summary->addField(QStringLiteral("summaryArn"), tr("ARN"));
    m_created = summary->addField(QStringLiteral("summaryCreated"), tr("Created"));
    m_lastActivity = summary->addField(QStringLiteral("summaryLastActivity"), tr("Last activity"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_permissions = new PrincipalPermissionsPanel(*this, m_document, m_navigation, PrincipalKind::User, m_userName, m_tabs);
    m_tabs->addTab(m_permissions, tr("Permissions"));
    m_tabs->addTab(createGroupsTab(), tr("Groups"));
    m_tabs->addTab(createTagsTab(), tr("Tags"));
    // What this user may do, decided live by the engine as its policies change.
    auto *decisions = new DecisionsPanel(m_document, m_tabs);
    decisions->setPrincipal(PrincipalKind::User, m_userName);
    decisions->setPrincipalChooserVisible(false);
    m_tabs->addTab(decisions, tr("Access decisions"));

    contentLayout()->addWidget(summary);
    contentLayout()->addWidget(m_tabs, 1);
}

QWidget *UserDetailPage::createGroupsTab()
{
    auto *tab = new QWidget(m_tabs);
    m_groupsModel = new UserGroupsModel(m_document, m_userName, tab);
    m_groupsHeading = new QLabel(tab);
    m_groupsHeading->setObjectName(QStringLiteral("groupsHeading"));
    QFont bold = m_groupsHeading->font();
    bold.setBold(true);
    m_groupsHeading->setFont(bold);
    auto *about = new QLabel(tr("A user group is a collection of IAM users. Use groups to specify permissions "
                                "for a collection of users."), tab);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));
    m_removeFromGroupButton = new QPushButton(tr("Remove"), tab);
    m_removeFromGroupButton->setObjectName(QStringLiteral("removeFromGroupButton"));
    m_addToGroupsButton = new QPushButton(tr("Add user to groups"), tab);
    m_addToGroupsButton->setObjectName(QStringLiteral("addToGroupsButton"));
    ConsoleStyle::markPrimary(m_addToGroupsButton);
    m_groupsTable = createTable(QStringLiteral("groupsTable"), m_groupsModel, tab);
    m_groupsTable->setItemDelegateForColumn(UserGroupsModel::NameColumn, new LinkItemDelegate(m_groupsTable));

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_groupsHeading);
    titles->addWidget(about);
    top->addLayout(titles, 1);
    top->addWidget(m_removeFromGroupButton, 0, Qt::AlignTop);
    top->addWidget(m_addToGroupsButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_groupsTable, 1);
    return tab;
}

QWidget *UserDetailPage::createTagsTab()
{
    auto *tab = new QWidget(m_tabs);
    auto *about = new QLabel(tr("Tags are key-value pairs that you can add to AWS resources to help identify, "
                                "organize, or search for resources."), tab);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));
    auto *table = createTable(QStringLiteral("tagsTable"), nullptr, tab);
    table->setModel(new TagsModel(m_document, PrincipalKind::User, m_userName, table));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(about);
    layout->addWidget(table, 1);
    return tab;
}

void UserDetailPage::connectSignals()
{
    connect(m_addToGroupsButton, &QPushButton::clicked, this, &UserDetailPage::addToGroups);
    connect(m_removeFromGroupButton, &QPushButton::clicked, this, &UserDetailPage::removeFromSelectedGroup);
    connect(m_groupsTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UserDetailPage::updateGroupButtons);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_groupsModel, signal, this, &UserDetailPage::updateGroupButtons);
    connect(m_groupsModel, &QAbstractItemModel::modelReset, this, &UserDetailPage::updateGroupButtons);
    connect(m_groupsTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        m_navigation.go(ConsoleLocation::Page::Group, index.data(UserGroupsModel::KeyRole).toString());
    });
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &UserDetailPage::onEntityChanged);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &UserDetailPage::updateSummary);
}

void UserDetailPage::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    if ((change.entity == Entity::User && change.name == m_userName.toStdString()) || change.entity == Entity::Event)
        updateSummary();
    if (change.entity == Entity::Group)
        updateGroupButtons();   // a group created or deleted: something (no longer) to join
}

void UserDetailPage::updateSummary()
{
    const iam::Account &account = m_document.account();
    const iam::User *user = account.findUser(m_userName.toStdString());
    if (!user)
        return;
    m_arn->setText(QString::fromStdString(account.userArn(*user)));
    m_created->setText(consoleDateTime(user->createDate));
    m_lastActivity->setText(lastActivityText(account, lastUserActivity(account, *user)));
}

void UserDetailPage::updateGroupButtons()
{
    m_groupsHeading->setText(tr("User groups membership (%1)").arg(m_groupsModel->rowCount()));
    m_removeFromGroupButton->setEnabled(!selectedGroup().isEmpty());
    const iam::Account &account = m_document.account();
    m_addToGroupsButton->setEnabled(account.findUser(m_userName.toStdString())
                                    && int(account.groups().size()) > m_groupsModel->rowCount());
}

QString UserDetailPage::selectedGroup() const
{
    const QModelIndexList rows = m_groupsTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(UserGroupsModel::KeyRole).toString();
}

void UserDetailPage::addToGroups()
{
    const iam::Account &account = m_document.account();
    const iam::User *user = account.findUser(m_userName.toStdString());
    if (!user)
        return;
    QStringList candidates;
    for (const iam::Group &group : account.groups()) {
        if (std::find(user->groups.begin(), user->groups.end(), group.name) == user->groups.end())
            candidates << QString::fromStdString(group.name);
    }
    auto *dialog = new ChooseNamesDialog(tr("Add user to groups"), tr("User groups (%1)").arg(candidates.size()),
                                         candidates, tr("Add to groups"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList groups = dialog->checkedNames();
        if (groups.isEmpty())
            return;
        runCommand(addUserToGroupsCommand(m_document, m_userName, groups),
                   groups.size() == 1 ? tr("User was added to group %1.").arg(groups.front())
                                      : tr("User was added to %1 groups.").arg(groups.size()),
                   tr("Failed to add user to groups"));
    });
    dialog->open();
}

void UserDetailPage::removeFromSelectedGroup()
{
    const QString group = selectedGroup();
    if (group.isEmpty())
        return;
    runCommand(removeUserFromGroupCommand(m_document, m_userName, group),
               tr("User was removed from group %1.").arg(group), tr("Failed to remove user from group %1").arg(group));
}
