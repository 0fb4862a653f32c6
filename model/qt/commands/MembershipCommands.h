#pragma once

// Group membership edits of several at once, as the console makes them: "Add user
// to groups" with three groups checked is three AddUserToGroup calls but one user
// edit, so one undo step; a refused call rolls back the ones before it.
// With a single name they are AccountCommands' addUserToGroupCommand (same text).

#include "ApiCommand.h"

#include <QStringList>

class WorkspaceDocument;

ApiCommand *addUserToGroupsCommand(WorkspaceDocument &doc, const QString &userName, const QStringList &groupNames);
ApiCommand *addUsersToGroupCommand(WorkspaceDocument &doc, const QString &groupName, const QStringList &userNames);
ApiCommand *removeUsersFromGroupCommand(WorkspaceDocument &doc, const QString &groupName, const QStringList &userNames);
