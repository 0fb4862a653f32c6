#pragma once

// Evaluate: one request (caller, action, resource, context) against the compiled
// policies in play, following the AWS policy evaluation logic
// (reference_policies_evaluation-logic.md): an explicit Deny in any policy wins;
// every RCP level and every SCP level must allow; then the resource-based policy and
// the identity-based policies decide, limited by the permissions boundary and the
// session policies, same-account or cross-account.
//
//   PolicySet inPlay;
//   inPlay.identity.push_back(compilePolicy(*parsed.document, "PolicyInputList.1", PolicyType::Identity));
//   Request request{"arn:aws:iam::111122223333:user/dana", "s3:GetObject",
//                   "arn:aws:s3:::lab-bucket/notes.txt", "", &context};
//   Decision decision = evaluate(inPlay, request);
//   decision.outcome == Outcome::Allowed;   // decision.matched: the deciding statements
//
// evaluate() is const and thread-safe: compiled policies and the context are only
// read. It parses nothing and, given a reused Decision, allocates only to grow it.

#include "CompiledPolicy.h"
#include "RequestContext.h"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

using PolicyPtr = std::shared_ptr<const CompiledPolicy>;

// The policies in play for a request. An empty list means that kind of policy is
// not in play (no boundary, no session policy, no SCPs, ...), as the spec says.
struct PolicySet
{
    std::vector<PolicyPtr> identity;
    std::vector<PolicyPtr> permissionsBoundary;
    std::vector<PolicyPtr> session;
    PolicyPtr resource;                               // bucket policy, trust policy, ... or null
    std::vector<std::vector<PolicyPtr>> scpLevels;    // root first; each level must allow
    std::vector<std::vector<PolicyPtr>> rcpLevels;    // root first; each level must allow
};

struct Request
{
    std::string_view callerArn;       // user, role, assumed-role session, account root, or a service principal name
    std::string_view action;          // "s3:GetObject", any case
    std::string_view resource;        // an ARN or "*"
    std::string_view resourceOwner;   // an account id or ARN; empty: from the resource ARN, else the caller's account
    const RequestContext *context = nullptr;   // may be null: no keys
};

enum class Outcome { Allowed, ExplicitDeny, ImplicitDeny };

// The gates of the evaluation logic, in AWS's order.
enum class Gate {
    None,
    ExplicitDeny,          // a Deny statement applied (see deniedByType)
    ResourceControl,       // an RCP level had no applicable Allow
    ServiceControl,        // an SCP level had no applicable Allow
    ResourceBased,         // cross-account: the resource-based policy did not allow
    IdentityBased,         // no identity-based (or same-account resource-based) Allow
    PermissionsBoundary,   // the boundary did not allow
    Session,               // the session policy did not allow
};

// "allowed", "explicitDeny", "implicitDeny": the EvalDecision words.
const char *outcomeName(Outcome outcome);

// A statement that decided (or, in a trace, was looked at).
struct StatementRef
{
    const CompiledPolicy *policy = nullptr;
    int statement = 0;   // index into policy->statements()

    const CompiledStatement &get() const { return policy->statements()[statement]; }
};

// Why a statement did not apply, for the trace.
enum class Mismatch {
    None,             // it applied
    Action,           // Action / NotAction did not cover the action
    Resource,         // Resource / NotResource did not cover the resource
    Principal,        // Principal / NotPrincipal did not cover the caller
    Condition,        // a condition clause was false
    ConditionMissingKey,   // a condition clause was false because its key is absent
};

struct TraceStatement
{
    StatementRef ref;
    Mismatch mismatch = Mismatch::None;
    int clause = -1;               // the failing condition clause, for Condition*
    std::string detail;            // e.g. "`aws:SourceIp` is `192.0.3.1`, not in `192.0.2.0/24`"
};

struct TracePolicy
{
    const CompiledPolicy *policy = nullptr;
    int level = -1;                // SCP/RCP level, -1 otherwise
    std::vector<TraceStatement> statements;
};

// Which gates of the evaluation logic were consulted, in AWS's order, and what each said.
struct TraceStep
{
    std::string name;              // "Explicit deny", "Resource control policies", ...
    std::string verdict;           // "no explicit deny", "level 2 has no Allow", ...
    std::vector<TracePolicy> policies;
};

struct Trace
{
    std::vector<TraceStep> steps;
};

struct Decision
{
    Outcome outcome = Outcome::ImplicitDeny;
    // The denying statements for ExplicitDeny, the allowing ones for Allowed, in
    // policy order; empty for ImplicitDeny.
    std::vector<StatementRef> matched;
    // Condition keys (and policy-variable keys) that a statement whose action,
    // resource and principal matched referred to, but the request did not supply;
    // each once, spelled as the policy spells it (policy-variable keys lowercased).
    // Views into the compiled policies: valid while they live.
    std::vector<std::string_view> missingContextKeys;
    // For a denial: the gate that denied, and for ExplicitDeny the kind of policy
    // holding the Deny. denialReason() turns them into AWS's words.
    Gate deniedBy = Gate::None;
    PolicyType deniedByType = PolicyType::Identity;
    // Filled only when asked for (EvaluationOptions::trace).
    Trace trace;

    void clear();
};

struct EvaluationOptions
{
    bool trace = false;
};

// AWS's wording of a denial, as in the AccessDenied message: "because no
// identity-based policy allows the s3:GetObject action", "with an explicit deny in
// a service control policy". Empty when allowed.
std::string denialReason(const Decision &decision, std::string_view action);

// Decides one request; `out` is cleared first and may be reused across calls to
// avoid allocation.
void evaluate(const PolicySet &policies, const Request &request, Decision &out,
              EvaluationOptions options = {});
Decision evaluate(const PolicySet &policies, const Request &request, EvaluationOptions options = {});

// Many requests that differ only in action and resource: the shape of a simulation
// (ActionNames x ResourceArns) and of the console's decision panels.
struct MatrixRequest
{
    std::string_view callerArn;
    std::span<const std::string> actions;
    std::span<const std::string> resources;
    std::string_view resourceOwner;
    const RequestContext *context = nullptr;
};

// Decides every action x resource pair (actions outer, resources inner), handing
// each decision to `sink` (valid only during the call). Same decisions as
// evaluate() per pair, faster: per-resource and per-action work is shared.
void evaluateMatrix(const PolicySet &policies, const MatrixRequest &request,
                    const std::function<void(std::size_t action, std::size_t resource, const Decision &)> &sink,
                    EvaluationOptions options = {});

} // namespace iam
