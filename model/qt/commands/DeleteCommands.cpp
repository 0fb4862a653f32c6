#include "DeleteCommands.h"

#include <QObject>

ApiCommand *deleteRoleCommand(WorkspaceDocument &doc, const QString &roleName)
{
    return new ApiCommand(doc, QObject::tr("Delete role %1").arg(roleName),
                          {{"iam", "DeleteRole", {{"RoleName", roleName.toStdString()}}}});
}

ApiCommand *deleteUserCommand(WorkspaceDocument &doc, const QString &userName)
{
    return new ApiCommand(doc, QObject::tr("Delete user %1").arg(userName),
                          {{"iam", "DeleteUser", {{"UserName", userName.toStdString()}}}});
}

ApiCommand *deleteGroupCommand(WorkspaceDocument &doc, const QString &groupName)
{
    return new ApiCommand(doc, QObject::tr("Delete user group %1").arg(groupName),
                          {{"iam", "DeleteGroup", {{"GroupName", groupName.toStdString()}}}});
}
