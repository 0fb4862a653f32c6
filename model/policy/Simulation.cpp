#include "Simulation.h"

#include "JsonLocator.h"
#include "PolicyParser.h"
#include "PolicyValidator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ostream>

namespace iam {

namespace {

using json = nlohmann::json;

constexpr std::array kKnownKeys{
    "CallerArn", "ActionNames", "ResourceArns", "ResourceOwner", "PolicyInputList",
    "PermissionsBoundaryPolicyInputList", "ResourcePolicy", "ContextEntries", "SessionPolicyInputList",
    "ServiceControlPolicies", "ResourceControlPolicies",
    // Accepted as the AWS CLI takes them; they change nothing here.
    "ResourceHandlingOption", "MaxItems", "Marker",
};

class Loader
{
public:
    Loader(std::string_view text, const std::string &source) : m_text(text), m_source(source) {}

    LoadedRequest run();

private:
    SourceLocation at(const std::string &pointer) const
    {
        const JsonLocator::Span *span = m_locator->find(pointer);
        return m_locator->locate(span ? span->begin : 0, m_source);
    }
    SourceLocation keyAt(const std::string &pointer) const
    {
        const JsonLocator::Span *span = m_locator->find(pointer);
        if (!span)
            return at("");
        return m_locator->locate(span->keyBegin != std::string_view::npos ? span->keyBegin : span->begin, m_source);
    }
    void error(std::string message, SourceLocation where, std::string code = "INVALID_REQUEST")
    {
        m_result.diagnostics.push_back({Diagnostic::Severity::Error, std::move(code), std::move(message), std::move(where)});
    }

    bool readStrings(const json &root, const char *key, std::vector<std::string> &out);
    PolicyPtr readPolicy(const json &value, const std::string &pointer, const std::string &id, PolicyType type);
    void readPolicyList(const json &root, const char *key, PolicyType type, std::vector<PolicyPtr> &out);
    void readPolicyLevels(const json &root, const char *key, PolicyType type, std::vector<std::vector<PolicyPtr>> &out);
    void readContext(const json &root, RequestContext &context);

    std::string_view m_text;
    const std::string &m_source;
    std::unique_ptr<JsonLocator> m_locator;
    LoadedRequest m_result;
};

LoadedRequest Loader::run()
{
    json root;
    try {
        root = json::parse(m_text.begin(), m_text.end());
    } catch (const json::parse_error &) {
        // parsePolicy() knows how to place and word a JSON syntax error.
        ParseResult parsed = parsePolicy(m_text, m_source);
        for (Diagnostic &d : parsed.diagnostics) {
            if (d.code == "JSON_SYNTAX")
                m_result.diagnostics.push_back(std::move(d));
        }
        return std::move(m_result);
    }
    m_locator = std::make_unique<JsonLocator>(m_text);
    if (!root.is_object()) {
        error("a simulation request must be a JSON object", at(""));
        return std::move(m_result);
    }
    for (const auto &[key, value] : root.items()) {
        (void)value;
        if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end())
            error("unknown parameter `" + key + "`", keyAt("/" + JsonLocator::escapeSegment(key)));
    }

    SimulationRequest request;
    if (root.contains("CallerArn")) {
        if (root["CallerArn"].is_string())
            request.callerArn = root["CallerArn"].get<std::string>();
        else
            error("`CallerArn` must be a string", at("/CallerArn"));
    }
    if (root.contains("ResourceOwner")) {
        if (root["ResourceOwner"].is_string())
            request.resourceOwner = root["ResourceOwner"].get<std::string>();
        else
            error("`ResourceOwner` must be a string", at("/ResourceOwner"));
    }
    if (!root.contains("ActionNames"))
        error("the request has no `ActionNames`", at(""));
    readStrings(root, "ActionNames", request.actionNames);
    readStrings(root, "ResourceArns", request.resourceArns);
    if (request.resourceArns.empty())
        request.resourceArns.push_back("*");

    readPolicyList(root, "PolicyInputList", PolicyType::Identity, request.policies.identity);
    readPolicyList(root, "PermissionsBoundaryPolicyInputList", PolicyType::PermissionsBoundary,
                   request.policies.permissionsBoundary);
    readPolicyList(root, "SessionPolicyInputList", PolicyType::Session, request.policies.session);
    if (root.contains("ResourcePolicy"))
        request.policies.resource = readPolicy(root["ResourcePolicy"], "/ResourcePolicy", "ResourcePolicy",
                                               PolicyType::Resource);
    readPolicyLevels(root, "ServiceControlPolicies", PolicyType::ServiceControl, request.policies.scpLevels);
    readPolicyLevels(root, "ResourceControlPolicies", PolicyType::ResourceControl, request.policies.rcpLevels);
    readContext(root, request.context);

