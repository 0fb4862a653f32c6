#include "Workspace.h"

#include "AccountStateProbe.h"
#include "AtomicFile.h"
#include "TextEncoding.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// The workspace document (formatVersion 1). Keys are written in this order, with
// two-space indentation, every field always present, so that saving an unchanged
// account gives the same bytes and a diff between two saves shows only what changed:
//
//   formatVersion, accountId, alias,
//   clock        the fixed time of the simulated clock, "" for the wall clock
//   idCounter    where Account::newId() continues
//   signedIn     {kind: root | user | roleSession, name, sessionName, instanceId}
//   users        [{name, path, id, createDate, permissionsBoundary, groups, attachedPolicies,
//                  inlinePolicies: [{name, document}], tags: [{key, value}]}]
//   groups       [{name, path, id, createDate, attachedPolicies, inlinePolicies}]
//   roles        [{name, path, id, createDate, description, maxSessionDuration, trustPolicy,
//                  permissionsBoundary, attachedPolicies, inlinePolicies, tags}]
//   policies     [{name, path, id, description, createDate, defaultVersionId,
//                  versions: [{versionId, createDate, document}], tags}]   (customer managed)
//   instanceProfiles [{name, path, id, createDate, role}]
//   instances    [{id, name, state, instanceType, imageId, region, launchTime, instanceProfile,
//                  associationId}]
//   buckets      [{name, region, createDate, policy, objects: [{key, lastModified, content}]}]
//                (an object that is not UTF-8 text has contentBase64 instead of content)
//   events       [{sequence, time, callerArn, source, action, resources, allowed, errorCode}]
//
// Policy documents are strings holding the text as its author wrote it; the reader
// also takes a policy given as a JSON object. WorkspaceReader.cpp reads it back.

