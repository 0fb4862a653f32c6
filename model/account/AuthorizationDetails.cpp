// Import of `aws iam get-account-authorization-details` (AuthorizationDetails.h).
// The export is in AuthorizationDetailsExport.cpp.

#include "AuthorizationDetails.h"

#include "JsonFieldReader.h"

#include <unordered_map>
#include <unordered_set>

namespace iam {

namespace {

using Json = JsonFieldReader::Json;
constexpr auto Required = JsonFieldReader::Required;
constexpr auto Optional = JsonFieldReader::Optional;
constexpr std::string_view kAwsManagedPrefix = "arn:aws:iam::aws:policy/";

// The API returns policy documents URL-encoded (RFC 3986 percent-encoding; a `+`
// stays a `+`). nullopt when a `%` is not followed by two hex digits.
std::optional<std::string> urlDecode(std::string_view text)
{
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        c = static_cast<char>(c | 0x20);
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size() || hex(text[i + 1]) < 0 || hex(text[i + 2]) < 0)
            return std::nullopt;
        out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
        i += 2;
    }
    return out;
}

// "arn:aws:iam::444455556666:user/alice" -> "444455556666"; empty for anything else.
std::string accountOfArn(std::string_view arn)
{
    constexpr std::string_view prefix = "arn:aws:iam::";
    if (!arn.starts_with(prefix))
        return {};
    const std::string_view rest = arn.substr(prefix.size());
    const std::size_t colon = rest.find(':');
    if (colon != 12)
        return {};
    for (std::size_t i = 0; i < colon; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(rest[i])))
            return {};
    }
    return std::string(rest.substr(0, colon));
}

struct AccountArn
{
    std::string accountId;
    std::string pointer;   // of the Arn it came from
};

std::optional<AccountArn> findAccount(const Json &root)
{
    if (!root.is_object())
        return std::nullopt;
    for (const char *list : {"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"}) {
        const auto it = root.find(list);
        if (it == root.end() || !it->is_array())
            continue;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const Json &entry = (*it)[i];
            if (!entry.is_object() || !entry.contains("Arn") || !entry["Arn"].is_string())
                continue;
            std::string accountId = accountOfArn(entry["Arn"].get<std::string>());
            if (!accountId.empty())
                return AccountArn{std::move(accountId), "/" + std::string(list) + "/" + std::to_string(i) + "/Arn"};
        }
    }
    return std::nullopt;
}

class DetailsImporter
{
public:
    DetailsImporter(std::string_view text, const std::string &source, const Account &into)
        : m_in(text, source), m_fresh(into.accountId(), into.awsManaged())
    {
    }

    Diagnostics run(Account &into);

private:
    struct Reference
    {
        std::string name;
        std::string pointer;
    };

    void readPolicy(const Json &value, const std::string &pointer);
    void readGroup(const Json &value, const std::string &pointer);
    void readUser(const Json &value, const std::string &pointer);
    void readRole(const Json &value, const std::string &pointer);
    void readInstanceProfile(const Json &value, const std::string &pointer, const std::string &role);
    void checkReferences();

    std::string readDocument(const Json &object, const std::string &pointer, std::string_view key,
                             JsonFieldReader::Presence presence);
    std::vector<InlinePolicy> readInlinePolicies(const Json &object, const std::string &pointer, std::string_view key);
    std::vector<std::string> readAttached(const Json &object, const std::string &pointer);
    std::string readBoundary(const Json &object, const std::string &pointer);
    std::vector<Tag> readTags(const Json &object, const std::string &pointer);
    // A customer policy ARN of the listing's account, in `into`'s account.
    std::string localArn(const std::string &arn) const;

    JsonFieldReader m_in;
    Account m_fresh;
    std::string m_listingAccount;
    std::unordered_set<std::string> m_userNames, m_groupNames, m_roleNames, m_policyNames;
    std::unordered_map<std::string, std::string> m_profileRoles;   // profile name -> its role
    std::unordered_set<std::string> m_customerArns;
    std::vector<Reference> m_policyReferences, m_groupReferences;
};

