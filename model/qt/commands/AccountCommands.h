#pragma once

// The console's edits as undoable commands, each made of the AWS calls the real
// console makes, as the document's signed-in caller, with its text in the
// console's words. Hand the result to WorkspaceDocument::execute().
//
//   doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, "S3Access",
//                                   "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
//   // Edit > Undo "Attach AmazonS3ReadOnlyAccess to S3Access"

#include "ApiCommand.h"
#include "PolicyDraft.h"
#include "PrincipalKind.h"
#include "RoleDraft.h"

class WorkspaceDocument;

// CreateRole (with tags and boundary), AttachRolePolicy per policy, and for a role
// EC2 may assume CreateInstanceProfile + AddRoleToInstanceProfile.
ApiCommand *createRoleCommand(WorkspaceDocument &doc, const RoleDraft &draft);
ApiCommand *createPolicyCommand(WorkspaceDocument &doc, const PolicyDraft &draft);
ApiCommand *createUserCommand(WorkspaceDocument &doc, const QString &userName);
ApiCommand *createGroupCommand(WorkspaceDocument &doc, const QString &groupName);

ApiCommand *attachPolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                const QString &policyArn);
// Several at once, as the console's Add permissions does: one undo step.
ApiCommand *attachPoliciesCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                  const QStringList &policyArns);
ApiCommand *detachPolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                const QString &policyArn);
ApiCommand *putInlinePolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                   const QString &policyName, const QString &document);
ApiCommand *deleteInlinePolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                      const QString &policyName);
// Users and roles only (groups have no boundary).
ApiCommand *setPermissionsBoundaryCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                          const QString &policyArn);
ApiCommand *removePermissionsBoundaryCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name);

ApiCommand *updateTrustPolicyCommand(WorkspaceDocument &doc, const QString &roleName, const QString &document);
ApiCommand *addUserToGroupCommand(WorkspaceDocument &doc, const QString &userName, const QString &groupName);
ApiCommand *removeUserFromGroupCommand(WorkspaceDocument &doc, const QString &userName, const QString &groupName);
// A new default version of a customer-managed policy (the console's Edit policy > Save changes).
ApiCommand *createPolicyVersionCommand(WorkspaceDocument &doc, const QString &policyArn, const QString &document);
