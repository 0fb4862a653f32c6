#pragma once

// IAM's rules for user, group and role names, with the console's hint and messages,
// so a dialog can say what is wrong before any call is made. IAM enforces the same
// rules again on the call (AccountApi); this is the learner's early warning.
//
//   principalNameProblem(PrincipalKind::User, "lab user")
//       // "The user name contains characters that are not allowed."

#include "PrincipalKind.h"

#include <QString>

// The hint the console prints under the name field.
QString principalNameHint(PrincipalKind kind);
// Empty when IAM accepts the name; else what is wrong, in one sentence.
QString principalNameProblem(PrincipalKind kind, const QString &name);
// IAM's length limit: 64 for users and roles, 128 for groups.
int principalNameMaxLength(PrincipalKind kind);
