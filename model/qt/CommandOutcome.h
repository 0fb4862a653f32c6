#pragma once

// What running an undoable command gave: success, or the AWS error that refused
// it ("AccessDenied", and the message the console shows in its red flash).

#include <QString>

struct CommandOutcome
{
    bool ok = true;
    QString errorCode;   // "AccessDenied", "EntityAlreadyExists", ...
    QString message;     // "User: arn:aws:iam::111122223333:user/lab-user is not authorized to perform: ..."
    QString operation;   // the call that failed: "CreateRole"
};
