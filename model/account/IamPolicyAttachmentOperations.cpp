// The IAM operations on the policies of users, groups and roles: attaching and
// detaching managed policies, inline policies, and permissions boundaries. Same
// order as IamOperations.cpp: syntax, authorization, existence and conflicts, change.

#include "AccountApi.h"
#include "IamOperationSupport.h"

#include <algorithm>
#include <type_traits>

namespace iam::iamops {

using Entity = AccountChange::Entity;
using Kind = AccountChange::Kind;

namespace {

// ---------------------------------------------------------------- users, groups and roles holding policies

// What the attach, inline and boundary operations need to know of the entity they change.
template<typename T>
struct Holder
{
    const char *kind;          // "User": iam:AttachUserPolicy, ...
    const char *nameParam;     // "UserName"
    std::size_t nameMax;
    const char *lower;         // "user": "The user policy with name X cannot be found."
    Entity entity;
    T *(*find)(Account &, std::string_view);
    std::string (*arnFor)(const Account &, std::string_view);
    bool (*missing)(CallContext &, std::string_view);
    const char *attachQuota;   // "PoliciesPerUser"
    const char *inlineQuota;   // "UserPolicySize"
    std::size_t inlineLimit;   // all of the entity's inline policies together (reference_iam-quotas.md)
};

const Holder<User> kUser{"User", "UserName", kUserNameMax, "user", Entity::User,
                         [](Account &a, std::string_view n) { return a.findUser(n); }, userArnFor, failNoSuchUser,
                         "PoliciesPerUser", "UserPolicySize", 2048};
const Holder<Group> kGroup{"Group", "GroupName", kGroupNameMax, "group", Entity::Group,
                           [](Account &a, std::string_view n) { return a.findGroup(n); }, groupArnFor,
                           failNoSuchGroup, "PoliciesPerGroup", "GroupPolicySize", 5120};
const Holder<Role> kRole{"Role", "RoleName", kRoleNameMax, "role", Entity::Role,
                         [](Account &a, std::string_view n) { return a.findRole(n); }, roleArnFor, failNoSuchRole,
                         "PoliciesPerRole", "RolePolicySize", 10240};

template<typename T>
constexpr bool kHasBoundary = !std::is_same_v<T, Group>;

// Authorizes `action` on the entity with what IAM puts in the context for it: its
// tags (users and roles) and, for the actions that take it, its current boundary
// as iam:PermissionsBoundary (reference_policies_iam-condition-keys.md). Returns
// the entity, or nullptr when denied or missing.
template<typename T>
T *authorizedHolder(CallContext &ctx, const Holder<T> &holder, const std::string &name, const std::string &action,
                    ExtraContext extra, bool boundaryKey)
{
    T *entity = holder.find(ctx.account, name);
    if constexpr (kHasBoundary<T>) {
        if (entity) {
            addResourceTags(extra, entity->tags);
            if (boundaryKey)
                addBoundary(extra, entity->permissionsBoundary);
        }
    }
    if (!ctx.authorize(action, holder.arnFor(ctx.account, name), extra))
        return nullptr;
    if (!entity)
        holder.missing(ctx, name);
    return entity;
}

template<typename T>
void attachPolicy(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    const std::string arn = p.arn("PolicyArn");
    if (!p.valid())
        return;
    T *entity = authorizedHolder(ctx, holder, name, std::string("iam:Attach") + holder.kind + "Policy",
                                 {{"iam:PolicyARN", {arn}}}, true);
    if (!entity)
        return;
    if (!ctx.account.managedPolicyExists(arn)) {
        ctx.fail("NoSuchEntity", "Policy " + arn + " does not exist or is not attachable.");
        return;
    }
    auto &attached = entity->attachedPolicies;
    if (std::find(attached.begin(), attached.end(), arn) != attached.end())
        return;   // attaching twice changes nothing, and IAM does not complain
    // The default quota of managed policies per entity (reference_iam-quotas.md).
    if (attached.size() >= 10) {
        ctx.fail("LimitExceeded", std::string("Cannot exceed quota for ") + holder.attachQuota + ": 10");
        return;
    }
    attached.push_back(arn);
    ctx.account.notify({Kind::Modified, holder.entity, name});
    ctx.account.notify({Kind::Modified, Entity::Policy, arn});
}

template<typename T>
void detachPolicy(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    const std::string arn = p.arn("PolicyArn");
    if (!p.valid())
        return;
    T *entity = authorizedHolder(ctx, holder, name, std::string("iam:Detach") + holder.kind + "Policy",
                                 {{"iam:PolicyARN", {arn}}}, true);
    if (!entity)
        return;
    auto &attached = entity->attachedPolicies;
    const auto it = std::find(attached.begin(), attached.end(), arn);
    if (it == attached.end()) {
        failNoSuchPolicy(ctx, arn);
        return;
    }
    attached.erase(it);
    ctx.account.notify({Kind::Modified, holder.entity, name});
    ctx.account.notify({Kind::Modified, Entity::Policy, arn});
}

template<typename T>
void listAttachedPolicies(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    const std::string prefix = p.pathPrefix();
    p.paging();
    if (!p.valid())
        return;
    const T *entity = authorizedHolder(ctx, holder, name, std::string("iam:ListAttached") + holder.kind + "Policies",
                                       {}, false);
    if (!entity)
        return;
    const Account &account = ctx.account;
    json policies = json::array();
    for (const std::string &arn : entity->attachedPolicies) {
        std::string path = "/";
        if (const ManagedPolicy *policy = account.findPolicy(arn))
            path = policy->path;
        else if (const AwsManagedPolicy *awsPolicy = findAwsManaged(account, arn))
            path = awsPolicy->path;
        if (path.starts_with(prefix))
            policies.push_back({{"PolicyName", account.managedPolicyName(arn)}, {"PolicyArn", arn}});
    }
    paginate(ctx, p, "AttachedPolicies", std::move(policies));
}

// ---------------------------------------------------------------- inline policies

template<typename T>
void putInlinePolicy(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    const std::string policyName = p.name("PolicyName", kPolicyNameMax);
    const std::string document = p.document("PolicyDocument");
    if (!p.valid() || !acceptableDocument(ctx, document, PolicyType::Identity))
        return;
    T *entity = authorizedHolder(ctx, holder, name, std::string("iam:Put") + holder.kind + "Policy", {}, true);
    if (!entity)
        return;
    auto &policies = entity->inlinePolicies;
    const auto it = std::find_if(policies.begin(), policies.end(),
                                 [&](const InlinePolicy &policy) { return policy.name == policyName; });
    // The quota covers all of the entity's inline policies together.
    std::string combined = document;
    for (const InlinePolicy &policy : policies) {
        if (policy.name != policyName)
            combined += policy.document;
    }
    if (!withinSizeQuota(ctx, combined, holder.inlineQuota, holder.inlineLimit))
        return;
    if (it == policies.end())
        policies.push_back({policyName, document});
    else
        it->document = document;   // a put with an existing name replaces that policy
    ctx.account.notify({Kind::Modified, holder.entity, name});
}

template<typename T>
std::vector<InlinePolicy>::iterator findInline(CallContext &ctx, const Holder<T> &holder, T &entity,
                                               const std::string &policyName)
{
    auto &policies = entity.inlinePolicies;
    const auto it = std::find_if(policies.begin(), policies.end(),
                                 [&](const InlinePolicy &policy) { return policy.name == policyName; });
    if (it == policies.end())
        ctx.fail("NoSuchEntity",
                 std::string("The ") + holder.lower + " policy with name " + policyName + " cannot be found.");
    return it;
}

template<typename T>
void getInlinePolicy(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    const std::string policyName = p.name("PolicyName", kPolicyNameMax);
    if (!p.valid())
        return;
    T *entity = authorizedHolder(ctx, holder, name, std::string("iam:Get") + holder.kind + "Policy", {}, false);
    if (!entity)
        return;
    const auto it = findInline(ctx, holder, *entity, policyName);
    if (it != entity->inlinePolicies.end())
        ctx.result.response = {{holder.nameParam, name},
                               {"PolicyName", it->name},
                               {"PolicyDocument", documentJson(it->document)}};
}

template<typename T>
void deleteInlinePolicy(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    const std::string policyName = p.name("PolicyName", kPolicyNameMax);
    if (!p.valid())
        return;
    T *entity = authorizedHolder(ctx, holder, name, std::string("iam:Delete") + holder.kind + "Policy", {}, true);
    if (!entity)
        return;
    const auto it = findInline(ctx, holder, *entity, policyName);
    if (it == entity->inlinePolicies.end())
        return;
    entity->inlinePolicies.erase(it);
    ctx.account.notify({Kind::Modified, holder.entity, name});
}

template<typename T>
void listInlinePolicies(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    p.paging();
    if (!p.valid())
        return;
    const T *entity =
        authorizedHolder(ctx, holder, name, std::string("iam:List") + holder.kind + "Policies", {}, false);
    if (!entity)
        return;
    std::vector<std::string> names;
    for (const InlinePolicy &policy : entity->inlinePolicies)
        names.push_back(policy.name);
    std::sort(names.begin(), names.end());
    paginate(ctx, p, "PolicyNames", json(names));
}

// ---------------------------------------------------------------- permissions boundaries

template<typename T>
void putBoundary(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    const std::string arn = p.arn("PermissionsBoundary");
    if (!p.valid())
        return;
    // iam:PermissionsBoundary is the boundary being set (access_policies_boundaries.md, delegation example).
    T *entity = authorizedHolder(ctx, holder, name, std::string("iam:Put") + holder.kind + "PermissionsBoundary",
                                 {{"iam:PermissionsBoundary", {arn}}}, false);
    if (!entity)
        return;
    if (!ctx.account.managedPolicyExists(arn)) {
        ctx.fail("NoSuchEntity", "Scope ARN: " + arn + " does not exist or is not attachable.");
        return;
    }
    entity->permissionsBoundary = arn;
    ctx.account.notify({Kind::Modified, holder.entity, name});
    ctx.account.notify({Kind::Modified, Entity::Policy, arn});
}

template<typename T>
void deleteBoundary(CallContext &ctx, const Holder<T> &holder)
{
    IamParameters p(ctx);
    const std::string name = p.name(holder.nameParam, holder.nameMax);
    if (!p.valid())
        return;
    T *entity = authorizedHolder(ctx, holder, name, std::string("iam:Delete") + holder.kind + "PermissionsBoundary",
                                 {}, true);
    if (!entity)
        return;
    const std::string previous = entity->permissionsBoundary;
    entity->permissionsBoundary.clear();
    ctx.account.notify({Kind::Modified, holder.entity, name});
    if (!previous.empty())
        ctx.account.notify({Kind::Modified, Entity::Policy, previous});
}

template<typename T>
void registerHolder(OperationTable &table, const Holder<T> &holder)
{
    const std::string kind = holder.kind;
    table.emplace("iam:Attach" + kind + "Policy", [&holder](CallContext &ctx) { attachPolicy(ctx, holder); });
    table.emplace("iam:Detach" + kind + "Policy", [&holder](CallContext &ctx) { detachPolicy(ctx, holder); });
    table.emplace("iam:ListAttached" + kind + "Policies",
                  [&holder](CallContext &ctx) { listAttachedPolicies(ctx, holder); });
    table.emplace("iam:Put" + kind + "Policy", [&holder](CallContext &ctx) { putInlinePolicy(ctx, holder); });
    table.emplace("iam:Get" + kind + "Policy", [&holder](CallContext &ctx) { getInlinePolicy(ctx, holder); });
    table.emplace("iam:Delete" + kind + "Policy", [&holder](CallContext &ctx) { deleteInlinePolicy(ctx, holder); });
    table.emplace("iam:List" + kind + "Policies", [&holder](CallContext &ctx) { listInlinePolicies(ctx, holder); });
    if constexpr (kHasBoundary<T>) {
        table.emplace("iam:Put" + kind + "PermissionsBoundary",
                      [&holder](CallContext &ctx) { putBoundary(ctx, holder); });
        table.emplace("iam:Delete" + kind + "PermissionsBoundary",
                      [&holder](CallContext &ctx) { deleteBoundary(ctx, holder); });
    }
}

} // namespace

void registerIamPolicyAttachmentOperations(OperationTable &table)
{
    registerHolder(table, kUser);
    registerHolder(table, kGroup);
    registerHolder(table, kRole);
}

} // namespace iam::iamops
