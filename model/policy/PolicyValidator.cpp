#include "PolicyValidator.h"

#include "ConditionOperator.h"
#include "RequestContext.h"
#include "Wildcard.h"

#include <algorithm>
#include <cctype>
#include <set>

// Findings beyond grammar, in the spirit of IAM Access Analyzer's policy checks
// (access-analyzer-reference-policy-checks.md). Codes:
//   ERROR            MISSING_RESOURCE, RESOURCE_IN_TRUST_POLICY, PRINCIPAL_NOT_ALLOWED,
//                    MISSING_PRINCIPAL, RCP_PRINCIPAL_NOT_STAR, INVALID_ACTION_FORMAT,
//                    DUPLICATE_SID, INVALID_CONDITION_VALUE, UNKNOWN_SERVICE, UNKNOWN_ACTION
//   SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE, PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
//                    ALLOW_WITH_NOT_PRINCIPAL, TRUST_POLICY_OPEN_TO_ALL
//   WARNING          MISSING_VERSION, OLD_VERSION_WITH_VARIABLES, INVALID_ARN, ALLOW_WITH_NOT_ACTION,
//                    ALLOW_WITH_NOT_RESOURCE, UNKNOWN_CONDITION_KEY, ACTION_MATCHES_NOTHING,
//                    RESOURCE_TYPE_MISMATCH
//   SUGGESTION       DUPLICATE_STATEMENT, REDUNDANT_ACTION, REDUNDANT_RESOURCE

namespace iam {

namespace {

using Severity = Diagnostic::Severity;

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool identityLike(PolicyType type)
{
    return type == PolicyType::Identity || type == PolicyType::PermissionsBoundary || type == PolicyType::Session
        || type == PolicyType::ServiceControl;
}

class Validator
{
public:
    Validator(const PolicyDocument &document, PolicyType type, const ActionCatalog *catalog)
        : m_document(document), m_type(type), m_catalog(catalog)
    {
    }

    Diagnostics run();

private:
    void add(Severity severity, std::string code, std::string message, SourceLocation where)
    {
        m_findings.push_back({severity, std::move(code), std::move(message), std::move(where)});
    }
    void checkStatement(const Statement &statement);
    void checkPassRole(const Statement &statement);
    void checkActions(const Statement &statement);
    void checkResources(const Statement &statement);
    void checkConditions(const Statement &statement);
    void checkRedundancy(const std::vector<LocatedString> &entries, const char *code, const char *element,
                         bool caseInsensitive);

