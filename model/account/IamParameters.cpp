#include "IamParameters.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace iam {

using json = nlohmann::json;

namespace {

// "RoleName" -> "roleName": how IAM's validation messages name a parameter.
std::string memberName(const char *param)
{
    std::string name(param);
    if (!name.empty())
        name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    return name;
}

// Characters, not bytes: IAM's length constraints count Unicode characters.
std::size_t characters(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// [\w+=,.@-]+, IAM's pattern for user, group, role, instance profile and policy names.
bool isIamName(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return isWordChar(c) || std::string_view("+=,.@-").find(c) != std::string_view::npos;
    });
}

// (\u002F)|(\u002F[\u0021-\u007E]+\u002F)
bool isIamPath(std::string_view path)
{
    if (path == "/")
        return true;
    return path.size() >= 3 && path.front() == '/' && path.back() == '/'
        && std::all_of(path.begin(), path.end(), [](char c) { return c >= 0x21 && c <= 0x7E; });
}

// [\p{L}\p{Z}\p{N}_.:/=+\-@]*: letters, separators and digits of any script (every
// non-ASCII byte is let through as part of one) and a few punctuation marks.
bool isTagText(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))
            || std::string_view(" _.:/=+-@").find(c) != std::string_view::npos;
    });
}

// v[1-9][0-9]*(\.[A-Za-z0-9-]*)?
bool isVersionId(std::string_view id)
{
    if (id.size() < 2 || id[0] != 'v' || id[1] < '1' || id[1] > '9')
        return false;
    std::size_t i = 2;
    while (i < id.size() && std::isdigit(static_cast<unsigned char>(id[i])))
        ++i;
    if (i == id.size())
        return true;
    if (id[i] != '.')
        return false;
    return std::all_of(id.begin() + static_cast<std::ptrdiff_t>(i) + 1, id.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
}

constexpr const char *kNamePattern = "Member must satisfy regular expression pattern: [\\w+=,.@-]+";

std::string lengthAtMost(std::size_t max)
{
    return "Member must have length less than or equal to " + std::to_string(max);
}

std::string lengthAtLeast(std::size_t min)
{
    return "Member must have length greater than or equal to " + std::to_string(min);
}

} // namespace

const json *IamParameters::value(const char *param) const
{
    const auto it = m_ctx.params.find(param);
    return it == m_ctx.params.end() || it->is_null() ? nullptr : &*it;
}

void IamParameters::error(const std::string &at, const std::string &value, const std::string &constraint)
{
    m_errors.push_back("Value " + value + " at '" + at + "' failed to satisfy constraint: " + constraint);
}

void IamParameters::error(const char *param, const std::string &value, const std::string &constraint)
{
    error(memberName(param), "'" + value + "'", constraint);
}

std::optional<std::string> IamParameters::string(const char *param, bool required)
{
    const json *given = value(param);
    if (!given) {
        if (required)
            error(memberName(param), "null", "Member must not be null");
        return std::nullopt;
    }
    if (given->is_string())
        return given->get<std::string>();
    if (given->is_number() || given->is_boolean())
        return given->dump();   // the query API has only strings: 42 is "42"
    error(param, given->dump(), "Member must be a string");
    return std::nullopt;
}

std::optional<std::string> IamParameters::optionalName(const char *param, std::size_t maxLength)
{
    auto name = string(param, false);
    if (!name)
        return std::nullopt;
    const std::size_t length = characters(*name);
    if (length < 1)
        error(param, *name, lengthAtLeast(1));
    if (length > maxLength)
        error(param, *name, lengthAtMost(maxLength));
    if (!isIamName(*name))
        error(param, *name, kNamePattern);
    return name;
}

std::string IamParameters::name(const char *param, std::size_t maxLength)
{
    if (!value(param)) {
        error(memberName(param), "null", "Member must not be null");
        return {};
    }
    return optionalName(param, maxLength).value_or(std::string());
}

std::string IamParameters::path(const char *param)
{
    const auto path = string(param, false);
    if (!path)
        return "/";
    if (path->empty())
        error(param, *path, lengthAtLeast(1));
    if (path->size() > 512)
        error(param, *path, lengthAtMost(512));
    if (!isIamPath(*path))
        error(param, *path,
              "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    return *path;
}

std::string IamParameters::pathPrefix(const char *param)
{
    const auto prefix = string(param, false);
    if (!prefix)
        return "/";
    if (prefix->empty())
        error(param, *prefix, lengthAtLeast(1));
    if (prefix->size() > 512)
        error(param, *prefix, lengthAtMost(512));
    if (!prefix->starts_with('/') || !std::all_of(prefix->begin(), prefix->end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x21 && static_cast<unsigned char>(c) <= 0x7F;
        }))
        error(param, *prefix, "Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*");
    return *prefix;
}

std::optional<std::string> IamParameters::text(const char *param, std::size_t maxLength)
{
    auto text = string(param, false);
    if (text && characters(*text) > maxLength)
        error(param, *text, lengthAtMost(maxLength));
    return text;
}

std::optional<std::string> IamParameters::optionalArn(const char *param)
{
    auto arn = string(param, false);
    if (arn && arn->size() < 20)
        error(param, *arn, lengthAtLeast(20));
    if (arn && arn->size() > 2048)
        error(param, *arn, lengthAtMost(2048));
    return arn;
}

std::string IamParameters::arn(const char *param)
{
    if (!value(param)) {
        error(memberName(param), "null", "Member must not be null");
        return {};
    }
    return optionalArn(param).value_or(std::string());
}

