#pragma once

// Deleting identities from their list pages, as undoable commands. IAM refuses to
// delete one that still holds something (DeleteConflict: "Cannot delete entity,
// must detach all policies first."); the refusal comes back in the outcome and
// nothing changes. Undo puts the identity back as it was, with its ids.
//
//   doc.execute(deleteRoleCommand(doc, "S3Access"));   // Edit > Undo "Delete role S3Access"

#include "ApiCommand.h"

class WorkspaceDocument;

ApiCommand *deleteRoleCommand(WorkspaceDocument &doc, const QString &roleName);
ApiCommand *deleteUserCommand(WorkspaceDocument &doc, const QString &userName);
ApiCommand *deleteGroupCommand(WorkspaceDocument &doc, const QString &groupName);
