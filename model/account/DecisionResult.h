#pragma once

// What DecisionBatch gives back: one row per request (action x resource, and for a
// trust policy per caller) with its outcome and deciding statements, and, for one
// row on demand, the explanation: the gates consulted and the statements that
// almost applied. Plain data, Qt-free.

#include "Authorizer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace iam {

struct DecisionRow
{
    // Who asks: empty for the principal in view; for a trust policy's rows the
    // caller that would assume the role ("ec2.amazonaws.com", "user/lab-user", "root").
    std::string caller;
    std::string action;      // "iam:PassRole", as the catalog spells it
    std::string resource;    // an ARN of the account, or "*"
    Outcome outcome = Outcome::ImplicitDeny;
    std::string reason;      // AWS's words for a denial, empty when allowed
    std::vector<DecidingStatement> deciding;
    bool keyAction = false;       // one of the walkthrough's key actions
    bool namedByPolicy = false;   // named by the edited policy (or covered by its wildcard)

    // Where the row's request stands in the run, to evaluate it again with a trace.
    std::uint32_t group = 0;
    std::uint32_t actionIndex = 0;
    std::uint32_t resourceIndex = 0;

    // Rows are kept sorted by (caller, action, resource): a key that stays put as
    // the text changes, so a view updates in place.
    static bool keyLess(const DecisionRow &a, const DecisionRow &b)
    {
        if (a.caller != b.caller)
            return a.caller < b.caller;
        if (a.action != b.action)
            return a.action < b.action;
        return a.resource < b.resource;
    }
    static bool sameKey(const DecisionRow &a, const DecisionRow &b)
    {
        return a.caller == b.caller && a.action == b.action && a.resource == b.resource;
    }
};

struct DecisionRun;   // the compiled policies and requests of one run (DecisionBatch.cpp)

struct DecisionResult
{
    // False when the edited policy has grammar errors (listed in policyErrors):
    // no rows then, and a live view keeps showing the last good ones.
    bool evaluated = false;
    Diagnostics policyErrors;
    std::vector<DecisionRow> rows;
    // What was left out: "`*` covers 22,091 actions: showing 1,500", ...
    std::vector<std::string> notes;
    // The source id the edited policy's statements carry in DecidingStatement::policy.
    std::string editedPolicySource;
    // Kept for explain(): immutable, shareable between threads.
    std::shared_ptr<const DecisionRun> run;
};

// A gate of the evaluation logic as the trace saw it, in AWS's order.
struct ConsultedGate
{
    std::string name;                    // "Identity-based policies", "Permissions boundary", ...
    std::string verdict;                 // "1 statement allows", "no statement applies"
    std::vector<std::string> policies;   // the policies consulted there, by source id
};

// A statement whose action matched but that did not apply, and why.
struct NearMiss
{
    DecidingStatement statement;
    Mismatch mismatch = Mismatch::Resource;
    std::string failed;   // "resource", "principal", "condition", "condition key"
    std::string detail;   // "`arn:...:role/Other` is not in Resource `arn:...:role/S3Access`"
};

struct DecisionExplanation
{
    bool valid = false;   // false: no such row
    std::string callerArn;
    std::string action;
    std::string resource;
    // Keys the request carries besides the principal's own (iam:PassedToService, ...).
    std::vector<std::pair<std::string, std::vector<std::string>>> requestContext;
    Outcome outcome = Outcome::ImplicitDeny;
    std::string reason;
    std::vector<DecidingStatement> deciding;
    std::vector<ConsultedGate> gates;
    std::vector<NearMiss> almostApplied;
    std::vector<std::string> missingContextKeys;
};

} // namespace iam