    sortByLocation(m_result.diagnostics);
    if (!hasErrors(m_result.diagnostics))
        m_result.request = std::move(request);
    return std::move(m_result);
}

bool Loader::readStrings(const json &root, const char *key, std::vector<std::string> &out)
{
    if (!root.contains(key))
        return false;
    const json &value = root[key];
    const std::string pointer = std::string("/") + key;
    if (!value.is_array()) {
        error(std::string("`") + key + "` must be an array of strings", at(pointer));
        return false;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i].is_string())
            out.push_back(value[i].get<std::string>());
        else
            error(std::string("each entry of `") + key + "` must be a string", at(pointer + "/" + std::to_string(i)));
    }
    return true;
}

PolicyPtr Loader::readPolicy(const json &value, const std::string &pointer, const std::string &id, PolicyType type)
{
    ParseResult parsed;
    if (value.is_string()) {
        // A policy given as a string (as the AWS API takes it): positions count
        // inside the string, named after the file and the policy.
        parsed = parsePolicy(std::string_view(value.get_ref<const std::string &>()), m_source + ":" + id);
    } else if (value.is_object()) {
        // An embedded object: positions are those of the request file itself.
        const JsonLocator::Span *span = m_locator->find(pointer);
        const SourceLocation start = m_locator->locate(span->begin, m_source);
        parsed = parsePolicy(m_text.substr(span->begin, span->end - span->begin), m_source,
                             TextOrigin{start.line, start.column});
    } else {
        error("a policy must be a JSON string or object", at(pointer), "INVALID_POLICY");
        return nullptr;
    }
    // Grammar errors and those that make the policy unfit for its place (a
    // Principal in an identity policy, ...) refuse the request, as AWS does.
    Diagnostics findings = validatePolicy(parsed, type);
    for (Diagnostic &finding : findings) {
        if (finding.severity == Diagnostic::Severity::Error)
            m_result.diagnostics.push_back(std::move(finding));
    }
    if (!parsed.document || hasErrors(m_result.diagnostics))
        return nullptr;
    return compilePolicy(*parsed.document, id, type);
}

void Loader::readPolicyList(const json &root, const char *key, PolicyType type, std::vector<PolicyPtr> &out)
{
    if (!root.contains(key))
        return;
    const json &list = root[key];
    const std::string pointer = std::string("/") + key;
    if (!list.is_array()) {
        error(std::string("`") + key + "` must be an array of policies", at(pointer));
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        PolicyPtr policy = readPolicy(list[i], pointer + "/" + std::to_string(i),
                                      std::string(key) + "." + std::to_string(i + 1), type);
        if (policy)
            out.push_back(std::move(policy));
    }
}

void Loader::readPolicyLevels(const json &root, const char *key, PolicyType type,
                              std::vector<std::vector<PolicyPtr>> &out)
{
    if (!root.contains(key))
        return;
    const json &levels = root[key];
    const std::string pointer = std::string("/") + key;
    if (!levels.is_array()) {
        error(std::string("`") + key + "` must be an array of levels, each an array of policies", at(pointer));
        return;
    }
    for (std::size_t level = 0; level < levels.size(); ++level) {
        const std::string levelPointer = pointer + "/" + std::to_string(level);
        if (!levels[level].is_array()) {
            error(std::string("each level of `") + key + "` must be an array of policies (root level first)",
                  at(levelPointer));
            continue;
        }
        std::vector<PolicyPtr> policies;
        for (std::size_t i = 0; i < levels[level].size(); ++i) {
            PolicyPtr policy = readPolicy(levels[level][i], levelPointer + "/" + std::to_string(i),
                                          std::string(key) + "." + std::to_string(level + 1) + "."
                                              + std::to_string(i + 1),
                                          type);
            if (policy)
                policies.push_back(std::move(policy));
        }
        out.push_back(std::move(policies));
    }
}

void Loader::readContext(const json &root, RequestContext &context)
{
    if (!root.contains("ContextEntries"))
        return;
    const json &entries = root["ContextEntries"];
    if (!entries.is_array()) {
        error("`ContextEntries` must be an array", at("/ContextEntries"));
        return;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string pointer = "/ContextEntries/" + std::to_string(i);
        const json &entry = entries[i];
        if (!entry.is_object() || !entry.contains("ContextKeyName") || !entry["ContextKeyName"].is_string()) {
            error("a context entry needs a `ContextKeyName` string", at(pointer));
            continue;
        }
        ParsedKeyType type;
        if (!entry.contains("ContextKeyType") || !entry["ContextKeyType"].is_string()) {
            error("a context entry needs a `ContextKeyType`: string, stringList, numeric, numericList, boolean, "
                  "booleanList, ip, ipList, binary, binaryList, date or dateList",
                  at(pointer));
            continue;
        }
        const std::string typeName = entry["ContextKeyType"].get<std::string>();
        const auto parsedType = parseContextKeyType(typeName);
        if (!parsedType) {
            error("unknown `ContextKeyType` `" + typeName + "`; use string, stringList, numeric, numericList, "
                  "boolean, booleanList, ip, ipList, binary, binaryList, date or dateList",
                  at(pointer + "/ContextKeyType"));
            continue;
        }
        type = *parsedType;
        std::vector<std::string> values;
        const json &given = entry.contains("ContextKeyValues") ? entry["ContextKeyValues"] : json::array();
        const json single = json::array({given});
        for (const json &value : given.is_array() ? given : single) {
            if (value.is_string())
                values.push_back(value.get<std::string>());
            else if (value.is_number() || value.is_boolean())
                values.push_back(value.dump());
            else
                error("context values must be strings", at(pointer + "/ContextKeyValues"));
        }
        context.set(entry["ContextKeyName"].get<std::string>(), std::move(values), type.type, type.list);
    }
}

