#include "PolicyParser.h"

#include "ConditionOperator.h"
#include "JsonLocator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

// Grammar errors, each an Error at the element concerned (reference_policies_grammar.md):
//   JSON_SYNTAX                 the text is not JSON (or nests deeper than kMaxDepth)
//   NOT_AN_OBJECT               the policy (or a statement) is not a JSON object
//   UNKNOWN_ELEMENT             an element name IAM does not know, e.g. `effect`
//   INVALID_ELEMENT_TYPE        a value of the wrong JSON type
//   MISSING_STATEMENT           no Statement
//   MISSING_EFFECT, INVALID_EFFECT
//   MISSING_ACTION              neither Action nor NotAction
//   ACTION_AND_NOT_ACTION, RESOURCE_AND_NOT_RESOURCE, PRINCIPAL_AND_NOT_PRINCIPAL
//   UNKNOWN_PRINCIPAL_TYPE      a Principal key other than AWS, Service, Federated, CanonicalUser
//   INVALID_VERSION             a Version other than 2012-10-17 or 2008-10-17
//   UNKNOWN_OPERATOR            a condition operator IAM does not know
// and one warning: DUPLICATE_KEY (JSON allows it, but only the last value counts).

namespace iam {

namespace {

using json = nlohmann::json;

constexpr int kMaxDepth = 64;

class Parser
{
public:
    Parser(std::string_view text, const std::string &source, TextOrigin origin)
        : m_text(text), m_source(source), m_origin(origin)
    {
    }

    ParseResult run();

private:
    SourceLocation at(std::size_t offset) const
    {
        return m_locator->locate(offset, m_source, m_origin.line, m_origin.column);
    }
    SourceLocation valueAt(const std::string &pointer) const
    {
        const JsonLocator::Span *span = m_locator->find(pointer);
        return span ? at(span->begin) : at(0);
    }
    SourceLocation keyAt(const std::string &pointer) const
    {
        const JsonLocator::Span *span = m_locator->find(pointer);
        if (!span)
            return at(0);
        return at(span->keyBegin != std::string_view::npos ? span->keyBegin : span->begin);
    }
    SourceRange rangeOf(const std::string &pointer) const
    {
        const JsonLocator::Span *span = m_locator->find(pointer);
        if (!span)
            return {at(0), at(0)};
        return {at(span->begin), at(span->end > span->begin ? span->end - 1 : span->begin)};
    }
    void error(std::string code, std::string message, SourceLocation where)
    {
        m_result.diagnostics.push_back({Diagnostic::Severity::Error, std::move(code), std::move(message), std::move(where)});
    }

    void parseStatement(const json &value, const std::string &pointer, int index, PolicyDocument &document);
    bool parseStrings(const json &value, const std::string &pointer, const char *element,
                      std::vector<LocatedString> &out);
    void parsePrincipal(const json &value, const std::string &pointer, const char *element, PrincipalBlock &out);
    void parseCondition(const json &value, const std::string &pointer, Statement &statement);

