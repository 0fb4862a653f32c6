// readWorkspace(): the reading half of Workspace.h (Workspace.cpp describes the
// format). A file is taken whole or not at all: any error refuses it and nothing
// is built, so the account already open stays as it is.

#include "Workspace.h"

#include "AccountStateProbe.h"
#include "JsonFieldReader.h"
#include "TextEncoding.h"

#include <algorithm>
#include <unordered_set>

namespace iam {

namespace {

using Json = JsonFieldReader::Json;
constexpr auto Required = JsonFieldReader::Required;
constexpr auto Optional = JsonFieldReader::Optional;

bool isTime(std::string_view text)
{
    // 2024-05-01T09:00:00Z, as Account::now() writes it.
    static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() != kShape.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (kShape[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(text[i])) : text[i] != kShape[i])
            return false;
    }
    return true;
}

class WorkspaceReader
{
public:
    WorkspaceReader(std::string_view text, const std::string &source, const AwsManagedPolicies *awsManaged)
        : m_in(text, source), m_awsManaged(awsManaged)
    {
    }

    WorkspaceLoad read();

private:
    struct Reference
    {
        std::string name;
        std::string pointer;
    };

    bool readFormatVersion(const Json &root);
    void readSignedIn(const Json &root);
    void readUser(const Json &value, const std::string &pointer);
    void readGroup(const Json &value, const std::string &pointer);
    void readRole(const Json &value, const std::string &pointer);
    void readPolicy(const Json &value, const std::string &pointer);
    void readInstanceProfile(const Json &value, const std::string &pointer);
    void readInstance(const Json &value, const std::string &pointer);
    void readBucket(const Json &value, const std::string &pointer);
    void readEvent(const Json &value, const std::string &pointer);
    void checkReferences();

    std::string readDocument(const Json &object, const std::string &pointer, std::string_view key,
                             JsonFieldReader::Presence presence);
    std::vector<Tag> readTags(const Json &object, const std::string &pointer);
    std::vector<InlinePolicy> readInlinePolicies(const Json &object, const std::string &pointer);
    // A list of names of other entities, each remembered with its place for checkReferences().
    std::vector<std::string> readReferences(const Json &object, const std::string &pointer, std::string_view key,
                                            std::vector<Reference> &references);
    void readPolicyReference(const Json &object, const std::string &pointer, std::string_view key,
                             std::string &into);

    JsonFieldReader m_in;
    const AwsManagedPolicies *m_awsManaged;
    std::unique_ptr<Account> m_account;
    CallerIdentity m_signedIn;
    std::vector<Event> m_events;
    std::string m_clock;
    std::optional<std::uint64_t> m_idCounter;
    bool m_accountIdValid = false;

    std::unordered_set<std::string> m_userNames, m_groupNames, m_roleNames, m_policyNames, m_profileNames,
        m_instanceIds, m_bucketNames;
    std::vector<Reference> m_policyReferences, m_groupReferences, m_roleReferences, m_profileReferences;
    std::unordered_set<std::string> m_customerPolicyArns;
};

std::string WorkspaceReader::readDocument(const Json &object, const std::string &pointer, std::string_view key,
                                          JsonFieldReader::Presence presence)
{
    // Written as text; a hand-written file may give the policy itself.
    const auto it = object.find(key);
    if (it != object.end() && it->is_object())
        return it->dump(4);
    return m_in.string(object, pointer, key, presence);
}

std::vector<Tag> WorkspaceReader::readTags(const Json &object, const std::string &pointer)
{
    std::vector<Tag> tags;
    std::unordered_set<std::string> keys;
    m_in.forEachObject(object, pointer, "tags", "a tag", [&](const Json &item, const std::string &tagPointer) {
        m_in.warnUnknown(item, tagPointer, {"key", "value"});
        Tag tag{m_in.name(item, tagPointer, "key"), m_in.string(item, tagPointer, "value", Optional)};
        // Tag keys are unique per entity, ignoring case.
        m_in.claimName(keys, tag.key, JsonFieldReader::member(tagPointer, "key"), "tag key");
        tags.push_back(std::move(tag));
    });
    return tags;
}

std::vector<InlinePolicy> WorkspaceReader::readInlinePolicies(const Json &object, const std::string &pointer)
{
    std::vector<InlinePolicy> policies;
    std::unordered_set<std::string> names;
    m_in.forEachObject(object, pointer, "inlinePolicies", "an inline policy",
                       [&](const Json &item, const std::string &policyPointer) {
                           m_in.warnUnknown(item, policyPointer, {"name", "document"});
                           InlinePolicy policy{m_in.name(item, policyPointer, "name"),
                                               readDocument(item, policyPointer, "document", Required)};
                           m_in.claimName(names, policy.name, JsonFieldReader::member(policyPointer, "name"),
                                          "inline policy name");
                           policies.push_back(std::move(policy));
                       });
    return policies;
}

std::vector<std::string> WorkspaceReader::readReferences(const Json &object, const std::string &pointer,
                                                         std::string_view key, std::vector<Reference> &references)
{
    std::vector<std::string> names = m_in.strings(object, pointer, key);
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        return names;
    const std::string listPointer = JsonFieldReader::member(pointer, key);
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string())
            continue;
        const std::string name = (*it)[i].get<std::string>();
        const std::string itemPointer = JsonFieldReader::item(listPointer, i);
        if (!seen.insert(name).second)
            m_in.error(itemPointer, "DUPLICATE_NAME", "`" + name + "` is listed twice");
        references.push_back({name, itemPointer});
    }
    return names;
}

