#pragma once

// The AWS-managed policies of the catalog (model/catalog) as the account sees them.

#include "AwsManagedPolicies.h"

#include <map>
#include <memory>
#include <string>

namespace iam {

class ManagedPolicyCatalog;

class CatalogAwsManagedPolicies : public AwsManagedPolicies
{
public:
    explicit CatalogAwsManagedPolicies(const ManagedPolicyCatalog &catalog);

    const AwsManagedPolicy *find(std::string_view arn) const override;
    std::vector<const AwsManagedPolicy *> all() const override;

    // The bundled catalog (resources/catalog/managed-policies.json), loaded once on
    // first use; nullptr, with the reason on `error`, when it cannot be read.
    static const CatalogAwsManagedPolicies *bundled(std::string *error = nullptr);

private:
    std::map<std::string, AwsManagedPolicy, std::less<>> m_policies;   // by ARN
};

} // namespace iam
