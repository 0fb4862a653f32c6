#include "ServiceCatalog.h"

#include "CatalogMatching.h"
#include "CatalogReader.h"

#include "Arn.h"
#include "Wildcard.h"

#include <algorithm>
#include <tuple>

namespace iam {

using catalogmatching::lowercase;

namespace {

// The layout resources/catalog/README.md describes; generate.mjs writes the same number.
constexpr int kFormat = 1;

// Fails at `objectAt` unless `present`: the object lacks a member it needs.
void require(const CatalogReader &reader, bool present, std::size_t objectAt, const char *member)
{
    if (!present)
        reader.fail(objectAt, std::string("missing member `") + member + "`");
}

// `what` names the array and `whatElement` its elements, in errors.
std::vector<std::string> readStringList(CatalogReader &reader, std::string_view what, std::string_view whatElement)
{
    std::vector<std::string> list;
    reader.readArray([&] { list.push_back(reader.readString(whatElement)); }, what);
    return list;
}

CatalogConditionKey readConditionKey(CatalogReader &reader)
{
    CatalogConditionKey key;
    bool name = false, type = false;
    const std::size_t at = reader.valueOffset();
    reader.readObject([&](std::string_view member) {
        if (member == "n") {
            key.name = reader.readString("`n`");
            name = true;
        } else if (member == "t") {
            key.type = reader.readString("`t`");
            type = true;
        } else if (member == "d") {
            key.description = reader.readString("`d`");
        } else if (member == "c") {
            key.category = reader.readString("`c`");
        } else {
            reader.skipValue();   // members a newer generator added
        }
    }, "each condition key");
    require(reader, name, at, "n");
    require(reader, type, at, "t");
    return key;
}

CatalogActionResource readActionResource(CatalogReader &reader)
{
    CatalogActionResource resource;
    bool name = false;
    const std::size_t at = reader.valueOffset();
    reader.readObject([&](std::string_view member) {
        if (member == "n") {
            resource.name = reader.readString("`n`");
            name = true;
        } else if (member == "q") {
            resource.required = reader.readBool("`q`");
        } else if (member == "k") {
            resource.conditionKeys = readStringList(reader, "`k`", "each element of `k`");
        } else if (member == "x") {
            resource.dependentActions = readStringList(reader, "`x`", "each element of `x`");
        } else {
            reader.skipValue();
        }
    }, "each resource type of an action");
    require(reader, name, at, "n");
    return resource;
}

CatalogAction readAction(CatalogReader &reader)
{
    CatalogAction action;
    bool name = false, level = false;
    const std::size_t at = reader.valueOffset();
    reader.readObject([&](std::string_view member) {
        if (member == "n") {
            action.name = reader.readString("`n`");
            name = true;
        } else if (member == "l") {
            const std::size_t levelAt = reader.valueOffset();
            const std::string text = reader.readString("`l`");
            const std::optional<AccessLevel> accessLevel = accessLevelFromName(text);
            if (!accessLevel)
                reader.fail(levelAt, "`" + text + "` is not an access level (List, Read, Write, "
                                                  "Permissions management, Tagging)");
            action.accessLevel = *accessLevel;
            level = true;
        } else if (member == "d") {
            action.description = reader.readString("`d`");
        } else if (member == "r") {
            reader.readArray([&] { action.resourceTypes.push_back(readActionResource(reader)); }, "`r`");
        } else if (member == "k") {
            action.conditionKeys = readStringList(reader, "`k`", "each element of `k`");
        } else if (member == "x") {
            action.dependentActions = readStringList(reader, "`x`", "each element of `x`");
        } else {
            reader.skipValue();
        }
    }, "each action");
    require(reader, name, at, "n");
    require(reader, level, at, "l");
    return action;
}

CatalogResourceType readResourceType(CatalogReader &reader)
{
    CatalogResourceType type;
    bool name = false, format = false;
    const std::size_t at = reader.valueOffset();
    reader.readObject([&](std::string_view member) {
        if (member == "n") {
            type.name = reader.readString("`n`");
            name = true;
        } else if (member == "f") {
            type.arnFormat = reader.readString("`f`");
            format = true;
        } else if (member == "k") {
            type.conditionKeys = readStringList(reader, "`k`", "each element of `k`");
        } else {
            reader.skipValue();
        }
    }, "each resource type");
    require(reader, name, at, "n");
    require(reader, format, at, "f");
    return type;
}

CatalogService readService(CatalogReader &reader)
{
    CatalogService service;
    bool prefix = false, name = false;
    const std::size_t at = reader.valueOffset();
    reader.readObject([&](std::string_view member) {
        if (member == "p") {
            service.prefix = reader.readString("`p`");
            prefix = true;
        } else if (member == "n") {
            service.name = reader.readString("`n`");
            name = true;
        } else if (member == "a") {
            reader.readArray([&] { service.actions.push_back(readAction(reader)); }, "`a`");
        } else if (member == "r") {
            reader.readArray([&] { service.resourceTypes.push_back(readResourceType(reader)); }, "`r`");
        } else if (member == "k") {
            reader.readArray([&] { service.conditionKeys.push_back(readConditionKey(reader)); }, "`k`");
        } else {
            reader.skipValue();
        }
    }, "each service");
    require(reader, prefix, at, "p");
    require(reader, name, at, "n");
    return service;
}

// The part of a condition key that picks its bucket of templates: the text before
// its first `:` or `/` ("aws", "s3").
std::string_view keyBucket(std::string_view key)
{
    return key.substr(0, key.find_first_of(":/"));
}

} // namespace

CatalogLoadResult<ServiceCatalog> ServiceCatalog::load(const std::filesystem::path &path)
{
    std::string text;
    CatalogLoadResult<ServiceCatalog> result;
    if (!readCatalogFile(path.string(), text, result.error))
        return result;
    return parse(text, path.string());
}

CatalogLoadResult<ServiceCatalog> ServiceCatalog::parse(std::string_view text, const std::string &source)
{
    CatalogLoadResult<ServiceCatalog> result;
    std::shared_ptr<ServiceCatalog> catalog(new ServiceCatalog);
    CatalogReader reader(text);
    try {
        bool format = false, services = false;
        reader.readObject([&](std::string_view member) {
            if (member == "format") {
                const std::size_t at = reader.valueOffset();
                const long long number = reader.readInteger("`format`");
                if (number != kFormat)
                    reader.fail(at, "unsupported catalog format " + std::to_string(number) + " (this build reads "
                                        + std::to_string(kFormat) + "); regenerate it with resources/catalog/generate.mjs");
                format = true;
            } else if (member == "source") {
                reader.readObject([&](std::string_view field) {
                    if (field == "version")
                        catalog->m_dataVersion = reader.readString("`version`");
                    else
                        reader.skipValue();
                }, "`source`");
            } else if (member == "global") {
                reader.readArray([&] { catalog->m_globalKeys.push_back(readConditionKey(reader)); }, "`global`");
            } else if (member == "services") {
                reader.readArray([&] { catalog->m_services.push_back(readService(reader)); }, "`services`");
                services = true;
            } else {
                reader.skipValue();
            }
        }, "the catalog");
        reader.expectEnd();
        require(reader, format, 0, "format");
        require(reader, services, 0, "services");
    } catch (const CatalogReader::Error &error) {
        result.error = catalogDiagnostic(error, text, source);
        return result;
    }
    catalog->buildIndex();
    result.catalog = std::move(catalog);
    return result;
}

void ServiceCatalog::buildIndex()
{
    // Global keys first, so that a key both global and listed by services is
    // described as the global one.
    for (const CatalogConditionKey &key : m_globalKeys)
        indexConditionKey(key);
    m_index.reserve(m_services.size());
    for (std::size_t s = 0; s < m_services.size(); ++s) {
        const CatalogService &service = m_services[s];
        ServiceIndex &index = m_index[lowercase(service.prefix)];
        index.service = s;
        index.actions.reserve(service.actions.size());
        for (std::size_t a = 0; a < service.actions.size(); ++a)
            index.actions.emplace(lowercase(service.actions[a].name), a);
        m_actionCount += service.actions.size();
        index.arnPatterns.reserve(service.resourceTypes.size());
        for (std::size_t r = 0; r < service.resourceTypes.size(); ++r) {
            const CatalogResourceType &type = service.resourceTypes[r];
            index.resourceTypes.emplace(lowercase(type.name), r);
            std::vector<std::string> parts;
            if (const std::optional<ArnParts> split = splitArn(type.arnFormat)) {
                for (std::string_view part : split->parts)
                    parts.push_back(catalogmatching::placeholderPattern(part, false));
            }
            index.arnPatterns.push_back(std::move(parts));
        }
        for (const CatalogConditionKey &key : service.conditionKeys)
            indexConditionKey(key);
    }
}

void ServiceCatalog::indexConditionKey(const CatalogConditionKey &key)
{
    std::string lower = lowercase(key.name);
    if (!catalogmatching::hasPlaceholder(key.name)) {
        m_keys.emplace(std::move(lower), &key);
        return;
    }
    // The same template is listed by many services: keep its first description only.
    if (m_keys.contains(lower))
        return;
    KeyTemplate entry{catalogmatching::placeholderPattern(key.name, true), &key};
    const std::size_t placeholder = std::min(lower.find("${"), lower.find('<'));
    const std::size_t separator = lower.find_first_of(":/");
    if (separator < placeholder)
        m_keyTemplates[std::string(keyBucket(lower))].push_back(std::move(entry));
    else
        m_looseTemplates.push_back(std::move(entry));
    m_keys.emplace(std::move(lower), &key);   // the template's own spelling is a known key too
}

const ServiceCatalog::ServiceIndex *ServiceCatalog::findService(std::string_view servicePrefix) const
{
    const auto it = m_index.find(lowercase(servicePrefix));
    return it == m_index.end() ? nullptr : &it->second;
}

bool ServiceCatalog::hasService(std::string_view servicePrefix) const
{
    return findService(servicePrefix) != nullptr;
}

bool ServiceCatalog::hasAction(std::string_view servicePrefix, std::string_view actionName) const
{
    return action(servicePrefix, actionName) != nullptr;
}

const CatalogService *ServiceCatalog::service(std::string_view servicePrefix) const
{
    const ServiceIndex *index = findService(servicePrefix);
    return index ? &m_services[index->service] : nullptr;
}

const CatalogAction *ServiceCatalog::action(std::string_view servicePrefix, std::string_view actionName) const
{
    const ServiceIndex *index = findService(servicePrefix);
    if (!index)
        return nullptr;
    const auto it = index->actions.find(lowercase(actionName));
    return it == index->actions.end() ? nullptr : &m_services[index->service].actions[it->second];
}

const CatalogResourceType *ServiceCatalog::resourceType(std::string_view servicePrefix, std::string_view type) const
{
    const ServiceIndex *index = findService(servicePrefix);
    if (!index)
        return nullptr;
    const auto it = index->resourceTypes.find(lowercase(type));
    return it == index->resourceTypes.end() ? nullptr : &m_services[index->service].resourceTypes[it->second];
}

std::vector<std::string> ServiceCatalog::suggestActions(std::string_view servicePrefix,
                                                        std::string_view actionName) const
{
    constexpr std::size_t kMaxSuggestions = 3;
    const CatalogService *found = service(servicePrefix);
    if (!found || actionName.empty())
        return {};
    const std::string query = lowercase(actionName);
    // Short names tolerate fewer edits, or everything would be "close".
    const std::size_t limit = query.size() <= 4 ? 1 : query.size() <= 8 ? 2 : 3;
    // (distance, how much longer or shorter, name): closest, then most alike in length.
    std::vector<std::tuple<std::size_t, std::size_t, const std::string *>> ranked;
    for (const CatalogAction &candidate : found->actions) {
        const std::string name = lowercase(candidate.name);
        std::size_t distance = catalogmatching::editDistance(query, name, limit);
        // A prefix is what someone typing an action name has so far.
        if (query.size() >= 3 && name.starts_with(query))
            distance = std::min<std::size_t>(distance, 1);
        if (distance > limit)
            continue;
        const std::size_t lengthGap = name.size() > query.size() ? name.size() - query.size() : query.size() - name.size();
        ranked.emplace_back(distance, lengthGap, &candidate.name);
    }
    const auto byRank = [](const auto &a, const auto &b) {
        return std::tie(std::get<0>(a), std::get<1>(a), *std::get<2>(a))
            < std::tie(std::get<0>(b), std::get<1>(b), *std::get<2>(b));
    };
    const std::size_t count = std::min(kMaxSuggestions, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count), ranked.end(), byRank);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < count; ++i)
        names.push_back(*std::get<2>(ranked[i]));
    return names;
}