namespace iam {

namespace {

using Json = nlohmann::ordered_json;

const char *kindName(CallerIdentity::Kind kind)
{
    switch (kind) {
    case CallerIdentity::Kind::Root: return "root";
    case CallerIdentity::Kind::User: return "user";
    case CallerIdentity::Kind::RoleSession: return "roleSession";
    }
    return "root";
}

Json tagsJson(const std::vector<Tag> &tags)
{
    Json list = Json::array();
    for (const Tag &tag : tags)
        list.push_back(Json{{"key", tag.key}, {"value", tag.value}});
    return list;
}

Json inlineJson(const std::vector<InlinePolicy> &policies)
{
    Json list = Json::array();
    for (const InlinePolicy &policy : policies)
        list.push_back(Json{{"name", policy.name}, {"document", policy.document}});
    return list;
}

Json userJson(const User &user)
{
    return Json{{"name", user.name},
                {"path", user.path},
                {"id", user.id},
                {"createDate", user.createDate},
                {"permissionsBoundary", user.permissionsBoundary},
                {"groups", user.groups},
                {"attachedPolicies", user.attachedPolicies},
                {"inlinePolicies", inlineJson(user.inlinePolicies)},
                {"tags", tagsJson(user.tags)}};
}

Json groupJson(const Group &group)
{
    return Json{{"name", group.name},
                {"path", group.path},
                {"id", group.id},
                {"createDate", group.createDate},
                {"attachedPolicies", group.attachedPolicies},
                {"inlinePolicies", inlineJson(group.inlinePolicies)}};
}

Json roleJson(const Role &role)
{
    return Json{{"name", role.name},
                {"path", role.path},
                {"id", role.id},
                {"createDate", role.createDate},
                {"description", role.description},
                {"maxSessionDuration", role.maxSessionDuration},
                {"trustPolicy", role.trustPolicy},
                {"permissionsBoundary", role.permissionsBoundary},
                {"attachedPolicies", role.attachedPolicies},
                {"inlinePolicies", inlineJson(role.inlinePolicies)},
                {"tags", tagsJson(role.tags)}};
}

Json policyJson(const ManagedPolicy &policy)
{
    Json versions = Json::array();
    for (const PolicyVersion &version : policy.versions)
        versions.push_back(Json{{"versionId", version.versionId},
                                {"createDate", version.createDate},
                                {"document", version.document}});
    return Json{{"name", policy.name},
                {"path", policy.path},
                {"id", policy.id},
                {"description", policy.description},
                {"createDate", policy.createDate},
                {"defaultVersionId", policy.defaultVersionId},
                {"versions", std::move(versions)},
                {"tags", tagsJson(policy.tags)}};
}

Json instanceProfileJson(const InstanceProfile &profile)
{
    return Json{{"name", profile.name},
                {"path", profile.path},
                {"id", profile.id},
                {"createDate", profile.createDate},
                {"role", profile.role}};
}

Json instanceJson(const Ec2Instance &instance)
{
    return Json{{"id", instance.id},
                {"name", instance.name},
                {"state", instance.state},
                {"instanceType", instance.instanceType},
                {"imageId", instance.imageId},
                {"region", instance.region},
                {"launchTime", instance.launchTime},
                {"instanceProfile", instance.instanceProfile},
                {"associationId", instance.associationId}};
}

Json bucketJson(const S3Bucket &bucket)
{
    Json objects = Json::array();
    for (const S3Object &object : bucket.objects) {
        Json item{{"key", object.key}, {"lastModified", object.lastModified}};
        // JSON strings are Unicode text; other bytes (an uploaded image) travel as base64.
        if (isUtf8(object.content))
            item["content"] = object.content;
        else
            item["contentBase64"] = toBase64(object.content);
        objects.push_back(std::move(item));
    }
    return Json{{"name", bucket.name},
                {"region", bucket.region},
                {"createDate", bucket.createDate},
                {"policy", bucket.policy},
                {"objects", std::move(objects)}};
}

Json eventJson(const Event &event)
{
    return Json{{"sequence", event.sequence},
                {"time", event.time},
                {"callerArn", event.callerArn},
                {"source", callSourceName(event.source)},
                {"action", event.action},
                {"resources", event.resources},
                {"allowed", event.allowed},
                {"errorCode", event.errorCode}};
}

template<typename List, typename Convert>
Json listJson(const List &list, Convert convert)
{
    Json out = Json::array();
    for (const auto &item : list)
        out.push_back(convert(item));
    return out;
}

} // namespace

std::string workspaceJson(const Account &account, const CallerIdentity &signedIn)
{
    Json document = Json::object();
    document["formatVersion"] = Workspace::kFormatVersion;
    document["accountId"] = account.accountId();
    document["alias"] = account.alias();
    document["clock"] = fixedClock(account);
    document["idCounter"] = idCounter(account);
    document["signedIn"] = Json{{"kind", kindName(signedIn.kind)},
                                {"name", signedIn.name},
                                {"sessionName", signedIn.sessionName},
                                {"instanceId", signedIn.instanceId}};
    document["users"] = listJson(account.users(), userJson);
    document["groups"] = listJson(account.groups(), groupJson);
    document["roles"] = listJson(account.roles(), roleJson);
    document["policies"] = listJson(account.policies(), policyJson);
    document["instanceProfiles"] = listJson(account.instanceProfiles(), instanceProfileJson);
    document["instances"] = listJson(account.instances(), instanceJson);
    document["buckets"] = listJson(account.buckets(), bucketJson);
    document["events"] = listJson(account.eventLog().events(), eventJson);
    // Names and documents are UTF-8 wherever they were typed; should one not be,
    // writing it as U+FFFD beats refusing to save the user's work.
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

std::string saveWorkspace(const std::string &path, const Account &account, const CallerIdentity &signedIn)
{
    return writeFileAtomically(path, workspaceJson(account, signedIn));
}

WorkspaceLoad loadWorkspace(const std::string &path, const AwsManagedPolicies *awsManaged)
{
    const auto unreadable = [&](const char *reason) {
        WorkspaceLoad load;
        load.diagnostics.push_back({Diagnostic::Severity::Error, "CANNOT_READ",
                                    "cannot read `" + path + "`: " + reason, {path, 0, 0}});
        return load;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return unreadable(std::strerror(errno));
    struct stat status {};
    if (::fstat(fd, &status) == 0 && S_ISDIR(status.st_mode)) {
        ::close(fd);
        return unreadable(std::strerror(EISDIR));
    }
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count == 0)
            break;
        if (count < 0) {
            if (errno == EINTR)
                continue;
            const int savedErrno = errno;
            ::close(fd);
            return unreadable(std::strerror(savedErrno));
        }
        text.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(fd);
    return readWorkspace(text, path, awsManaged);
}

} // namespace iam
