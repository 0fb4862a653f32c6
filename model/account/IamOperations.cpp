// The IAM operations on users, groups and tags, and the table of all IAM
// operations. Each one does what IAM does, in IAM's order: the parameters' syntax
// first (ValidationError, MalformedPolicyDocument), then authorization with IAM's
// action and the ARN the entity has or would have, then existence and conflicts,
// then the change and its notification. Roles and instance profiles are in
// IamRoleOperations.cpp, policies in IamPolicyOperations.cpp and
// IamPolicyAttachmentOperations.cpp.

#include "AccountApi.h"
#include "IamOperationSupport.h"

#include <algorithm>

namespace iam {

using namespace iamops;
using Entity = AccountChange::Entity;
using Kind = AccountChange::Kind;

namespace {

// ---------------------------------------------------------------- users

void createUser(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("UserName", kUserNameMax);
    const std::string path = p.path();
    const auto boundary = p.optionalArn("PermissionsBoundary");
    const std::vector<Tag> tags = p.tags();
    if (!p.valid())
        return;
    Account &account = ctx.account;
    const std::string arn = entityArn(account, "user", path, name);
    ExtraContext extra;
    addRequestTags(extra, tags);
    addBoundary(extra, boundary.value_or(""));
    if (!ctx.authorize("iam:CreateUser", arn, extra))
        return;
    // Tagging on creation needs the tag action too (id_tags_users.md, "Permissions required").
    if (!tags.empty() && !ctx.authorize("iam:TagUser", arn, extra))
        return;
    if (account.nameTaken(Entity::User, name)) {
        ctx.fail("EntityAlreadyExists", "User with name " + name + " already exists.");
        return;
    }
    if (boundary && !account.managedPolicyExists(*boundary)) {
        ctx.fail("NoSuchEntity", "Scope ARN: " + *boundary + " does not exist or is not attachable.");
        return;
    }
    User user;
    user.name = name;
    user.path = path;
    user.id = account.newId("AIDA");
    user.createDate = account.now();
    user.tags = tags;
    user.permissionsBoundary = boundary.value_or("");
    account.mutableUsers().push_back(std::move(user));
    ctx.result.response = {{"User", userJson(account, account.users().back(), true)}};
    account.notify({Kind::Added, Entity::User, name});
}

// The user named `name`, after authorizing `action` on it with its tags in the
// context; nullptr (and the call failed) when denied or missing.
User *authorizedUser(CallContext &ctx, const std::string &name, const char *action)
{
    User *user = ctx.account.findUser(name);
    ExtraContext extra;
    if (user)
        addResourceTags(extra, user->tags);
    if (!ctx.authorize(action, userArnFor(ctx.account, name), extra))
        return nullptr;
    if (!user)
        failNoSuchUser(ctx, name);
    return user;
}

void getUser(CallContext &ctx)
{
    IamParameters p(ctx);
    const auto name = p.optionalName("UserName", kUserNameMax);
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    // Without a name, IAM describes the caller: a user, or the account's root user.
    if (!name && ctx.caller.kind == CallerIdentity::Kind::RoleSession) {
        ctx.fail("ValidationError", "Must specify userName when calling with non-User credentials");
        return;
    }
    if (!name && ctx.caller.kind == CallerIdentity::Kind::Root) {
        const std::string arn = account.callerArn(ctx.caller);
        if (!ctx.authorize("iam:GetUser", arn))
            return;
        // The simulated account keeps no creation date for its root user.
        ctx.result.response = {{"User", {{"UserId", account.accountId()}, {"Arn", arn}}}};
        return;
    }
    if (const User *user = authorizedUser(ctx, name.value_or(ctx.caller.name), "iam:GetUser"))
        ctx.result.response = {{"User", userJson(account, *user, true)}};
}

void listUsers(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string prefix = p.pathPrefix();
    p.paging();
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    if (!ctx.authorize("iam:ListUsers", listArn(account, "user", prefix)))
        return;
    json users = json::array();
    for (const User *user : sortedByName(account.users(), prefix))
        users.push_back(userJson(account, *user, false));
    paginate(ctx, p, "Users", std::move(users));
}

void deleteUser(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("UserName", kUserNameMax);
    if (!p.valid())
        return;
    const User *user = authorizedUser(ctx, name, "iam:DeleteUser");
    if (!user)
        return;
    Account &account = ctx.account;
    // IAM deletes nothing a user still holds (id_users_manage.md, "Deleting an IAM user").
    if (!user->groups.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must remove user from all groups first.");
        return;
    }
    if (!user->attachedPolicies.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must detach all policies first.");
        return;
    }
    if (!user->inlinePolicies.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must delete policies first.");
        return;
    }
    auto &users = account.mutableUsers();
    users.erase(users.begin() + (user - users.data()));
    account.notify({Kind::Removed, Entity::User, name});
}

// ---------------------------------------------------------------- groups

void createGroup(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("GroupName", kGroupNameMax);
    const std::string path = p.path();
    if (!p.valid())
        return;
    Account &account = ctx.account;
    if (!ctx.authorize("iam:CreateGroup", entityArn(account, "group", path, name)))
        return;
    if (account.nameTaken(Entity::Group, name)) {
        ctx.fail("EntityAlreadyExists", "Group with name " + name + " already exists.");
        return;
    }
    Group group;
    group.name = name;
    group.path = path;
    group.id = account.newId("AGPA");
    group.createDate = account.now();
    account.mutableGroups().push_back(std::move(group));
    ctx.result.response = {{"Group", groupJson(account, account.groups().back())}};
    account.notify({Kind::Added, Entity::Group, name});
}

std::vector<const User *> membersOf(const Account &account, const std::string &group)
{
    std::vector<const User *> members;
    for (const User &user : account.users()) {
        if (std::find(user.groups.begin(), user.groups.end(), group) != user.groups.end())
            members.push_back(&user);
    }
    return members;
}

void getGroup(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("GroupName", kGroupNameMax);
    p.paging();
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    if (!ctx.authorize("iam:GetGroup", groupArnFor(account, name)))
        return;
    const Group *group = account.findGroup(name);
    if (!group) {
        failNoSuchGroup(ctx, name);
        return;
    }
    json users = json::array();
    for (const User *user : membersOf(account, name))
        users.push_back(userJson(account, *user, false));
    ctx.result.response["Group"] = groupJson(account, *group);
    paginate(ctx, p, "Users", std::move(users));
}

void listGroups(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string prefix = p.pathPrefix();
    p.paging();
    if (!p.valid())
        return;
    const Account &account = ctx.account;
    if (!ctx.authorize("iam:ListGroups", listArn(account, "group", prefix)))
        return;
    json groups = json::array();
    for (const Group *group : sortedByName(account.groups(), prefix))
        groups.push_back(groupJson(account, *group));
    paginate(ctx, p, "Groups", std::move(groups));
}

void deleteGroup(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("GroupName", kGroupNameMax);
    if (!p.valid())
        return;
    Account &account = ctx.account;
    if (!ctx.authorize("iam:DeleteGroup", groupArnFor(account, name)))
        return;
    const Group *group = account.findGroup(name);
    if (!group) {
        failNoSuchGroup(ctx, name);
        return;
    }
    if (!membersOf(account, name).empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must remove users from group first.");
        return;
    }
    if (!group->attachedPolicies.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must detach all policies first.");
        return;
    }
    if (!group->inlinePolicies.empty()) {
        ctx.fail("DeleteConflict", "Cannot delete entity, must delete policies first.");
        return;
    }
    auto &groups = account.mutableGroups();
    groups.erase(groups.begin() + (group - groups.data()));
    account.notify({Kind::Removed, Entity::Group, name});
}

// AddUserToGroup and RemoveUserFromGroup are authorized on the group
// (list_identityandaccessmanagement.html: their resource type is "group").
void changeMembership(CallContext &ctx, bool add)
{
    IamParameters p(ctx);
    const std::string groupName = p.name("GroupName", kGroupNameMax);
    const std::string userName = p.name("UserName", kUserNameMax);
    if (!p.valid())
        return;
    Account &account = ctx.account;
    if (!ctx.authorize(add ? "iam:AddUserToGroup" : "iam:RemoveUserFromGroup", groupArnFor(account, groupName)))
        return;
    if (!account.findGroup(groupName)) {
        failNoSuchGroup(ctx, groupName);
        return;
    }
    User *user = account.findUser(userName);
    if (!user) {
        failNoSuchUser(ctx, userName);
        return;
    }
    const auto it = std::find(user->groups.begin(), user->groups.end(), groupName);
    if (add) {
        if (it != user->groups.end())
            return;   // already a member: IAM succeeds and changes nothing
        // The default quota of groups per user (reference_iam-quotas.md).
        if (user->groups.size() >= 10) {
            ctx.fail("LimitExceeded", "Cannot exceed quota for GroupsPerUser: 10");
            return;
        }
        user->groups.push_back(groupName);
    } else {
        if (it == user->groups.end()) {
            failNoSuchUser(ctx, userName);
            return;
        }
        user->groups.erase(it);
    }
    account.notify({Kind::Modified, Entity::Group, groupName});
    account.notify({Kind::Modified, Entity::User, userName});
}

void listGroupsForUser(CallContext &ctx)
{
    IamParameters p(ctx);
    const std::string name = p.name("UserName", kUserNameMax);
    p.paging();
    if (!p.valid())
        return;
    const User *user = authorizedUser(ctx, name, "iam:ListGroupsForUser");
    if (!user)
        return;
    const Account &account = ctx.account;
    json groups = json::array();
    for (const std::string &groupName : user->groups) {
        if (const Group *group = account.findGroup(groupName))
            groups.push_back(groupJson(account, *group));
    }
    paginate(ctx, p, "Groups", std::move(groups));
}

// ---------------------------------------------------------------- tags

// TagUser / UntagUser / ListUserTags and the role ones differ only in the entity.
template<typename T>
struct TagTarget
{
    const char *nameParam;
    std::size_t nameMax;
    const char *prefix;    // "User", "Role": iam:TagUser, ...
    const char *quota;     // "TagsPerUser"
    Entity entity;
    T *(*find)(Account &, std::string_view);
    std::string (*arnFor)(const Account &, std::string_view);
    bool (*missing)(CallContext &, std::string_view);
};

const TagTarget<User> kUserTags{"UserName", kUserNameMax, "User", "TagsPerUser", Entity::User,
                                [](Account &a, std::string_view n) { return a.findUser(n); }, userArnFor,
                                failNoSuchUser};
const TagTarget<Role> kRoleTags{"RoleName", kRoleNameMax, "Role", "TagsPerRole", Entity::Role,
                                [](Account &a, std::string_view n) { return a.findRole(n); }, roleArnFor,
                                failNoSuchRole};

template<typename T>
T *authorizedTarget(CallContext &ctx, const TagTarget<T> &target, const std::string &name, const std::string &action,
                    ExtraContext extra)
{
    T *entity = target.find(ctx.account, name);
    if (entity)
        addResourceTags(extra, entity->tags);
    if (!ctx.authorize(action, target.arnFor(ctx.account, name), extra))
        return nullptr;
    if (!entity)
        target.missing(ctx, name);
    return entity;
}

template<typename T>
void tagEntity(CallContext &ctx, const TagTarget<T> &target)
{
    IamParameters p(ctx);
    const std::string name = p.name(target.nameParam, target.nameMax);
    const std::vector<Tag> tags = p.tags("Tags", true);
    if (!p.valid())
        return;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (sameKey(tags[i].key, tags[j].key)) {
                ctx.fail("InvalidInput", "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
                return;
            }
        }
    }
    ExtraContext extra;
    addRequestTags(extra, tags);
    T *entity = authorizedTarget(ctx, target, name, std::string("iam:Tag") + target.prefix, extra);
    if (!entity || !withinTagQuota(ctx, entity->tags, tags, target.quota))
        return;
    mergeTags(entity->tags, tags);
    ctx.account.notify({Kind::Modified, target.entity, name});
}

template<typename T>
void untagEntity(CallContext &ctx, const TagTarget<T> &target)
{
    IamParameters p(ctx);
    const std::string name = p.name(target.nameParam, target.nameMax);
    const std::vector<std::string> keys = p.tagKeys();
    if (!p.valid())
        return;
    ExtraContext extra;
    addTagKeys(extra, keys);
    T *entity = authorizedTarget(ctx, target, name, std::string("iam:Untag") + target.prefix, extra);
    if (!entity)
        return;
    removeTags(entity->tags, keys);
    ctx.account.notify({Kind::Modified, target.entity, name});
}

template<typename T>
void listEntityTags(CallContext &ctx, const TagTarget<T> &target)
{
    IamParameters p(ctx);
    const std::string name = p.name(target.nameParam, target.nameMax);
    p.paging();
    if (!p.valid())
        return;
    const std::string action = std::string("iam:List") + target.prefix + "Tags";
    if (const T *entity = authorizedTarget(ctx, target, name, action, {}))
        paginate(ctx, p, "Tags", tagsJson(entity->tags));
}

} // namespace