const CatalogConditionKey *ServiceCatalog::conditionKey(std::string_view key) const
{
    const std::string lower = lowercase(key);
    if (const auto it = m_keys.find(lower); it != m_keys.end())
        return it->second;
    // Tag keys and other named parts: "aws:RequestTag/env" is "aws:RequestTag/${TagKey}".
    if (const auto it = m_keyTemplates.find(std::string(keyBucket(lower))); it != m_keyTemplates.end()) {
        for (const KeyTemplate &entry : it->second) {
            if (wildcardMatch(entry.pattern, lower))
                return entry.key;
        }
    }
    for (const KeyTemplate &entry : m_looseTemplates) {
        if (wildcardMatch(entry.pattern, lower))
            return entry.key;
    }
    return nullptr;
}

bool ServiceCatalog::hasConditionKey(std::string_view key) const
{
    return conditionKey(key) != nullptr;
}

std::vector<std::string> ServiceCatalog::resourceTypesOf(std::string_view servicePrefix,
                                                         std::string_view actionName) const
{
    std::vector<std::string> names;
    if (const CatalogAction *found = action(servicePrefix, actionName)) {
        for (const CatalogActionResource &resource : found->resourceTypes)
            names.push_back(resource.name);
    }
    return names;
}

bool ServiceCatalog::arnMatchesResourceType(std::string_view servicePrefix, std::string_view type,
                                            std::string_view arn) const
{
    const ServiceIndex *index = findService(servicePrefix);
    if (!index)
        return false;
    const auto it = index->resourceTypes.find(lowercase(type));
    if (it == index->resourceTypes.end())
        return false;
    const std::vector<std::string> &patterns = index->arnPatterns[it->second];
    const std::optional<ArnParts> parts = splitArn(arn);
    if (!parts || patterns.size() != parts->parts.size())
        return false;
    // ARNs are case-sensitive; splitting first keeps a variable within its part.
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (!wildcardMatch(patterns[i], parts->parts[i]))
            return false;
    }
    return true;
}

