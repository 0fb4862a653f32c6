#include "PolicyValidator.h"

#include "Arn.h"
#include "ValidatorChecks.h"
#include "Wildcard.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

// Findings beyond grammar, named after IAM Access Analyzer's policy checks
// (access-analyzer-reference-policy-checks.md) where it has one, with its severities;
// except that an Access Analyzer error which AWS still accepts and evaluates is a
// Warning here, since the simulator and the account refuse a policy with any Error.
// This file holds the rules of the whole policy, of its type and of its principals;
// ValidatorChecks.cpp the checks of actions, resources and conditions.
//   ERROR            MISSING_RESOURCE, MISSING_PRINCIPAL, PRINCIPAL_NOT_ALLOWED, SCP_SYNTAX_ERROR_PRINCIPAL,
//                    RCP_PRINCIPAL_NOT_STAR, RESOURCE_IN_TRUST_POLICY, UNIQUE_SIDS_REQUIRED, UNSUPPORTED_SID,
//                    UNSUPPORTED_WILDCARD_IN_PRINCIPAL
//   SECURITY_WARNING PASS_ROLE_WITH_{STAR_IN_RESOURCE, STAR_IN_ACTION_AND_RESOURCE, STAR_IN_RESOURCE_AND_NOT_ACTION,
//                    NOT_RESOURCE, STAR_IN_ACTION_AND_NOT_RESOURCE, NOT_ACTION_AND_NOT_RESOURCE},
//                    ALLOW_WITH_NOT_PRINCIPAL, TRUST_POLICY_OPEN_TO_ALL
//   WARNING          MISSING_VERSION, UNIQUE_SIDS_RECOMMENDED, ALLOW_WITH_NOT_ACTION, ALLOW_WITH_NOT_RESOURCE,
//                    CREATE_SLR_WITH_... (the six PassRole shapes, for iam:CreateServiceLinkedRole),
//                    INVALID_ROLE_REFERENCE, INVALID_USER_REFERENCE, INVALID_SERVICE_PRINCIPAL_FORMAT,
//                    VARIABLE_UNSUPPORTED_IN_ELEMENT (an Access Analyzer error; AWS reads the text literally)
//   SUGGESTION       OLD_VERSION, REDUNDANT_STATEMENT, EMPTY_SID_VALUE, EMPTY_ARRAY_ACTION, EMPTY_ARRAY_RESOURCE,
//                    EMPTY_OBJECT_PRINCIPAL

