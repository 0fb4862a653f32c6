#include "MembershipCommands.h"

#include "AccountCommands.h"

#include <QObject>

namespace {

ApiCommand::Call membershipCall(const char *operation, const QString &userName, const QString &groupName)
{
    return {"iam", operation, {{"UserName", userName.toStdString()}, {"GroupName", groupName.toStdString()}}};
}

} // namespace

ApiCommand *addUserToGroupsCommand(WorkspaceDocument &doc, const QString &userName, const QStringList &groupNames)
{
    if (groupNames.size() == 1)
        return addUserToGroupCommand(doc, userName, groupNames.front());
    std::vector<ApiCommand::Call> calls;
    for (const QString &group : groupNames)
        calls.push_back(membershipCall("AddUserToGroup", userName, group));
    return new ApiCommand(doc, QObject::tr("Add %1 to %2 groups").arg(userName).arg(groupNames.size()),
                          std::move(calls));
}

ApiCommand *addUsersToGroupCommand(WorkspaceDocument &doc, const QString &groupName, const QStringList &userNames)
{
    if (userNames.size() == 1)
        return addUserToGroupCommand(doc, userNames.front(), groupName);
    std::vector<ApiCommand::Call> calls;
    for (const QString &user : userNames)
        calls.push_back(membershipCall("AddUserToGroup", user, groupName));
    return new ApiCommand(doc, QObject::tr("Add %1 users to %2").arg(userNames.size()).arg(groupName),
                          std::move(calls));
}

ApiCommand *removeUsersFromGroupCommand(WorkspaceDocument &doc, const QString &groupName, const QStringList &userNames)
{
    if (userNames.size() == 1)
        return removeUserFromGroupCommand(doc, userNames.front(), groupName);
    std::vector<ApiCommand::Call> calls;
    for (const QString &user : userNames)
        calls.push_back(membershipCall("RemoveUserFromGroup", user, groupName));
    return new ApiCommand(doc, QObject::tr("Remove %1 users from %2").arg(userNames.size()).arg(groupName),
                          std::move(calls));
}