void WorkspaceReader::readPolicyReference(const Json &object, const std::string &pointer, std::string_view key,
                                          std::string &into)
{
    into = m_in.string(object, pointer, key, Optional);
    if (!into.empty())
        m_policyReferences.push_back({into, JsonFieldReader::member(pointer, key)});
}

bool WorkspaceReader::readFormatVersion(const Json &root)
{
    const auto it = root.find("formatVersion");
    if (it == root.end()) {
        m_in.error("", "MISSING_FIELD", "missing `formatVersion`; this is not an IAM Studio workspace");
        return false;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
        m_in.error("/formatVersion", "INVALID_FIELD_TYPE", "`formatVersion` must be a positive integer");
        return false;
    }
    const std::int64_t version = it->get<std::int64_t>();
    if (version > Workspace::kFormatVersion) {
        // A newer file may mean anything by its fields: read none of them.
        m_in.error("/formatVersion", "UNSUPPORTED_FORMAT_VERSION",
                   "`formatVersion` " + std::to_string(version) + " is newer than this IAM Studio reads ("
                       + std::to_string(Workspace::kFormatVersion) + ")");
        return false;
    }
    return true;
}

void WorkspaceReader::readSignedIn(const Json &root)
{
    const Json *signedIn = m_in.object(root, "", "signedIn", Optional);
    if (!signedIn)
        return;
    const std::string pointer = "/signedIn";
    m_in.warnUnknown(*signedIn, pointer, {"kind", "name", "sessionName", "instanceId"});
    const std::string kind = m_in.string(*signedIn, pointer, "kind", Required, "root");
    m_signedIn.name = m_in.string(*signedIn, pointer, "name", Optional);
    m_signedIn.sessionName = m_in.string(*signedIn, pointer, "sessionName", Optional);
    m_signedIn.instanceId = m_in.string(*signedIn, pointer, "instanceId", Optional);
    if (kind == "root") {
        m_signedIn.kind = CallerIdentity::Kind::Root;
    } else if (kind == "user" || kind == "roleSession") {
        m_signedIn.kind = kind == "user" ? CallerIdentity::Kind::User : CallerIdentity::Kind::RoleSession;
        m_in.name(*signedIn, pointer, "name");
    } else {
        m_in.error("/signedIn/kind", "INVALID_VALUE", "`kind` must be `root`, `user` or `roleSession`, not `" + kind + "`");
    }
}

void WorkspaceReader::readUser(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"name", "path", "id", "createDate", "permissionsBoundary", "groups",
                                      "attachedPolicies", "inlinePolicies", "tags"});
    User user;
    user.name = m_in.name(value, pointer, "name");
    m_in.claimName(m_userNames, user.name, JsonFieldReader::member(pointer, "name"), "user name");
    user.path = m_in.path(value, pointer, "path");
    user.id = m_in.string(value, pointer, "id", Optional);
    user.createDate = m_in.string(value, pointer, "createDate", Optional);
    readPolicyReference(value, pointer, "permissionsBoundary", user.permissionsBoundary);
    user.groups = readReferences(value, pointer, "groups", m_groupReferences);
    user.attachedPolicies = readReferences(value, pointer, "attachedPolicies", m_policyReferences);
    user.inlinePolicies = readInlinePolicies(value, pointer);
    user.tags = readTags(value, pointer);
    m_account->mutableUsers().push_back(std::move(user));
}