std::string DetailsImporter::readDocument(const Json &object, const std::string &pointer, std::string_view key,
                                          JsonFieldReader::Presence presence)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) {
        // The CLI decodes documents into JSON objects, keeping their key order.
        if (it != object.end() && it->is_object())
            return it->dump(4);
        if (it != object.end())
            m_in.error(JsonFieldReader::member(pointer, key), "INVALID_FIELD_TYPE",
                       "`" + std::string(key) + "` must be a policy document (an object or a string)");
        else if (presence == Required)
            m_in.error(pointer, "MISSING_FIELD", "missing `" + std::string(key) + "`");
        return {};
    }
    std::string text = it->get<std::string>();
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] != '{') {
        std::optional<std::string> decoded = urlDecode(text);
        if (!decoded) {
            m_in.error(JsonFieldReader::member(pointer, key), "INVALID_VALUE",
                       "`" + std::string(key) + "` is neither a JSON policy nor a URL-encoded one");
            return {};
        }
        text = std::move(*decoded);
    }
    // Every form is written out the same way, as an object given inline is, so that
    // an export read back gives the same text. A document that is not JSON is kept
    // as it is, for the policy editor to point at its fault.
    const Json document = Json::parse(text, nullptr, false);
    return document.is_discarded() ? text : document.dump(4);
}

std::vector<InlinePolicy> DetailsImporter::readInlinePolicies(const Json &object, const std::string &pointer,
                                                              std::string_view key)
{
    std::vector<InlinePolicy> policies;
    std::unordered_set<std::string> names;
    m_in.forEachObject(object, pointer, key, "an inline policy", [&](const Json &item, const std::string &at) {
        InlinePolicy policy{m_in.name(item, at, "PolicyName"), readDocument(item, at, "PolicyDocument", Required)};
        m_in.claimName(names, policy.name, JsonFieldReader::member(at, "PolicyName"), "inline policy name");
        policies.push_back(std::move(policy));
    });
    return policies;
}

std::vector<std::string> DetailsImporter::readAttached(const Json &object, const std::string &pointer)
{
    std::vector<std::string> arns;
    std::unordered_set<std::string> seen;
    m_in.forEachObject(object, pointer, "AttachedManagedPolicies", "an attached policy",
                       [&](const Json &item, const std::string &at) {
                           std::string arn = localArn(m_in.name(item, at, "PolicyArn"));
                           if (arn.empty())
                               return;
                           const std::string arnPointer = JsonFieldReader::member(at, "PolicyArn");
                           if (!seen.insert(arn).second)
                               m_in.error(arnPointer, "DUPLICATE_NAME", "`" + arn + "` is attached twice");
                           m_policyReferences.push_back({arn, arnPointer});
                           arns.push_back(std::move(arn));
                       });
    return arns;
}

std::string DetailsImporter::readBoundary(const Json &object, const std::string &pointer)
{
    const Json *boundary = m_in.object(object, pointer, "PermissionsBoundary", Optional);
    if (!boundary)
        return {};
    const std::string boundaryPointer = JsonFieldReader::member(pointer, "PermissionsBoundary");
    std::string arn = localArn(m_in.name(*boundary, boundaryPointer, "PermissionsBoundaryArn"));
    if (!arn.empty())
        m_policyReferences.push_back({arn, JsonFieldReader::member(boundaryPointer, "PermissionsBoundaryArn")});
    return arn;
}

std::vector<Tag> DetailsImporter::readTags(const Json &object, const std::string &pointer)
{
    std::vector<Tag> tags;
    std::unordered_set<std::string> keys;
    m_in.forEachObject(object, pointer, "Tags", "a tag", [&](const Json &item, const std::string &at) {
        Tag tag{m_in.name(item, at, "Key"), m_in.string(item, at, "Value", Optional)};
        m_in.claimName(keys, tag.key, JsonFieldReader::member(at, "Key"), "tag key");
        tags.push_back(std::move(tag));
    });
    return tags;
}

