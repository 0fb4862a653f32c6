#include "JsonFieldReader.h"

#include "JsonLocator.h"

#include <algorithm>

namespace iam {

namespace {

// JsonLocator walks values recursively; a file nesting deeper than this is not
// one the account wrote (a workspace nests about ten levels) and is refused
// before any walk can exhaust the stack.
constexpr int kMaxDepth = 256;

int nestingDepth(std::string_view text)
{
    int depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

// nlohmann/json's message without its "[json.exception.parse_error.101] parse error
// at line 1, column 2: " prefix (the position is printed our way).
std::string syntaxMessage(const nlohmann::json::parse_error &e)
{
    const std::string what = e.what();
    const std::size_t colon = what.find(": ", what.find("parse error"));
    std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
    if (message.starts_with("syntax error while parsing "))
        message = "invalid JSON while parsing " + message.substr(27);
    return message;
}

const char *typeName(const JsonFieldReader::Json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    default: return "a number";
    }
}

} // namespace

JsonFieldReader::JsonFieldReader(std::string_view text, std::string source)
    : m_text(text), m_source(std::move(source))
{
}

std::optional<JsonFieldReader::Json> JsonFieldReader::parse()
{
    if (nestingDepth(m_text) > kMaxDepth) {
        m_located.push_back({Diagnostic::Severity::Error, "JSON_SYNTAX",
                             "JSON nests deeper than " + std::to_string(kMaxDepth) + " levels", {m_source, 1, 1}});
        return std::nullopt;
    }
    try {
        return Json::parse(m_text.begin(), m_text.end());
    } catch (const nlohmann::json::parse_error &e) {
        // The locator scans only valid JSON: count lines and characters up to the
        // byte nlohmann/json names, as PolicyParser does.
        const std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, m_text.size());
        int line = 1, column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        m_located.push_back({Diagnostic::Severity::Error, "JSON_SYNTAX", syntaxMessage(e), {m_source, line, column}});
        return std::nullopt;
    }
}

std::string JsonFieldReader::member(const std::string &pointer, std::string_view key)
{
    return pointer + '/' + JsonLocator::escapeSegment(key);
}

std::string JsonFieldReader::item(const std::string &pointer, std::size_t index)
{
    return pointer + '/' + std::to_string(index);
}

const JsonFieldReader::Json *JsonFieldReader::find(const Json &object, const std::string &pointer,
                                                   std::string_view key, Presence presence)
{
    if (object.is_object()) {
        const auto it = object.find(key);
        if (it != object.end())
            return &*it;
    }
    if (presence == Required)
        error(pointer, "MISSING_FIELD", "missing `" + std::string(key) + "`");
    return nullptr;
}

void JsonFieldReader::wrongType(const std::string &pointer, std::string_view key, const char *expected)
{
    error(member(pointer, key), "INVALID_FIELD_TYPE", "`" + std::string(key) + "` must be " + expected);
}

std::string JsonFieldReader::string(const Json &object, const std::string &pointer, std::string_view key,
                                    Presence presence, std::string fallback)
{
    const Json *value = find(object, pointer, key, presence);
    if (!value)
        return fallback;
    if (!value->is_string()) {
        wrongType(pointer, key, "a string");
        return fallback;
    }
    return value->get<std::string>();
}

std::int64_t JsonFieldReader::integer(const Json &object, const std::string &pointer, std::string_view key,
                                      Presence presence, std::int64_t fallback)
{
    const Json *value = find(object, pointer, key, presence);
    if (!value)
        return fallback;
    if (value->is_number_unsigned() && value->get<std::uint64_t>() > std::uint64_t(INT64_MAX)) {
        wrongType(pointer, key, "an integer no larger than 9223372036854775807");
        return fallback;
    }
    if (!value->is_number_integer()) {
        wrongType(pointer, key, "an integer");
        return fallback;
    }
    return value->get<std::int64_t>();
}

bool JsonFieldReader::boolean(const Json &object, const std::string &pointer, std::string_view key,
                              Presence presence, bool fallback)
{
    const Json *value = find(object, pointer, key, presence);
    if (!value)
        return fallback;
    if (!value->is_boolean()) {
        wrongType(pointer, key, "true or false");
        return fallback;
    }
    return value->get<bool>();
}

