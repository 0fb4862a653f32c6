#include "IamOperationSupport.h"

#include "Arn.h"
#include "PolicyParser.h"
#include "PolicyValidator.h"

#include <algorithm>
#include <cctype>

namespace iam::iamops {

namespace {

// What AWS says first for each kind of malformed document; our own finding, with
// its line and column, follows.
std::string malformedLead(const std::string &code)
{
    if (code == "PRINCIPAL_NOT_ALLOWED")
        return "Policy document should not specify a principal.";
    if (code == "MISSING_PRINCIPAL")
        return "Missing required field Principal.";
    if (code == "RESOURCE_IN_TRUST_POLICY")
        return "Has prohibited field Resource.";
    if (code == "MISSING_RESOURCE")
        return "Missing required field Resource.";
    if (code == "MISSING_ACTION")
        return "Policy statement must contain actions.";
    if (code == "INVALID_VERSION")
        return "The policy failed legacy parsing.";
    if (code == "INVALID_ACTION_FORMAT")
        return "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    return "Syntax errors in policy.";
}

// IAM resolves the users and roles a trust policy names when it stores the policy,
// and refuses one that does not exist (id_roles_terms-and-concepts.md, "Invalid
// principal in policy"). Other accounts' principals cannot be checked here.
bool principalsExist(CallContext &ctx, const PolicyDocument &document)
{
    const Account &account = ctx.account;
    const auto exists = [&](std::string_view arn) {
        const auto parts = splitArn(arn);
        if (!parts || parts->service() != "iam" || parts->account() != account.accountId()
            || arn.find_first_of("*?") != std::string_view::npos)
            return true;
        const std::string_view resource = parts->resource();
        if (resource.starts_with("user/"))
            return std::any_of(account.users().begin(), account.users().end(),
                               [&](const User &user) { return account.userArn(user) == arn; });
        if (resource.starts_with("role/"))
            return std::any_of(account.roles().begin(), account.roles().end(),
                               [&](const Role &role) { return account.roleArn(role) == arn; });
        return true;
    };
    for (const Statement &statement : document.statements) {
        for (const PrincipalBlock *block : {&statement.principal, &statement.notPrincipal}) {
            for (const LocatedString &principal : block->aws) {
                if (!exists(principal.text))
                    return ctx.fail("MalformedPolicyDocument",
                                    "Invalid principal in policy: \"AWS\":\"" + principal.text + "\"");
            }
        }
    }
    return true;
}

} // namespace

void paginate(CallContext &ctx, const IamParameters &parameters, const char *key, json items)
{
    const std::size_t start = std::min(parameters.marker(), items.size());
    std::size_t end = items.size();
    if (parameters.maxItems())
        end = std::min(end, start + static_cast<std::size_t>(*parameters.maxItems()));
    json page = json::array();
    for (std::size_t i = start; i < end; ++i)
        page.push_back(std::move(items[i]));
    ctx.result.response[key] = std::move(page);
    ctx.result.response["IsTruncated"] = end < items.size();
    if (end < items.size())
        ctx.result.response["Marker"] = std::to_string(end);
}

bool acceptableDocument(CallContext &ctx, const std::string &text, PolicyType type)
{
    const ParseResult parsed = parsePolicy(text, "policy");
    const Diagnostics findings = validatePolicy(parsed, type);
    const auto error = std::find_if(findings.begin(), findings.end(),
                                    [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    if (error != findings.end())
        return ctx.fail("MalformedPolicyDocument", malformedLead(error->code) + " " + std::to_string(error->where.line)
                                                       + ":" + std::to_string(error->where.column) + ": "
                                                       + error->message);
    if (type == PolicyType::Trust && parsed.document)
        return principalsExist(ctx, *parsed.document);
    return true;
}

bool withinSizeQuota(CallContext &ctx, const std::string &text, const char *quota, std::size_t limit)
{
    const auto size = static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); }));
    if (size <= limit)
        return true;
    return ctx.fail("LimitExceeded", std::string("Cannot exceed quota for ") + quota + ": " + std::to_string(limit));
}

