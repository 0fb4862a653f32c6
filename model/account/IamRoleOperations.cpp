// The IAM operations on roles and instance profiles, in IAM's order (see
// IamOperations.cpp): syntax, authorization, existence and conflicts, change.

#include "AccountApi.h"
#include "IamOperationSupport.h"

#include <algorithm>

namespace iam::iamops {

using Entity = AccountChange::Entity;
using Kind = AccountChange::Kind;

namespace {

// ---------------------------------------------------------------- roles

void createRole(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("RoleName", kRoleNameMax);
    const std::string path = p.path();
    const std::string trust = p.document("AssumeRolePolicyDocument");
    const auto description = p.text("Description", 1000);
    const auto maxSession = p.integer("MaxSessionDuration", 3600, 43200);
    const auto boundary = p.optionalArn("PermissionsBoundary");
    const std::vector<Tag> tags = p.tags();
    if (!p.valid() || !acceptableDocument(ctx, trust, PolicyType::Trust))
        return;
    Account &account = ctx.account;
    const std::string arn = entityArn(account, "role", path, name);
    ExtraContext extra;
    addRequestTags(extra, tags);
    addBoundary(extra, boundary.value_or(""));
    if (!ctx.authorize("iam:CreateRole", arn, extra))
        return;
    // Tagging on creation needs the tag action too (id_tags_roles.md, "Permissions required").
    if (!tags.empty() && !ctx.authorize("iam:TagRole", arn, extra))
        return;
    if (account.nameTaken(Entity::Role, name)) {
        ctx.fail("EntityAlreadyExists", "Role with name " + name + " already exists.");
        return;
    }
    if (boundary && !account.managedPolicyExists(*boundary)) {
        ctx.fail("NoSuchEntity", "Scope ARN: " + *boundary + " does not exist or is not attachable.");
        return;
    }
    // The default quota of a role trust policy's length (reference_iam-quotas.md).
    if (!withinSizeQuota(ctx, trust, "ACLSizePerRole", 2048))
        return;
    Role role;
    role.name = name;
    role.path = path;
    role.id = account.newId("AROA");
    role.createDate = account.now();
    role.description = description.value_or("");
    role.trustPolicy = trust;
    role.maxSessionDuration = static_cast<int>(maxSession.value_or(3600));
    role.tags = tags;
    role.permissionsBoundary = boundary.value_or("");
    account.mutableRoles().push_back(std::move(role));
    json response = roleJson(account, account.roles().back(), true);
    response.erase("RoleLastUsed");   // CreateRole's Role has none yet
    ctx.result.response = {{"Role", std::move(response)}};
    account.notify({Kind::Added, Entity::Role, name});
}

// The role named by RoleName, after authorizing `action` on it with its tags in
// the context; nullptr (and the call failed) when denied or missing.
Role *authorizedRole(CallContext &ctx, const std::string &name, const char *action, ExtraContext extra = {})
{
    Role *role = ctx.account.findRole(name);
    if (role)
        addResourceTags(extra, role->tags);
    if (!ctx.authorize(action, roleArnFor(ctx.account, name), extra))
        return nullptr;
    if (!role)
        failNoSuchRole(ctx, name);
    return role;
}

void getRole(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("RoleName", kRoleNameMax);
    if (!p.valid())
        return;
    if (const Role *role = authorizedRole(ctx, name, "iam:GetRole"))
        ctx.result.response = {{"Role", roleJson(ctx.account, *role, true)}};
}

void listRoles(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string prefix = p.pathPrefix();
    p.paging();
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    if (!ctx.authorize("iam:ListRoles", listArn(account, "role", prefix)))
        return;
    json roles = json::array();
    for (const Role *role : sortedByName(account.roles(), prefix))
        roles.push_back(roleJson(account, *role, false));
    paginate(ctx, p, "Roles", std::move(roles));
}

void updateRole(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("RoleName", kRoleNameMax);
    const auto description = p.text("Description", 1000);
    const auto maxSession = p.integer("MaxSessionDuration", 3600, 43200);
    if (!p.valid())
        return;
    Role *role = authorizedRole(ctx, name, "iam:UpdateRole");
    if (!role)
        return;
    if (description)
        role->description = *description;
    if (maxSession)
        role->maxSessionDuration = static_cast<int>(*maxSession);
    ctx.account.notify({Kind::Modified, Entity::Role, name});
}

void updateAssumeRolePolicy(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("RoleName", kRoleNameMax);
    const std::string trust = p.document("PolicyDocument");
    if (!p.valid() || !acceptableDocument(ctx, trust, PolicyType::Trust))
        return;
    Role *role = authorizedRole(ctx, name, "iam:UpdateAssumeRolePolicy");
    if (!role || !withinSizeQuota(ctx, trust, "ACLSizePerRole", 2048))
        return;
    role->trustPolicy = trust;
    ctx.account.notify({Kind::Modified, Entity::Role, name});
}

void deleteRole(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("RoleName", kRoleNameMax);
    if (!p.valid())
        return;
    const Role *role = authorizedRole(ctx, name, "iam:DeleteRole");
    if (!role)
        return;
    Account &account = ctx.account;
    // IAM deletes no role that an instance profile or a policy still holds
    // (id_roles_manage_delete.md: remove it from instance profiles, detach and delete its policies first).
    const auto &profiles = account.instanceProfiles();
    if (std::any_of(profiles.begin(), profiles.end(), [&](const InstanceProfile &ip) { return ip.role == name; })) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.");
        return;
    }
    if (!role->attachedPolicies.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must detach all policies first.");
        return;
    }
    if (!role->inlinePolicies.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must delete policies first.");
        return;
    }
    auto &roles = account.mutableRoles();
    roles.erase(roles.begin() + (role - roles.data()));
    account.notify({Kind::Removed, Entity::Role, name});
}

// ---------------------------------------------------------------- instance profiles

void createInstanceProfile(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("InstanceProfileName", kInstanceProfileNameMax);
    const std::string path = p.path();
    if (!p.valid())
        return;
    Account &account = ctx.account;
    if (!ctx.authorize("iam:CreateInstanceProfile", entityArn(account, "instance-profile", path, name)))
        return;
    if (account.nameTaken(Entity::InstanceProfile, name)) {
        ctx.fail("EntityAlreadyExists", "Instance Profile " + name + " already exists.");
        return;
    }
    InstanceProfile profile;
    profile.name = name;
    profile.path = path;
    profile.id = account.newId("AIPA");
    profile.createDate = account.now();
    account.mutableInstanceProfiles().push_back(std::move(profile));
    ctx.result.response = {{"InstanceProfile", instanceProfileJson(account, account.instanceProfiles().back())}};
    account.notify({Kind::Added, Entity::InstanceProfile, name});
}

void getInstanceProfile(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("InstanceProfileName", kInstanceProfileNameMax);
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    if (!ctx.authorize("iam:GetInstanceProfile", instanceProfileArnFor(account, name)))
        return;
    const InstanceProfile *profile = account.findInstanceProfile(name);
    if (!profile) {
        failNoSuchInstanceProfile(ctx, name);
        return;
    }
    ctx.result.response = {{"InstanceProfile", instanceProfileJson(account, *profile)}};
}

void listInstanceProfiles(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string prefix = p.pathPrefix();
    p.paging();
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    if (!ctx.authorize("iam:ListInstanceProfiles", listArn(account, "instance-profile", prefix)))
        return;
    json profiles = json::array();
    for (const InstanceProfile *profile : sortedByName(account.instanceProfiles(), prefix))
        profiles.push_back(instanceProfileJson(account, *profile));
    paginate(ctx, p, "InstanceProfiles", std::move(profiles));
}

void listInstanceProfilesForRole(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("RoleName", kRoleNameMax);
    p.paging();
    if (!p.valid())
        return;
    if (!authorizedRole(ctx, name, "iam:ListInstanceProfilesForRole"))
        return;
    json profiles = json::array();
    for (const InstanceProfile *profile : sortedByName(ctx.account.instanceProfiles(), "/")) {
        if (profile->role == name)
            profiles.push_back(instanceProfileJson(ctx.account, *profile));
    }
    paginate(ctx, p, "InstanceProfiles", std::move(profiles));
}

void deleteInstanceProfile(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("InstanceProfileName", kInstanceProfileNameMax);
    if (!p.valid())
        return;
    Account &account = ctx.account;
    if (!ctx.authorize("iam:DeleteInstanceProfile", instanceProfileArnFor(account, name)))
        return;
    const InstanceProfile *profile = account.findInstanceProfile(name);
    if (!profile) {
        failNoSuchInstanceProfile(ctx, name);
        return;
    }
    if (!profile->role.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first.");
        return;
    }
    auto &profiles = account.mutableInstanceProfiles();
    profiles.erase(profiles.begin() + (profile - profiles.data()));
    account.notify({Kind::Removed, Entity::InstanceProfile, name});
}

void addRoleToInstanceProfile(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string profileName = p.name("InstanceProfileName", kInstanceProfileNameMax);
    const std::string roleName = p.name("RoleName", kRoleNameMax);
    if (!p.valid())
        return;
    Account &account = ctx.account;
    if (!ctx.authorize("iam:AddRoleToInstanceProfile", instanceProfileArnFor(account, profileName)))
        return;
    // Putting a role in an instance profile hands it to whoever launches with the
    // profile, so IAM also requires iam:PassRole on the role (id_roles_use_switch-role-ec2_instance-profiles.md).
    // AWS supplies no iam:PassedToService here.
    if (!authorizedRole(ctx, roleName, "iam:PassRole"))
        return;
    InstanceProfile *profile = account.findInstanceProfile(profileName);
    if (!profile) {
        failNoSuchInstanceProfile(ctx, profileName);
        return;
    }
    // An instance profile holds one role (API_AddRoleToInstanceProfile: the quota cannot be raised).
    if (!profile->role.empty()) {
        ctx.fail("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        return;
    }
    profile->role = roleName;
    account.notify({Kind::Modified, Entity::InstanceProfile, profileName});
    account.notify({Kind::Modified, Entity::Role, roleName});
}

void removeRoleFromInstanceProfile(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string profileName = p.name("InstanceProfileName", kInstanceProfileNameMax);
    const std::string roleName = p.name("RoleName", kRoleNameMax);
    if (!p.valid())
        return;
    Account &account = ctx.account;
    if (!ctx.authorize("iam:RemoveRoleFromInstanceProfile", instanceProfileArnFor(account, profileName)))
        return;
    InstanceProfile *profile = account.findInstanceProfile(profileName);
    if (!profile) {
        failNoSuchInstanceProfile(ctx, profileName);
        return;
    }
    if (profile->role != roleName) {
        failNoSuchRole(ctx, roleName);
        return;
    }
    profile->role.clear();
    account.notify({Kind::Modified, Entity::InstanceProfile, profileName});
    account.notify({Kind::Modified, Entity::Role, roleName});
}

} // namespace

void registerIamRoleOperations(OperationTable &table)
{
    table.emplace("iam:CreateRole", createRole);
    table.emplace("iam:GetRole", getRole);
    table.emplace("iam:ListRoles", listRoles);
    table.emplace("iam:UpdateRole", updateRole);
    table.emplace("iam:UpdateAssumeRolePolicy", updateAssumeRolePolicy);
    table.emplace("iam:DeleteRole", deleteRole);
    table.emplace("iam:CreateInstanceProfile", createInstanceProfile);
    table.emplace("iam:GetInstanceProfile", getInstanceProfile);
    table.emplace("iam:ListInstanceProfiles", listInstanceProfiles);
    table.emplace("iam:ListInstanceProfilesForRole", listInstanceProfilesForRole);
    table.emplace("iam:DeleteInstanceProfile", deleteInstanceProfile);
    table.emplace("iam:AddRoleToInstanceProfile", addRoleToInstanceProfile);
    table.emplace("iam:RemoveRoleFromInstanceProfile", removeRoleFromInstanceProfile);
}

} // namespace iam::iamops