const JsonFieldReader::Json *JsonFieldReader::array(const Json &object, const std::string &pointer,
                                                    std::string_view key, Presence presence)
{
    const Json *value = find(object, pointer, key, presence);
    if (value && !value->is_array()) {
        wrongType(pointer, key, "an array");
        return nullptr;
    }
    return value;
}

const JsonFieldReader::Json *JsonFieldReader::object(const Json &object, const std::string &pointer,
                                                     std::string_view key, Presence presence)
{
    const Json *value = find(object, pointer, key, presence);
    if (value && !value->is_object()) {
        wrongType(pointer, key, "an object");
        return nullptr;
    }
    return value;
}

std::vector<std::string> JsonFieldReader::strings(const Json &object, const std::string &pointer,
                                                  std::string_view key)
{
    std::vector<std::string> values;
    const Json *list = array(object, pointer, key, Optional);
    if (!list)
        return values;
    const std::string listPointer = member(pointer, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json &value = (*list)[i];
        if (value.is_string())
            values.push_back(value.get<std::string>());
        else
            error(item(listPointer, i), "INVALID_FIELD_TYPE",
                  "`" + std::string(key) + "` must hold strings, not " + typeName(value));
    }
    return values;
}

std::string JsonFieldReader::name(const Json &object, const std::string &pointer, std::string_view key)
{
    std::string name = string(object, pointer, key, Required);
    const auto it = object.find(key);
    if (name.empty() && it != object.end() && it->is_string())
        error(member(pointer, key), "INVALID_VALUE", "`" + std::string(key) + "` must not be empty");
    return name;
}

std::string JsonFieldReader::path(const Json &object, const std::string &pointer, std::string_view key)
{
    std::string path = string(object, pointer, key, Optional, "/");
    // IAM paths begin and end with a slash: "/", "/engineering/".
    if (path.empty() || path.front() != '/' || path.back() != '/') {
        error(member(pointer, key), "INVALID_VALUE", "`" + std::string(key) + "` must begin and end with `/`");
        path = "/";
    }
    return path;
}

void JsonFieldReader::claimName(std::unordered_set<std::string> &taken, const std::string &name,
                                const std::string &pointer, std::string_view what, bool ignoreCase)
{
    // "S3Access" and "s3access" clash in IAM.
    if (!name.empty() && !taken.insert(ignoreCase ? lowercase(name) : name).second)
        error(pointer, "DUPLICATE_NAME", "duplicate " + std::string(what) + " `" + name + "`");
}

std::string JsonFieldReader::lowercase(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool JsonFieldReader::expectObject(const Json &value, const std::string &pointer, std::string_view what)
{
    if (value.is_object())
        return true;
    error(pointer, "INVALID_FIELD_TYPE", std::string(what) + " must be an object, not " + typeName(value));
    return false;
}

void JsonFieldReader::warnUnknown(const Json &object, const std::string &pointer,
                                  std::initializer_list<std::string_view> known)
{
    for (const auto &[key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            warning(member(pointer, key), "UNKNOWN_FIELD", "unknown field `" + key + "` is ignored", true);
    }
}

void JsonFieldReader::error(const std::string &pointer, std::string code, std::string message, bool atKey)
{
    m_problems.push_back({Diagnostic::Severity::Error, std::move(code), std::move(message), pointer, atKey});
}

void JsonFieldReader::warning(const std::string &pointer, std::string code, std::string message, bool atKey)
{
    m_problems.push_back({Diagnostic::Severity::Warning, std::move(code), std::move(message), pointer, atKey});
}

bool JsonFieldReader::hasErrors() const
{
    return iam::hasErrors(m_located) || std::any_of(m_problems.begin(), m_problems.end(), [](const Problem &p) {
               return p.severity == Diagnostic::Severity::Error;
           });
}

Diagnostics JsonFieldReader::diagnostics() const
{
    Diagnostics located = m_located;
    if (!m_problems.empty()) {
        // Problems are only ever recorded for text that parsed, so the locator may scan it.
        const JsonLocator locator(m_text);
        for (const Problem &problem : m_problems) {
            const JsonLocator::Span *span = locator.find(problem.pointer);
            std::size_t offset = 0;
            if (span)
                offset = problem.atKey && span->keyBegin != std::string_view::npos ? span->keyBegin : span->begin;
            located.push_back({problem.severity, problem.code, problem.message, locator.locate(offset, m_source)});
        }
    }
    sortByLocation(located);
    return located;
}

} // namespace iam