namespace iam {

namespace {

using Severity = Diagnostic::Severity;
using namespace validation;

// Policies attached to an identity (or, for SCPs, to an account): they never name a principal.
bool identityLike(PolicyType type)
{
    return type == PolicyType::Identity || type == PolicyType::PermissionsBoundary || type == PolicyType::Session
        || type == PolicyType::ServiceControl;
}

// Actions whose broad grant Access Analyzer calls out: a `*` resource reaches roles
// nobody meant, unless a condition key narrows the grant.
struct SensitiveAction
{
    std::string_view name;          // as AWS spells it
    std::string_view codePrefix;
    Severity severity;
    std::string_view anyRole;       // the resource part of a role ARN that no naming scheme selects
    std::string_view narrowingKey;  // lowercased
    std::string_view risk;
};

constexpr std::array kSensitiveActions{
    SensitiveAction{"iam:PassRole", "PASS_ROLE", Severity::SecurityWarning, "role/zz-any-role", "iam:passedtoservice",
                    "the caller may pass any role to any service; name the roles or add an "
                    "`iam:PassedToService` condition"},
    SensitiveAction{"iam:CreateServiceLinkedRole", "CREATE_SLR", Severity::Warning,
                    "role/aws-service-role/zz.amazonaws.com/AWSServiceRoleForZz", "iam:awsservicename",
                    "the caller may create the service-linked role of any service; name the roles or add an "
                    "`iam:AWSServiceName` condition"},
};

// `*`, or an IAM ARN whose resource part reaches any role (arn:aws:iam::*:role/*). A
// prefix such as role/Service* is a naming scheme and, as in Access Analyzer, not flagged.
bool reachesAnyRole(std::string_view resource, std::string_view anyRole)
{
    if (resource == "*")
        return true;
    const auto arn = splitArn(resource);
    return arn && wildcardMatch(arn->service(), "iam") && wildcardMatch(arn->resource(), anyRole);
}

// Wildcards, variables, unique IDs and service principal names in Principal/NotPrincipal.
void checkPrincipalValues(const Statement &statement, CheckContext &context)
{
    for (const PrincipalBlock *block : {&statement.principal, &statement.notPrincipal}) {
        for (const LocatedString &p : block->aws) {
            const std::string &id = p.text;
            // Unique IDs (AROA... roles, AIDA... users) are what IAM stores for a deleted
            // entity; written by hand they stop matching once the entity is recreated.
            const bool uniqueId = (id.starts_with("AROA") || id.starts_with("AIDA")) && id.size() >= 16
                && std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isalnum(c); });
            if (uniqueId) {
                const char *kind = id.starts_with("AROA") ? "role" : "user";
                const char *code = id.starts_with("AROA") ? "INVALID_ROLE_REFERENCE" : "INVALID_USER_REFERENCE";
                context.add(Severity::Warning, code,
                            quoted(id) + " is a unique " + kind + " ID; name the " + kind + " by its ARN", p.where);
            }
        }
        for (const LocatedString &p : block->service) {
            if (!hasWildcard(p.text) && !p.text.ends_with(".amazonaws.com") && !p.text.ends_with(".amazonaws.com.cn"))
                context.add(Severity::Warning, "INVALID_SERVICE_PRINCIPAL_FORMAT",
                            quoted(p.text) + " is not a service principal; they look like `ec2.amazonaws.com`",
                            p.where);
        }
        for (const auto *list : {&block->aws, &block->service, &block->federated, &block->canonicalUser}) {
            for (const LocatedString &p : *list) {
                if (hasVariable(p.text))
                    context.add(Severity::Warning, "VARIABLE_UNSUPPORTED_IN_ELEMENT",
                                "policy variables work only in `Resource` and in conditions; " + quoted(p.text)
                                    + " is plain text",
                                p.where);
                else if (hasWildcard(p.text) && !(list == &block->aws && p.text == "*"))
                    context.add(Severity::Error, "UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
                                "a principal cannot hold a wildcard: " + quoted(p.text)
                                    + "; name it, or use `\"*\"` with an `aws:PrincipalArn` condition",
                                p.where);
            }
        }
    }
}

class Validator
{
public:
    Validator(const PolicyDocument &document, PolicyType type, const ActionCatalog *catalog)
        : m_document(document), m_type(type), m_context{document, catalog, m_findings}
    {
    }

    Diagnostics run();

private:
    void add(Severity severity, std::string_view code, std::string message, const SourceLocation &where)
    {
        m_context.add(severity, code, std::move(message), where);
    }
    void checkVersion();
    void checkSids();
    void checkRedundantStatements();
    void checkStatement(const Statement &statement);
    void checkAllow(const Statement &statement);
    void checkSensitiveAction(const Statement &statement, const SensitiveAction &sensitive);

    const PolicyDocument &m_document;
    PolicyType m_type;
    Diagnostics m_findings;
    CheckContext m_context;
};

Diagnostics Validator::run()
{
    checkVersion();
    checkSids();
    for (const Statement &statement : m_document.statements)
        checkStatement(statement);
    checkRedundantStatements();
    sortByLocation(m_findings);
    return std::move(m_findings);
}

void Validator::checkVersion()
{
    // The Version element has no position of its own in the document: report at its top.
    const SourceLocation &top = m_document.range.start;
    if (!m_document.hasVersion)
        add(Severity::Warning, "MISSING_VERSION",
            "the policy has no `Version`; add `\"Version\": \"2012-10-17\"`, without it policy variables "
            "are plain text",
            top);
    else if (m_document.version == "2008-10-17")
        add(Severity::Suggestion, "OLD_VERSION",
            "`Version` `2008-10-17` is the old policy language, without policy variables; use `2012-10-17`", top);
}

