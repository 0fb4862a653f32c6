#include "CatalogAwsManagedPolicies.h"

#include "ManagedPolicyCatalog.h"
#include "ResourcePaths.h"

namespace iam {

CatalogAwsManagedPolicies::CatalogAwsManagedPolicies(const ManagedPolicyCatalog &catalog)
{
    for (const CatalogManagedPolicy &policy : catalog.policies())
        m_policies.emplace(policy.arn, AwsManagedPolicy{policy.name, policy.arn, policy.path, policy.description,
                                                        policy.defaultVersionId, policy.document});
}

const AwsManagedPolicy *CatalogAwsManagedPolicies::find(std::string_view arn) const
{
    const auto it = m_policies.find(arn);
    return it == m_policies.end() ? nullptr : &it->second;
}

std::vector<const AwsManagedPolicy *> CatalogAwsManagedPolicies::all() const
{
    std::vector<const AwsManagedPolicy *> list;
    list.reserve(m_policies.size());
    for (const auto &[arn, policy] : m_policies)
        list.push_back(&policy);
    return list;
}

const CatalogAwsManagedPolicies *CatalogAwsManagedPolicies::bundled(std::string *error)
{
    static const auto loaded = ManagedPolicyCatalog::load(catalogFile("managed-policies.json"));
    static const std::unique_ptr<CatalogAwsManagedPolicies> policies =
        loaded.ok() ? std::make_unique<CatalogAwsManagedPolicies>(*loaded.catalog) : nullptr;
    if (!policies && error)
        *error = formatDiagnostic(loaded.error);
    return policies.get();
}

} // namespace iam
