#include "GroupsModel.h"

#include "ConsoleTime.h"
#include "WorkspaceDocument.h"

#include <algorithm>

GroupsModel::GroupsModel(WorkspaceDocument &document, QObject *parent)
    : EntityListModel(document, parent)
{
    reload();
}

iam::AccountChange::Entity GroupsModel::entity() const
{
    return iam::AccountChange::Entity::Group;
}

std::vector<std::string> GroupsModel::currentKeys() const
{
    std::vector<std::string> keys;
    for (const iam::Group &group : m_document.account().groups())
        keys.push_back(group.name);
    return keys;
}

QStringList GroupsModel::headers() const
{
    return {tr("Group name"), tr("Users"), tr("Permissions"), tr("Creation time")};
}

int GroupsModel::memberCount(const std::string &group) const
{
    const auto &users = m_document.account().users();
    return int(std::count_if(users.begin(), users.end(), [&group](const iam::User &user) {
        return std::find(user.groups.begin(), user.groups.end(), group) != user.groups.end();
    }));
}

QVariant GroupsModel::cell(const std::string &key, int column, int role) const
{
    const iam::Account &account = m_document.account();
    const iam::Group *group = account.findGroup(key);
    if (!group)
        return {};
    const int policies = int(group->attachedPolicies.size() + group->inlinePolicies.size());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn: return QString::fromStdString(group->name);
        case UsersColumn: return QString::number(memberCount(key));
        case PermissionsColumn: return QString::number(policies);
        case CreationColumn: return timeAgo(group->createDate, account.now());
        }
    } else if (role == SortRole) {
        switch (column) {
        case NameColumn: return QString::fromStdString(group->name);
        case UsersColumn: return memberCount(key);
        case PermissionsColumn: return policies;
        case CreationColumn: return QString::fromStdString(group->createDate);
        }
    } else if (role == Qt::ToolTipRole && column == CreationColumn) {
        return consoleDateTime(group->createDate);
    }
    return {};
}

void GroupsModel::relatedChange(const iam::AccountChange &change)
{
    // Membership lives on the user; undo restores a user without naming the groups
    // it left, so every count is refreshed (groups are few).
    if (change.entity == iam::AccountChange::Entity::User)
        refreshAllRows();
}