std::optional<AccessLevel> ServiceCatalog::accessLevel(std::string_view servicePrefix,
                                                       std::string_view actionName) const
{
    const CatalogAction *found = action(servicePrefix, actionName);
    return found ? std::optional<AccessLevel>(found->accessLevel) : std::nullopt;
}

std::optional<AccessLevel> ServiceCatalog::accessLevel(std::string_view action) const
{
    const std::size_t colon = action.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    return accessLevel(action.substr(0, colon), action.substr(colon + 1));
}

std::vector<std::string> ServiceCatalog::expandActionPattern(std::string_view pattern) const
{
    std::vector<std::string> expanded;
    const std::string lower = lowercase(pattern);
    // A lone `*` is every action of every service; otherwise `service:name`, each part
    // matched on its own (neither a prefix nor an action name has a colon).
    const std::size_t colon = lower.find(':');
    if (lower != "*" && colon == std::string::npos)
        return expanded;
    const std::string servicePattern = lower == "*" ? "*" : lower.substr(0, colon);
    const std::string actionPattern = lower == "*" ? "*" : lower.substr(colon + 1);
    const Wildcard actionWildcard(actionPattern);
    for (const CatalogService &service : m_services) {
        if (!wildcardMatch(servicePattern, lowercase(service.prefix)))
            continue;
        for (const CatalogAction &action : service.actions) {
            if (actionWildcard.matches(lowercase(action.name)))
                expanded.push_back(service.prefix + ":" + action.name);
        }
    }
    return expanded;
}

} // namespace iam
