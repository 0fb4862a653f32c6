#pragma once

// The PassRole walkthrough's account for the EC2 suites (model and widgets): as
// root, role S3Access (trusts EC2, AmazonS3ReadOnlyAccess, instance profile of the
// same name) and IAM-User-Policy attached to lab-user; then lab-user signs in.
// `withPassRole` false drops the policy's iam:PassRole statement (the negative path).

#include "AccountCommands.h"
#include "WorkspaceDocument.h"

#include <QString>

namespace ec2test {

inline const QString kInstanceId = QStringLiteral("i-0abc1234def567890");
inline const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
inline const QString kS3AccessArn = QStringLiteral("arn:aws:iam::111122223333:role/S3Access");

inline bool createEc2Role(WorkspaceDocument &doc, const QString &name, bool withProfile = true)
{
    RoleDraft draft;
    draft.name = name;
    draft.trustPolicy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
    draft.policyArns = {kS3ReadOnly};
    draft.createInstanceProfile = withProfile;
    return doc.execute(createRoleCommand(doc, draft)).ok;
}

inline QString userPolicy(bool withPassRole)
{
    const QString passRole = QStringLiteral(R"(, {"Effect": "Allow", "Action": "iam:PassRole",
        "Resource": "arn:aws:iam::111122223333:role/S3Access"})");
    return QStringLiteral(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}%1]})")
        .arg(withPassRole ? passRole : QString());
}

// Leaves lab-user signed in. Returns false when a setup step was refused.
inline bool prepareWalkthrough(WorkspaceDocument &doc, bool withPassRole = true)
{
    doc.setSignedIn(iam::CallerIdentity::root());
    if (!createEc2Role(doc, QStringLiteral("S3Access")))
        return false;
    PolicyDraft policy;
    policy.name = QStringLiteral("IAM-User-Policy");
    policy.document = userPolicy(withPassRole);
    if (!doc.execute(createPolicyCommand(doc, policy)).ok)
        return false;
    if (!doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"),
                                         QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy")))
             .ok)
        return false;
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    return true;
}

inline const iam::Ec2Instance &instance(const WorkspaceDocument &doc, const QString &id = kInstanceId)
{
    static const iam::Ec2Instance none;
    const iam::Ec2Instance *found = doc.account().findInstance(id.toStdString());
    return found ? *found : none;
}

} // namespace ec2test
