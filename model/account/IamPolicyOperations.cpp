// The IAM operations on managed policies: customer-managed policies and their
// versions, AWS-managed ones from the catalog (read only), and who uses a policy.
// Same order as IamOperations.cpp: syntax, authorization, existence and
// conflicts, change. Attaching them is in IamPolicyAttachmentOperations.cpp.

#include "AccountApi.h"
#include "IamOperationSupport.h"

#include <algorithm>

namespace iam::iamops {

using Entity = AccountChange::Entity;
using Kind = AccountChange::Kind;

namespace {

constexpr int kMaxPolicyVersions = 5;

// ---------------------------------------------------------------- managed policies

int attachmentCount(const Account &account, const std::string &arn)
{
    const auto count = [&](const auto &list) {
        return std::count_if(list.begin(), list.end(), [&](const auto &holder) {
            return std::find(holder.attachedPolicies.begin(), holder.attachedPolicies.end(), arn)
                != holder.attachedPolicies.end();
        });
    };
    return static_cast<int>(count(account.users()) + count(account.groups()) + count(account.roles()));
}

int boundaryUsageCount(const Account &account, const std::string &arn)
{
    const auto count = [&](const auto &list) {
        return std::count_if(list.begin(), list.end(),
                             [&](const auto &holder) { return holder.permissionsBoundary == arn; });
    };
    return static_cast<int>(count(account.users()) + count(account.roles()));
}

std::string updateDate(const ManagedPolicy &policy)
{
    std::string latest = policy.createDate;
    for (const PolicyVersion &version : policy.versions)
        latest = std::max(latest, version.createDate);
    return latest;
}

json policyJson(const Account &account, const ManagedPolicy &policy, bool withDescription)
{
    const std::string arn = account.policyArn(policy);
    json object = {{"PolicyName", policy.name},
                   {"PolicyId", policy.id},
                   {"Arn", arn},
                   {"Path", policy.path},
                   {"DefaultVersionId", policy.defaultVersionId},
                   {"AttachmentCount", attachmentCount(account, arn)},
                   {"PermissionsBoundaryUsageCount", boundaryUsageCount(account, arn)},
                   {"IsAttachable", true},
                   {"CreateDate", policy.createDate},
                   {"UpdateDate", updateDate(policy)}};
    if (withDescription && !policy.description.empty())
        object["Description"] = policy.description;
    if (!policy.tags.empty())
        object["Tags"] = tagsJson(policy.tags);
    return object;
}

// The catalog carries no policy id or dates for AWS-managed policies; those fields are left out.
json awsPolicyJson(const Account &account, const AwsManagedPolicy &policy, bool withDescription)
{
    json object = {{"PolicyName", policy.name},
                   {"Arn", policy.arn},
                   {"Path", policy.path},
                   {"DefaultVersionId", policy.defaultVersionId},
                   {"AttachmentCount", attachmentCount(account, policy.arn)},
                   {"PermissionsBoundaryUsageCount", boundaryUsageCount(account, policy.arn)},
                   {"IsAttachable", true}};
    if (withDescription && !policy.description.empty())
        object["Description"] = policy.description;
    return object;
}

// AWS-managed policies belong to AWS, not to the account: changing one is a
// cross-account request that no policy of the account can allow, root's included.
std::string_view ownerOf(std::string_view arn)
{
    return isAwsManagedArn(arn) ? arn : std::string_view();
}

bool failNoSuchVersion(CallContext &ctx, const std::string &arn, const std::string &versionId)
{
    return ctx.fail("NoSuchEntity",
                    "Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
}

void createPolicy(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("PolicyName", kPolicyNameMax);
    const std::string path = p.path();
    const std::string document = p.document("PolicyDocument");
    const auto description = p.text("Description", 1000);
    const std::vector<Tag> tags = p.tags();
    if (!p.valid() || !acceptableDocument(ctx, document, PolicyType::Identity))
        return;
    Account &account = ctx.account;
    const std::string arn = entityArn(account, "policy", path, name);
    ExtraContext extra;
    addRequestTags(extra, tags);
    if (!ctx.authorize("iam:CreatePolicy", arn, extra))
        return;
    // Tagging on creation needs the tag action too (id_tags.md, "Permissions required for tagging").
    if (!tags.empty() && !ctx.authorize("iam:TagPolicy", arn, extra))
        return;
    if (account.nameTaken(Entity::Policy, name)) {
        ctx.fail("EntityAlreadyExists",
                 "A policy called " + name + " already exists. Duplicate names are not allowed.");
        return;
    }
    // The default quota of a managed policy's length (reference_iam-quotas.md).
    if (!withinSizeQuota(ctx, document, "PolicySize", 6144))
        return;
    ManagedPolicy policy;
    policy.name = name;
    policy.path = path;
    policy.id = account.newId("ANPA");
    policy.description = description.value_or("");
    policy.createDate = account.now();
    policy.defaultVersionId = "v1";
    policy.versions.push_back({"v1", document, policy.createDate});
    policy.tags = tags;
    account.mutablePolicies().push_back(std::move(policy));
    ctx.result.response = {{"Policy", policyJson(account, account.policies().back(), false)}};
    account.notify({Kind::Added, Entity::Policy, arn});
}

void getPolicy(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    if (!p.valid() || !ctx.authorize("iam:GetPolicy", arn))
        return;
    const Account &account = ctx.account;
    if (const ManagedPolicy *policy = account.findPolicy(arn))
        ctx.result.response = {{"Policy", policyJson(account, *policy, true)}};
    else if (const AwsManagedPolicy *awsPolicy = findAwsManaged(account, arn))
        ctx.result.response = {{"Policy", awsPolicyJson(account, *awsPolicy, true)}};
    else
        failNoSuchPolicy(ctx, arn);
}

void listPolicies(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string scope = p.choice("Scope", {"All", "AWS", "Local"}, "All");
    const bool onlyAttached = p.flag("OnlyAttached");
    const std::string prefix = p.pathPrefix();
    const std::string usage = p.choice("PolicyUsageFilter", {"PermissionsPolicy", "PermissionsBoundary"}, "");
    p.paging();
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    if (!ctx.authorize("iam:ListPolicies", listArn(account, "policy", prefix)))
        return;
    // OnlyAttached counts attachments as permissions policies, boundaries, or both.
    const auto wanted = [&](const std::string &path, const std::string &arn) {
        if (!path.starts_with(prefix))
            return false;
        const int attached = usage == "PermissionsBoundary" ? 0 : attachmentCount(account, arn);
        const int boundaries = usage == "PermissionsPolicy" ? 0 : boundaryUsageCount(account, arn);
        return !(onlyAttached || !usage.empty()) || attached + boundaries > 0;
    };
    std::vector<json> items;
    if (scope != "AWS") {
        for (const ManagedPolicy &policy : account.policies()) {
            if (wanted(policy.path, account.policyArn(policy)))
                items.push_back(policyJson(account, policy, false));
        }
    }
    if (scope != "Local" && account.awsManaged()) {
        for (const AwsManagedPolicy *policy : account.awsManaged()->all()) {
            if (wanted(policy->path, policy->arn))
                items.push_back(awsPolicyJson(account, *policy, false));
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const json &a, const json &b) {
        return a["PolicyName"].get<std::string>() < b["PolicyName"].get<std::string>();
    });
    paginate(ctx, p, "Policies", json(items));
}

void deletePolicy(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    if (!p.valid() || !ctx.authorize("iam:DeletePolicy", arn, {}, nullptr, ownerOf(arn)))
        return;
    Account &account = ctx.account;
    const ManagedPolicy *policy = account.findPolicy(arn);
    if (!policy) {
        failNoSuchPolicy(ctx, arn);
        return;
    }
    // API_DeletePolicy: detach it from every user, group and role, and delete its
    // other versions, first.
    if (attachmentCount(account, arn) > 0) {
        ctx.fail("DeleteConflict", "Cannot delete a policy attached to entities.");
        return;
    }
    if (policy->versions.size() > 1) {
        ctx.fail("DeleteConflict", "This policy has more than one version. Before you delete a policy, you must "
                                   "delete the policy's versions. The default version is deleted with the policy.");
        return;
    }
    auto &policies = account.mutablePolicies();
    policies.erase(policies.begin() + (policy - policies.data()));
    account.notify({Kind::Removed, Entity::Policy, arn});
}

// ---------------------------------------------------------------- versions

json versionJson(const PolicyVersion &version, const std::string &defaultId, bool withDocument)
{
    json object = {{"VersionId", version.versionId},
                   {"IsDefaultVersion", version.versionId == defaultId},
                   {"CreateDate", version.createDate}};
    if (withDocument)
        object["Document"] = documentJson(version.document);
    return object;
}

void getPolicyVersion(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    const std::string versionId = p.versionId("VersionId");
    if (!p.valid() || !ctx.authorize("iam:GetPolicyVersion", arn))
        return;
    const Account &account = ctx.account;
    if (const ManagedPolicy *policy = account.findPolicy(arn)) {
        const auto it = std::find_if(policy->versions.begin(), policy->versions.end(),
                                     [&](const PolicyVersion &v) { return v.versionId == versionId; });
        if (it == policy->versions.end())
            failNoSuchVersion(ctx, arn, versionId);
        else
            ctx.result.response = {{"PolicyVersion", versionJson(*it, policy->defaultVersionId, true)}};
    } else if (const AwsManagedPolicy *awsPolicy = findAwsManaged(account, arn)) {
        // The catalog knows an AWS-managed policy's default version only.
        if (versionId != awsPolicy->defaultVersionId)
            failNoSuchVersion(ctx, arn, versionId);
        else
            ctx.result.response = {
                {"PolicyVersion", versionJson({versionId, awsPolicy->document, {}}, versionId, true)}};
    } else {
        failNoSuchPolicy(ctx, arn);
    }
}

void listPolicyVersions(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    p.paging();
    if (!p.valid() || !ctx.authorize("iam:ListPolicyVersions", arn))
        return;
    const Account &account = ctx.account;
    json versions = json::array();
    if (const ManagedPolicy *policy = account.findPolicy(arn)) {
        // Newest first, as IAM lists them.
        for (auto it = policy->versions.rbegin(); it != policy->versions.rend(); ++it)
            versions.push_back(versionJson(*it, policy->defaultVersionId, false));
    } else if (const AwsManagedPolicy *awsPolicy = findAwsManaged(account, arn)) {
        versions.push_back(versionJson({awsPolicy->defaultVersionId, {}, {}}, awsPolicy->defaultVersionId, false));
    } else {
        failNoSuchPolicy(ctx, arn);
        return;
    }
    paginate(ctx, p, "Versions", std::move(versions));
}

// The customer-managed policy a version operation changes, after authorization; nullptr when denied or missing.
ManagedPolicy *authorizedPolicy(CallContext &ctx, const std::string &arn, const char *action)
{
    if (!ctx.authorize(action, arn, {}, nullptr, ownerOf(arn)))
        return nullptr;
    ManagedPolicy *policy = ctx.account.findPolicy(arn);
    if (!policy)
        failNoSuchPolicy(ctx, arn);
    return policy;
}

void createPolicyVersion(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    const std::string document = p.document("PolicyDocument");
    const bool setAsDefault = p.flag("SetAsDefault");
    if (!p.valid() || !acceptableDocument(ctx, document, PolicyType::Identity))
        return;
    ManagedPolicy *policy = authorizedPolicy(ctx, arn, "iam:CreatePolicyVersion");
    if (!policy)
        return;
    if (policy->versions.size() >= static_cast<std::size_t>(kMaxPolicyVersions)) {
        ctx.fail("LimitExceeded", "A managed policy can have up to 5 versions. Before you create a new version, you "
                                  "must delete an existing version.");
        return;
    }
    if (!withinSizeQuota(ctx, document, "PolicySize", 6144))
        return;
    // Version ids count up and are not reused. The account keeps no counter, so the
    // next id follows the highest one still present.
    int highest = 0;
    for (const PolicyVersion &version : policy->versions)
        highest = std::max(highest, std::atoi(version.versionId.c_str() + 1));
    const std::string versionId = "v" + std::to_string(highest + 1);
    policy->versions.push_back({versionId, document, ctx.account.now()});
    if (setAsDefault)
        policy->defaultVersionId = versionId;
    ctx.result.response = {{"PolicyVersion", versionJson(policy->versions.back(), policy->defaultVersionId, false)}};
    ctx.account.notify({Kind::Modified, Entity::Policy, arn});
}

void setDefaultPolicyVersion(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    const std::string versionId = p.versionId("VersionId");
    if (!p.valid())
        return;
    ManagedPolicy *policy = authorizedPolicy(ctx, arn, "iam:SetDefaultPolicyVersion");
    if (!policy)
        return;
    const auto &versions = policy->versions;
    if (std::none_of(versions.begin(), versions.end(),
                     [&](const PolicyVersion &v) { return v.versionId == versionId; })) {
        failNoSuchVersion(ctx, arn, versionId);
        return;
    }
    policy->defaultVersionId = versionId;
    ctx.account.notify({Kind::Modified, Entity::Policy, arn});
}

void deletePolicyVersion(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    const std::string versionId = p.versionId("VersionId");
    if (!p.valid())
        return;
    ManagedPolicy *policy = authorizedPolicy(ctx, arn, "iam:DeletePolicyVersion");
    if (!policy)
        return;
    auto &versions = policy->versions;
    const auto it = std::find_if(versions.begin(), versions.end(),
                                 [&](const PolicyVersion &v) { return v.versionId == versionId; });
    if (it == versions.end()) {
        failNoSuchVersion(ctx, arn, versionId);
        return;
    }
    if (versionId == policy->defaultVersionId) {
        ctx.fail("DeleteConflict", "Cannot delete the default version of a policy.");
        return;
    }
    versions.erase(it);
    ctx.account.notify({Kind::Modified, Entity::Policy, arn});
}

void listEntitiesForPolicy(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string arn = p.arn("PolicyArn");
    const std::string filter =
        p.choice("EntityFilter", {"User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"}, "");
    const std::string prefix = p.pathPrefix();
    const std::string usage = p.choice("PolicyUsageFilter", {"PermissionsPolicy", "PermissionsBoundary"}, "");
    if (!p.valid() || !ctx.authorize("iam:ListEntitiesForPolicy", arn))
        return;
    const Account &account = ctx.account;
    if (!account.managedPolicyExists(arn)) {
        failNoSuchPolicy(ctx, arn);
        return;
    }
    const auto uses = [&](const auto &holder) {
        if (!holder.path.starts_with(prefix))
            return false;
        const bool attached = std::find(holder.attachedPolicies.begin(), holder.attachedPolicies.end(), arn)
            != holder.attachedPolicies.end();
        bool boundary = false;
        if constexpr (requires { holder.permissionsBoundary; })
            boundary = holder.permissionsBoundary == arn;
        return (usage != "PermissionsBoundary" && attached) || (usage != "PermissionsPolicy" && boundary);
    };
    const bool all = filter.empty() || filter == "LocalManagedPolicy" || filter == "AWSManagedPolicy";
    json groups = json::array(), users = json::array(), roles = json::array();
    for (const Group &group : account.groups()) {
        if ((all || filter == "Group") && uses(group))
            groups.push_back({{"GroupName", group.name}, {"GroupId", group.id}});
    }
    for (const User &user : account.users()) {
        if ((all || filter == "User") && uses(user))
            users.push_back({{"UserName", user.name}, {"UserId", user.id}});
    }
    for (const Role &role : account.roles()) {
        if ((all || filter == "Role") && uses(role))
            roles.push_back({{"RoleName", role.name}, {"RoleId", role.id}});
    }
    ctx.result.response = {{"PolicyGroups", groups}, {"PolicyUsers", users}, {"PolicyRoles", roles},
                           {"IsTruncated", false}};
}

} // namespace

void registerIamPolicyOperations(OperationTable &table)
{
    table.emplace("iam:CreatePolicy", createPolicy);
    table.emplace("iam:GetPolicy", getPolicy);
    table.emplace("iam:ListPolicies", listPolicies);
    table.emplace("iam:DeletePolicy", deletePolicy);
    table.emplace("iam:GetPolicyVersion", getPolicyVersion);
    table.emplace("iam:ListPolicyVersions", listPolicyVersions);
    table.emplace("iam:CreatePolicyVersion", createPolicyVersion);
    table.emplace("iam:SetDefaultPolicyVersion", setDefaultPolicyVersion);
    table.emplace("iam:DeletePolicyVersion", deletePolicyVersion);
    table.emplace("iam:ListEntitiesForPolicy", listEntitiesForPolicy);
}

} // namespace iam::iamops
