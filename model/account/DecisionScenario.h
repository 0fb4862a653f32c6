#pragma once

// What a decisions panel decides: for one principal, the actions a policy being
// edited names and the walkthrough's key actions, against the account's resources.
// Plain data; DecisionBatch turns it into requests and decisions.
//
//   DecisionScenario scenario;
//   scenario.principal = CallerIdentity::user("lab-user");
//   scenario.placement = EditedPolicyPlacement::ManagedPolicy;   // attached to lab-user
//   scenario.editedPolicyId = "arn:aws:iam::111122223333:policy/IAM-User-Policy";

#include "CallerIdentity.h"

#include <cstddef>
#include <string>
#include <vector>

namespace iam {

// Where the policy being edited sits, relative to the principal.
enum class EditedPolicyPlacement {
    None,                  // nothing edited: the principal's policies as they are
    InlinePolicy,          // an inline policy named editedPolicyId (replaces one of that name)
    ManagedPolicy,         // a managed policy attached to the principal; editedPolicyId is its
                           // ARN (replaces it wherever the principal has it) or empty (a new one)
    PermissionsBoundary,   // the principal's permissions boundary (replaces the current one)
    TrustPolicy,           // the trust policy of the role in view: who may assume it
};

struct DecisionScenario
{
    // The user, the role (as a session of it) or the root user whose requests are
    // decided. A role or user not (yet) in the account, as in the Create role
    // wizard, has no policies but the edited one and additionalPolicyArns.
    CallerIdentity principal;
    EditedPolicyPlacement placement = EditedPolicyPlacement::None;
    std::string editedPolicyId;
    // Managed policies to count as attached too (the Create role wizard's choices).
    std::vector<std::string> additionalPolicyArns;

    // The walkthrough's key actions (ListAllMyBuckets, PassRole, RunInstances, ...).
    bool includeKeyActions = true;
    // A pattern covering more actions than this ("*", "*:Get*") is cut, the
    // services of the account's resources first; a note says how many were left out.
    std::size_t maxActionsPerPattern = 1500;
    // An action is decided on at most this many of the account's resources.
    std::size_t maxResourcesPerAction = 50;

    // A role in view is decided as a session of it, named so.
    static CallerIdentity roleSession(std::string roleName) { return CallerIdentity::roleSession(std::move(roleName), "iam-studio"); }
};

} // namespace iam
