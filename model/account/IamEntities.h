#pragma once

// The IAM entities of the simulated account, as plain data. The Account owns them;
// every change goes through an API call (AccountApi) made by a caller.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace iam {

// Tags keep their order of creation, as the console lists them.
struct Tag
{
    std::string key;
    std::string value;

    friend bool operator==(const Tag &, const Tag &) = default;
};

struct InlinePolicy
{
    std::string name;
    std::string document;   // the policy JSON, as the caller wrote it
};

struct User
{
    std::string name;
    std::string path = "/";
    std::string id;                    // "AIDA..." (aws:userid)
    std::string createDate;            // ISO 8601
    std::vector<Tag> tags;
    std::vector<std::string> groups;             // group names
    std::vector<std::string> attachedPolicies;   // managed policy ARNs
    std::vector<InlinePolicy> inlinePolicies;
    std::string permissionsBoundary;             // a managed policy ARN, or empty
};

struct Group
{
    std::string name;
    std::string path = "/";
    std::string id;                    // "AGPA..."
    std::string createDate;
    std::vector<std::string> attachedPolicies;
    std::vector<InlinePolicy> inlinePolicies;
};

struct Role
{
    std::string name;
    std::string path = "/";
    std::string id;                    // "AROA..."
    std::string createDate;
    std::string description;
    std::string trustPolicy;           // AssumeRolePolicyDocument
    int maxSessionDuration = 3600;     // seconds
    std::vector<Tag> tags;
    std::vector<std::string> attachedPolicies;
    std::vector<InlinePolicy> inlinePolicies;
    std::string permissionsBoundary;
};

struct PolicyVersion
{
    std::string versionId;             // "v1", "v2", ...
    std::string document;
    std::string createDate;
};

// A customer-managed policy (AWS-managed ones come from the catalog).
struct ManagedPolicy
{
    std::string name;
    std::string path = "/";
    std::string id;                    // "ANPA..."
    std::string description;
    std::string createDate;
    std::string defaultVersionId = "v1";
    std::vector<PolicyVersion> versions;   // at most five, as IAM allows
    std::vector<Tag> tags;
};

struct InstanceProfile
{
    std::string name;
    std::string path = "/";
    std::string id;                    // "AIPA..."
    std::string createDate;
    std::string role;                  // the role's name, or empty (IAM allows one role)
};

} // namespace iam