void WorkspaceReader::readGroup(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"name", "path", "id", "createDate", "attachedPolicies", "inlinePolicies"});
    Group group;
    group.name = m_in.name(value, pointer, "name");
    m_in.claimName(m_groupNames, group.name, JsonFieldReader::member(pointer, "name"), "group name");
    group.path = m_in.path(value, pointer, "path");
    group.id = m_in.string(value, pointer, "id", Optional);
    group.createDate = m_in.string(value, pointer, "createDate", Optional);
    group.attachedPolicies = readReferences(value, pointer, "attachedPolicies", m_policyReferences);
    group.inlinePolicies = readInlinePolicies(value, pointer);
    m_account->mutableGroups().push_back(std::move(group));
}

void WorkspaceReader::readRole(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"name", "path", "id", "createDate", "description", "maxSessionDuration",
                                      "trustPolicy", "permissionsBoundary", "attachedPolicies", "inlinePolicies",
                                      "tags"});
    Role role;
    role.name = m_in.name(value, pointer, "name");
    m_in.claimName(m_roleNames, role.name, JsonFieldReader::member(pointer, "name"), "role name");
    role.path = m_in.path(value, pointer, "path");
    role.id = m_in.string(value, pointer, "id", Optional);
    role.createDate = m_in.string(value, pointer, "createDate", Optional);
    role.description = m_in.string(value, pointer, "description", Optional);
    const std::int64_t duration = m_in.integer(value, pointer, "maxSessionDuration", Optional, 3600);
    // IAM allows one to twelve hours.
    if (duration < 3600 || duration > 43200)
        m_in.error(JsonFieldReader::member(pointer, "maxSessionDuration"), "INVALID_VALUE",
                   "`maxSessionDuration` must be between 3600 and 43200 seconds");
    else
        role.maxSessionDuration = static_cast<int>(duration);
    role.trustPolicy = readDocument(value, pointer, "trustPolicy", Optional);
    readPolicyReference(value, pointer, "permissionsBoundary", role.permissionsBoundary);
    role.attachedPolicies = readReferences(value, pointer, "attachedPolicies", m_policyReferences);
    role.inlinePolicies = readInlinePolicies(value, pointer);
    role.tags = readTags(value, pointer);
    m_account->mutableRoles().push_back(std::move(role));
}

void WorkspaceReader::readPolicy(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"name", "path", "id", "description", "createDate", "defaultVersionId",
                                      "versions", "tags"});
    ManagedPolicy policy;
    policy.name = m_in.name(value, pointer, "name");
    m_in.claimName(m_policyNames, policy.name, JsonFieldReader::member(pointer, "name"), "policy name");
    policy.path = m_in.path(value, pointer, "path");
    policy.id = m_in.string(value, pointer, "id", Optional);
    policy.description = m_in.string(value, pointer, "description", Optional);
    policy.createDate = m_in.string(value, pointer, "createDate", Optional);
    policy.defaultVersionId = m_in.string(value, pointer, "defaultVersionId", Required);
    policy.tags = readTags(value, pointer);
    std::unordered_set<std::string> ids;
    m_in.forEachObject(value, pointer, "versions", "a policy version", [&](const Json &item, const std::string &at) {
        m_in.warnUnknown(item, at, {"versionId", "createDate", "document"});
        PolicyVersion version;
        version.versionId = m_in.name(item, at, "versionId");
        version.createDate = m_in.string(item, at, "createDate", Optional);
        version.document = readDocument(item, at, "document", Required);
        m_in.claimName(ids, version.versionId, JsonFieldReader::member(at, "versionId"), "version", false);
        policy.versions.push_back(std::move(version));
    });
    const auto versions = value.find("versions");
    const std::string versionsPointer = JsonFieldReader::member(pointer, "versions");
    if (versions == value.end()) {
        m_in.error(pointer, "MISSING_FIELD", "missing `versions`");
    } else if (versions->is_array() && (versions->empty() || versions->size() > 5)) {
        // IAM keeps one to five versions of a managed policy.
        m_in.error(versionsPointer, "INVALID_VALUE",
                   "a managed policy has one to five versions, not " + std::to_string(versions->size()));
    } else if (versions->is_array() && !policy.defaultVersionId.empty() && !ids.count(policy.defaultVersionId)) {
        m_in.error(JsonFieldReader::member(pointer, "defaultVersionId"), "INVALID_VALUE",
                   "default version `" + policy.defaultVersionId + "` is not one of the policy's versions");
    }
    m_customerPolicyArns.insert(m_account->policyArn(policy));
    m_account->mutablePolicies().push_back(std::move(policy));
}

