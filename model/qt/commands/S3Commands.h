#pragma once

// The S3 console's edits as undoable commands: the S3 calls the console makes, as
// the document's signed-in caller, with the console's words as their text. Hand
// the result to WorkspaceDocument::execute(); a refusal (AccessDenied,
// MalformedPolicy, BucketAlreadyOwnedByYou, ...) changes nothing.
//
//   doc.execute(putBucketPolicyCommand(doc, "lab-bucket-111122223333", policyJson));
//   // Edit > Undo "Edit bucket policy of lab-bucket-111122223333"

#include "ApiCommand.h"

class WorkspaceDocument;

// PutBucketPolicy with the policy's text as written.
ApiCommand *putBucketPolicyCommand(WorkspaceDocument &doc, const QString &bucket, const QString &policy);
ApiCommand *deleteBucketPolicyCommand(WorkspaceDocument &doc, const QString &bucket);
// CreateBucket; a Region other than us-east-1 goes in CreateBucketConfiguration,
// as the API requires.
ApiCommand *createBucketCommand(WorkspaceDocument &doc, const QString &bucket, const QString &region = {});
ApiCommand *deleteBucketCommand(WorkspaceDocument &doc, const QString &bucket);
ApiCommand *putObjectCommand(WorkspaceDocument &doc, const QString &bucket, const QString &key,
                             const QByteArray &body);
ApiCommand *deleteObjectCommand(WorkspaceDocument &doc, const QString &bucket, const QString &key);
