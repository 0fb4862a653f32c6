#include "GroupUsersModel.h"

#include "ConsoleTime.h"
#include "PrincipalActivity.h"
#include "WorkspaceDocument.h"

#include <algorithm>

GroupUsersModel::GroupUsersModel(WorkspaceDocument &document, const QString &groupName, QObject *parent)
    : RowListModel(document, parent)
    , m_groupName(groupName)
{
    reload();
}

QStringList GroupUsersModel::headers() const
{
    return {tr("User name"), tr("Last activity"), tr("Creation time")};
}

std::vector<RowListModel::Row> GroupUsersModel::currentRows() const
{
    const iam::Account &account = m_document.account();
    const std::string group = m_groupName.toStdString();
    std::vector<Row> rows;
    for (const iam::User &user : account.users()) {
        if (std::find(user.groups.begin(), user.groups.end(), group) == user.groups.end())
            continue;
        const QString name = QString::fromStdString(user.name);
        rows.push_back({name,
                        {name, lastActivityText(account, lastUserActivity(account, user)),
                         timeAgo(user.createDate, account.now())},
                        {}});
    }
    return rows;
}

bool GroupUsersModel::affectedBy(const iam::AccountChange &change) const
{
    using Entity = iam::AccountChange::Entity;
    if (change.entity == Entity::User || change.entity == Entity::Group)
        return true;
    if (change.entity != Entity::Event)
        return false;
    // Only a member's allowed call moves a row's last activity.
    const iam::Event *event = eventOfChange(m_document.account().eventLog(), change);
    const std::optional<EventPrincipal> principal = event && event->allowed ? eventPrincipal(event->callerArn)
                                                                            : std::nullopt;
    return principal && principal->entity == Entity::User && rowOf(QString::fromStdString(principal->name)) >= 0;
}
