// Export to the `aws iam get-account-authorization-details` format
// (AuthorizationDetails.h); the import is in AuthorizationDetails.cpp.

#include "AuthorizationDetails.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace iam {

namespace {

using Json = nlohmann::ordered_json;

// The CLI prints documents decoded, as JSON objects. A document that does not
// parse (IAM would not have taken it, but a hand-edited workspace might hold one)
// goes out as the text it is.
Json documentJson(const std::string &text)
{
    Json document = Json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return text;
    return document;
}

Json tagsJson(const std::vector<Tag> &tags)
{
    Json list = Json::array();
    for (const Tag &tag : tags)
        list.push_back(Json{{"Key", tag.key}, {"Value", tag.value}});
    return list;
}

Json inlineJson(const std::vector<InlinePolicy> &policies)
{
    Json list = Json::array();
    for (const InlinePolicy &policy : policies)
        list.push_back(Json{{"PolicyName", policy.name}, {"PolicyDocument", documentJson(policy.document)}});
    return list;
}

class DetailsExporter
{
public:
    explicit DetailsExporter(const Account &account) : m_account(account) { countAttachments(); }

    std::string run() const;

private:
    void countAttachments();
    Json attachedJson(const std::vector<std::string> &arns) const;
    void addBoundary(Json &entity, const std::string &arn) const;
    Json userJson(const User &user) const;
    Json groupJson(const Group &group) const;
    Json roleJson(const Role &role) const;
    Json roleLastUsed(const Role &role) const;
    Json customerPolicyJson(const ManagedPolicy &policy) const;
    Json awsPolicyJson(const AwsManagedPolicy &policy) const;

    const Account &m_account;
    std::unordered_map<std::string, int> m_attachments;   // policy ARN -> entities it is attached to
    std::unordered_map<std::string, int> m_boundaries;    // policy ARN -> entities it bounds
    std::vector<std::string> m_awsManagedInUse;           // in order of first use
};

void DetailsExporter::countAttachments()
{
    const auto attach = [&](const std::vector<std::string> &arns) {
        for (const std::string &arn : arns) {
            if (m_attachments[arn]++ == 0 && arn.starts_with("arn:aws:iam::aws:policy/") && !m_boundaries.count(arn))
                m_awsManagedInUse.push_back(arn);
        }
    };
    const auto bound = [&](const std::string &arn) {
        if (arn.empty())
            return;
        if (m_boundaries[arn]++ == 0 && arn.starts_with("arn:aws:iam::aws:policy/") && !m_attachments.count(arn))
            m_awsManagedInUse.push_back(arn);
    };
    for (const User &user : m_account.users()) {
        attach(user.attachedPolicies);
        bound(user.permissionsBoundary);
    }
    for (const Group &group : m_account.groups())
        attach(group.attachedPolicies);
    for (const Role &role : m_account.roles()) {
        attach(role.attachedPolicies);
        bound(role.permissionsBoundary);
    }
}

Json DetailsExporter::attachedJson(const std::vector<std::string> &arns) const
{
    Json list = Json::array();
    for (const std::string &arn : arns)
        list.push_back(Json{{"PolicyName", m_account.managedPolicyName(arn)}, {"PolicyArn", arn}});
    return list;
}

void DetailsExporter::addBoundary(Json &entity, const std::string &arn) const
{
    // AWS leaves the member out when there is no boundary.
    if (!arn.empty())
        entity["PermissionsBoundary"] = Json{{"PermissionsBoundaryType", "Policy"}, {"PermissionsBoundaryArn", arn}};
}

Json DetailsExporter::userJson(const User &user) const
{
    Json entity{{"Path", user.path},
                {"UserName", user.name},
                {"UserId", user.id},
                {"Arn", m_account.userArn(user)},
                {"CreateDate", user.createDate},
                {"UserPolicyList", inlineJson(user.inlinePolicies)},
                {"GroupList", user.groups},
                {"AttachedManagedPolicies", attachedJson(user.attachedPolicies)}};
    addBoundary(entity, user.permissionsBoundary);
    entity["Tags"] = tagsJson(user.tags);
    return entity;
}

Json DetailsExporter::groupJson(const Group &group) const
{
    return Json{{"Path", group.path},
                {"GroupName", group.name},
                {"GroupId", group.id},
                {"Arn", m_account.groupArn(group)},
                {"CreateDate", group.createDate},
                {"GroupPolicyList", inlineJson(group.inlinePolicies)},
                {"AttachedManagedPolicies", attachedJson(group.attachedPolicies)}};
}

Json DetailsExporter::roleLastUsed(const Role &role) const
{
    // A role is used by its sessions: arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION.
    const std::string sessionPrefix = "arn:aws:sts::" + m_account.accountId() + ":assumed-role/" + role.name + "/";
    const std::vector<Event> &events = m_account.eventLog().events();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->allowed && it->callerArn.starts_with(sessionPrefix))
            return Json{{"LastUsedDate", it->time}, {"Region", "us-east-1"}};
    }
    return Json::object();
}