    std::string_view m_text;
    const std::string &m_source;
    TextOrigin m_origin;
    std::unique_ptr<JsonLocator> m_locator;
    ParseResult m_result;
};

// The deepest nesting of arrays and objects, strings skipped: checked before any
// recursive walk so that no input can exhaust the stack.
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
// at line 1, column 2: " prefix, and the offset it points at.
std::string syntaxMessage(const json::parse_error &e)
{
    std::string what = e.what();
    const std::size_t colon = what.find(": ", what.find("parse error"));
    std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
    if (message.starts_with("syntax error while parsing "))
        message = "invalid JSON while parsing " + message.substr(27);
    return message;
}

const char *kStatementElements[] = {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                                    "Resource", "NotResource", "Condition"};

ParseResult Parser::run()
{
    if (nestingDepth(m_text) > kMaxDepth) {
        m_result.diagnostics.push_back({Diagnostic::Severity::Error, "JSON_SYNTAX",
                                        "JSON nests deeper than " + std::to_string(kMaxDepth) + " levels",
                                        {m_source, m_origin.line, m_origin.column}});
        return std::move(m_result);
    }
    json root;
    try {
        root = json::parse(m_text.begin(), m_text.end());
    } catch (const json::parse_error &e) {
        // Locate by hand (the locator scans only valid JSON), at the place that
        // nlohmann/json's own message names.
        std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        int line = m_origin.line, column = m_origin.column;
        offset = std::min(offset, m_text.size());
        for (std::size_t i = 0; i < offset; ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        error("JSON_SYNTAX", syntaxMessage(e), {m_source, line, column});
        return std::move(m_result);
    }
    m_locator = std::make_unique<JsonLocator>(m_text);
    for (const JsonLocator::DuplicateKey &duplicate : m_locator->duplicateKeys()) {
        const std::string key = duplicate.pointer.substr(duplicate.pointer.rfind('/') + 1);
        m_result.diagnostics.push_back({Diagnostic::Severity::Warning, "DUPLICATE_KEY",
                                        "`" + key + "` is given twice; only the last value counts",
                                        at(duplicate.keyBegin)});
    }
    if (!root.is_object()) {
        error("NOT_AN_OBJECT", "a policy must be a JSON object", valueAt(""));
        sortByLocation(m_result.diagnostics);
        return std::move(m_result);
    }

    PolicyDocument document;
    document.source = m_source;
    document.range = rangeOf("");
    for (const auto &[key, value] : root.items()) {
        const std::string pointer = "/" + JsonLocator::escapeSegment(key);
        if (key == "Version") {
            if (!value.is_string()) {
                error("INVALID_ELEMENT_TYPE", "`Version` must be a string", valueAt(pointer));
                continue;
            }
            document.version = value.get<std::string>();
            document.hasVersion = true;
            if (document.version != "2012-10-17" && document.version != "2008-10-17")
                error("INVALID_VERSION",
                      "`Version` must be `2012-10-17` or `2008-10-17`, not `" + document.version + "`",
                      valueAt(pointer));
        } else if (key == "Id") {
            if (!value.is_string()) {
                error("INVALID_ELEMENT_TYPE", "`Id` must be a string", valueAt(pointer));
                continue;
            }
            document.id = value.get<std::string>();
            document.hasId = true;
        } else if (key == "Statement") {
            if (value.is_array()) {
                for (std::size_t i = 0; i < value.size(); ++i)
                    parseStatement(value[i], pointer + "/" + std::to_string(i), static_cast<int>(i), document);
            } else {
                parseStatement(value, pointer, 0, document);
            }
        } else {
            error("UNKNOWN_ELEMENT", "unknown policy element `" + key + "`; a policy has Version, Id and Statement",
                  keyAt(pointer));
        }
    }
    if (!root.contains("Statement"))
        error("MISSING_STATEMENT", "the policy has no `Statement`", valueAt(""));

    m_result.document = std::move(document);
    sortByLocation(m_result.diagnostics);
    return std::move(m_result);
}

void Parser::parseStatement(const json &value, const std::string &pointer, int index, PolicyDocument &document)
{
    if (!value.is_object()) {
        error("NOT_AN_OBJECT", "a statement must be a JSON object", valueAt(pointer));
        return;
    }
    Statement statement;
    statement.index = index;
    statement.range = rangeOf(pointer);
    for (const auto &[key, element] : value.items()) {
        const std::string elementPointer = pointer + "/" + JsonLocator::escapeSegment(key);
        if (key == "Sid") {
            if (!element.is_string()) {
                error("INVALID_ELEMENT_TYPE", "`Sid` must be a string", valueAt(elementPointer));
                continue;
            }
            statement.sid = element.get<std::string>();
            statement.hasSid = true;
        } else if (key == "Effect") {
            const std::string effect = element.is_string() ? element.get<std::string>() : element.dump();
            if (effect == "Allow" || effect == "Deny") {
                statement.effect = effect == "Allow" ? Statement::Effect::Allow : Statement::Effect::Deny;
                statement.hasEffect = true;
            } else {
                error("INVALID_EFFECT", "`Effect` must be `Allow` or `Deny`, not `" + effect + "`",
                      valueAt(elementPointer));
            }
        } else if (key == "Principal" || key == "NotPrincipal") {
            parsePrincipal(element, elementPointer, key.c_str(),
                           key == "Principal" ? statement.principal : statement.notPrincipal);
        } else if (key == "Action" || key == "NotAction") {
            statement.notAction = key == "NotAction";
            statement.hasAction = parseStrings(element, elementPointer, key.c_str(), statement.actions);
        } else if (key == "Resource" || key == "NotResource") {
            statement.notResource = key == "NotResource";
            statement.hasResource = parseStrings(element, elementPointer, key.c_str(), statement.resources);
        } else if (key == "Condition") {
            parseCondition(element, elementPointer, statement);
        } else {
            const auto known = std::find_if(std::begin(kStatementElements), std::end(kStatementElements),
                                            [&](const char *name) {
                                                return std::equal(key.begin(), key.end(), name, name + std::strlen(name),
                                                                  [](char a, char b) { return std::tolower(a) == std::tolower(b); });
                                            });
            std::string message = "unknown statement element `" + key + "`";
            if (known != std::end(kStatementElements))
                message += "; element names are case-sensitive: did you mean `" + std::string(*known) + "`?";
            error("UNKNOWN_ELEMENT", message, keyAt(elementPointer));
        }
    }
    const SourceLocation start = statement.range.start;
    if (value.contains("Action") && value.contains("NotAction"))
        error("ACTION_AND_NOT_ACTION", "a statement has either `Action` or `NotAction`, not both", start);
    if (value.contains("Resource") && value.contains("NotResource"))
        error("RESOURCE_AND_NOT_RESOURCE", "a statement has either `Resource` or `NotResource`, not both", start);
    if (value.contains("Principal") && value.contains("NotPrincipal"))
        error("PRINCIPAL_AND_NOT_PRINCIPAL", "a statement has either `Principal` or `NotPrincipal`, not both", start);
    if (!value.contains("Effect"))
        error("MISSING_EFFECT", "the statement has no `Effect`", start);
    if (!value.contains("Action") && !value.contains("NotAction"))
        error("MISSING_ACTION", "the statement has no `Action` or `NotAction`", start);
    document.statements.push_back(std::move(statement));
}

bool Parser::parseStrings(const json &value, const std::string &pointer, const char *element,
                          std::vector<LocatedString> &out)
{
    if (value.is_string()) {
        out.push_back({value.get<std::string>(), valueAt(pointer)});
        return true;
    }
    if (!value.is_array()) {
        error("INVALID_ELEMENT_TYPE", std::string("`") + element + "` must be a string or an array of strings",
              valueAt(pointer));
        return false;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string itemPointer = pointer + "/" + std::to_string(i);
        if (!value[i].is_string()) {
            error("INVALID_ELEMENT_TYPE", std::string("each entry of `") + element + "` must be a string",
                  valueAt(itemPointer));
            continue;
        }
        out.push_back({value[i].get<std::string>(), valueAt(itemPointer)});
    }
    return true;
}

void Parser::parsePrincipal(const json &value, const std::string &pointer, const char *element, PrincipalBlock &out)
{
    out.present = true;
    out.where = valueAt(pointer);
    if (value.is_string()) {
        if (value.get<std::string>() == "*")
            out.wildcard = true;
        else
            error("INVALID_ELEMENT_TYPE",
                  std::string("`") + element + "` must be `\"*\"` or an object such as {\"AWS\": \"...\"}",
                  valueAt(pointer));
        return;
    }
    if (!value.is_object()) {
        error("INVALID_ELEMENT_TYPE", std::string("`") + element + "` must be `\"*\"` or an object",
              valueAt(pointer));
        return;
    }
    for (const auto &[type, principals] : value.items()) {
        const std::string typePointer = pointer + "/" + JsonLocator::escapeSegment(type);
        std::vector<LocatedString> *list = nullptr;
        if (type == "AWS")
            list = &out.aws;
        else if (type == "Service")
            list = &out.service;
        else if (type == "Federated")
            list = &out.federated;
        else if (type == "CanonicalUser")
            list = &out.canonicalUser;
        if (!list) {
            error("UNKNOWN_PRINCIPAL_TYPE",
                  "unknown principal type `" + type + "`; use AWS, Service, Federated or CanonicalUser",
                  keyAt(typePointer));
            continue;
        }
        parseStrings(principals, typePointer, type.c_str(), *list);
    }
}

void Parser::parseCondition(const json &value, const std::string &pointer, Statement &statement)
{
    statement.hasCondition = true;
    if (!value.is_object()) {
        error("INVALID_ELEMENT_TYPE", "`Condition` must be an object of condition operators", valueAt(pointer));
        return;
    }
    for (const auto &[operatorName, keys] : value.items()) {
        const std::string operatorPointer = pointer + "/" + JsonLocator::escapeSegment(operatorName);
        if (!parseConditionOperator(operatorName))
            error("UNKNOWN_OPERATOR", "unknown condition operator `" + operatorName + "`", keyAt(operatorPointer));
        if (!keys.is_object()) {
            error("INVALID_ELEMENT_TYPE", "condition operator `" + operatorName + "` must map condition keys to values",
                  valueAt(operatorPointer));
            continue;
        }
        for (const auto &[key, values] : keys.items()) {
            const std::string keyPointer = operatorPointer + "/" + JsonLocator::escapeSegment(key);
            ConditionClause clause;
            clause.operatorName = operatorName;
            clause.key = key;
            clause.operatorWhere = keyAt(operatorPointer);
            clause.keyWhere = keyAt(keyPointer);
            const json single = json::array({values});
            const json &list = values.is_array() ? values : single;
            for (std::size_t i = 0; i < list.size(); ++i) {
                const json &v = list[i];
                if (v.is_string())
                    clause.values.push_back(v.get<std::string>());
                else if (v.is_number() || v.is_boolean())
                    clause.values.push_back(v.dump());   // 100 -> "100", true -> "true"
                else
                    error("INVALID_ELEMENT_TYPE", "condition values must be strings, numbers or booleans",
                          values.is_array() ? valueAt(keyPointer + "/" + std::to_string(i)) : valueAt(keyPointer));
            }
            statement.conditions.push_back(std::move(clause));
        }
    }
}

} // namespace

ParseResult parsePolicy(std::string_view text, const std::string &source, TextOrigin origin)
{
    try {
        return Parser(text, source, origin).run();
    } catch (const std::exception &e) {
        // Nothing above should throw; if it does, the input is still only reported.
        ParseResult result;
        result.diagnostics.push_back({Diagnostic::Severity::Error, "JSON_SYNTAX",
                                      std::string("cannot read the policy: ") + e.what(),
                                      {source, origin.line, origin.column}});
        return result;
    }
}

ParseResult parsePolicyValue(const nlohmann::json &value, const std::string &source)
{
    if (value.is_string())
        return parsePolicy(std::string_view(value.get_ref<const std::string &>()), source);
    const std::string text = value.dump(4);
    return parsePolicy(std::string_view(text), source);
}

} // namespace iam