void WorkspaceReader::readInstanceProfile(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"name", "path", "id", "createDate", "role"});
    InstanceProfile profile;
    profile.name = m_in.name(value, pointer, "name");
    m_in.claimName(m_profileNames, profile.name, JsonFieldReader::member(pointer, "name"), "instance profile name");
    profile.path = m_in.path(value, pointer, "path");
    profile.id = m_in.string(value, pointer, "id", Optional);
    profile.createDate = m_in.string(value, pointer, "createDate", Optional);
    profile.role = m_in.string(value, pointer, "role", Optional);
    if (!profile.role.empty())
        m_roleReferences.push_back({profile.role, JsonFieldReader::member(pointer, "role")});
    m_account->mutableInstanceProfiles().push_back(std::move(profile));
}

void WorkspaceReader::readInstance(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"id", "name", "state", "instanceType", "imageId", "region", "launchTime",
                                      "instanceProfile", "associationId"});
    Ec2Instance instance;
    instance.id = m_in.name(value, pointer, "id");
    m_in.claimName(m_instanceIds, instance.id, JsonFieldReader::member(pointer, "id"), "instance id", false);
    instance.name = m_in.string(value, pointer, "name", Optional);
    instance.state = m_in.string(value, pointer, "state", Optional, instance.state);
    static constexpr std::string_view kStates[] = {"pending", "running", "stopping", "stopped", "shutting-down",
                                                   "terminated"};
    if (std::find(std::begin(kStates), std::end(kStates), instance.state) == std::end(kStates))
        m_in.error(JsonFieldReader::member(pointer, "state"), "INVALID_VALUE",
                   "`state` must be an EC2 instance state (pending, running, stopping, stopped, shutting-down, "
                   "terminated), not `" + instance.state + "`");
    instance.instanceType = m_in.string(value, pointer, "instanceType", Optional, instance.instanceType);
    instance.imageId = m_in.string(value, pointer, "imageId", Optional, instance.imageId);
    instance.region = m_in.string(value, pointer, "region", Optional, instance.region);
    instance.launchTime = m_in.string(value, pointer, "launchTime", Optional);
    instance.instanceProfile = m_in.string(value, pointer, "instanceProfile", Optional);
    if (!instance.instanceProfile.empty())
        m_profileReferences.push_back({instance.instanceProfile, JsonFieldReader::member(pointer, "instanceProfile")});
    instance.associationId = m_in.string(value, pointer, "associationId", Optional);
    m_account->mutableInstances().push_back(std::move(instance));
}