void Validator::checkSids()
{
    // IAM and AWS Organizations refuse duplicate or non-alphanumeric Sids; the services
    // that hold resource policies differ, so there a duplicate is only a warning.
    const bool strict = m_type != PolicyType::Resource;
    std::map<std::string, int> seen;
    for (const Statement &statement : m_document.statements) {
        if (!statement.hasSid)
            continue;
        const SourceLocation &where = statement.range.start;
        if (statement.sid.empty()) {
            add(Severity::Suggestion, "EMPTY_SID_VALUE", "the statement's `Sid` is empty; name it or remove it", where);
            continue;
        }
        const auto alphanumeric = [](unsigned char c) { return std::isalnum(c) != 0; };
        if (strict && !std::all_of(statement.sid.begin(), statement.sid.end(), alphanumeric))
            add(Severity::Error, "UNSUPPORTED_SID",
                "the `Sid` " + quoted(statement.sid) + " may hold only letters and digits (A-Z, a-z, 0-9)", where);
        const auto [it, inserted] = seen.emplace(statement.sid, statement.index);
        if (!inserted)
            add(strict ? Severity::Error : Severity::Warning,
                strict ? "UNIQUE_SIDS_REQUIRED" : "UNIQUE_SIDS_RECOMMENDED",
                "the `Sid` " + quoted(statement.sid) + " is already used by statement "
                    + std::to_string(it->second + 1),
                where);
    }
}

void Validator::checkRedundantStatements()
{
    // Everything but the Sid, in a canonical order (action names and service
    // principals ignore case, the rest does not): equal keys grant or deny the same.
    const auto key = [](const Statement &s) {
        std::string out = !s.hasEffect ? "?" : s.effect == Statement::Effect::Allow ? "A" : "D";
        const auto add = [&out](std::string_view tag, const std::vector<LocatedString> &from, bool lower) {
            std::vector<std::string> items;
            for (const LocatedString &item : from)
                items.push_back(lower ? lowered(item.text) : item.text);
            std::sort(items.begin(), items.end());
            out += '\x1e';
            out += tag;
            for (const std::string &item : items)
                out += '\x1f' + item;
        };
        for (const PrincipalBlock *p : {&s.principal, &s.notPrincipal}) {
            out += !p->present ? "\x1e-" : p->wildcard ? "\x1e*" : "\x1ep";
            add("a", p->aws, false);
            add("s", p->service, true);
            add("f", p->federated, false);
            add("c", p->canonicalUser, false);
        }
        add(s.notAction ? "NA" : "A", s.actions, true);
        add(!s.hasResource ? "-" : s.notResource ? "NR" : "R", s.resources, false);
        std::vector<LocatedString> conditions;
        for (const ConditionClause &c : s.conditions) {
            std::vector<std::string> values = c.values;
            std::sort(values.begin(), values.end());
            std::string clause = c.operatorName + '\x1d' + lowered(c.key);
            for (const std::string &v : values)
                clause += '\x1d' + v;
            conditions.push_back({std::move(clause), {}});
        }
        add("C", conditions, false);
        return out;
    };
    std::map<std::string, int> seen;
    for (const Statement &statement : m_document.statements) {
        const auto [it, inserted] = seen.emplace(key(statement), statement.index);
        if (!inserted)
            add(Severity::Suggestion, "REDUNDANT_STATEMENT",
                "this statement grants the same as statement " + std::to_string(it->second + 1)
                    + "; remove one of them",
                statement.range.start);
    }
}

