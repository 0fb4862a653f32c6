#pragma once

// What the account needs to know of AWS-managed policies. The catalog (model/catalog)
// provides them from AWS's published data; tests can provide a handful.

#include <string>
#include <string_view>
#include <vector>

namespace iam {

struct AwsManagedPolicy
{
    std::string name;              // "AmazonS3ReadOnlyAccess"
    std::string arn;               // "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    std::string path = "/";
    std::string description;
    std::string defaultVersionId;  // "v3"
    std::string document;          // the default version's JSON
};

class AwsManagedPolicies
{
public:
    virtual ~AwsManagedPolicies() = default;
    // By ARN; nullptr when AWS has no such policy.
    virtual const AwsManagedPolicy *find(std::string_view arn) const = 0;
    virtual std::vector<const AwsManagedPolicy *> all() const = 0;
};

} // namespace iam