std::string DetailsImporter::localArn(const std::string &arn) const
{
    if (m_listingAccount.empty() || m_listingAccount == m_fresh.accountId())
        return arn;
    const std::string prefix = "arn:aws:iam::" + m_listingAccount + ":";
    if (!arn.starts_with(prefix))
        return arn;
    return "arn:aws:iam::" + m_fresh.accountId() + ":" + arn.substr(prefix.size());
}

void DetailsImporter::readPolicy(const Json &value, const std::string &pointer)
{
    const std::string arn = m_in.string(value, pointer, "Arn", Optional);
    // AWS-managed policies come from the catalog; the listing only shows which are in use.
    if (arn.starts_with(kAwsManagedPrefix))
        return;
    ManagedPolicy policy;
    policy.name = m_in.name(value, pointer, "PolicyName");
    m_in.claimName(m_policyNames, policy.name, JsonFieldReader::member(pointer, "PolicyName"), "policy name");
    policy.path = m_in.path(value, pointer, "Path");
    policy.id = m_in.string(value, pointer, "PolicyId", Optional);
    policy.description = m_in.string(value, pointer, "Description", Optional);
    policy.createDate = m_in.string(value, pointer, "CreateDate", Optional);
    policy.tags = readTags(value, pointer);
    const std::string defaultVersion = m_in.string(value, pointer, "DefaultVersionId", Optional);
    std::string markedDefault;
    std::unordered_set<std::string> ids;
    m_in.forEachObject(value, pointer, "PolicyVersionList", "a policy version", [&](const Json &item, const std::string &at) {
        PolicyVersion version;
        version.versionId = m_in.name(item, at, "VersionId");
        version.document = readDocument(item, at, "Document", Required);
        version.createDate = m_in.string(item, at, "CreateDate", Optional);
        m_in.claimName(ids, version.versionId, JsonFieldReader::member(at, "VersionId"), "version", false);
        if (m_in.boolean(item, at, "IsDefaultVersion", Optional)) {
            if (!defaultVersion.empty() && version.versionId != defaultVersion)
                m_in.error(JsonFieldReader::member(at, "IsDefaultVersion"), "INVALID_VALUE",
                           "`" + version.versionId + "` is marked default but `DefaultVersionId` is `" + defaultVersion
                               + "`");
            markedDefault = version.versionId;
        }
        policy.versions.push_back(std::move(version));
    });
    policy.defaultVersionId = !defaultVersion.empty() ? defaultVersion : markedDefault;
    const auto versions = value.find("PolicyVersionList");
    if (versions == value.end())
        m_in.error(pointer, "MISSING_FIELD", "missing `PolicyVersionList`");
    else if (versions->is_array() && (versions->empty() || versions->size() > 5))
        m_in.error(JsonFieldReader::member(pointer, "PolicyVersionList"), "INVALID_VALUE",
                   "a managed policy has one to five versions, not " + std::to_string(versions->size()));
    else if (versions->is_array() && policy.defaultVersionId.empty())
        m_in.error(pointer, "MISSING_FIELD", "no `DefaultVersionId` and no version marked `IsDefaultVersion`");
    else if (versions->is_array() && !ids.count(policy.defaultVersionId))
        m_in.error(JsonFieldReader::member(pointer, "DefaultVersionId"), "INVALID_VALUE",
                   "default version `" + policy.defaultVersionId + "` is not in `PolicyVersionList`");
    // Attachments name a policy by ARN: the listed one must be the one its path and name make.
    const std::string computed = m_fresh.policyArn(policy);
    if (!arn.empty() && localArn(arn) != computed)
        m_in.error(JsonFieldReader::member(pointer, "Arn"), "INVALID_VALUE",
                   "`Arn` does not match `Path` and `PolicyName` (`" + computed + "`)");
    m_customerArns.insert(computed);
    m_fresh.mutablePolicies().push_back(std::move(policy));
}