// JSON string escaping for the streamed result (UTF-8 passes through).
void appendQuoted(std::string &out, std::string_view text)
{
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
                out += escape;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendPosition(std::string &out, const char *name, const SourceLocation &where)
{
    out += "                    \"";
    out += name;
    out += "\": {\"Line\": " + std::to_string(where.line) + ", \"Column\": " + std::to_string(where.column) + "}";
}

} // namespace

LoadedRequest loadSimulationRequest(std::string_view text, const std::string &source)
{
    try {
        return Loader(text, source).run();
    } catch (const std::exception &e) {
        LoadedRequest result;
        result.diagnostics.push_back({Diagnostic::Severity::Error, "INVALID_REQUEST",
                                      std::string("cannot read the request: ") + e.what(), {source, 1, 1}});
        return result;
    }
}

std::vector<EvaluationResult> simulate(const SimulationRequest &request, EvaluationOptions options)
{
    std::vector<EvaluationResult> results;
    results.reserve(request.actionNames.size() * request.resourceArns.size());
    const MatrixRequest matrix{request.callerArn, request.actionNames, request.resourceArns, request.resourceOwner,
                               &request.context};
    evaluateMatrix(request.policies, matrix, [&](std::size_t action, std::size_t resource, const Decision &decision) {
        results.push_back({request.actionNames[action], request.resourceArns[resource], decision});
    }, options);
    return results;
}

const char *sourcePolicyTypeName(PolicyType type)
{
    switch (type) {
    case PolicyType::Identity: return "IAM Policy";
    case PolicyType::Resource:
    case PolicyType::Trust: return "Resource Policy";
    case PolicyType::PermissionsBoundary: return "Permissions Boundary Policy";
    case PolicyType::Session: return "Session Policy";
    case PolicyType::ServiceControl: return "Service Control Policy";
    case PolicyType::ResourceControl: return "Resource Control Policy";
    }
    return "IAM Policy";
}

void appendEvaluationResult(std::string &out, std::string_view action, std::string_view resource,
                            const Decision &decision)
{
    out += "        {\n            \"EvalActionName\": ";
    appendQuoted(out, action);
    out += ",\n            \"EvalResourceName\": ";
    appendQuoted(out, resource);
    out += ",\n            \"EvalDecision\": \"";
    out += outcomeName(decision.outcome);
    out += "\",\n            \"MatchedStatements\": [";
    for (std::size_t i = 0; i < decision.matched.size(); ++i) {
        const StatementRef &ref = decision.matched[i];
        out += i == 0 ? "\n" : ",\n";
        out += "                {\n                    \"SourcePolicyId\": ";
        appendQuoted(out, ref.policy->sourceId());
        out += ",\n                    \"SourcePolicyType\": \"";
        out += sourcePolicyTypeName(ref.policy->type());
        out += "\",\n";
        appendPosition(out, "StartPosition", ref.get().range.start);
        out += ",\n";
        appendPosition(out, "EndPosition", ref.get().range.end);
        out += "\n                }";
    }
    out += decision.matched.empty() ? "],\n" : "\n            ],\n";
    out += "            \"MissingContextValues\": [";
    for (std::size_t i = 0; i < decision.missingContextKeys.size(); ++i) {
        out += i == 0 ? "" : ", ";
        appendQuoted(out, decision.missingContextKeys[i]);
    }
    out += "]\n        }";
}

void streamSimulation(const SimulationRequest &request, std::ostream &out, EvaluationOptions options,
                      const DecisionSink &also)
{
    // Written as each pair is decided: a large matrix is never held in memory.
    std::string buffer = "{\n    \"EvaluationResults\": [\n";
    bool first = true;
    const MatrixRequest matrix{request.callerArn, request.actionNames, request.resourceArns, request.resourceOwner,
                               &request.context};
    evaluateMatrix(request.policies, matrix, [&](std::size_t action, std::size_t resource, const Decision &decision) {
        if (!first)
            buffer += ",\n";
        first = false;
        appendEvaluationResult(buffer, request.actionNames[action], request.resourceArns[resource], decision);
        if (also)
            also(request.actionNames[action], request.resourceArns[resource], decision);
        if (buffer.size() > (1 << 16)) {
            out << buffer;
            buffer.clear();
        }
    }, options);
    buffer += first ? "    ]\n}\n" : "\n    ]\n}\n";
    out << buffer;
}

nlohmann::json simulationResultJson(const std::vector<EvaluationResult> &results)
{
    std::string text = "{\"EvaluationResults\": [";
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (i > 0)
            text += ",";
        appendEvaluationResult(text, results[i].action, results[i].resource, results[i].decision);
    }
    text += "]}";
    return json::parse(text);
}

} // namespace iam
