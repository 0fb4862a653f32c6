#pragma once

// The output of `aws iam get-account-authorization-details`, in and out: how a
// reviewer brings a real account's IAM configuration into IAM Studio, and how a
// simulated account goes to tools that read that format.
//
//   const std::string text = readFile("details.json");
//   Account account(authorizationDetailsAccountId(text).value_or("111122223333"), &catalog);
//   Diagnostics problems = importAuthorizationDetails(text, "details.json", account);
//   if (hasErrors(problems)) ...   // account unchanged
//   std::string out = exportAuthorizationDetails(account);
//
// Import reads UserDetailList, GroupDetailList, RoleDetailList (instance profiles
// come from each role's InstanceProfileList) and Policies. Policy documents may be
// URL-encoded strings (the API's raw form), JSON text, or JSON objects (the CLI's
// form). Policies entries with an AWS-managed ARN (arn:aws:iam::aws:policy/...) are
// references to the catalog, not customer policies. RoleLastUsed, AttachmentCount
// and other figures AWS derives are not imported.
//
// Export writes the same four lists, documents as JSON objects, with RoleLastUsed
// from the event log and the attached AWS-managed policies the catalog knows. Roles
// carry two fields the API's RoleDetail lacks when they are not the defaults,
// Description and MaxSessionDuration, so that nothing is lost on the way back.
// Instance profiles without a role are not in the format and are not exported.
//
// Not thread-safe with respect to the account (it is read or written whole).

#include "Account.h"
#include "Diagnostic.h"

#include <optional>
#include <string>
#include <string_view>

namespace iam {

// Replaces the IAM entities of `into` (users, groups, roles, customer policies,
// instance profiles) with those of the listing; EC2 instances, S3 buckets and the
// event log stay, and an instance whose profile is gone loses its association.
// Errors (malformed JSON, missing or ill-typed fields, references to entities or
// policies that do not exist, duplicate names) leave `into` untouched. When the
// listing is another account's, its customer-policy ARNs are rewritten to `into`'s
// account with a warning.
Diagnostics importAuthorizationDetails(std::string_view json, const std::string &source, Account &into);

// The account whose entities a listing holds (from the first entity ARN), or
// nullopt when it names none or is not JSON.
std::optional<std::string> authorizationDetailsAccountId(std::string_view json);

// The account's IAM entities as get-account-authorization-details prints them
// (two-space indentation).
std::string exportAuthorizationDetails(const Account &account);

} // namespace iam
