#include "Evaluator.h"

#include "Arn.h"
#include "ConditionMatcher.h"

#include <algorithm>
#include <array>

namespace iam {

const char *outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Allowed: return "allowed";
    case Outcome::ExplicitDeny: return "explicitDeny";
    case Outcome::ImplicitDeny: return "implicitDeny";
    }
    return "implicitDeny";
}

void Decision::clear()
{
    outcome = Outcome::ImplicitDeny;
    matched.clear();
    missingContextKeys.clear();
    deniedBy = Gate::None;
    deniedByType = PolicyType::Identity;
    trace.steps.clear();
}

namespace {

// How a resource-based policy's Principal named the caller; it decides whether the
// grant stands alone (reference_policies_evaluation-logic.md, "Evaluating
// identity-based policies with resource-based policies" and access_policies_boundaries.md).
enum class PrincipalMatch { None, Account, Role, Direct };

bool principalApplies(PolicyType type)
{
    return type == PolicyType::Resource || type == PolicyType::Trust || type == PolicyType::ResourceControl;
}

PrincipalMatch matchPrincipal(const CompiledPrincipal &principal, const Caller &caller)
{
    using Kind = CompiledPrincipal::AwsEntry::Kind;
    const bool service = caller.kind == Caller::Kind::Service;
    if (!principal.present)
        return PrincipalMatch::None;
    if (principal.negated) {
        // NotPrincipal names principals exactly: a role ARN does not cover its
        // sessions and an account covers only its root (reference_policies_elements_notprincipal.md).
        bool listed = principal.wildcard;
        for (const auto &entry : principal.aws) {
            if ((entry.kind == Kind::Any && !service)
                || (entry.kind == Kind::Account && caller.kind == Caller::Kind::AccountRoot && caller.account == entry.account)
                || ((entry.kind == Kind::Arn || entry.kind == Kind::Role) && caller.arn == entry.arn))
                listed = true;
        }
        for (const std::string &other : principal.others)
            listed = listed || caller.arn == other;
        return listed ? PrincipalMatch::None : PrincipalMatch::Direct;
    }
    if (principal.wildcard)
        return PrincipalMatch::Direct;
    PrincipalMatch best = PrincipalMatch::None;
    for (const auto &entry : principal.aws) {
        PrincipalMatch match = PrincipalMatch::None;
        switch (entry.kind) {
        case Kind::Any:
            match = service ? PrincipalMatch::None : PrincipalMatch::Direct;
            break;
        case Kind::Account:
            match = !service && caller.account == entry.account ? PrincipalMatch::Account : PrincipalMatch::None;
            break;
        case Kind::Role:
            // The role itself or any of its sessions: a grant through the role ARN,
            // which the boundary and session policies still limit.
            if (caller.arn == entry.arn
                || (caller.kind == Caller::Kind::AssumedRole && caller.account == entry.account
                    && caller.roleName == entry.roleName))
                match = PrincipalMatch::Role;
            break;
        case Kind::Arn:
            match = caller.arn == entry.arn ? PrincipalMatch::Direct : PrincipalMatch::None;
            break;
        }
        best = std::max(best, match);
    }
    for (const std::string &other : principal.others) {
        if (caller.arn == other)
            best = PrincipalMatch::Direct;
    }
    return best;
}

using ResourceMemo = std::vector<std::vector<std::uint8_t>>;

// Everything about the request that every statement needs, worked out once.
struct Subject
{
    const Request &request;
    std::string_view lowerAction;
    std::size_t colon = std::string_view::npos;
    const Caller &caller;
    const std::optional<ArnParts> &resourceArn;
    bool sameAccount = true;
    // evaluateMatrix(): whether each statement's Resource covers this resource,
    // per policy in visiting order (0 unknown, 1 covers, 2 does not), and the
    // number of policies visited so far in this evaluation.
    ResourceMemo *memo = nullptr;
    mutable std::size_t slot = 0;
};

struct Verdict
{
    Mismatch mismatch = Mismatch::None;
    PrincipalMatch principal = PrincipalMatch::Direct;
    int clause = -1;
    std::string_view missingKey;
};

bool coversResource(const CompiledStatement &statement, const Subject &subject, Decision &out, bool &sawMissingKey)
{
    const ArnParts *split = subject.resourceArn ? &*subject.resourceArn : nullptr;
    // A policy variable with no value makes the whole statement invalid, NotResource
    // included (reference_policies_variables.md: "any attempt to match it fails and
    // causes the statement to be invalid"), wherever it stands in the list.
    for (const ResourcePattern &pattern : statement.resources) {
        if (!pattern.variables)
            continue;
        thread_local std::string expanded;
        expanded.clear();
        std::string_view missing;
        if (!pattern.variables->expand(subject.request.context, expanded, missing)) {
            noteMissingKey(out, missing);
            sawMissingKey = true;
            return false;
        }
    }
    bool listed = false;
    for (const ResourcePattern &pattern : statement.resources) {
        std::string_view missing;
        if (pattern.matches(subject.request.resource, split, subject.request.context, missing)) {
            listed = true;
            break;
        }
    }
    return listed != statement.notResource;
}

// Resource, principal and condition checks of one statement whose action matched.
Verdict checkStatement(const CompiledPolicy &policy, const CompiledStatement &statement, const Subject &subject,
                       Decision &out, std::string *detail, std::uint8_t *memo = nullptr)
{
    Verdict verdict;
    if (statement.hasResource) {
        bool covered = memo && *memo == 1;
        if (!memo || *memo == 0) {
            bool sawMissingKey = false;
            covered = coversResource(statement, subject, out, sawMissingKey);
            // A missing policy variable is reported on every evaluation: not memoized.
            if (memo && !sawMissingKey)
                *memo = covered ? 1 : 2;
        }
        if (!covered) {
            verdict.mismatch = Mismatch::Resource;
            return verdict;
        }
    }
    if (principalApplies(policy.type())) {
        verdict.principal = matchPrincipal(statement.principal, subject.caller);
        if (verdict.principal == PrincipalMatch::None) {
            verdict.mismatch = Mismatch::Principal;
            return verdict;
        }
    }
    for (const CompiledCondition &condition : statement.conditions) {
        const ConditionOutcome result = evaluateCondition(condition, subject.request.context, out, detail);
        if (result != ConditionOutcome::True) {
            verdict.mismatch = result == ConditionOutcome::FalseMissingKey ? Mismatch::ConditionMissingKey
                                                                           : Mismatch::Condition;
            verdict.clause = condition.clause;
            return verdict;
        }
    }
    return verdict;
}

// What the statements of one kind of policy said.
struct Findings
{
    bool deny = false;
    bool allow = false;
    PrincipalMatch bestAllow = PrincipalMatch::None;   // resource policies: the strongest grant
    std::vector<StatementRef> denies;
    std::vector<StatementRef> allows;