void DetailsImporter::readGroup(const Json &value, const std::string &pointer)
{
    Group group;
    group.name = m_in.name(value, pointer, "GroupName");
    m_in.claimName(m_groupNames, group.name, JsonFieldReader::member(pointer, "GroupName"), "group name");
    group.path = m_in.path(value, pointer, "Path");
    group.id = m_in.string(value, pointer, "GroupId", Optional);
    group.createDate = m_in.string(value, pointer, "CreateDate", Optional);
    group.inlinePolicies = readInlinePolicies(value, pointer, "GroupPolicyList");
    group.attachedPolicies = readAttached(value, pointer);
    m_fresh.mutableGroups().push_back(std::move(group));
}

void DetailsImporter::readUser(const Json &value, const std::string &pointer)
{
    User user;
    user.name = m_in.name(value, pointer, "UserName");
    m_in.claimName(m_userNames, user.name, JsonFieldReader::member(pointer, "UserName"), "user name");
    user.path = m_in.path(value, pointer, "Path");
    user.id = m_in.string(value, pointer, "UserId", Optional);
    user.createDate = m_in.string(value, pointer, "CreateDate", Optional);
    user.inlinePolicies = readInlinePolicies(value, pointer, "UserPolicyList");
    user.groups = m_in.strings(value, pointer, "GroupList");
    if (const auto list = value.find("GroupList"); list != value.end() && list->is_array()) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            if ((*list)[i].is_string())
                m_groupReferences.push_back({(*list)[i].get<std::string>(),
                                             JsonFieldReader::item(JsonFieldReader::member(pointer, "GroupList"), i)});
        }
    }
    user.attachedPolicies = readAttached(value, pointer);
    user.permissionsBoundary = readBoundary(value, pointer);
    user.tags = readTags(value, pointer);
    m_fresh.mutableUsers().push_back(std::move(user));
}

void DetailsImporter::readInstanceProfile(const Json &value, const std::string &pointer, const std::string &role)
{
    InstanceProfile profile;
    profile.name = m_in.name(value, pointer, "InstanceProfileName");
    profile.path = m_in.path(value, pointer, "Path");
    profile.id = m_in.string(value, pointer, "InstanceProfileId", Optional);
    profile.createDate = m_in.string(value, pointer, "CreateDate", Optional);
    profile.role = role;
    if (profile.name.empty())
        return;
    // A profile shows up under its role; IAM lets a profile hold one role.
    const auto [it, added] = m_profileRoles.emplace(JsonFieldReader::lowercase(profile.name), role);
    if (!added) {
        m_in.error(JsonFieldReader::member(pointer, "InstanceProfileName"), "DUPLICATE_NAME",
                   "instance profile `" + profile.name + "` is listed under roles `" + it->second + "` and `" + role
                       + "`; a profile holds one role");
        return;
    }
    m_fresh.mutableInstanceProfiles().push_back(std::move(profile));
}

void DetailsImporter::readRole(const Json &value, const std::string &pointer)
{
    Role role;
    role.name = m_in.name(value, pointer, "RoleName");
    m_in.claimName(m_roleNames, role.name, JsonFieldReader::member(pointer, "RoleName"), "role name");
    role.path = m_in.path(value, pointer, "Path");
    role.id = m_in.string(value, pointer, "RoleId", Optional);
    role.createDate = m_in.string(value, pointer, "CreateDate", Optional);
    role.description = m_in.string(value, pointer, "Description", Optional);
    role.maxSessionDuration = static_cast<int>(m_in.integer(value, pointer, "MaxSessionDuration", Optional, 3600));
    role.trustPolicy = readDocument(value, pointer, "AssumeRolePolicyDocument", Required);
    role.inlinePolicies = readInlinePolicies(value, pointer, "RolePolicyList");
    role.attachedPolicies = readAttached(value, pointer);
    role.permissionsBoundary = readBoundary(value, pointer);
    role.tags = readTags(value, pointer);
    m_in.forEachObject(value, pointer, "InstanceProfileList", "an instance profile",
                       [&](const Json &item, const std::string &at) { readInstanceProfile(item, at, role.name); });
    m_fresh.mutableRoles().push_back(std::move(role));
}

