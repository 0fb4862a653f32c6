#pragma once

// The edits of a managed policy's own pages (the Policies list and the policy
// details page) as undoable commands: each the AWS calls the console makes, as the
// document's signed-in caller. Hand the result to WorkspaceDocument::execute().
//
//   doc.execute(attachPolicyToEntitiesCommand(doc, arn, {{PrincipalKind::Role, "S3Access"}}));
//   // Edit > Undo "Attach AmazonS3ReadOnlyAccess to S3Access"
//
// Several entities at once are one command (one undo step) whose calls run in
// order; a refused call rolls back the earlier ones (ApiCommand).

#include "ApiCommand.h"
#include "PrincipalKind.h"

#include <QList>
#include <QString>

class WorkspaceDocument;

// A user, group or role holding a managed policy: as a permissions policy, or as
// its permissions boundary (users and roles only).
struct PolicyHolder
{
    PrincipalKind kind = PrincipalKind::User;
    QString name;
    bool boundary = false;
};

// DeletePolicyVersion for each version but the default, then DeletePolicy, as the
// console's Delete does. Refused with DeleteConflict while the policy is attached.
ApiCommand *deletePolicyCommand(WorkspaceDocument &doc, const QString &policyArn);

// SetDefaultPolicyVersion: the console's "Set as default" on the Policy versions tab.
ApiCommand *setDefaultPolicyVersionCommand(WorkspaceDocument &doc, const QString &policyArn,
                                           const QString &versionId);

// Attach<Kind>Policy per holder (Put<Kind>PermissionsBoundary for a boundary): the
// Entities attached tab's Attach.
ApiCommand *attachPolicyToEntitiesCommand(WorkspaceDocument &doc, const QString &policyArn,
                                          const QList<PolicyHolder> &holders);

// Detach<Kind>Policy per holder (Delete<Kind>PermissionsBoundary for a boundary):
// the Entities attached tab's Detach.
ApiCommand *detachPolicyFromEntitiesCommand(WorkspaceDocument &doc, const QString &policyArn,
                                            const QList<PolicyHolder> &holders);
