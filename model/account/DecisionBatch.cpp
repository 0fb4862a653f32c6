#include "DecisionBatch.h"

#include "Account.h"
#include "Authorizer.h"
#include "PolicyParser.h"

#include <algorithm>
#include <set>

namespace iam {

// One caller whose requests are decided: the principal in view, or for a trust
// policy each caller that might assume the role.
struct DecisionBatch::Subject
{
    std::string label;       // DecisionRow::caller
    std::string callerArn;
    PolicySet policies;      // the caller's policies in play, without the edited one
    std::shared_ptr<const RequestContext> contexts[2];   // by DecisionContext
    ExtraContext extras[2];
};

// What explain() needs of a run: the policy sets (the edited policy included) and
// the requests, by group. Immutable once built.
struct DecisionRun
{
    struct Caller
    {
        std::string callerArn;
        PolicySet policies;
        std::shared_ptr<const RequestContext> contexts[2];
        ExtraContext extras[2];
    };
    struct Group
    {
        std::uint32_t caller = 0;
        DecisionContext context = DecisionContext::Principal;
        std::vector<std::string> actions;
        std::vector<std::string> resources;
    };
    std::string resourceOwner;
    std::vector<Caller> callers;
    std::vector<Group> groups;
};

namespace {

constexpr const char *kEc2Principal = "ec2.amazonaws.com";

DecidingStatement decidingStatement(const StatementRef &ref)
{
    const CompiledStatement &statement = ref.get();
    return {ref.policy->sourceId(), statement.sid, statement.isDeny(), statement.range.start.line,
            statement.range.start.column};
}

std::string ownerPrefix(const CallerIdentity &principal)
{
    switch (principal.kind) {
    case CallerIdentity::Kind::User: return "user/" + principal.name;
    case CallerIdentity::Kind::RoleSession: return "role/" + principal.name;
    case CallerIdentity::Kind::Root: return "root";
    }
    return {};
}

std::string quotedList(const std::vector<ResourcePattern> &patterns)
{
    std::string text;
    for (const ResourcePattern &pattern : patterns)
        text += (text.empty() ? "`" : ", `") + pattern.text + "`";
    return text;
}

NearMiss nearMiss(const TraceStatement &traced, const Request &request)
{
    const CompiledStatement &statement = traced.ref.get();
    NearMiss miss;
    miss.statement = decidingStatement(traced.ref);
    miss.mismatch = traced.mismatch;
    const std::string resource = "`" + std::string(request.resource) + "`";
    switch (traced.mismatch) {
    case Mismatch::Resource:
        miss.failed = "resource";
        miss.detail = statement.notResource ? resource + " is listed in NotResource " + quotedList(statement.resources)
                                            : resource + " is not in Resource " + quotedList(statement.resources);
        break;
    case Mismatch::Principal:
        miss.failed = "principal";
        miss.detail = "`" + std::string(request.callerArn) + "` is "
            + (statement.principal.negated ? "named in NotPrincipal" : "not named in Principal");
        break;
    case Mismatch::Condition:
    case Mismatch::ConditionMissingKey:
        miss.failed = traced.mismatch == Mismatch::Condition ? "condition" : "condition key";
        for (const CompiledCondition &condition : statement.conditions) {
            if (condition.clause == traced.clause) {
                miss.detail = "`" + condition.operatorName + "` on `" + condition.key + "`";
                break;
            }
        }
        if (!traced.detail.empty())
            miss.detail += (miss.detail.empty() ? "" : ": ") + traced.detail;
        break;
    case Mismatch::None:
    case Mismatch::Action:
        break;
    }
    return miss;
}

} // namespace

DecisionBatch::DecisionBatch(const Account &account, const ServiceCatalog *catalog, DecisionScenario scenario)
    : m_scenario(std::move(scenario))
{
    const CallerIdentity &principal = m_scenario.principal;
    const Authorizer authorizer(account);
    const std::string owner = ownerPrefix(principal);

    // The edited policy's source id is the one Authorizer gives the policy it
    // replaces, so that deciding statements name it as the account would.
    std::string replaced;
    switch (m_scenario.placement) {
    case EditedPolicyPlacement::None:
        break;
    case EditedPolicyPlacement::InlinePolicy:
        m_editedSource = owner + " inline policy "
            + (m_scenario.editedPolicyId.empty() ? std::string("(new)") : m_scenario.editedPolicyId);
        replaced = m_editedSource;
        break;
    case EditedPolicyPlacement::ManagedPolicy:
        m_editedSource = m_scenario.editedPolicyId.empty() ? std::string("New policy") : m_scenario.editedPolicyId;
        replaced = m_scenario.editedPolicyId;
        break;
    case EditedPolicyPlacement::PermissionsBoundary:
        m_editedType = PolicyType::PermissionsBoundary;
        m_editedSource = m_scenario.editedPolicyId.empty() ? owner + " permissions boundary" : m_scenario.editedPolicyId;
        break;
    case EditedPolicyPlacement::TrustPolicy:
        m_editedType = PolicyType::Trust;
        m_editedSource = "role/" + principal.name + " trust policy";
        break;
    }

    if (m_scenario.placement == EditedPolicyPlacement::TrustPolicy) {
        Role role;
        role.name = principal.name;
        if (const Role *existing = account.findRole(principal.name))
            role.path = existing->path;
        m_roleArn = account.roleArn(role);
        addTrustCallers(account);
    } else {
        Subject subject;
        subject.callerArn = account.callerArn(principal);
        subject.policies = authorizer.policiesFor(principal);
        if (!replaced.empty())
            std::erase_if(subject.policies.identity,
                          [&](const PolicyPtr &policy) { return policy->sourceId() == replaced; });
        if (m_scenario.placement == EditedPolicyPlacement::PermissionsBoundary)
            subject.policies.permissionsBoundary.clear();
        for (const std::string &arn : m_scenario.additionalPolicyArns) {
            if (const auto document = account.managedPolicyDocument(arn)) {
                if (PolicyPtr compiled = account.compiled(*document, arn, PolicyType::Identity))
                    subject.policies.identity.push_back(std::move(compiled));
            }
        }
        subject.extras[1] = {{"iam:PassedToService", {kEc2Principal}}};
        for (int c = 0; c < 2; ++c)
            subject.contexts[c] = std::make_shared<const RequestContext>(authorizer.contextFor(principal, subject.extras[c]));
        m_subjects.push_back(std::move(subject));
    }
    m_planner = std::make_unique<DecisionPlanner>(catalog, AccountResources::capture(account), m_scenario);
}

DecisionBatch::~DecisionBatch() = default;

// Who might assume the role: EC2 (the walkthrough's trusted entity), the account's
// root user and its IAM users (each with its own policies: in the same account a
// trust policy that names the account delegates to them).
void DecisionBatch::addTrustCallers(const Account &account)
{
    const Authorizer authorizer(account);
    Subject ec2;
    ec2.label = ec2.callerArn = kEc2Principal;
    ec2.contexts[0] = ec2.contexts[1] = std::make_shared<const RequestContext>();
    m_subjects.push_back(std::move(ec2));

    std::vector<CallerIdentity> callers{CallerIdentity::root()};
    for (const User &user : account.users()) {
        if (callers.size() > m_scenario.maxResourcesPerAction)
            break;
        callers.push_back(CallerIdentity::user(user.name));
    }
    for (const CallerIdentity &caller : callers) {
        Subject subject;
        subject.label = caller.kind == CallerIdentity::Kind::Root ? std::string("root") : "user/" + caller.name;
        subject.callerArn = account.callerArn(caller);
        subject.policies = authorizer.policiesFor(caller);
        subject.contexts[0] = subject.contexts[1] = std::make_shared<const RequestContext>(authorizer.contextFor(caller));
        m_subjects.push_back(std::move(subject));
    }
}

std::vector<std::string> DecisionBatch::namedPatterns(const PolicyDocument *document) const
{
    std::vector<std::string> patterns;
    if (!document)
        return patterns;
    // Action and NotAction both name actions: a NotAction's are the ones it leaves out.
    for (const Statement &statement : document->statements) {
        for (const LocatedString &action : statement.actions)
            patterns.push_back(action.text);
    }
    return patterns;
}

DecisionResult DecisionBatch::run(std::string_view policyText) const
{
    DecisionResult result;
    result.editedPolicySource = m_editedSource;
    const bool editing = m_scenario.placement != EditedPolicyPlacement::None;
    const bool trust = m_scenario.placement == EditedPolicyPlacement::TrustPolicy;

    PolicyPtr edited;
    std::vector<std::string> patterns;
    std::vector<std::string> namedServices;
    if (editing) {
        ParseResult parsed = parsePolicy(policyText, m_editedSource);
        if (!parsed.ok()) {
            for (Diagnostic &diagnostic : parsed.diagnostics) {
                if (diagnostic.severity == Diagnostic::Severity::Error)
                    result.policyErrors.push_back(std::move(diagnostic));
            }
            return result;
        }
        edited = compilePolicy(*parsed.document, m_editedSource, m_editedType);
        patterns = namedPatterns(&*parsed.document);
        for (const Statement &statement : parsed.document->statements) {
            for (const LocatedString &service : statement.principal.service)
                namedServices.push_back(service.text);
        }
    }

    auto run = std::make_shared<DecisionRun>();
    run->resourceOwner = m_planner->resources().accountId;
    const auto addCaller = [&](const Subject &subject) {
        DecisionRun::Caller caller;
        caller.callerArn = subject.callerArn;
        caller.policies = subject.policies;
        for (int c = 0; c < 2; ++c) {
            caller.contexts[c] = subject.contexts[c];
            caller.extras[c] = subject.extras[c];
        }
        if (edited) {
            switch (m_scenario.placement) {
            case EditedPolicyPlacement::InlinePolicy:
            case EditedPolicyPlacement::ManagedPolicy: caller.policies.identity.push_back(edited); break;
            case EditedPolicyPlacement::PermissionsBoundary: caller.policies.permissionsBoundary = {edited}; break;
            case EditedPolicyPlacement::TrustPolicy: caller.policies.resource = edited; break;
            case EditedPolicyPlacement::None: break;
            }
        }
        run->callers.push_back(std::move(caller));
    };
    std::vector<std::string> labels;
    for (const Subject &subject : m_subjects) {
        addCaller(subject);
        labels.push_back(subject.label);
    }
    if (trust) {
        // The services the trust policy names may assume the role too.
        std::set<std::string> known(labels.begin(), labels.end());
        for (const std::string &service : namedServices) {
            if (!known.insert(service).second)
                continue;
            Subject subject;
            subject.label = subject.callerArn = service;
            subject.contexts[0] = subject.contexts[1] = std::make_shared<const RequestContext>();
            addCaller(subject);
            labels.push_back(service);
        }
    }

    DecisionPlan plan;
    if (trust) {
        // A trust policy governs taking a session of the role: its actions on the role.
        PlannedGroup group;
        std::vector<std::string> actions = m_planner->expand(patterns, plan.notes);
        std::erase_if(actions, [](const std::string &action) { return action == "sts:AssumeRole"; });
        actions.insert(actions.begin(), "sts:AssumeRole");
        group.actions = std::move(actions);
        group.flags.assign(group.actions.size(), PlannedGroup::NamedByPolicy);
        group.resources = {m_roleArn};
        plan.groups.push_back(std::move(group));
    } else {
        plan = m_planner->plan(patterns, m_scenario.includeKeyActions);
    }
    result.notes = std::move(plan.notes);

    for (std::uint32_t c = 0; c < run->callers.size(); ++c) {
        for (const PlannedGroup &planned : plan.groups) {
            DecisionRun::Group group{c, planned.context, planned.actions, planned.resources};
            const auto index = static_cast<std::uint32_t>(run->groups.size());
            const DecisionRun::Caller &caller = run->callers[c];
            const MatrixRequest request{caller.callerArn, group.actions, group.resources, run->resourceOwner,
                                        caller.contexts[static_cast<int>(group.context)].get()};
            evaluateMatrix(caller.policies, request, [&](std::size_t a, std::size_t r, const Decision &decision) {
                DecisionRow row;
                row.caller = labels[c];
                row.action = group.actions[a];
                row.resource = group.resources[r];
                row.outcome = decision.outcome;
                row.reason = denialReason(decision, row.action);
                for (const StatementRef &ref : decision.matched)
                    row.deciding.push_back(decidingStatement(ref));
                row.keyAction = planned.flags[a] & PlannedGroup::KeyAction;
                row.namedByPolicy = planned.flags[a] & PlannedGroup::NamedByPolicy;
                row.group = index;
                row.actionIndex = static_cast<std::uint32_t>(a);
                row.resourceIndex = static_cast<std::uint32_t>(r);
                result.rows.push_back(std::move(row));
            });
            run->groups.push_back(std::move(group));
        }
    }
    std::sort(result.rows.begin(), result.rows.end(), DecisionRow::keyLess);
    // Two patterns may reach one request through different groups only for a
    // trust policy's extra callers; keep the first.
    result.rows.erase(std::unique(result.rows.begin(), result.rows.end(), DecisionRow::sameKey), result.rows.end());
    result.run = std::move(run);
    result.evaluated = true;
    return result;
}

DecisionExplanation DecisionBatch::explain(const DecisionResult &result, std::size_t row)
{
    if (row >= result.rows.size())
        return {};
    return explain(result, result.rows[row]);
}

DecisionExplanation DecisionBatch::explain(const DecisionResult &result, const DecisionRow &decided)
{
    DecisionExplanation why;
    if (!result.run || decided.group >= result.run->groups.size())
        return why;
    const DecisionRun &run = *result.run;
    const DecisionRun::Group &group = run.groups[decided.group];
    const DecisionRun::Caller &caller = run.callers[group.caller];
    const int context = static_cast<int>(group.context);
    const Request request{caller.callerArn, group.actions[decided.actionIndex], group.resources[decided.resourceIndex],
                          run.resourceOwner, caller.contexts[context].get()};
    const Decision decision = evaluate(caller.policies, request, EvaluationOptions{true});

    why.valid = true;
    why.callerArn = caller.callerArn;
    why.action = std::string(request.action);
    why.resource = std::string(request.resource);
    why.requestContext = caller.extras[context];
    why.outcome = decision.outcome;
    why.reason = denialReason(decision, request.action);
    for (const StatementRef &ref : decision.matched)
        why.deciding.push_back(decidingStatement(ref));
    for (const TraceStep &step : decision.trace.steps) {
        ConsultedGate gate{step.name, step.verdict, {}};
        for (const TracePolicy &policy : step.policies) {
            gate.policies.push_back(policy.policy->sourceId());
            // "Almost applied": the action matched, something after it did not.
            for (const TraceStatement &traced : policy.statements) {
                if (traced.mismatch != Mismatch::None && traced.mismatch != Mismatch::Action)
                    why.almostApplied.push_back(nearMiss(traced, request));
            }
        }
        why.gates.push_back(std::move(gate));
    }
    for (std::string_view key : decision.missingContextKeys)
        why.missingContextKeys.emplace_back(key);
    return why;
}

} // namespace iam
