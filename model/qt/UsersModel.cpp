#include "UsersModel.h"

#include "ConsoleTime.h"
#include "PrincipalActivity.h"
#include "WorkspaceDocument.h"

UsersModel::UsersModel(WorkspaceDocument &document, QObject *parent)
    : EntityListModel(document, parent)
{
    reload();
}

iam::AccountChange::Entity UsersModel::entity() const
{
    return iam::AccountChange::Entity::User;
}

std::vector<std::string> UsersModel::currentKeys() const
{
    std::vector<std::string> keys;
    for (const iam::User &user : m_document.account().users())
        keys.push_back(user.name);
    return keys;
}

QStringList UsersModel::headers() const
{
    return {tr("User name"), tr("Groups"), tr("Last activity"), tr("Creation time")};
}

QVariant UsersModel::cell(const std::string &key, int column, int role) const
{
    const iam::Account &account = m_document.account();
    const iam::User *user = account.findUser(key);
    if (!user)
        return {};
    const iam::Event *last = column == LastActivityColumn ? lastUserActivity(account, *user) : nullptr;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn: return QString::fromStdString(user->name);
        case GroupsColumn: return QString::number(user->groups.size());
        case LastActivityColumn: return lastActivityText(account, last);
        case CreationColumn: return timeAgo(user->createDate, account.now());
        }
    } else if (role == SortRole) {
        switch (column) {
        case NameColumn: return QString::fromStdString(user->name);
        case GroupsColumn: return int(user->groups.size());
        case LastActivityColumn: return last ? QString::fromStdString(last->time) : QString();
        case CreationColumn: return QString::fromStdString(user->createDate);
        }
    } else if (role == Qt::ToolTipRole) {
        switch (column) {
        case GroupsColumn: {
            QStringList names;
            for (const std::string &group : user->groups)
                names << QString::fromStdString(group);
            return names.join(QStringLiteral(", "));
        }
        case LastActivityColumn: return last ? consoleDateTime(last->time) : QVariant();
        case CreationColumn: return consoleDateTime(user->createDate);
        }
    }
    return {};
}

void UsersModel::relatedChange(const iam::AccountChange &change)
{
    // A user's last activity moves with each allowed call it makes.
    if (change.entity != iam::AccountChange::Entity::Event || change.kind != iam::AccountChange::Kind::Added)
        return;
    const iam::Event *event = eventOfChange(m_document.account().eventLog(), change);
    if (!event || !event->allowed)
        return;
    const std::optional<EventPrincipal> principal = eventPrincipal(event->callerArn);
    if (principal && principal->entity == iam::AccountChange::Entity::User)
        refreshRow(principal->name);
}