void registerIamOperations(OperationTable &table)
{
    table.emplace("iam:CreateUser", createUser);
    table.emplace("iam:GetUser", getUser);
    table.emplace("iam:ListUsers", listUsers);
    table.emplace("iam:DeleteUser", deleteUser);
    table.emplace("iam:CreateGroup", createGroup);
    table.emplace("iam:GetGroup", getGroup);
    table.emplace("iam:ListGroups", listGroups);
    table.emplace("iam:DeleteGroup", deleteGroup);
    table.emplace("iam:AddUserToGroup", [](CallContext &ctx) { changeMembership(ctx, true); });
    table.emplace("iam:RemoveUserFromGroup", [](CallContext &ctx) { changeMembership(ctx, false); });
    table.emplace("iam:ListGroupsForUser", listGroupsForUser);
    table.emplace("iam:TagUser", [](CallContext &ctx) { tagEntity(ctx, kUserTags); });
    table.emplace("iam:UntagUser", [](CallContext &ctx) { untagEntity(ctx, kUserTags); });
    table.emplace("iam:ListUserTags", [](CallContext &ctx) { listEntityTags(ctx, kUserTags); });
    table.emplace("iam:TagRole", [](CallContext &ctx) { tagEntity(ctx, kRoleTags); });
    table.emplace("iam:UntagRole", [](CallContext &ctx) { untagEntity(ctx, kRoleTags); });
    table.emplace("iam:ListRoleTags", [](CallContext &ctx) { listEntityTags(ctx, kRoleTags); });
    iamops::registerIamRoleOperations(table);
    iamops::registerIamPolicyOperations(table);
    iamops::registerIamPolicyAttachmentOperations(table);
    iamops::registerIamSimulateOperations(table);
}

} // namespace iam