void Validator::checkStatement(const Statement &statement)
{
    const SourceLocation &start = statement.range.start;
    const bool hasPrincipal = statement.principal.present || statement.notPrincipal.present;
    const PrincipalBlock &named = statement.principal.present ? statement.principal : statement.notPrincipal;
    if (identityLike(m_type) && hasPrincipal) {
        if (m_type == PolicyType::ServiceControl)
            add(Severity::Error, "SCP_SYNTAX_ERROR_PRINCIPAL",
                "a service control policy cannot name a principal; use the `aws:PrincipalArn` condition key",
                named.where);
        else
            add(Severity::Error, "PRINCIPAL_NOT_ALLOWED",
                "a policy attached to an identity cannot name a principal; the principal is whoever it is attached to",
                named.where);
    }
    if (!identityLike(m_type) && !hasPrincipal)
        add(Severity::Error, "MISSING_PRINCIPAL",
            std::string("a ") + (m_type == PolicyType::Trust ? "trust policy" : "resource-based policy")
                + " statement needs a `Principal`",
            start);
    const bool bareStar = statement.principal.present && statement.principal.wildcard;
    if (m_type == PolicyType::ResourceControl && hasPrincipal && !bareStar)
        add(Severity::Error, "RCP_PRINCIPAL_NOT_STAR",
            "a resource control policy's principal must be `\"Principal\": \"*\"`; narrow it with conditions",
            named.where);
    if (hasPrincipal && !named.wildcard && named.aws.empty() && named.service.empty() && named.federated.empty()
        && named.canonicalUser.empty())
        add(Severity::Suggestion, "EMPTY_OBJECT_PRINCIPAL", "the statement names no principal and has no effect",
            named.where);

    if (m_type == PolicyType::Trust && statement.hasResource)
        add(Severity::Error, "RESOURCE_IN_TRUST_POLICY",
            "a trust policy has no `Resource`: the resource is the role itself",
            statement.resources.empty() ? start : statement.resources.front().where);
    if (!statement.hasResource && statement.hasAction && m_type != PolicyType::Trust) {
        // A resource policy without Resource is a trust policy given as a resource
        // policy (the simulator's ResourcePolicy for sts:AssumeRole) when all it grants
        // is taking a role.
        const bool trustLike = m_type == PolicyType::Resource && !statement.notAction
            && std::all_of(statement.actions.begin(), statement.actions.end(),
                           [](const LocatedString &a) { return lowered(a.text).starts_with("sts:"); });
        if (!trustLike)
            add(Severity::Error, "MISSING_RESOURCE", "the statement has no `Resource` or `NotResource`", start);
    }
    if (statement.hasResource && statement.resources.empty())
        add(Severity::Suggestion, "EMPTY_ARRAY_RESOURCE", "the statement lists no resources and has no effect", start);
    if (statement.hasAction && statement.actions.empty())
        add(Severity::Suggestion, "EMPTY_ARRAY_ACTION", "the statement lists no actions and has no effect", start);

    if (statement.hasEffect && statement.effect == Statement::Effect::Allow)
        checkAllow(statement);
    checkPrincipalValues(statement, m_context);
    checkActions(statement, m_context);
    checkResources(statement, m_context);
    checkConditions(statement, m_context);
}

void Validator::checkAllow(const Statement &statement)
{
    if (statement.notPrincipal.present)
        add(Severity::SecurityWarning, "ALLOW_WITH_NOT_PRINCIPAL",
            "`Allow` with `NotPrincipal` grants access to every principal it does not list, anonymous ones too; "
            "use `Principal`",
            statement.notPrincipal.where);
    // SCPs and RCPs only ever limit: their Allow grants nothing.
    const bool onlyLimits = m_type == PolicyType::ServiceControl || m_type == PolicyType::ResourceControl;
    if (!onlyLimits && statement.notAction && !statement.actions.empty())
        add(Severity::Warning, "ALLOW_WITH_NOT_ACTION",
            "`Allow` with `NotAction` grants every action it does not list, including ones AWS adds later",
            statement.actions.front().where);
    if (!onlyLimits && statement.notResource && !statement.resources.empty())
        add(Severity::Warning, "ALLOW_WITH_NOT_RESOURCE",
            "`Allow` with `NotResource` grants every resource it does not list, including new ones",
            statement.resources.front().where);
    const bool openToAll = statement.principal.wildcard
        || std::any_of(statement.principal.aws.begin(), statement.principal.aws.end(),
                       [](const LocatedString &p) { return p.text == "*"; });
    if (openToAll && statement.conditions.empty() && (m_type == PolicyType::Trust || m_type == PolicyType::Resource))
        add(Severity::SecurityWarning, "TRUST_POLICY_OPEN_TO_ALL",
            m_type == PolicyType::Trust
                ? "anyone, in any account, may assume the role: the principal is `*` and there is no `Condition`"
                : "anyone, in any account, is granted access: the principal is `*` and there is no `Condition`",
            statement.principal.where);
    // PassRole and its kin matter where a policy grants a caller its own permissions.
    if (m_type == PolicyType::Identity || m_type == PolicyType::PermissionsBoundary || m_type == PolicyType::Session) {
        for (const SensitiveAction &sensitive : kSensitiveActions)
            checkSensitiveAction(statement, sensitive);
    }
}

