#include "ManagedPolicyCatalog.h"

#include "CatalogMatching.h"
#include "CatalogReader.h"

#include <nlohmann/json.hpp>

namespace iam {

namespace {

// The layout resources/catalog/README.md describes; generate.mjs writes the same number.
constexpr int kFormat = 1;

void require(const CatalogReader &reader, bool present, std::size_t objectAt, const char *member)
{
    if (!present)
        reader.fail(objectAt, std::string("missing member `") + member + "`");
}

CatalogManagedPolicy readPolicy(CatalogReader &reader)
{
    CatalogManagedPolicy policy;
    bool name = false, arn = false, path = false, version = false, document = false;
    const std::size_t at = reader.valueOffset();
    reader.readObject([&](std::string_view member) {
        if (member == "n") {
            policy.name = reader.readString("`n`");
            name = true;
        } else if (member == "a") {
            policy.arn = reader.readString("`a`");
            arn = true;
        } else if (member == "p") {
            policy.path = reader.readString("`p`");
            path = true;
        } else if (member == "v") {
            policy.defaultVersionId = reader.readString("`v`");
            version = true;
        } else if (member == "d") {
            policy.description = reader.readString("`d`");
        } else if (member == "c") {
            policy.createDate = reader.readString("`c`");
        } else if (member == "u") {
            policy.updateDate = reader.readString("`u`");
        } else if (member == "doc") {
            // Kept as written: the generator writes AWS's document with its member order.
            const std::size_t docAt = reader.valueOffset();
            const std::string_view text = reader.skipValue();
            if (text.front() != '{')
                reader.fail(docAt, "`doc` must be a policy document (a JSON object)");
            policy.document.assign(text);
            document = true;
        } else {
            reader.skipValue();   // members a newer generator added
        }
    }, "each policy");
    require(reader, name, at, "n");
    require(reader, arn, at, "a");
    require(reader, path, at, "p");
    require(reader, version, at, "v");
    require(reader, document, at, "doc");
    return policy;
}

} // namespace

CatalogLoadResult<ManagedPolicyCatalog> ManagedPolicyCatalog::load(const std::filesystem::path &path)
{
    std::string text;
    CatalogLoadResult<ManagedPolicyCatalog> result;
    if (!readCatalogFile(path.string(), text, result.error))
        return result;
    return parse(text, path.string());
}

CatalogLoadResult<ManagedPolicyCatalog> ManagedPolicyCatalog::parse(std::string_view text, const std::string &source)
{
    CatalogLoadResult<ManagedPolicyCatalog> result;
    std::shared_ptr<ManagedPolicyCatalog> catalog(new ManagedPolicyCatalog);
    CatalogReader reader(text);
    try {
        bool format = false, policies = false;
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
            } else if (member == "policies") {
                reader.readArray([&] {
                    const std::size_t at = reader.valueOffset();
                    CatalogManagedPolicy policy = readPolicy(reader);
                    // IAM keeps policy names unique regardless of case, and ARNs unique.
                    const std::size_t index = catalog->m_policies.size();
                    if (!catalog->m_byName.emplace(catalogmatching::lowercase(policy.name), index).second
                        || !catalog->m_byArn.emplace(policy.arn, index).second)
                        reader.fail(at, "`" + policy.name + "` is listed twice");
                    catalog->m_policies.push_back(std::move(policy));
                }, "`policies`");
                policies = true;
            } else {
                reader.skipValue();
            }
        }, "the catalog");
        reader.expectEnd();
        require(reader, format, 0, "format");
        require(reader, policies, 0, "policies");
    } catch (const CatalogReader::Error &error) {
        result.error = catalogDiagnostic(error, text, source);
        return result;
    }
    result.catalog = std::move(catalog);
    return result;
}

const CatalogManagedPolicy *ManagedPolicyCatalog::findByName(std::string_view name) const
{
    const auto it = m_byName.find(catalogmatching::lowercase(name));
    return it == m_byName.end() ? nullptr : &m_policies[it->second];
}

const CatalogManagedPolicy *ManagedPolicyCatalog::findByArn(std::string_view arn) const
{
    const auto it = m_byArn.find(std::string(arn));
    return it == m_byArn.end() ? nullptr : &m_policies[it->second];
}

const CatalogManagedPolicy *ManagedPolicyCatalog::find(std::string_view nameOrArn) const
{
    return nameOrArn.starts_with("arn:") ? findByArn(nameOrArn) : findByName(nameOrArn);
}

std::string ManagedPolicyCatalog::documentText(std::string_view nameOrArn, int indent) const
{
    const CatalogManagedPolicy *policy = find(nameOrArn);
    if (!policy)
        return {};
    if (indent < 0)
        return policy->document;
    // Ordered, so that "Effect" stays before "Action" as AWS wrote it. The reader
    // checked the document's syntax at load, so this cannot fail; if it ever did,
    // the text as stored is still the document.
    try {
        return nlohmann::ordered_json::parse(policy->document).dump(indent);
    } catch (const nlohmann::json::exception &) {
        return policy->document;
    }
}

} // namespace iam