void WorkspaceReader::readBucket(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"name", "region", "createDate", "policy", "objects"});
    S3Bucket bucket;
    bucket.name = m_in.name(value, pointer, "name");
    m_in.claimName(m_bucketNames, bucket.name, JsonFieldReader::member(pointer, "name"), "bucket name", false);
    bucket.region = m_in.string(value, pointer, "region", Optional, bucket.region);
    bucket.createDate = m_in.string(value, pointer, "createDate", Optional);
    bucket.policy = readDocument(value, pointer, "policy", Optional);
    std::unordered_set<std::string> keys;
    m_in.forEachObject(value, pointer, "objects", "an object", [&](const Json &item, const std::string &at) {
        m_in.warnUnknown(item, at, {"key", "lastModified", "content", "contentBase64"});
        S3Object object;
        object.key = m_in.name(item, at, "key");
        m_in.claimName(keys, object.key, JsonFieldReader::member(at, "key"), "object key", false);
        object.lastModified = m_in.string(item, at, "lastModified", Optional);
        if (item.contains("contentBase64")) {
            const std::string encoded = m_in.string(item, at, "contentBase64", Required);
            const std::string encodedPointer = JsonFieldReader::member(at, "contentBase64");
            if (item.contains("content"))
                m_in.error(encodedPointer, "INVALID_VALUE", "an object has `content` or `contentBase64`, not both");
            else if (const auto bytes = fromBase64(encoded))
                object.content = *bytes;
            else
                m_in.error(encodedPointer, "INVALID_VALUE", "`contentBase64` is not base64");
        } else {
            object.content = m_in.string(item, at, "content", Optional);
        }
        bucket.objects.push_back(std::move(object));
    });
    // S3 lists keys in UTF-8 binary order; the account keeps them so.
    std::stable_sort(bucket.objects.begin(), bucket.objects.end(),
                     [](const S3Object &a, const S3Object &b) { return a.key < b.key; });
    m_account->mutableBuckets().push_back(std::move(bucket));
}

void WorkspaceReader::readEvent(const Json &value, const std::string &pointer)
{
    m_in.warnUnknown(value, pointer, {"sequence", "time", "callerArn", "source", "action", "resources", "allowed",
                                      "errorCode"});
    Event event;
    event.sequence = m_in.integer(value, pointer, "sequence", Required);
    // EventLog numbers new events after the last one: the numbers must rise.
    if (value.contains("sequence") && value["sequence"].is_number_integer() && !m_events.empty()
        && event.sequence <= m_events.back().sequence)
        m_in.error(JsonFieldReader::member(pointer, "sequence"), "INVALID_VALUE",
                   "`sequence` " + std::to_string(event.sequence) + " does not follow "
                       + std::to_string(m_events.back().sequence));
    event.time = m_in.string(value, pointer, "time", Optional);
    event.callerArn = m_in.string(value, pointer, "callerArn", Optional);
    const std::string source = m_in.string(value, pointer, "source", Optional, "console");
    if (const auto parsed = parseCallSource(source))
        event.source = *parsed;
    else
        m_in.error(JsonFieldReader::member(pointer, "source"), "INVALID_VALUE",
                   "`source` must be console, terminal, instance or script, not `" + source + "`");
    event.action = m_in.name(value, pointer, "action");
    event.resources = m_in.strings(value, pointer, "resources");
    event.allowed = m_in.boolean(value, pointer, "allowed", Optional, true);
    event.errorCode = m_in.string(value, pointer, "errorCode", Optional);
    m_events.push_back(std::move(event));
}

void WorkspaceReader::checkReferences()
{
    // Customer-policy ARNs hold the account id: without a valid one, its own error
    // is the only one worth reporting about them.
    for (const Reference &reference : m_policyReferences) {
        if (reference.name.starts_with("arn:aws:iam::aws:policy/")) {
            // Without the catalog any AWS-managed ARN is taken on trust.
            if (m_awsManaged && !m_awsManaged->find(reference.name))
                m_in.error(reference.pointer, "UNKNOWN_POLICY",
                           "`" + reference.name + "` is not an AWS-managed policy");
        } else if (m_accountIdValid && !m_customerPolicyArns.count(reference.name)) {
            m_in.error(reference.pointer, "UNKNOWN_POLICY", "policy `" + reference.name + "` does not exist");
        }
    }
    // References are looked up exactly (Account::findGroup), not ignoring case.
    const auto check = [&](const std::vector<Reference> &references, const std::unordered_set<std::string> &names,
                           const char *what, const char *code) {
        for (const Reference &reference : references) {
            if (!names.count(reference.name))
                m_in.error(reference.pointer, code, std::string(what) + " `" + reference.name + "` does not exist");
        }
    };
    std::unordered_set<std::string> groups, roles, profiles;
    for (const Group &group : m_account->groups())
        groups.insert(group.name);
    for (const Role &role : m_account->roles())
        roles.insert(role.name);
    for (const InstanceProfile &profile : m_account->instanceProfiles())
        profiles.insert(profile.name);
    check(m_groupReferences, groups, "group", "UNKNOWN_GROUP");
    check(m_roleReferences, roles, "role", "UNKNOWN_ROLE");
    check(m_profileReferences, profiles, "instance profile", "UNKNOWN_INSTANCE_PROFILE");

    // The signed-in identity must be one that can still make calls.
    if (m_signedIn.kind == CallerIdentity::Kind::User && !m_signedIn.name.empty()
        && !m_account->findUser(m_signedIn.name))
        m_in.error("/signedIn/name", "UNKNOWN_USER", "signed-in user `" + m_signedIn.name + "` does not exist");
    if (m_signedIn.kind == CallerIdentity::Kind::RoleSession && !m_signedIn.name.empty()
        && !roles.count(m_signedIn.name))
        m_in.error("/signedIn/name", "UNKNOWN_ROLE", "signed-in role `" + m_signedIn.name + "` does not exist");
    if (!m_signedIn.instanceId.empty() && !m_account->findInstance(m_signedIn.instanceId))
        m_in.error("/signedIn/instanceId", "UNKNOWN_INSTANCE",
                   "instance `" + m_signedIn.instanceId + "` does not exist");
}

