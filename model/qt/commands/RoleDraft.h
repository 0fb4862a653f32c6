#pragma once

// What the Create role wizard collects, page by page; Create role turns it into
// one command (createRoleCommand). Cancel drops it: nothing reaches the account
// before Finish.

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

struct RoleDraft
{
    QString name;
    QString path = QStringLiteral("/");
    QString description;
    QString trustPolicy;          // the AssumeRolePolicyDocument JSON
    int maxSessionDuration = 3600;
    QStringList policyArns;       // managed policies to attach, in the order chosen
    QString permissionsBoundary;  // a managed policy ARN, or empty
    QList<QPair<QString, QString>> tags;
    // The console makes an instance profile of the same name for a role EC2 may assume.
    bool createInstanceProfile = false;

    // What "Select trusted entity" suggests to the later steps of the Create role
    // wizard (not sent to AWS): the use case's role description and the policies it
    // pre-checks on "Add permissions". Empty when the trusted entity suggests none.
    QString suggestedDescription;
    QStringList suggestedPolicyArns;
    // Whether the trust policy was written by hand ("Custom trust policy").
    bool customTrustPolicy = false;
};
