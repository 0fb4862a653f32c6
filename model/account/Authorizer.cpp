#include "Authorizer.h"

#include <chrono>

namespace iam {

std::string AuthorizationCheck::notAuthorizedMessage() const
{
    // AWS says "User:" for every kind of principal, sessions included.
    return "User: " + callerArn + " is not authorized to perform: " + action + " on resource: " + resource + " "
        + reason;
}

void Authorizer::addIdentityPolicies(PolicySet &set, const std::vector<std::string> &attached,
                                     const std::vector<InlinePolicy> &inlinePolicies, const std::string &owner) const
{
    for (const InlinePolicy &policy : inlinePolicies) {
        if (PolicyPtr compiled = m_account.compiled(policy.document, owner + " inline policy " + policy.name,
                                                    PolicyType::Identity))
            set.identity.push_back(std::move(compiled));
    }
    for (const std::string &arn : attached) {
        const auto document = m_account.managedPolicyDocument(arn);
        if (!document)
            continue;
        if (PolicyPtr compiled = m_account.compiled(*document, arn, PolicyType::Identity))
            set.identity.push_back(std::move(compiled));
    }
}

PolicySet Authorizer::policiesFor(const CallerIdentity &caller) const
{
    PolicySet set;
    std::string boundary;
    if (caller.kind == CallerIdentity::Kind::User) {
        const User *user = m_account.findUser(caller.name);
        if (!user)
            return set;
        const std::string owner = "user/" + user->name;
        addIdentityPolicies(set, user->attachedPolicies, user->inlinePolicies, owner);
        // A user's groups' policies are the user's identity-based policies too.
        for (const std::string &groupName : user->groups) {
            if (const Group *group = m_account.findGroup(groupName))
                addIdentityPolicies(set, group->attachedPolicies, group->inlinePolicies, "group/" + group->name);
        }
        boundary = user->permissionsBoundary;
    } else if (caller.kind == CallerIdentity::Kind::RoleSession) {
        const Role *role = m_account.findRole(caller.name);
        if (!role)
            return set;
        addIdentityPolicies(set, role->attachedPolicies, role->inlinePolicies, "role/" + role->name);
        boundary = role->permissionsBoundary;
    }
    if (!boundary.empty()) {
        // A boundary whose policy is gone allows nothing rather than everything.
        const auto document = m_account.managedPolicyDocument(boundary);
        PolicyPtr compiled = m_account.compiled(document.value_or(R"({"Version":"2012-10-17","Statement":[]})"),
                                                boundary, PolicyType::PermissionsBoundary);
        if (compiled)
            set.permissionsBoundary.push_back(std::move(compiled));
    }
    return set;
}

RequestContext Authorizer::contextFor(const CallerIdentity &caller, const ExtraContext &extra) const
{
    // The global condition keys AWS puts in every request context
    // (reference_policies_condition-keys.md, "Properties of the principal").
    RequestContext context;
    const std::string accountId = m_account.accountId();
    context.set("aws:PrincipalAccount", {accountId});
    context.set("aws:CurrentTime", {m_account.now()}, ContextKeyType::Date);
    if (const auto epoch = parseDate(m_account.now()))
        context.set("aws:EpochTime", {std::to_string(static_cast<long long>(*epoch))}, ContextKeyType::Numeric);
    context.set("aws:SecureTransport", {"true"}, ContextKeyType::Boolean);
    context.set("aws:RequestedRegion", {"us-east-1"});
    const auto tags = [&](const std::vector<Tag> &list) {
        for (const Tag &tag : list)
            context.set("aws:PrincipalTag/" + tag.key, {tag.value});
    };
    switch (caller.kind) {
    case CallerIdentity::Kind::Root:
        context.set("aws:PrincipalArn", {m_account.callerArn(caller)});
        context.set("aws:PrincipalType", {"Account"});
        context.set("aws:userid", {accountId});
        break;
    case CallerIdentity::Kind::User:
        if (const User *user = m_account.findUser(caller.name)) {
            context.set("aws:PrincipalArn", {m_account.userArn(*user)});
            context.set("aws:username", {user->name});
            context.set("aws:userid", {user->id});
            context.set("aws:PrincipalType", {"User"});
            tags(user->tags);
        }
        break;
    case CallerIdentity::Kind::RoleSession:
        if (const Role *role = m_account.findRole(caller.name)) {
            // For a role session aws:PrincipalArn is the role's ARN, not the session's.
            context.set("aws:PrincipalArn", {m_account.roleArn(*role)});
            context.set("aws:userid", {role->id + ":" + caller.sessionName});
            context.set("aws:PrincipalType", {"AssumedRole"});
            tags(role->tags);
            if (!caller.instanceId.empty()) {
                if (const Ec2Instance *instance = m_account.findInstance(caller.instanceId))
                    context.set("ec2:SourceInstanceARN", {m_account.instanceArn(*instance)});
            }
        }
        break;
    }
    for (const auto &[key, values] : extra)
        context.set(key, values);
    return context;
}

AuthorizationCheck Authorizer::authorize(const CallerIdentity &caller, std::string_view action,
                                         std::string_view resource, const ExtraContext &extra,
                                         const std::string *resourcePolicy, std::string_view resourceOwner) const
{
    PolicySet set = policiesFor(caller);
    if (resourcePolicy && !resourcePolicy->empty())
        set.resource = m_account.compiled(*resourcePolicy, "resource policy", PolicyType::Resource);
    const RequestContext context = contextFor(caller, extra);
    const std::string callerArn = m_account.callerArn(caller);
    const Request request{callerArn, action, resource,
                          resourceOwner.empty() ? std::string_view(m_account.accountId()) : resourceOwner, &context};
    const Decision decision = evaluate(set, request);

    AuthorizationCheck check;
    check.callerArn = callerArn;
    check.action = std::string(action);
    check.resource = std::string(resource);
    check.outcome = decision.outcome;
    check.reason = denialReason(decision, action);
    for (const StatementRef &ref : decision.matched) {
        const CompiledStatement &statement = ref.get();
        check.deciding.push_back({ref.policy->sourceId(), statement.sid, statement.isDeny(),
                                  statement.range.start.line, statement.range.start.column});
    }
    for (std::string_view key : decision.missingContextKeys)
        check.missingContextKeys.emplace_back(key);
    return check;
}

} // namespace iam
