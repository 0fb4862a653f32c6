#pragma once

// One command line run in the terminal: what it printed, its exit status, and the
// authorizations its API calls needed (the decisions the terminal shows beside it).

#include "Authorizer.h"

#include <string>
#include <vector>

namespace iam {

struct ShellRun
{
    std::string commandLine;
    int exitCode = 0;          // the AWS CLI's: 0 ok, 252 usage, 253 no credentials, 254 service error, ...
    std::string out;           // standard output, as printed (ends with a newline when non-empty)
    std::string err;           // standard error, as printed
    std::string callerArn;     // whom the API calls ran as; empty when none were made
    std::vector<std::string> calls;                  // "s3:ListBuckets", in order
    std::vector<AuthorizationCheck> authorizations;  // every check those calls made, in order
    bool clearScreen = false;  // `clear`: the terminal empties its screen

    bool madeCalls() const { return !calls.empty(); }
    // Every authorization allowed (true when no call was made).
    bool allowed() const
    {
        for (const AuthorizationCheck &check : authorizations)
            if (!check.allowed())
                return false;
        return true;
    }
};

} // namespace iam