std::string entityArn(const Account &account, std::string_view type, std::string_view path, std::string_view name)
{
    return "arn:aws:iam::" + account.accountId() + ":" + std::string(type) + std::string(path) + std::string(name);
}

std::string userArnFor(const Account &account, std::string_view name)
{
    const User *user = account.findUser(name);
    return user ? account.userArn(*user) : entityArn(account, "user", "/", name);
}

std::string groupArnFor(const Account &account, std::string_view name)
{
    const Group *group = account.findGroup(name);
    return group ? account.groupArn(*group) : entityArn(account, "group", "/", name);
}

std::string roleArnFor(const Account &account, std::string_view name)
{
    const Role *role = account.findRole(name);
    return role ? account.roleArn(*role) : entityArn(account, "role", "/", name);
}

std::string instanceProfileArnFor(const Account &account, std::string_view name)
{
    const InstanceProfile *profile = account.findInstanceProfile(name);
    return profile ? account.instanceProfileArn(*profile) : entityArn(account, "instance-profile", "/", name);
}

std::string listArn(const Account &account, std::string_view type, std::string_view pathPrefix)
{
    return "arn:aws:iam::" + account.accountId() + ":" + std::string(type) + std::string(pathPrefix);
}

bool isAwsManagedArn(std::string_view arn)
{
    return arn.starts_with("arn:aws:iam::aws:policy/");
}

void addResourceTags(ExtraContext &extra, const std::vector<Tag> &tags)
{
    // Users and roles carry both the global and IAM's own tag key (reference_policies_iam-condition-keys.md).
    for (const Tag &tag : tags) {
        extra.push_back({"aws:ResourceTag/" + tag.key, {tag.value}});
        extra.push_back({"iam:ResourceTag/" + tag.key, {tag.value}});
    }
}

void addBoundary(ExtraContext &extra, const std::string &boundaryArn)
{
    if (!boundaryArn.empty())
        extra.push_back({"iam:PermissionsBoundary", {boundaryArn}});
}

void addRequestTags(ExtraContext &extra, const std::vector<Tag> &tags)
{
    if (tags.empty())
        return;
    std::vector<std::string> keys;
    for (const Tag &tag : tags) {
        extra.push_back({"aws:RequestTag/" + tag.key, {tag.value}});
        keys.push_back(tag.key);
    }
    addTagKeys(extra, keys);
}

void addTagKeys(ExtraContext &extra, const std::vector<std::string> &keys)
{
    if (!keys.empty())
        extra.push_back({"aws:TagKeys", keys});
}

bool failNoSuchUser(CallContext &ctx, std::string_view name)
{
    return ctx.fail("NoSuchEntity", "The user with name " + std::string(name) + " cannot be found.");
}

bool failNoSuchGroup(CallContext &ctx, std::string_view name)
{
    return ctx.fail("NoSuchEntity", "The group with name " + std::string(name) + " cannot be found.");
}

bool failNoSuchRole(CallContext &ctx, std::string_view name)
{
    return ctx.fail("NoSuchEntity", "The role with name " + std::string(name) + " cannot be found.");
}

bool failNoSuchInstanceProfile(CallContext &ctx, std::string_view name)
{
    return ctx.fail("NoSuchEntity", "Instance Profile " + std::string(name) + " cannot be found.");
}

bool failNoSuchPolicy(CallContext &ctx, std::string_view arn)
{
    return ctx.fail("NoSuchEntity", "Policy " + std::string(arn) + " was not found.");
}

const AwsManagedPolicy *findAwsManaged(const Account &account, std::string_view arn)
{
    return account.awsManaged() ? account.awsManaged()->find(arn) : nullptr;
}