void DetailsImporter::checkReferences()
{
    const AwsManagedPolicies *catalog = m_fresh.awsManaged();
    for (const Reference &reference : m_policyReferences) {
        if (reference.name.starts_with(kAwsManagedPrefix)) {
            if (catalog && !catalog->find(reference.name))
                m_in.error(reference.pointer, "UNKNOWN_POLICY", "`" + reference.name + "` is not an AWS-managed policy");
        } else if (!m_customerArns.count(reference.name)) {
            m_in.error(reference.pointer, "UNKNOWN_POLICY",
                       "policy `" + reference.name + "` is not in `Policies`");
        }
    }
    std::unordered_set<std::string> groups;
    for (const Group &group : m_fresh.groups())
        groups.insert(group.name);
    for (const Reference &reference : m_groupReferences) {
        if (!groups.count(reference.name))
            m_in.error(reference.pointer, "UNKNOWN_GROUP", "group `" + reference.name + "` is not in `GroupDetailList`");
    }
}

Diagnostics DetailsImporter::run(Account &into)
{
    const std::optional<Json> root = m_in.parse();
    if (!root || !m_in.expectObject(*root, "", "an authorization-details listing"))
        return m_in.diagnostics();
    if (const std::optional<AccountArn> listing = findAccount(*root)) {
        m_listingAccount = listing->accountId;
        if (m_listingAccount != into.accountId())
            m_in.warning(listing->pointer, "OTHER_ACCOUNT",
                         "the listing is account " + m_listingAccount + "'s; its policies are imported into account "
                             + into.accountId());
    }
    if (m_in.boolean(*root, "", "IsTruncated", Optional))
        m_in.warning("/IsTruncated", "TRUNCATED", "the listing is truncated: entities on later pages are missing");

    // Policies first: the entities' attachments are checked against them.
    m_in.forEachObject(*root, "", "Policies", "a policy",
                       [&](const Json &value, const std::string &at) { readPolicy(value, at); });
    m_in.forEachObject(*root, "", "GroupDetailList", "a group",
                       [&](const Json &value, const std::string &at) { readGroup(value, at); });
    m_in.forEachObject(*root, "", "UserDetailList", "a user",
                       [&](const Json &value, const std::string &at) { readUser(value, at); });
    m_in.forEachObject(*root, "", "RoleDetailList", "a role",
                       [&](const Json &value, const std::string &at) { readRole(value, at); });
    checkReferences();
    Diagnostics diagnostics = m_in.diagnostics();
    if (hasErrors(diagnostics))
        return diagnostics;

    // Only now is `into` touched, and only its IAM entities: observers, the event
    // log, the clock and the id counter stay with it.
    into.mutableUsers() = std::move(m_fresh.mutableUsers());
    into.mutableGroups() = std::move(m_fresh.mutableGroups());
    into.mutableRoles() = std::move(m_fresh.mutableRoles());
    into.mutablePolicies() = std::move(m_fresh.mutablePolicies());
    into.mutableInstanceProfiles() = std::move(m_fresh.mutableInstanceProfiles());
    for (Ec2Instance &instance : into.mutableInstances()) {
        if (!instance.instanceProfile.empty() && !into.findInstanceProfile(instance.instanceProfile)) {
            instance.instanceProfile.clear();
            instance.associationId.clear();
        }
    }
    into.notify({AccountChange::Kind::Reset, AccountChange::Entity::Account, into.accountId()});
    return diagnostics;
}

} // namespace

Diagnostics importAuthorizationDetails(std::string_view json, const std::string &source, Account &into)
{
    return DetailsImporter(json, source, into).run(into);
}

std::optional<std::string> authorizationDetailsAccountId(std::string_view json)
{
    try {
        const std::optional<AccountArn> found = findAccount(Json::parse(json.begin(), json.end()));
        return found ? std::optional<std::string>(found->accountId) : std::nullopt;
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

} // namespace iam