Json DetailsExporter::roleJson(const Role &role) const
{
    Json profiles = Json::array();
    for (const InstanceProfile &profile : m_account.instanceProfiles()) {
        if (profile.role != role.name)
            continue;
        const Json roleSummary{{"Path", role.path},
                               {"RoleName", role.name},
                               {"RoleId", role.id},
                               {"Arn", m_account.roleArn(role)},
                               {"CreateDate", role.createDate},
                               {"AssumeRolePolicyDocument", documentJson(role.trustPolicy)}};
        profiles.push_back(Json{{"Path", profile.path},
                                {"InstanceProfileName", profile.name},
                                {"InstanceProfileId", profile.id},
                                {"Arn", m_account.instanceProfileArn(profile)},
                                {"CreateDate", profile.createDate},
                                {"Roles", Json::array({roleSummary})}});
    }
    Json entity{{"Path", role.path},
                {"RoleName", role.name},
                {"RoleId", role.id},
                {"Arn", m_account.roleArn(role)},
                {"CreateDate", role.createDate},
                {"AssumeRolePolicyDocument", documentJson(role.trustPolicy)}};
    // Not in the API's RoleDetail: written only when they say something.
    if (!role.description.empty())
        entity["Description"] = role.description;
    if (role.maxSessionDuration != 3600)
        entity["MaxSessionDuration"] = role.maxSessionDuration;
    entity["InstanceProfileList"] = std::move(profiles);
    entity["RolePolicyList"] = inlineJson(role.inlinePolicies);
    entity["AttachedManagedPolicies"] = attachedJson(role.attachedPolicies);
    addBoundary(entity, role.permissionsBoundary);
    entity["Tags"] = tagsJson(role.tags);
    entity["RoleLastUsed"] = roleLastUsed(role);
    return entity;
}

Json DetailsExporter::customerPolicyJson(const ManagedPolicy &policy) const
{
    const std::string arn = m_account.policyArn(policy);
    Json versions = Json::array();
    std::string updated = policy.createDate;
    for (const PolicyVersion &version : policy.versions) {
        versions.push_back(Json{{"Document", documentJson(version.document)},
                                {"VersionId", version.versionId},
                                {"IsDefaultVersion", version.versionId == policy.defaultVersionId},
                                {"CreateDate", version.createDate}});
        updated = std::max(updated, version.createDate);
    }
    const auto count = [](const std::unordered_map<std::string, int> &counts, const std::string &key) {
        const auto it = counts.find(key);
        return it == counts.end() ? 0 : it->second;
    };
    Json entity{{"PolicyName", policy.name},
                {"PolicyId", policy.id},
                {"Arn", arn},
                {"Path", policy.path},
                {"DefaultVersionId", policy.defaultVersionId},
                {"AttachmentCount", count(m_attachments, arn)},
                {"PermissionsBoundaryUsageCount", count(m_boundaries, arn)},
                {"IsAttachable", true}};
    if (!policy.description.empty())
        entity["Description"] = policy.description;
    entity["CreateDate"] = policy.createDate;
    entity["UpdateDate"] = updated;
    // ManagedPolicyDetail has no tags; they are written when there are some, so
    // that an export read back loses nothing.
    if (!policy.tags.empty())
        entity["Tags"] = tagsJson(policy.tags);
    entity["PolicyVersionList"] = std::move(versions);
    return entity;
}

Json DetailsExporter::awsPolicyJson(const AwsManagedPolicy &policy) const
{
    const auto count = [](const std::unordered_map<std::string, int> &counts, const std::string &key) {
        const auto it = counts.find(key);
        return it == counts.end() ? 0 : it->second;
    };
    return Json{{"PolicyName", policy.name},
                {"Arn", policy.arn},
                {"Path", policy.path},
                {"DefaultVersionId", policy.defaultVersionId},
                {"AttachmentCount", count(m_attachments, policy.arn)},
                {"PermissionsBoundaryUsageCount", count(m_boundaries, policy.arn)},
                {"IsAttachable", true},
                {"Description", policy.description},
                {"PolicyVersionList", Json::array({Json{{"Document", documentJson(policy.document)},
                                                        {"VersionId", policy.defaultVersionId},
                                                        {"IsDefaultVersion", true}}})}};
}

std::string DetailsExporter::run() const
{
    Json users = Json::array(), groups = Json::array(), roles = Json::array(), policies = Json::array();
    for (const User &user : m_account.users())
        users.push_back(userJson(user));
    for (const Group &group : m_account.groups())
        groups.push_back(groupJson(group));
    for (const Role &role : m_account.roles())
        roles.push_back(roleJson(role));
    for (const ManagedPolicy &policy : m_account.policies())
        policies.push_back(customerPolicyJson(policy));
    // Like AWS, the AWS-managed policies in use, with their documents, when the catalog has them.
    if (const AwsManagedPolicies *catalog = m_account.awsManaged()) {
        for (const std::string &arn : m_awsManagedInUse) {
            if (const AwsManagedPolicy *policy = catalog->find(arn))
                policies.push_back(awsPolicyJson(*policy));
        }
    }
    const Json root{{"UserDetailList", std::move(users)},
                    {"GroupDetailList", std::move(groups)},
                    {"RoleDetailList", std::move(roles)},
                    {"Policies", std::move(policies)}};
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

} // namespace

std::string exportAuthorizationDetails(const Account &account)
{
    return DetailsExporter(account).run();
}

} // namespace iam