    const PolicyDocument &m_document;
    PolicyType m_type;
    const ActionCatalog *m_catalog;
    Diagnostics m_findings;
};

Diagnostics Validator::run()
{
    const SourceLocation top = m_document.range.start;
    if (!m_document.hasVersion) {
        add(Severity::Warning, "MISSING_VERSION",
            "the policy has no `Version`; add `\"Version\": \"2012-10-17\"` so that policy variables work", top);
    }
    std::set<std::string> sids;
    for (const Statement &statement : m_document.statements) {
        if (statement.hasSid && !statement.sid.empty() && !sids.insert(statement.sid).second)
            add(Severity::Error, "DUPLICATE_SID", "the `Sid` `" + statement.sid + "` is used by another statement",
                statement.range.start);
        checkStatement(statement);
    }
    // Two statements that say the same thing (Sid aside) are one too many.
    for (std::size_t i = 0; i < m_document.statements.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            const Statement &a = m_document.statements[i], &b = m_document.statements[j];
            const auto texts = [](const std::vector<LocatedString> &list) {
                std::vector<std::string> out;
                for (const LocatedString &s : list)
                    out.push_back(s.text);
                std::sort(out.begin(), out.end());
                return out;
            };
            const auto conditions = [](const Statement &s) {
                std::vector<std::string> out;
                for (const ConditionClause &c : s.conditions) {
                    std::string line = c.operatorName + "\n" + c.key;
                    for (const std::string &v : c.values)
                        line += "\n" + v;
                    out.push_back(line);
                }
                std::sort(out.begin(), out.end());
                return out;
            };
            if (a.effect == b.effect && a.notAction == b.notAction && a.notResource == b.notResource
                && texts(a.actions) == texts(b.actions) && texts(a.resources) == texts(b.resources)
                && a.principal.present == b.principal.present && !a.principal.present && !a.notPrincipal.present
                && !b.notPrincipal.present && conditions(a) == conditions(b)) {
                add(Severity::Suggestion, "DUPLICATE_STATEMENT",
                    "this statement repeats statement " + std::to_string(j + 1) + "; remove one of them",
                    a.range.start);
                break;
            }
        }
    }
    if (m_document.hasVersion && m_document.version == "2008-10-17") {
        for (const Statement &statement : m_document.statements) {
            for (const LocatedString &resource : statement.resources) {
                if (resource.text.find("${") != std::string::npos) {
                    add(Severity::Warning, "OLD_VERSION_WITH_VARIABLES",
                        "policy variables such as `" + resource.text + "` need `\"Version\": \"2012-10-17\"`; "
                        "under 2008-10-17 they are plain text",
                        resource.where);
                }
            }
        }
    }
    sortByLocation(m_findings);
    return std::move(m_findings);
}

void Validator::checkStatement(const Statement &statement)
{
    const SourceLocation start = statement.range.start;
    const bool hasPrincipal = statement.principal.present || statement.notPrincipal.present;
    if (identityLike(m_type) && hasPrincipal) {
        add(Severity::Error, "PRINCIPAL_NOT_ALLOWED",
            std::string("a ") + (m_type == PolicyType::ServiceControl ? "service control policy" : "policy attached to an identity")
                + " cannot name a `Principal`; the principal is whoever the policy is attached to",
            statement.principal.present ? statement.principal.where : statement.notPrincipal.where);
    }
    if (!identityLike(m_type) && !hasPrincipal) {
        add(Severity::Error, "MISSING_PRINCIPAL", "a resource-based policy statement needs a `Principal`", start);
    }
    if (m_type == PolicyType::ResourceControl && statement.principal.present && !statement.principal.wildcard) {
        add(Severity::Error, "RCP_PRINCIPAL_NOT_STAR", "a resource control policy's `Principal` must be `\"*\"`",
            statement.principal.where);
    }
    if (m_type == PolicyType::Trust && statement.hasResource) {
        add(Severity::Error, "RESOURCE_IN_TRUST_POLICY",
            "a trust policy has no `Resource`: the resource is the role itself", statement.resources.empty()
                ? start : statement.resources.front().where);
    }
    if (!statement.hasResource && statement.hasAction && m_type != PolicyType::Trust) {
        // A resource policy given without Resource is a trust policy when all it
        // grants is the STS actions of taking a role.
        const bool trustLike = m_type == PolicyType::Resource && !statement.notAction
            && std::all_of(statement.actions.begin(), statement.actions.end(),
                           [](const LocatedString &a) { return lowered(a.text).starts_with("sts:"); });
        if (!trustLike)
            add(Severity::Error, "MISSING_RESOURCE", "the statement has no `Resource` or `NotResource`", start);
    }
    if (statement.effect == Statement::Effect::Allow && statement.hasEffect) {
        if (statement.notPrincipal.present)
            add(Severity::SecurityWarning, "ALLOW_WITH_NOT_PRINCIPAL",
                "`Allow` with `NotPrincipal` grants access to every principal it does not list, anonymous ones too",
                statement.notPrincipal.where);
        if (statement.notAction && statement.hasAction)
            add(Severity::Warning, "ALLOW_WITH_NOT_ACTION",
                "`Allow` with `NotAction` grants every action not listed, including ones AWS adds later",
                statement.actions.empty() ? start : statement.actions.front().where);
        if (statement.notResource && statement.hasResource)
            add(Severity::Warning, "ALLOW_WITH_NOT_RESOURCE",
                "`Allow` with `NotResource` grants every resource not listed, including new ones",
                statement.resources.empty() ? start : statement.resources.front().where);
        const bool openToAll = statement.principal.wildcard
            || std::any_of(statement.principal.aws.begin(), statement.principal.aws.end(),
                           [](const LocatedString &p) { return p.text == "*"; });
        if (openToAll && !statement.hasCondition && (m_type == PolicyType::Trust || m_type == PolicyType::Resource))
            add(Severity::SecurityWarning, "TRUST_POLICY_OPEN_TO_ALL",
                m_type == PolicyType::Trust ? "the trust policy lets anyone assume the role: `Principal` is `*` with no `Condition`"
                                            : "the policy grants access to anyone: `Principal` is `*` with no `Condition`",
                statement.principal.where);
        checkPassRole(statement);
    }
    checkActions(statement);
    checkResources(statement);
    checkConditions(statement);
}

void Validator::checkPassRole(const Statement &statement)
{
    // access-analyzer-reference-policy-checks.md: "Pass role with star in resource"
    // and "Pass role with star in action and resource".
    const auto starResource = [&] {
        if (statement.notResource)
            return !statement.resources.empty();
        // `*`, or every role of an account: arn:aws:iam::ACCOUNT:role/* (or :*).
        return std::any_of(statement.resources.begin(), statement.resources.end(), [](const LocatedString &r) {
            return r.text == "*" || r.text.ends_with(":role/*") || (r.text.starts_with("arn:aws:iam::") && r.text.ends_with(":*"));
        });
    };
    bool coversPassRole = false, wildcardAction = false;
    if (statement.notAction) {
        coversPassRole = std::none_of(statement.actions.begin(), statement.actions.end(), [](const LocatedString &a) {
            return wildcardMatch(lowered(a.text), "iam:passrole");
        });
        wildcardAction = coversPassRole;
    } else {
        for (const LocatedString &action : statement.actions) {
            const std::string lower = lowered(action.text);
            if (wildcardMatch(lower, "iam:passrole")) {
                coversPassRole = true;
                wildcardAction = wildcardAction || lower != "iam:passrole";
            }
        }
    }
    if (!coversPassRole || !statement.hasResource || !starResource())
        return;
    const SourceLocation where = statement.resources.front().where;
    if (wildcardAction)
        add(Severity::SecurityWarning, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
            "a wildcard action with resource `*` includes `iam:PassRole`: the caller may pass any role to any service",
            where);
    else
        add(Severity::SecurityWarning, "PASS_ROLE_WITH_STAR_IN_RESOURCE",
            "`iam:PassRole` with resource `*` lets the caller pass any role to any service; name the roles", where);
}

void Validator::checkActions(const Statement &statement)
{
    for (const LocatedString &action : statement.actions) {
        if (action.text == "*")
            continue;
        const std::size_t colon = action.text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == action.text.size()) {
            add(Severity::Error, "INVALID_ACTION_FORMAT",
                "`" + action.text + "` is not an action: write `service:ActionName`, e.g. `s3:GetObject`",
                action.where);
            continue;
        }
        if (!m_catalog)
            continue;
        const std::string service = action.text.substr(0, colon);
        const std::string name = action.text.substr(colon + 1);
        if (service.find_first_of("*?") != std::string::npos)
            continue;
        if (!m_catalog->hasService(service)) {
            add(Severity::Error, "UNKNOWN_SERVICE", "`" + service + "` is not an AWS service prefix", action.where);
            continue;
        }
        if (name.find_first_of("*?") != std::string::npos)
            continue;
        if (!m_catalog->hasAction(service, name)) {
            std::string message = "`" + action.text + "` is not an action of `" + service + "`";
            const std::vector<std::string> suggestions = m_catalog->suggestActions(service, name);
            if (!suggestions.empty())
                message += "; did you mean `" + service + ":" + suggestions.front() + "`?";
            add(Severity::Error, "UNKNOWN_ACTION", message, action.where);
        }
    }
    checkRedundancy(statement.actions, "REDUNDANT_ACTION", "action", true);
}

