#pragma once

// The Service Authorization Reference: every service's actions (with access level,
// resource types and condition keys), resource types (with ARN format) and
// condition keys, plus the global condition keys. Read from services.json, which
// resources/catalog/generate.mjs writes.
//
//   CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::load(catalogFile("services.json"));
//   if (!loaded.ok())
//       std::cerr << formatDiagnostic(loaded.error) << '\n';   // services.json:12:7: error: ...
//   validatePolicy(parsed, PolicyType::Identity, loaded.catalog.get());
//   loaded.catalog->expandActionPattern("s3:Get*");          // {"s3:GetAccelerateConfiguration", ...}
//
// Loading never throws: a missing, malformed or wrongly shaped file comes back as an
// error with its line and column. A loaded catalog is immutable; every query is
// const and safe to call from any thread. Service prefixes, action names and
// condition keys compare case-insensitively (IAM does); ARNs case-sensitively.

#include "ActionCatalog.h"
#include "CatalogLoadResult.h"
#include "CatalogService.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iam {

class ServiceCatalog : public ActionCatalog
{
public:
    // The indexes point into the catalog's own lists: no copies.
    ServiceCatalog(const ServiceCatalog &) = delete;
    ServiceCatalog &operator=(const ServiceCatalog &) = delete;

    static CatalogLoadResult<ServiceCatalog> load(const std::filesystem::path &path);
    // `source` names the text in errors (a file name).
    static CatalogLoadResult<ServiceCatalog> parse(std::string_view text, const std::string &source);

    // iam::ActionCatalog, for the validator.
    bool hasService(std::string_view servicePrefix) const override;
    bool hasAction(std::string_view servicePrefix, std::string_view actionName) const override;
    // Up to three names, closest first: case-insensitive edit distance (a swap of two
    // neighbours counts once), with names that start with `actionName` counted as one
    // edit away. Empty for an unknown service or when nothing is close.
    std::vector<std::string> suggestActions(std::string_view servicePrefix,
                                            std::string_view actionName) const override;
    bool hasConditionKey(std::string_view key) const override;
    std::vector<std::string> resourceTypesOf(std::string_view servicePrefix,
                                             std::string_view actionName) const override;
    // `arn` is a concrete ARN (a `*` in it is taken literally). Each `${Variable}` of
    // the format stands for one or more characters, and a variable among the first
    // five parts never spans a colon; a `*` in the format stands for any run.
    bool arnMatchesResourceType(std::string_view servicePrefix, std::string_view type,
                                std::string_view arn) const override;

    // For the visual editor and the policy summaries.
    const std::vector<CatalogService> &services() const { return m_services; }
    const std::vector<CatalogConditionKey> &globalConditionKeys() const { return m_globalKeys; }
    const CatalogService *service(std::string_view servicePrefix) const;
    const CatalogAction *action(std::string_view servicePrefix, std::string_view actionName) const;
    const CatalogResourceType *resourceType(std::string_view servicePrefix, std::string_view type) const;
    // The key's description, for a key as a policy writes it: "aws:RequestTag/env"
    // gives the template "aws:RequestTag/${TagKey}". Global keys first, then the
    // services' own. nullptr when unknown.
    const CatalogConditionKey *conditionKey(std::string_view key) const;

    // "s3:GetObject" (or the service and the name apart); nullopt for an unknown action.
    std::optional<AccessLevel> accessLevel(std::string_view action) const;
    std::optional<AccessLevel> accessLevel(std::string_view servicePrefix, std::string_view actionName) const;

    // The catalog's actions an action pattern covers, as "prefix:Name" in catalog
    // order: "s3:Get*", "s3:*", "*:List*", "*". IAM's `*` and `?`, case-insensitive.
    std::vector<std::string> expandActionPattern(std::string_view pattern) const;

    // The iam-data version the file was generated from, e.g. "0.21.202609261".
    const std::string &dataVersion() const { return m_dataVersion; }
    std::size_t actionCount() const { return m_actionCount; }

private:
    struct ServiceIndex
    {
        std::size_t service = 0;
        std::unordered_map<std::string, std::size_t> actions;         // lowercased name -> index
        std::unordered_map<std::string, std::size_t> resourceTypes;   // lowercased name -> index
        // Per resource type: the ARN format's six parts as IAM wildcards (a variable as `?*`).
        std::vector<std::vector<std::string>> arnPatterns;
    };
    struct KeyTemplate
    {
        std::string pattern;   // lowercased, each placeholder as `?*`
        const CatalogConditionKey *key = nullptr;
    };

    ServiceCatalog() = default;
    void buildIndex();
    void indexConditionKey(const CatalogConditionKey &key);
    const ServiceIndex *findService(std::string_view servicePrefix) const;

    std::vector<CatalogService> m_services;
    std::vector<CatalogConditionKey> m_globalKeys;
    std::string m_dataVersion;
    std::size_t m_actionCount = 0;

    // INVARIANT: every key below is lowercase; the pointers point into m_services
    // and m_globalKeys, which never change after buildIndex().
    std::unordered_map<std::string, ServiceIndex> m_index;
    std::unordered_map<std::string, const CatalogConditionKey *> m_keys;
    // Keys with a placeholder ("${TagKey}", "<key>"), by the text before their first
    // `:` or `/` ("aws", "s3"); `m_looseTemplates` holds those whose placeholder
    // comes earlier.
    std::unordered_map<std::string, std::vector<KeyTemplate>> m_keyTemplates;
    std::vector<KeyTemplate> m_looseTemplates;
};

} // namespace iam
