#pragma once

// Reads the fields of a JSON file that the account loads (a workspace, an
// authorization-details listing), reporting each problem as a Diagnostic at the
// value at fault. Problems are recorded by JSON pointer while reading; lines and
// columns are worked out only when there are problems, so a large, valid file is
// never scanned a second time.
//
//   JsonFieldReader reader(text, "lab.iamstudio");
//   std::optional<JsonFieldReader::Json> root = reader.parse();   // JSON_SYNTAX when malformed
//   std::string name = reader.string(user, "/users/0", "name", JsonFieldReader::Required);
//   if (reader.hasErrors()) return reader.diagnostics();
//
// Objects keep their key order (ordered_json), so a policy given as an object is
// re-serialised in the order its author wrote it. A key given twice is not
// reported (the last one counts, as in nlohmann/json): finding it would take the
// locator's scan of every file, valid ones included. Not thread-safe.

#include "Diagnostic.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace iam {

class JsonFieldReader
{
public:
    using Json = nlohmann::ordered_json;
    enum Presence { Required, Optional };

    JsonFieldReader(std::string_view text, std::string source);

    // The document; nullopt (with one JSON_SYNTAX error) when the text is not JSON
    // or nests deeper than the reader will walk.
    std::optional<Json> parse();

    // A member of `object` (whose pointer is `pointer`). Absent and Required: a
    // MISSING_FIELD error at the object; present with the wrong type: an
    // INVALID_FIELD_TYPE error at the value. Either way the fallback is returned.
    std::string string(const Json &object, const std::string &pointer, std::string_view key, Presence presence,
                       std::string fallback = {});
    std::int64_t integer(const Json &object, const std::string &pointer, std::string_view key, Presence presence,
                         std::int64_t fallback = 0);
    bool boolean(const Json &object, const std::string &pointer, std::string_view key, Presence presence,
                 bool fallback = false);
    // nullptr when absent or not an array / object.
    const Json *array(const Json &object, const std::string &pointer, std::string_view key, Presence presence);
    const Json *object(const Json &object, const std::string &pointer, std::string_view key, Presence presence);
    // An array of strings; items of another type are errors and skipped.
    std::vector<std::string> strings(const Json &object, const std::string &pointer, std::string_view key);
    // A required, non-empty string: an entity's name, a tag's key.
    std::string name(const Json &object, const std::string &pointer, std::string_view key);
    // An IAM path: "/" when absent; an error unless it begins and ends with "/".
    std::string path(const Json &object, const std::string &pointer, std::string_view key);
    // Records `name` as taken in `taken`; a DUPLICATE_NAME error at `pointer` ("duplicate
    // user name `alice`", `what` being "user name") when it was taken already. IAM names are unique ignoring case; bucket names, instance
    // ids and object keys are not (`ignoreCase` false).
    void claimName(std::unordered_set<std::string> &taken, const std::string &name, const std::string &pointer,
                   std::string_view what, bool ignoreCase = true);

    // Calls visit(item, itemPointer) for each object in the array `key` of
    // `object`; an absent array is empty, an item that is not an object an error.
    template<typename Visit>
    void forEachObject(const Json &object, const std::string &pointer, std::string_view key, std::string_view what,
                       Visit visit)
    {
        const Json *list = array(object, pointer, key, Optional);
        if (!list)
            return;
        const std::string listPointer = member(pointer, key);
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string itemPointer = item(listPointer, i);
            if (expectObject((*list)[i], itemPointer, what))
                visit((*list)[i], itemPointer);
        }
    }

    // Whether `value` (at `pointer`) is an object; an INVALID_FIELD_TYPE error when not.
    bool expectObject(const Json &value, const std::string &pointer, std::string_view what);
    // A warning for each member not in `known` (a misspelt field is otherwise lost silently).
    void warnUnknown(const Json &object, const std::string &pointer, std::initializer_list<std::string_view> known);

    // Problems at the value at `pointer`, or at its member name when `atKey`.
    void error(const std::string &pointer, std::string code, std::string message, bool atKey = false);
    void warning(const std::string &pointer, std::string code, std::string message, bool atKey = false);

    bool hasErrors() const;
    // Every problem, located and sorted by position.
    Diagnostics diagnostics() const;

    static std::string member(const std::string &pointer, std::string_view key);
    static std::string item(const std::string &pointer, std::size_t index);
    static std::string lowercase(std::string_view text);

private:
    struct Problem
    {
        Diagnostic::Severity severity;
        std::string code;
        std::string message;
        std::string pointer;
        bool atKey = false;
    };

    const Json *find(const Json &object, const std::string &pointer, std::string_view key, Presence presence);
    void wrongType(const std::string &pointer, std::string_view key, const char *expected);

    std::string_view m_text;
    std::string m_source;
    std::vector<Problem> m_problems;
    std::vector<Diagnostic> m_located;   // problems whose place is known already (syntax errors)
};

} // namespace iam