void Validator::checkResources(const Statement &statement)
{
    for (const LocatedString &resource : statement.resources) {
        if (resource.text == "*" || resource.text.starts_with("arn:")) {
            std::size_t colons = std::count(resource.text.begin(), resource.text.end(), ':');
            if (resource.text == "*" || colons >= 5)
                continue;
        }
        add(Severity::Warning, "INVALID_ARN",
            "`" + resource.text + "` is neither `*` nor an ARN of the form arn:partition:service:region:account:resource",
            resource.where);
    }
    checkRedundancy(statement.resources, "REDUNDANT_RESOURCE", "resource", false);
}

void Validator::checkConditions(const Statement &statement)
{
    using Family = ConditionOperator::Family;
    for (const ConditionClause &clause : statement.conditions) {
        const auto op = parseConditionOperator(clause.operatorName);
        if (!op)
            continue;   // the parser reported it
        for (const std::string &value : clause.values) {
            bool valid = true;
            const char *expected = "";
            switch (op->family) {
            case Family::Numeric: valid = parseNumber(value).has_value(); expected = "a number"; break;
            case Family::Date: valid = parseDate(value).has_value(); expected = "a date such as 2030-01-01T00:00:00Z"; break;
            case Family::IpAddress: valid = parseIpNetwork(value).has_value(); expected = "an IP address or CIDR range"; break;
            case Family::Bool:
            case Family::Null: valid = lowered(value) == "true" || lowered(value) == "false"; expected = "`true` or `false`"; break;
            default: break;
            }
            if (!valid)
                add(Severity::Error, "INVALID_CONDITION_VALUE",
                    "`" + value + "` is not " + expected + ", as `" + clause.operatorName + "` needs", clause.keyWhere);
        }
        if (m_catalog && !m_catalog->hasConditionKey(clause.key))
            add(Severity::Warning, "UNKNOWN_CONDITION_KEY", "`" + clause.key + "` is not a condition key AWS knows",
                clause.keyWhere);
    }
}

void Validator::checkRedundancy(const std::vector<LocatedString> &entries, const char *code, const char *element,
                                bool caseInsensitive)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string text = caseInsensitive ? lowered(entries[i].text) : entries[i].text;
        for (std::size_t j = 0; j < entries.size(); ++j) {
            const std::string other = caseInsensitive ? lowered(entries[j].text) : entries[j].text;
            if (i == j || (text == other && j > i))
                continue;
            if (wildcardMatch(other, text)) {
                add(Severity::Suggestion, code,
                    std::string("the ") + element + " `" + entries[i].text + "` is already covered by `"
                        + entries[j].text + "`",
                    entries[i].where);
                break;
            }
        }
    }
}

} // namespace

Diagnostics validateDocument(const PolicyDocument &document, PolicyType type, const ActionCatalog *catalog)
{
    return Validator(document, type, catalog).run();
}

Diagnostics validatePolicy(const ParseResult &parsed, PolicyType type, const ActionCatalog *catalog)
{
    Diagnostics all = parsed.diagnostics;
    if (parsed.document) {
        Diagnostics more = validateDocument(*parsed.document, type, catalog);
        all.insert(all.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    sortByLocation(all);
    return all;
}

} // namespace iam