WorkspaceLoad WorkspaceReader::read()
{
    WorkspaceLoad load;
    const std::optional<Json> root = m_in.parse();
    if (!root || !m_in.expectObject(*root, "", "a workspace") || !readFormatVersion(*root)) {
        load.diagnostics = m_in.diagnostics();
        return load;
    }
    m_in.warnUnknown(*root, "", {"formatVersion", "accountId", "alias", "clock", "idCounter", "signedIn", "users",
                                 "groups", "roles", "policies", "instanceProfiles", "instances", "buckets", "events"});
    std::string accountId = m_in.string(*root, "", "accountId", Required);
    m_accountIdValid = accountId.size() == 12 && std::all_of(accountId.begin(), accountId.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
    if (!m_accountIdValid && root->contains("accountId") && (*root)["accountId"].is_string())
        m_in.error("/accountId", "INVALID_VALUE", "`accountId` must be 12 digits");
    m_account = std::make_unique<Account>(std::move(accountId), m_awsManaged);
    m_account->setAlias(m_in.string(*root, "", "alias", Optional));
    m_clock = m_in.string(*root, "", "clock", Optional);
    if (!m_clock.empty() && !isTime(m_clock))
        m_in.error("/clock", "INVALID_VALUE", "`clock` must be a UTC time such as `2024-05-01T09:00:00Z`, or empty");
    if (root->contains("idCounter")) {
        const std::int64_t counter = m_in.integer(*root, "", "idCounter", Required);
        if (counter < 0)
            m_in.error("/idCounter", "INVALID_VALUE", "`idCounter` must not be negative");
        else
            m_idCounter = static_cast<std::uint64_t>(counter);
    }
    readSignedIn(*root);
    using Read = void (WorkspaceReader::*)(const Json &, const std::string &);
    struct List
    {
        const char *key;
        const char *what;
        Read read;
    };
    static constexpr List kLists[] = {
        {"users", "a user", &WorkspaceReader::readUser},
        {"groups", "a group", &WorkspaceReader::readGroup},
        {"roles", "a role", &WorkspaceReader::readRole},
        {"policies", "a policy", &WorkspaceReader::readPolicy},
        {"instanceProfiles", "an instance profile", &WorkspaceReader::readInstanceProfile},
        {"instances", "an instance", &WorkspaceReader::readInstance},
        {"buckets", "a bucket", &WorkspaceReader::readBucket},
        {"events", "an event", &WorkspaceReader::readEvent},
    };
    for (const List &list : kLists)
        m_in.forEachObject(*root, "", list.key, list.what,
                           [&](const Json &value, const std::string &at) { (this->*list.read)(value, at); });
    checkReferences();

    load.diagnostics = m_in.diagnostics();
    if (m_in.hasErrors())
        return load;
    m_account->eventLog().restore(std::move(m_events));
    if (!m_clock.empty())
        m_account->setClock(m_clock);
    restoreIdCounter(*m_account, m_idCounter ? *m_idCounter : idCounter(*m_account));
    load.workspace = Workspace{std::move(m_account), m_signedIn};
    return load;
}

} // namespace

WorkspaceLoad readWorkspace(std::string_view text, const std::string &source, const AwsManagedPolicies *awsManaged)
{
    return WorkspaceReader(text, source, awsManaged).read();
}

} // namespace iam
