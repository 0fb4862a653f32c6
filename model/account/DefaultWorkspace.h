#pragma once

// The account a new workspace opens on: the starting point of the PassRole
// walkthrough (DESIGN.md, "The PassRole walkthrough"; lab 1).
//
//   account 111122223333, alias iam-studio-lab, the clock fixed at 2024-05-01T09:00:00Z
//   IAM user lab-user: an inline policy that lets it read its own user and change
//     its password, nothing more (no ec2:*, no iam:PassRole: the walkthrough
//     attaches IAM-User-Policy for those)
//   S3 bucket lab-bucket-111122223333 with a few objects (notes.txt, data/report.csv, ...)
//   EC2 instance i-0abc1234def567890 "lab-instance", running, with no IAM role
//   an empty event log; the console signed in as the account's root user
//
// Everything, ids included, is the same on every call, so a walkthrough replays
// identically.

#include "Account.h"

#include <memory>

namespace iam {

// The walkthrough's account. `awsManaged` (may be null) is the catalog the
// account resolves AWS-managed policies with.
std::unique_ptr<Account> defaultAccount(const AwsManagedPolicies *awsManaged);

// The administrator (the account's root user), who creates the role and the policy.
CallerIdentity defaultSignedIn();

} // namespace iam
