// iam:SimulatePrincipalPolicy: the decisions the engine would make for a user's or
// role's own policies (identity-based, with the permissions boundary), as the IAM
// policy simulator API answers them (API_SimulatePrincipalPolicy.html). The caller
// needs iam:SimulatePrincipalPolicy on the principal's ARN. Resource-based policies
// take part only when the request gives one (ResourcePolicy), as in IAM.

#include "AccountApi.h"
#include "IamOperationSupport.h"

namespace iam::iamops {

namespace {

// IAM's PolicySourceType and the SourcePolicyId it shows: the policy's name.
std::pair<std::string, std::string> policySource(const std::string &policy)
{
    if (policy.starts_with("arn:aws:iam::aws:policy/"))
        return {policy.substr(policy.rfind('/') + 1), "aws-managed"};
    if (policy.starts_with("arn:"))
        return {policy.substr(policy.rfind('/') + 1), "user-managed"};
    // Inline: "user/lab-user inline policy NAME" (Authorizer's source ids).
    constexpr std::string_view kInline = " inline policy ";
    if (const std::size_t at = policy.find(kInline); at != std::string::npos)
        return {policy.substr(at + kInline.size()), policy.substr(0, policy.find('/'))};
    if (policy == "resource policy")
        return {"ResourcePolicy", "resource"};
    return {policy, "none"};
}

// ContextEntries: [{"ContextKeyName": ..., "ContextKeyValues": [...]}]
ExtraContext contextEntries(const json &params)
{
    ExtraContext extra;
    const auto entries = params.find("ContextEntries");
    if (entries == params.end() || !entries->is_array())
        return extra;
    for (const json &entry : *entries) {
        if (!entry.is_object() || !entry.contains("ContextKeyName") || !entry["ContextKeyName"].is_string())
            continue;
        std::vector<std::string> values;
        for (const json &value : entry.value("ContextKeyValues", json::array()))
            values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
        extra.emplace_back(entry["ContextKeyName"].get<std::string>(), std::move(values));
    }
    return extra;
}

void simulatePrincipalPolicy(CallContext &ctx)
{
    const auto source = ctx.required("PolicySourceArn");
    if (!source)
        return;
    const std::vector<std::string> actions = ctx.strings("ActionNames");
    if (actions.empty()) {
        ctx.fail("ValidationError", "1 validation error detected: Value null at 'actionNames' failed to satisfy "
                                    "constraint: Member must not be null");
        return;
    }
    std::vector<std::string> resources = ctx.strings("ResourceArns");
    if (resources.empty())
        resources.push_back("*");
    const std::string resourcePolicy = ctx.optional("ResourcePolicy");

    const std::string prefix = "arn:aws:iam::" + ctx.account.accountId() + ":";
    if (!source->starts_with(prefix) || source->find('/') == std::string::npos) {
        ctx.fail("InvalidInput", "Invalid ARN: " + *source);
        return;
    }
    if (!ctx.authorize("iam:SimulatePrincipalPolicy", *source))
        return;
    const std::string resource = source->substr(prefix.size());
    const std::string type = resource.substr(0, resource.find('/'));
    const std::string name = resource.substr(resource.rfind('/') + 1);
    std::optional<CallerIdentity> principal;
    if (type == "user") {
        if (!ctx.account.findUser(name)) {
            failNoSuchUser(ctx, name);
            return;
        }
        principal = CallerIdentity::user(name);
    } else if (type == "role") {
        if (!ctx.account.findRole(name)) {
            failNoSuchRole(ctx, name);
            return;
        }
        principal = CallerIdentity::roleSession(name, "iam-policy-simulator");
    } else {
        // Groups are principals of the simulator too; the account's Authorizer
        // evaluates users and role sessions only.
        ctx.fail("InvalidInput", "The policy source " + *source + " is not a user or role.");
        return;
    }

    const Authorizer authorizer(ctx.account);
    const ExtraContext extra = contextEntries(ctx.params);
    json results = json::array();
    for (const std::string &action : actions) {
        for (const std::string &arn : resources) {
            const AuthorizationCheck check = authorizer.authorize(*principal, action, arn, extra,
                                                                  resourcePolicy.empty() ? nullptr : &resourcePolicy);
            json matched = json::array();
            for (const DecidingStatement &statement : check.deciding) {
                const auto [id, sourceType] = policySource(statement.policy);
                matched.push_back({{"SourcePolicyId", id},
                                   {"SourcePolicyType", sourceType},
                                   {"StartPosition", {{"Line", statement.line}, {"Column", statement.column}}}});
            }
            results.push_back({{"EvalActionName", action},
                               {"EvalResourceName", arn},
                               {"EvalDecision", outcomeName(check.outcome)},
                               {"MatchedStatements", std::move(matched)},
                               {"MissingContextValues", check.missingContextKeys}});
        }
    }
    ctx.result.response = {{"EvaluationResults", std::move(results)}, {"IsTruncated", false}};
}

} // namespace

void registerIamSimulateOperations(OperationTable &table)
{
    table.emplace("iam:SimulatePrincipalPolicy", simulatePrincipalPolicy);
}

} // namespace iam::iamops
