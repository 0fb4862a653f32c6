#pragma once

// What the IAM operations (Iam*Operations.cpp) share: policy document checks, ARNs
// for entities that may not exist yet, the condition keys IAM adds to a request,
// IAM's words for missing entities, and the JSON shapes of IAM's responses.
// Internal to model/account; same threading rules as Account.

#include "AccountApi.h"
#include "IamParameters.h"
#include "PolicyDocument.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iam::iamops {

using json = nlohmann::json;

// Puts `items` under `key` with IAM's IsTruncated/Marker. Without MaxItems the whole
// list comes back, as the AWS CLI shows it after following every Marker.
void paginate(CallContext &ctx, const IamParameters &parameters, const char *key, json items);

// IAM's checks of a policy document, after the parameter syntax and before
// authorization: the document must parse and validate without errors for its type
// (MalformedPolicyDocument, with the parser's line:column: message), and a trust
// policy may only name this account's users and roles that exist.
bool acceptableDocument(CallContext &ctx, const std::string &text, PolicyType type);
// The size quotas of policy documents, whitespace not counted (reference_iam-quotas.md):
// LimitExceeded "Cannot exceed quota for <quota>: <limit>".
bool withinSizeQuota(CallContext &ctx, const std::string &text, const char *quota, std::size_t limit);

// ARNs of entities, existing or about to be created (IAM authorizes on the ARN the
// entity has, or would have: a missing entity is named with the path "/").
std::string entityArn(const Account &account, std::string_view type, std::string_view path, std::string_view name);
std::string userArnFor(const Account &account, std::string_view name);
std::string groupArnFor(const Account &account, std::string_view name);
std::string roleArnFor(const Account &account, std::string_view name);
std::string instanceProfileArnFor(const Account &account, std::string_view name);
// The ARN the List operations authorize on: "arn:aws:iam::111122223333:role/" plus the prefix.
std::string listArn(const Account &account, std::string_view type, std::string_view pathPrefix);
bool isAwsManagedArn(std::string_view arn);

// Condition keys IAM adds for a request on a user or role: its tags as
// aws:ResourceTag/* and iam:ResourceTag/*, and (for the actions that support it)
// iam:PermissionsBoundary.
void addResourceTags(ExtraContext &extra, const std::vector<Tag> &tags);
void addBoundary(ExtraContext &extra, const std::string &boundaryArn);
// aws:RequestTag/* and aws:TagKeys for a request that sets tags.
void addRequestTags(ExtraContext &extra, const std::vector<Tag> &tags);
void addTagKeys(ExtraContext &extra, const std::vector<std::string> &keys);

// Missing entities, in IAM's words.
bool failNoSuchUser(CallContext &ctx, std::string_view name);
bool failNoSuchGroup(CallContext &ctx, std::string_view name);
bool failNoSuchRole(CallContext &ctx, std::string_view name);
bool failNoSuchInstanceProfile(CallContext &ctx, std::string_view name);
bool failNoSuchPolicy(CallContext &ctx, std::string_view arn);
// The catalog's AWS-managed policy with that ARN; nullptr when unknown or without a catalog.
const AwsManagedPolicy *findAwsManaged(const Account &account, std::string_view arn);

// Tags: merged by key, which IAM compares case-insensitively; removed by key.
void mergeTags(std::vector<Tag> &tags, const std::vector<Tag> &added);
void removeTags(std::vector<Tag> &tags, const std::vector<std::string> &keys);
bool sameKey(std::string_view a, std::string_view b);
// TagUser / TagRole: at most 50 tags on an entity (LimitExceeded "Cannot exceed quota for <quota>: 50").
bool withinTagQuota(CallContext &ctx, std::vector<Tag> tags, const std::vector<Tag> &added, const char *quota);

// The entities under a path prefix, sorted by name, as IAM lists them.
template<typename List>
std::vector<const typename List::value_type *> sortedByName(const List &list, std::string_view pathPrefix)
{
    std::vector<const typename List::value_type *> sorted;
    for (const auto &item : list) {
        if (item.path.starts_with(pathPrefix))
            sorted.push_back(&item);
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto *a, const auto *b) { return a->name < b->name; });
    return sorted;
}

// Response shapes. Documents go out decoded, as the AWS CLI prints them.
json documentJson(const std::string &text);
json tagsJson(const std::vector<Tag> &tags);
// `detailed`: what Get* adds to what List* returns (tags, boundary, last used).
json userJson(const Account &account, const User &user, bool detailed);
json groupJson(const Account &account, const Group &group);
json roleJson(const Account &account, const Role &role, bool detailed);
json instanceProfileJson(const Account &account, const InstanceProfile &profile);

// The operations of each file: roles and instance profiles (IamRoleOperations.cpp),
// managed policies and their versions (IamPolicyOperations.cpp), and the policies of
// users, groups and roles: attached, inline, boundaries (IamPolicyAttachmentOperations.cpp).
void registerIamRoleOperations(OperationTable &table);
void registerIamPolicyOperations(OperationTable &table);
void registerIamPolicyAttachmentOperations(OperationTable &table);
void registerIamSimulateOperations(OperationTable &table);   // IamSimulateOperations.cpp

} // namespace iam::iamops