bool sameKey(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

void mergeTags(std::vector<Tag> &tags, const std::vector<Tag> &added)
{
    // "If a tag with the same key name already exists, then that tag is overwritten
    // with the new value" (API_TagRole); IAM tag keys are case-insensitive (id_tags.md).
    for (const Tag &tag : added) {
        const auto it = std::find_if(tags.begin(), tags.end(), [&](const Tag &t) { return sameKey(t.key, tag.key); });
        if (it == tags.end())
            tags.push_back(tag);
        else
            *it = tag;
    }
}

void removeTags(std::vector<Tag> &tags, const std::vector<std::string> &keys)
{
    tags.erase(std::remove_if(tags.begin(), tags.end(),
                              [&](const Tag &tag) {
                                  return std::any_of(keys.begin(), keys.end(),
                                                     [&](const std::string &key) { return sameKey(key, tag.key); });
                              }),
               tags.end());
}

bool withinTagQuota(CallContext &ctx, std::vector<Tag> tags, const std::vector<Tag> &added, const char *quota)
{
    mergeTags(tags, added);
    if (tags.size() <= 50)
        return true;
    return ctx.fail("LimitExceeded", std::string("Cannot exceed quota for ") + quota + ": 50");
}

json documentJson(const std::string &text)
{
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return text;
    return document;
}

json tagsJson(const std::vector<Tag> &tags)
{
    json list = json::array();
    for (const Tag &tag : tags)
        list.push_back({{"Key", tag.key}, {"Value", tag.value}});
    return list;
}

namespace {

json boundaryJson(const std::string &arn)
{
    return {{"PermissionsBoundaryType", "PermissionsBoundaryPolicy"}, {"PermissionsBoundaryArn", arn}};
}

// The last time a session of the role made an allowed call, from the event log.
json roleLastUsed(const Account &account, const Role &role)
{
    const std::string prefix = "arn:aws:sts::" + account.accountId() + ":assumed-role/" + role.name + "/";
    const auto &events = account.eventLog().events();
    const auto it = std::find_if(events.rbegin(), events.rend(),
                                 [&](const Event &e) { return e.allowed && e.callerArn.starts_with(prefix); });
    if (it == events.rend())
        return json::object();
    return {{"LastUsedDate", it->time}, {"Region", "us-east-1"}};
}

} // namespace

json userJson(const Account &account, const User &user, bool detailed)
{
    json object = {{"Path", user.path},
                   {"UserName", user.name},
                   {"UserId", user.id},
                   {"Arn", account.userArn(user)},
                   {"CreateDate", user.createDate}};
    if (detailed && !user.permissionsBoundary.empty())
        object["PermissionsBoundary"] = boundaryJson(user.permissionsBoundary);
    if (detailed && !user.tags.empty())
        object["Tags"] = tagsJson(user.tags);
    return object;
}

json groupJson(const Account &account, const Group &group)
{
    return {{"Path", group.path},
            {"GroupName", group.name},
            {"GroupId", group.id},
            {"Arn", account.groupArn(group)},
            {"CreateDate", group.createDate}};
}

json roleJson(const Account &account, const Role &role, bool detailed)
{
    json object = {{"Path", role.path},
                   {"RoleName", role.name},
                   {"RoleId", role.id},
                   {"Arn", account.roleArn(role)},
                   {"CreateDate", role.createDate},
                   {"AssumeRolePolicyDocument", documentJson(role.trustPolicy)},
                   {"MaxSessionDuration", role.maxSessionDuration}};
    // IAM leaves out a description that was never given.
    if (!role.description.empty())
        object["Description"] = role.description;
    if (detailed && !role.permissionsBoundary.empty())
        object["PermissionsBoundary"] = boundaryJson(role.permissionsBoundary);
    if (detailed && !role.tags.empty())
        object["Tags"] = tagsJson(role.tags);
    if (detailed)
        object["RoleLastUsed"] = roleLastUsed(account, role);
    return object;
}

json instanceProfileJson(const Account &account, const InstanceProfile &profile)
{
    json roles = json::array();
    if (const Role *role = profile.role.empty() ? nullptr : account.findRole(profile.role))
        roles.push_back(roleJson(account, *role, false));
    return {{"Path", profile.path},
            {"InstanceProfileName", profile.name},
            {"InstanceProfileId", profile.id},
            {"Arn", account.instanceProfileArn(profile)},
            {"CreateDate", profile.createDate},
            {"Roles", roles}};
}

} // namespace iam::iamops