// access-analyzer-reference-policy-checks.md, "Pass role with ...": one finding per
// statement, named by how the action is granted (by name, by a wildcard, by
// NotAction) and how the roles are (a `*` resource, NotResource).
void Validator::checkSensitiveAction(const Statement &statement, const SensitiveAction &sensitive)
{
    const std::string name = lowered(sensitive.name);
    const auto narrowing = [&](const ConditionClause &c) { return lowered(c.key) == sensitive.narrowingKey; };
    const bool narrowed = std::any_of(statement.conditions.begin(), statement.conditions.end(), narrowing);
    if (narrowed || statement.resources.empty() || statement.actions.empty())
        return;
    enum class Grant { None, Exact, Star, NotAction } grant = Grant::None;
    const LocatedString *wildcardAction = nullptr;
    if (statement.notAction) {
        const bool excluded = std::any_of(statement.actions.begin(), statement.actions.end(),
                                          [&](const LocatedString &a) { return wildcardMatch(lowered(a.text), name); });
        grant = excluded ? Grant::None : Grant::NotAction;
    } else {
        for (const LocatedString &action : statement.actions) {
            const std::string lower = lowered(action.text);
            if (lower == name) {
                grant = Grant::Exact;
                break;
            }
            if (!wildcardAction && wildcardMatch(lower, name)) {
                grant = Grant::Star;
                wildcardAction = &action;
            }
        }
    }
    if (grant == Grant::None)
        return;
    const auto reaches = [&](const LocatedString &r) { return reachesAnyRole(r.text, sensitive.anyRole); };
    const LocatedString *where = nullptr;
    std::string_view shape;
    if (statement.notResource) {
        // NotResource grants every role, unless it leaves all of them out.
        if (std::any_of(statement.resources.begin(), statement.resources.end(), reaches))
            return;
        where = &statement.resources.front();
        shape = grant == Grant::Exact ? "_WITH_NOT_RESOURCE"
            : grant == Grant::Star    ? "_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"
                                      : "_WITH_NOT_ACTION_AND_NOT_RESOURCE";
    } else {
        const auto star = std::find_if(statement.resources.begin(), statement.resources.end(), reaches);
        if (star == statement.resources.end())
            return;
        where = &*star;
        shape = grant == Grant::Exact ? "_WITH_STAR_IN_RESOURCE"
            : grant == Grant::Star    ? "_WITH_STAR_IN_ACTION_AND_RESOURCE"
                                      : "_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION";
    }
    std::string message = grant == Grant::Exact ? quoted(sensitive.name)
        : grant == Grant::Star ? quoted(wildcardAction->text) + " (which includes " + quoted(sensitive.name) + ")"
                               : "`NotAction` without " + quoted(sensitive.name);
    message += statement.notResource ? " with `NotResource`" : " with resource " + quoted(where->text);
    add(sensitive.severity, std::string(sensitive.codePrefix) + std::string(shape),
        message + ": " + std::string(sensitive.risk), where->where);
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
        // In a statement with a grammar error the parser could not read some element;
        // "missing" or "empty" findings there would only repeat that error in other words.
        static constexpr std::array kEchoes{"MISSING_RESOURCE",     "MISSING_PRINCIPAL",      "EMPTY_ARRAY_ACTION",
                                            "EMPTY_ARRAY_RESOURCE", "EMPTY_OBJECT_PRINCIPAL", "EMPTY_OBJECT_CONDITION"};
        const auto echoesGrammarError = [&](const Diagnostic &finding) {
            if (std::find(kEchoes.begin(), kEchoes.end(), finding.code) == kEchoes.end())
                return false;
            const auto &statements = parsed.document->statements;
            return std::any_of(statements.begin(), statements.end(), [&](const Statement &s) {
                const auto inside = [&](const SourceLocation &l) {
                    return !before(l, s.range.start) && !before(s.range.end, l);
                };
                const auto grammarError = [&](const Diagnostic &d) {
                    return d.severity == Severity::Error && inside(d.where);
                };
                return inside(finding.where)
                    && std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(), grammarError);
            });
        };
        for (Diagnostic &finding : validateDocument(*parsed.document, type, catalog)) {
            if (!echoesGrammarError(finding))
                all.push_back(std::move(finding));
        }
    }
    sortByLocation(all);
    return all;
}

} // namespace iam