std::string IamParameters::versionId(const char *param)
{
    const auto id = string(param, true);
    if (id && !isVersionId(*id))
        error(param, *id, "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    return id.value_or(std::string());
}

std::optional<long long> IamParameters::integer(const char *param, long long min, long long max)
{
    const json *given = value(param);
    if (!given)
        return std::nullopt;
    long long number = 0;
    bool parsed = false;
    if (given->is_number_integer()) {
        number = given->get<long long>();
        parsed = true;
    } else if (given->is_string()) {
        const std::string text = given->get<std::string>();
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        parsed = ec == std::errc() && end == text.data() + text.size() && !text.empty();
    }
    const std::string shown = given->is_string() ? given->get<std::string>() : given->dump();
    if (!parsed) {
        error(param, shown, "Member must be a whole number");
        return std::nullopt;
    }
    if (number < min)
        error(param, shown, "Member must have value greater than or equal to " + std::to_string(min));
    if (number > max)
        error(param, shown, "Member must have value less than or equal to " + std::to_string(max));
    return number;
}

bool IamParameters::flag(const char *param, bool fallback)
{
    const json *given = value(param);
    if (!given)
        return fallback;
    if (given->is_boolean())
        return given->get<bool>();
    if (given->is_string() && (given->get<std::string>() == "true" || given->get<std::string>() == "false"))
        return given->get<std::string>() == "true";
    error(param, given->is_string() ? given->get<std::string>() : given->dump(), "Member must be true or false");
    return fallback;
}

std::string IamParameters::choice(const char *param, const std::vector<std::string> &allowed, std::string fallback)
{
    const auto chosen = string(param, false);
    if (!chosen)
        return fallback;
    if (std::find(allowed.begin(), allowed.end(), *chosen) == allowed.end()) {
        std::string set;
        for (const std::string &option : allowed)
            set += (set.empty() ? "" : ", ") + option;
        error(param, *chosen, "Member must satisfy enum value set: [" + set + "]");
    }
    return *chosen;
}

std::vector<Tag> IamParameters::tags(const char *param, bool required)
{
    std::vector<Tag> tags;
    const json *given = value(param);
    if (!given) {
        if (required)
            error(memberName(param), "null", "Member must not be null");
        return tags;
    }
    if (!given->is_array()) {
        error(param, given->dump(), "Member must be a list of tags");
        return tags;
    }
    if (given->size() > 50)
        error(param, given->dump(), lengthAtMost(50));
    for (std::size_t i = 0; i < given->size(); ++i) {
        const json &item = (*given)[i];
        const std::string at = memberName(param) + "." + std::to_string(i + 1) + ".member.";
        const auto field = [&](const char *name) -> std::optional<std::string> {
            if (!item.is_object() || !item.contains(name) || !item[name].is_string()) {
                error(at + memberName(name), "null", "Member must not be null");
                return std::nullopt;
            }
            return item[name].get<std::string>();
        };
        const auto key = field("Key");
        const auto tagValue = field("Value");
        if (!key || !tagValue)
            continue;
        if (key->empty())
            error(at + "key", "'" + *key + "'", lengthAtLeast(1));
        if (characters(*key) > 128)
            error(at + "key", "'" + *key + "'", lengthAtMost(128));
        if (!isTagText(*key))
            error(at + "key", "'" + *key + "'",
                  "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
        if (characters(*tagValue) > 256)
            error(at + "value", "'" + *tagValue + "'", lengthAtMost(256));
        if (!isTagText(*tagValue))
            error(at + "value", "'" + *tagValue + "'",
                  "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
        tags.push_back({*key, *tagValue});
    }
    return tags;
}

std::vector<std::string> IamParameters::tagKeys(const char *param)
{
    std::vector<std::string> keys;
    const json *given = value(param);
    if (!given) {
        error(memberName(param), "null", "Member must not be null");
        return keys;
    }
    if (!given->is_array() || given->empty() || given->size() > 50) {
        error(param, given->dump(),
              given->is_array() && !given->empty() ? lengthAtMost(50)
                                                   : std::string("Member must be a list of 1 to 50 keys"));
        return keys;
    }
    for (const json &item : *given) {
        if (!item.is_string() || item.get<std::string>().empty() || characters(item.get<std::string>()) > 128
            || !isTagText(item.get<std::string>())) {
            error(param, item.is_string() ? item.get<std::string>() : item.dump(),
                  "Member must satisfy constraint: [Member must have length less than or equal to 128, Member must "
                  "have length greater than or equal to 1, Member must satisfy regular expression pattern: "
                  "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+]");
            continue;
        }
        keys.push_back(item.get<std::string>());
    }
    return keys;
}

std::string IamParameters::document(const char *param)
{
    const json *given = value(param);
    if (!given) {
        error(memberName(param), "null", "Member must not be null");
        return {};
    }
    // The API takes the document as text; a console may hand over the object itself.
    const std::string text = given->is_string() ? given->get<std::string>() : given->dump(4);
    if (text.empty())
        error(param, text, lengthAtLeast(1));
    if (text.size() > 131072)
        error(param, text.substr(0, 64) + "...", lengthAtMost(131072));
    return text;
}

void IamParameters::paging()
{
    m_maxItems = integer("MaxItems", 1, 1000);
    if (const auto marker = string("Marker", false)) {
        std::size_t start = 0;
        const auto [end, ec] = std::from_chars(marker->data(), marker->data() + marker->size(), start);
        if (ec != std::errc() || end != marker->data() + marker->size())
            error("Marker", *marker, "Member must be a Marker from an earlier response");
        m_marker = start;
    }
}

bool IamParameters::valid()
{
    if (m_errors.empty())
        return true;
    std::string message = std::to_string(m_errors.size())
                          + (m_errors.size() == 1 ? " validation error" : " validation errors") + " detected: ";
    for (std::size_t i = 0; i < m_errors.size(); ++i)
        message += (i ? "; " : "") + m_errors[i];
    return m_ctx.fail("ValidationError", message);
}

} // namespace iam
