#pragma once

// One command line as the terminal ran it: where and as whom, what it printed, and
// the authorizations its API calls needed (the decision shown beside it).

#include "Authorizer.h"

#include <QString>
#include <QStringList>

#include <vector>

struct TerminalEntry
{
    QString contextLabel;   // "Local machine (lab-user)", "EC2 instance i-... (lab-instance)"
    QString prompt;         // "lab-user@laptop:~$ ", as shown before the command
    QString commandLine;
    QString out;            // standard output, as printed
    QString err;            // standard error, as printed
    int exitCode = 0;
    QString callerArn;      // whom the API calls ran as; empty when none were made
    QStringList calls;      // "s3:ListBuckets", in order
    std::vector<iam::AuthorizationCheck> authorizations;

    bool madeCalls() const { return !calls.isEmpty(); }
    // Every authorization allowed (true when no call was made).
    bool allowed() const
    {
        for (const iam::AuthorizationCheck &check : authorizations)
            if (!check.allowed())
                return false;
        return true;
    }
};
