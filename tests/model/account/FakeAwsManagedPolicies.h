#pragma once

// A catalog of a few AWS-managed policies, for tests that must tell known
// AWS-managed ARNs from unknown ones without the real catalog.

#include "AwsManagedPolicies.h"

#include <map>
#include <string>
#include <vector>

namespace iam::testing {

class FakeAwsManagedPolicies : public AwsManagedPolicies
{
public:
    FakeAwsManagedPolicies()
    {
        add("AmazonS3ReadOnlyAccess", "v3",
            R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}]})");
        add("AdministratorAccess", "v1",
            R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})");
        add("ReadOnlyAccess", "v1",
            R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"}]})");
    }

    const AwsManagedPolicy *find(std::string_view arn) const override
    {
        const auto it = m_policies.find(std::string(arn));
        return it == m_policies.end() ? nullptr : &it->second;
    }

    std::vector<const AwsManagedPolicy *> all() const override
    {
        std::vector<const AwsManagedPolicy *> list;
        for (const auto &[arn, policy] : m_policies)
            list.push_back(&policy);
        return list;
    }

private:
    void add(std::string name, std::string version, std::string document)
    {
        AwsManagedPolicy policy;
        policy.name = name;
        policy.arn = "arn:aws:iam::aws:policy/" + name;
        policy.description = "Provides access for " + name;
        policy.defaultVersionId = std::move(version);
        policy.document = std::move(document);
        m_policies.emplace(policy.arn, std::move(policy));
    }

    std::map<std::string, AwsManagedPolicy> m_policies;
};

} // namespace iam::testing
