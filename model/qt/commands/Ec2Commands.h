#pragma once

// The EC2 console's edits as undoable commands, made of the calls the console
// makes, as the document's signed-in caller. Hand the result to
// WorkspaceDocument::execute() (or ConsolePage::runCommand()).
//
//   const IamRolePlan plan = planIamRoleChange(doc.account(), "i-0abc1234def567890", "S3Access");
//   CommandOutcome outcome = doc.execute(modifyIamRoleCommand(doc, plan));
//   // AssociateIamInstanceProfile (the instance had no role), with its iam:PassRole check;
//   // Edit > Undo "Attach IAM role S3Access to i-0abc1234def567890"

#include "ApiCommand.h"
#include "LaunchDraft.h"

#include <QStringList>

class WorkspaceDocument;
namespace iam { class Account; }

// RunInstances of one instance: the Name tag, and IamInstanceProfile {Name} when
// one is chosen (so EC2 checks iam:PassRole on its role).
ApiCommand *launchInstanceCommand(WorkspaceDocument &doc, const LaunchDraft &draft);
// The ids of the instances a successful launch command created.
QStringList launchedInstanceIds(const ApiCommand &command);

ApiCommand *startInstancesCommand(WorkspaceDocument &doc, const QStringList &instanceIds);
ApiCommand *stopInstancesCommand(WorkspaceDocument &doc, const QStringList &instanceIds);
ApiCommand *terminateInstancesCommand(WorkspaceDocument &doc, const QStringList &instanceIds);

// What "Update IAM role" does for the instance's current profile and the one chosen.
struct IamRolePlan
{
    enum class Change {
        None,          // the choice is what the instance has (or the instance is gone)
        Associate,     // no profile yet: AssociateIamInstanceProfile
        Replace,       // another profile: ReplaceIamInstanceProfileAssociation
        Disassociate,  // "No IAM Role": DisassociateIamInstanceProfile
    };

    Change change = Change::None;
    QString instanceId;
    QString profileName;        // the chosen one; empty for "No IAM Role"
    QString currentProfile;     // the instance's, or empty
    QString associationId;      // the instance's association, for Replace and Disassociate

    // The console's flash once it worked: "Successfully attached S3Access to instance i-...".
    QString successText() const;
};

IamRolePlan planIamRoleChange(const iam::Account &account, const QString &instanceId, const QString &profileName);
// nullptr when the plan changes nothing.
ApiCommand *modifyIamRoleCommand(WorkspaceDocument &doc, const IamRolePlan &plan);