    void clear()
    {
        deny = allow = false;
        bestAllow = PrincipalMatch::None;
        denies.clear();
        allows.clear();
    }
};

// The statements whose Action covers the last action asked of one policy. Requests
// come as actions x resources, so consecutive evaluations mostly ask the same.
struct ActionMemo
{
    std::uint64_t policy = 0;
    std::string action;
    std::vector<std::uint32_t> statements;
};

// Scratch space kept per thread so that evaluation allocates nothing once warm.
struct Scratch
{
    std::vector<ActionMemo> memos;   // one per recently seen policy
    std::size_t nextEviction = 0;
    std::string lowerAction;
    Findings identity, boundary, session, resource;
    std::vector<Findings> scp, rcp;
};

const std::vector<std::uint32_t> &statementsForAction(const CompiledPolicy &policy, const Subject &subject,
                                                     Scratch &scratch)
{
    constexpr std::size_t kMaxMemos = 64;
    ActionMemo *memo = nullptr;
    for (ActionMemo &candidate : scratch.memos) {
        if (candidate.policy == policy.id()) {
            if (candidate.action == subject.lowerAction)
                return candidate.statements;
            memo = &candidate;
            break;
        }
    }
    if (!memo) {
        if (scratch.memos.size() < kMaxMemos) {
            memo = &scratch.memos.emplace_back();
        } else {
            memo = &scratch.memos[scratch.nextEviction];
            scratch.nextEviction = (scratch.nextEviction + 1) % kMaxMemos;
        }
        memo->policy = policy.id();
    }
    memo->action.assign(subject.lowerAction);
    policy.statementsForAction(subject.lowerAction, subject.colon, memo->statements);
    return memo->statements;
}

void scanPolicy(const CompiledPolicy &policy, const Subject &subject, Scratch &scratch, Findings &findings,
                Decision &out, TracePolicy *trace)
{
    const auto record = [&](std::uint32_t index, const Verdict &verdict) {
        const CompiledStatement &statement = policy.statements()[index];
        if (verdict.mismatch != Mismatch::None)
            return;
        if (statement.isDeny()) {
            findings.deny = true;
            findings.denies.push_back({&policy, static_cast<int>(index)});
        } else {
            findings.allow = true;
            findings.bestAllow = std::max(findings.bestAllow, verdict.principal);
            findings.allows.push_back({&policy, static_cast<int>(index)});
        }
    };
    const std::size_t slot = subject.slot++;
    if (!trace) {
        std::uint8_t *memo = nullptr;
        if (subject.memo) {
            if (subject.memo->size() <= slot)
                subject.memo->resize(slot + 1);
            std::vector<std::uint8_t> &states = (*subject.memo)[slot];
            if (states.empty())
                states.resize(policy.statements().size(), 0);
            memo = states.data();
        }
        for (std::uint32_t index : statementsForAction(policy, subject, scratch))
            record(index, checkStatement(policy, policy.statements()[index], subject, out, nullptr,
                                         memo ? memo + index : nullptr));
        return;
    }
    // The trace looks at every statement and says what failed first.
    for (std::uint32_t index = 0; index < policy.statements().size(); ++index) {
        const CompiledStatement &statement = policy.statements()[index];
        TraceStatement line;
        line.ref = {&policy, static_cast<int>(index)};
        Verdict verdict;
        if (!statement.matchesAction(subject.lowerAction))
            verdict.mismatch = Mismatch::Action;
        else
            verdict = checkStatement(policy, statement, subject, out, &line.detail);
        line.mismatch = verdict.mismatch;
        line.clause = verdict.clause;
        if (verdict.mismatch == Mismatch::None && principalApplies(policy.type())
            && verdict.principal != PrincipalMatch::Direct && !statement.isDeny())
            line.detail = verdict.principal == PrincipalMatch::Role
                              ? "the principal matched through the session's role"
                              : "the principal matched through the caller's account";
        trace->statements.push_back(std::move(line));
        record(index, verdict);
    }
}

void scanAll(const std::vector<PolicyPtr> &policies, const Subject &subject, Scratch &scratch, Findings &findings,
             Decision &out, TraceStep *step, int level = -1)
{
    findings.clear();
    for (const PolicyPtr &policy : policies) {
        TracePolicy *trace = nullptr;
        if (step) {
            step->policies.push_back({policy.get(), level, {}});
            trace = &step->policies.back();
        }
        scanPolicy(*policy, subject, scratch, findings, out, trace);
    }
}

// The actions a role's trust policy governs: taking a session of the role, and
// what may travel with it (id_session-tags.md, id_credentials_temp_control-access_monitor.md).
bool assumesRole(std::string_view lowerAction)
{
    return lowerAction.starts_with("sts:assumerole") || lowerAction == "sts:tagsession"
        || lowerAction == "sts:setsourceidentity" || lowerAction == "sts:setcontext";
}

std::string_view accountOf(std::string_view text)
{
    if (isAccountId(text))
        return text;
    if (const auto split = splitArn(text))
        return split->account();
    return {};
}

// Each step's verdict, in words, once the decision is made.
void finishTrace(const Decision &out, Trace *trace)
{
    if (!trace)
        return;
    (void)out;
    for (TraceStep &step : trace->steps) {
        int allows = 0, denies = 0;
        std::vector<int> levelsWithoutAllow;
        int level = -1;
        bool levelAllows = true;
        for (const TracePolicy &policy : step.policies) {
            if (policy.level != level) {
                if (level >= 0 && !levelAllows)
                    levelsWithoutAllow.push_back(level + 1);
                level = policy.level;
                levelAllows = false;
            }
            for (const TraceStatement &statement : policy.statements) {
                if (statement.mismatch != Mismatch::None)
                    continue;
                if (statement.ref.get().isDeny()) {
                    ++denies;
                } else {
                    ++allows;
                    levelAllows = true;
                }
            }
        }
        if (level >= 0 && !levelAllows)
            levelsWithoutAllow.push_back(level + 1);
        if (denies > 0)
            step.verdict = std::to_string(denies) + (denies == 1 ? " statement denies" : " statements deny");
        else if (!levelsWithoutAllow.empty())
            step.verdict = "level " + std::to_string(levelsWithoutAllow.front()) + " has no statement that allows";
        else if (allows > 0)
            step.verdict = std::to_string(allows) + (allows == 1 ? " statement allows" : " statements allow");
        else
            step.verdict = "no statement applies";
    }
}

void append(std::vector<StatementRef> &to, const std::vector<StatementRef> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

// What a request's caller and resource say, read once (and once per matrix).
struct Parties
{
    Caller caller;
    std::optional<ArnParts> resourceArn;
    bool sameAccount = true;

    Parties(const Request &request)
        : caller(parseCaller(request.callerArn))
        , resourceArn(splitArn(request.resource))
    {
        std::string_view resourceAccount = accountOf(request.resourceOwner);
        if (resourceAccount.empty() && resourceArn)
            resourceAccount = resourceArn->account();
        sameAccount = caller.kind == Caller::Kind::Service || resourceAccount.empty() || caller.account.empty()
            || resourceAccount == caller.account;
    }
};

void evaluateOne(const PolicySet &policies, const Request &request, const Parties &parties, Decision &out,
                 EvaluationOptions options, ResourceMemo *memo)
{
    out.clear();
    thread_local Scratch scratch;

    // INVARIANT: the action is lowercased once here; compiled patterns are lowercase.
    scratch.lowerAction.assign(request.action);
    for (char &c : scratch.lowerAction)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    const Subject subject{request, scratch.lowerAction, scratch.lowerAction.find(':'), parties.caller,
                          parties.resourceArn, parties.sameAccount, options.trace ? nullptr : memo, 0};
    const bool service = subject.caller.kind == Caller::Kind::Service;

    Trace *trace = options.trace ? &out.trace : nullptr;
    const auto step = [&](const char *name) -> TraceStep * {
        if (!trace)
            return nullptr;
        trace->steps.push_back({name, {}, {}});
        return &trace->steps.back();
    };
    // Gathered in AWS's order; a trace keeps each step (pointers stay valid: reserved).
    if (trace)
        trace->steps.reserve(7);

    // Resource control policies, level by level (AWS Organizations: RCPs do not
    // apply to AWS service principals).
    scratch.rcp.resize(std::max(scratch.rcp.size(), policies.rcpLevels.size()));
    scratch.scp.resize(std::max(scratch.scp.size(), policies.scpLevels.size()));
    const bool organizations = !service;
    TraceStep *rcpStep = organizations && !policies.rcpLevels.empty() ? step("Resource control policies") : nullptr;
    if (organizations) {
        for (std::size_t level = 0; level < policies.rcpLevels.size(); ++level)
            scanAll(policies.rcpLevels[level], subject, scratch, scratch.rcp[level], out, rcpStep, static_cast<int>(level));
    }
    TraceStep *scpStep = organizations && !policies.scpLevels.empty() ? step("Service control policies") : nullptr;
    if (organizations) {
        for (std::size_t level = 0; level < policies.scpLevels.size(); ++level)
            scanAll(policies.scpLevels[level], subject, scratch, scratch.scp[level], out, scpStep, static_cast<int>(level));
    }
    Findings &resource = scratch.resource;
    resource.clear();
    if (policies.resource) {
        TraceStep *resourceStep = step("Resource-based policy");
        if (resourceStep)
            resourceStep->policies.push_back({policies.resource.get(), -1, {}});
        scanPolicy(*policies.resource, subject, scratch, resource, out,
                   resourceStep ? &resourceStep->policies.back() : nullptr);
    }
    // Identity-based policies, boundaries and session policies belong to IAM
    // principals; a service principal has none, and the root user's own-account
    // permissions are implicit.
    const bool iamPrincipal = !service;
    const bool root = subject.caller.kind == Caller::Kind::AccountRoot;
    Findings &identity = scratch.identity, &boundary = scratch.boundary, &session = scratch.session;
    identity.clear();
    boundary.clear();
    session.clear();
    if (iamPrincipal) {
        // The root user's identity permission is implicit, but a Deny given for it still applies.
        scanAll(policies.identity, subject, scratch, identity, out, step("Identity-based policies"));
    }
    if (iamPrincipal && !root) {
        if (!policies.permissionsBoundary.empty())
            scanAll(policies.permissionsBoundary, subject, scratch, boundary, out, step("Permissions boundary"));
        if (!policies.session.empty())
            scanAll(policies.session, subject, scratch, session, out, step("Session policies"));
    }

    // 1. An explicit Deny in any policy wins.
    const auto denyFrom = [&](const Findings &findings, PolicyType type) {
        if (!findings.deny)
            return;
        if (out.outcome != Outcome::ExplicitDeny) {
            out.outcome = Outcome::ExplicitDeny;
            out.deniedBy = Gate::ExplicitDeny;
            out.deniedByType = type;
        }
        append(out.matched, findings.denies);
    };
    for (std::size_t level = 0; organizations && level < policies.rcpLevels.size(); ++level)
        denyFrom(scratch.rcp[level], PolicyType::ResourceControl);
    for (std::size_t level = 0; organizations && level < policies.scpLevels.size(); ++level)
        denyFrom(scratch.scp[level], PolicyType::ServiceControl);
    denyFrom(resource, policies.resource ? policies.resource->type() : PolicyType::Resource);
    denyFrom(identity, PolicyType::Identity);
    denyFrom(boundary, PolicyType::PermissionsBoundary);
    denyFrom(session, PolicyType::Session);
    if (out.outcome == Outcome::ExplicitDeny)
        return finishTrace(out, trace);

    const auto deny = [&](Gate gate) {
        out.outcome = Outcome::ImplicitDeny;
        out.deniedBy = gate;
        out.matched.clear();
        finishTrace(out, trace);
    };
    // 2. Every RCP level, then every SCP level, must allow.
    for (std::size_t level = 0; organizations && level < policies.rcpLevels.size(); ++level) {
        if (!scratch.rcp[level].allow)
            return deny(Gate::ResourceControl);
    }
    for (std::size_t level = 0; organizations && level < policies.scpLevels.size(); ++level) {
        if (!scratch.scp[level].allow)
            return deny(Gate::ServiceControl);
    }

    // 3. The resource-based policy and the identity's own policies.
    const bool boundaryAllows = policies.permissionsBoundary.empty() || root || boundary.allow;
    const bool sessionAllows = policies.session.empty() || root || session.allow;
    const bool identityAllows = root || identity.allow;
    const auto allow = [&](std::initializer_list<const Findings *> deciding) {
        out.outcome = Outcome::Allowed;
        for (const Findings *findings : deciding)
            append(out.matched, findings->allows);
        finishTrace(out, trace);
    };
    if (service) {
        if (resource.allow)
            return allow({&resource});
        return deny(Gate::ResourceBased);
    }
    if (subject.sameAccount) {
        // A grant to the user or session ARN itself stands alone; one through the
        // role ARN is still limited by the boundary and the session policy; one to
        // the account only delegates to the account's own IAM policies.
        if (resource.bestAllow == PrincipalMatch::Direct)
            return allow({&resource});
        // Assuming a role always needs its trust policy's consent, in the same
        // account too (id_roles_manage-assume.md: the role's trust policy must allow).
        if (assumesRole(subject.lowerAction) && !resource.allow)
            return deny(Gate::ResourceBased);
        const bool roleGrant = resource.bestAllow == PrincipalMatch::Role;
        if (!identityAllows && !roleGrant)
            return deny(Gate::IdentityBased);
        if (!boundaryAllows)
            return deny(Gate::PermissionsBoundary);
        if (!sessionAllows)
            return deny(Gate::Session);
        return allow({&resource, &identity, &boundary, &session});
    }
    // Cross-account: the resource's account must allow, and so must the caller's.
    if (!resource.allow)
        return deny(Gate::ResourceBased);
    if (!identityAllows)
        return deny(Gate::IdentityBased);
    if (!boundaryAllows)
        return deny(Gate::PermissionsBoundary);
    if (!sessionAllows)
        return deny(Gate::Session);
    return allow({&resource, &identity, &boundary, &session});
}

} // namespace

void evaluate(const PolicySet &policies, const Request &request, Decision &out, EvaluationOptions options)
{
    evaluateOne(policies, request, Parties(request), out, options, nullptr);
}

void evaluateMatrix(const PolicySet &policies, const MatrixRequest &request,
                    const std::function<void(std::size_t, std::size_t, const Decision &)> &sink,
                    EvaluationOptions options)
{
    // The same policies, caller and context for every pair: what a statement's
    // Resource says of a resource is worked out once per resource, and what its
    // Action says of an action once per action (see statementsForAction()).
    std::vector<ResourceMemo> memos(request.resources.size());
    std::vector<Parties> parties;
    parties.reserve(request.resources.size());
    for (const std::string &resource : request.resources)
        parties.emplace_back(Request{request.callerArn, {}, resource, request.resourceOwner, request.context});
    Decision decision;
    for (std::size_t a = 0; a < request.actions.size(); ++a) {
        for (std::size_t r = 0; r < request.resources.size(); ++r) {
            const Request one{request.callerArn, request.actions[a], request.resources[r], request.resourceOwner,
                              request.context};
            evaluateOne(policies, one, parties[r], decision, options, &memos[r]);
            sink(a, r, decision);
        }
    }
}

Decision evaluate(const PolicySet &policies, const Request &request, EvaluationOptions options)
{
    Decision decision;
    evaluate(policies, request, decision, options);
    return decision;
}

std::string denialReason(const Decision &decision, std::string_view action)
{
    const auto kind = [](PolicyType type) -> const char * {
        switch (type) {
        case PolicyType::Identity: return "an identity-based policy";
        case PolicyType::Resource:
        case PolicyType::Trust: return "a resource-based policy";
        case PolicyType::PermissionsBoundary: return "a permissions boundary";
        case PolicyType::Session: return "a session policy";
        case PolicyType::ServiceControl: return "a service control policy";
        case PolicyType::ResourceControl: return "a resource control policy";
        }
        return "a policy";
    };
    const auto none = [&](const char *what) {
        return std::string("because no ") + what + " allows the " + std::string(action) + " action";
    };
    switch (decision.deniedBy) {
    case Gate::None: return {};
    case Gate::ExplicitDeny: return std::string("with an explicit deny in ") + kind(decision.deniedByType);
    case Gate::ResourceControl: return none("resource control policy");
    case Gate::ServiceControl: return none("service control policy");
    case Gate::ResourceBased: return none("resource-based policy");
    case Gate::IdentityBased: return none("identity-based policy");
    case Gate::PermissionsBoundary: return none("permissions boundary");
    case Gate::Session: return none("session policy");
    }
    return {};
}

} // namespace iam
