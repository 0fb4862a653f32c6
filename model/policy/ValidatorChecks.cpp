#include "ValidatorChecks.h"

#include "Arn.h"
#include "ConditionOperator.h"
#include "RequestContext.h"
#include "Wildcard.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

// Codes, named after IAM Access Analyzer's policy checks where it has one; "(AA: error)"
// marks an Access Analyzer error that AWS still accepts and evaluates, so the simulator
// must too (Simulation refuses a request on any Error): a Warning here.
//   actions     ERROR INVALID_ACTION_FORMAT, with a catalog INVALID_SERVICE_IN_ACTION, INVALID_ACTION;
//               WARNING (AA: error) VARIABLE_UNSUPPORTED_IN_ELEMENT; SUGGESTION WILDCARD_IN_SERVICE_NAME, REDUNDANT_ACTION
//   resources   ERROR INVALID_ARN_PREFIX, MISSING_ARN_FIELD, INVALID_PARTITION, INVALID_ARN_SERVICE_CASE,
//               INVALID_ARN_ACCOUNT; WARNING with a catalog RESOURCE_TYPE_MISMATCH;
//               SUGGESTION WILDCARD_IN_SERVICE_NAME, REDUNDANT_RESOURCE
//   variables   WARNING (AA: error) VARIABLE_UNSUPPORTED_IN_VERSION, MISSING_BRACE_IN_VARIABLE, EMPTY_VARIABLE,
//               UNSUPPORTED_SPACE_IN_VARIABLE, MISSING_QUOTE_IN_VARIABLE, INVALID_VARIABLE_FOR_OPERATOR
//   conditions  ERROR MISSING_TAG_KEY_IN_CONDITION, DUPLICATE_KEYS_WITH_DIFFERENT_CASE;
//               SECURITY_WARNING FORALLVALUES_WITH_SINGLE_VALUED_KEY, MISSING_NULL_CONDITION;
//               WARNING TYPE_MISMATCH_{NUMBER,DATE,BOOLEAN,IP_RANGE,STRING}, INVALID_DATE_VALUE,
//               WILDCARD_WITHOUT_LIKE_OPERATOR, DEPRECATED_GLOBAL_CONDITION_KEY, INVALID_CONDITION_KEY_FORMAT,
//               (AA: error) MISSING_QUALIFIER, PRIVATE_IP_ADDRESS, PRIVATE_NOT_IP_ADDRESS, and with a catalog
//               (which may lag AWS) INVALID_GLOBAL_CONDITION_KEY, INVALID_SERVICE_CONDITION_KEY;
//               SUGGESTION EMPTY_OBJECT_CONDITION, EMPTY_ARRAY_CONDITION[_FORALLVALUES|_FORANYVALUE|_IFEXISTS],
//               IMPROVE_IP_RANGE, PRIVATE_IP_ADDRESS_SUBSET, PRIVATE_NOT_IP_ADDRESS_SUBSET

namespace iam::validation {

namespace {

using Severity = Diagnostic::Severity;
using Family = ConditionOperator::Family;
using SetQualifier = ConditionOperator::SetQualifier;

// Whether `pattern` covers every name `text` stands for. A `*` of the pattern may
// stand for a `*` of the text; a `?` may not (the text's `*` may be many characters).
bool covers(std::string_view pattern, std::string_view text)
{
    if (pattern.find('?') != std::string_view::npos && text.find('*') != std::string_view::npos)
        return false;
    return wildcardMatch(pattern, text);
}

// Condition keys by how many values a request carries (reference_policies_condition-keys.md).
bool multiValuedKey(std::string_view lowerKey)
{
    static constexpr std::array kKeys{"aws:tagkeys", "aws:calledvia", "aws:principalservicenameslist",
                                      "aws:principalorgpaths", "aws:resourceorgpaths", "aws:sourceorgpaths"};
    return std::find(kKeys.begin(), kKeys.end(), lowerKey) != kKeys.end();
}

bool singleValuedKey(std::string_view lowerKey)
{
    static constexpr std::array kKeys{
        "aws:sourceip", "aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principaltype",
        "aws:username", "aws:userid", "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip", "aws:sourcearn",
        "aws:sourceaccount", "aws:sourceorgid", "aws:requestedregion", "aws:securetransport",
        "aws:multifactorauthpresent", "aws:multifactorauthage", "aws:currenttime", "aws:epochtime",
        "aws:tokenissuetime", "aws:useragent", "aws:referer", "aws:viaawsservice", "aws:principalisawsservice",
        "aws:principalservicename", "aws:calledviafirst", "aws:calledvialast", "aws:resourceaccount",
        "aws:resourceorgid", "aws:sourceidentity", "aws:federatedprovider"};
    // One value per tag key: aws:PrincipalTag/team, aws:ResourceTag/env, aws:RequestTag/env.
    return std::find(kKeys.begin(), kKeys.end(), lowerKey) != kKeys.end() || lowerKey.starts_with("aws:principaltag/")
        || lowerKey.starts_with("aws:resourcetag/") || lowerKey.starts_with("aws:requesttag/");
}

// RFC 1918 and RFC 4193 ranges: aws:SourceIp never carries them (a request through a
// VPC endpoint carries aws:VpcSourceIp instead). IPv4 is held as ::ffff:a.b.c.d.
bool privateNetwork(const IpNetwork &network)
{
    const auto within = [&](std::initializer_list<std::uint8_t> prefix, int bits) {
        IpNetwork block;
        std::copy(prefix.begin(), prefix.end(), block.bytes);
        block.prefixLength = bits;
        block.v4 = bits > 96;   // contains() keeps the families apart
        return network.prefixLength >= bits && block.contains(network);
    };
    return within({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10}, 104)
        || within({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 172, 16}, 108)
        || within({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 168}, 112) || within({0xfc}, 7);
}

// The network with its host bits cleared, as CIDR text; empty when none were set.
std::string maskedNetwork(const IpNetwork &network)
{
    IpNetwork masked = network;
    for (int bit = network.prefixLength; bit < 128; ++bit)
        masked.bytes[bit / 8] &= static_cast<std::uint8_t>(~(0x80 >> (bit % 8)));
    if (std::equal(masked.bytes, masked.bytes + 16, network.bytes))
        return {};
    char text[32];
    if (network.v4) {
        std::snprintf(text, sizeof text, "%d.%d.%d.%d/%d", masked.bytes[12], masked.bytes[13], masked.bytes[14],
                      masked.bytes[15], network.prefixLength - 96);
        return text;
    }
    std::string out;
    for (int group = 0; group < 8; ++group) {
        const int value = masked.bytes[2 * group] << 8 | masked.bytes[2 * group + 1];
        std::snprintf(text, sizeof text, group ? ":%x" : "%x", value);
        out += text;
    }
    return out + "/" + std::to_string(network.prefixLength);
}

// Policy variables (reference_policies_variables.md): plain text before Version
// 2012-10-17; from it on, `${key}` or `${key, 'default'}`. Reports the first problem.
void checkVariables(std::string_view text, const SourceLocation &where, CheckContext &context)
{
    if (!hasVariable(text))
        return;
    const PolicyDocument &document = context.document;
    if (!document.supportsPolicyVariables()) {
        if (!document.hasVersion || document.version == "2008-10-17")
            context.add(Severity::Warning, "VARIABLE_UNSUPPORTED_IN_VERSION",
                        quoted(text) + " is plain text: policy variables need `\"Version\": \"2012-10-17\"`", where);
        return;
    }
    for (std::size_t open = text.find("${"); open != std::string_view::npos; open = text.find("${", open + 2)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos)
            return context.add(Severity::Warning, "MISSING_BRACE_IN_VARIABLE",
                               "the policy variable in " + quoted(text) + " has no closing `}`", where);
        const std::string_view variable = text.substr(open, close - open + 1);
        const std::string_view inside = variable.substr(2, variable.size() - 3);
        if (inside.empty())
            return context.add(Severity::Warning, "EMPTY_VARIABLE", quoted(text) + " holds an empty policy variable",
                               where);
        const std::size_t comma = inside.find(',');
        if (inside.substr(0, comma).find(' ') != std::string_view::npos)
            return context.add(Severity::Warning, "UNSUPPORTED_SPACE_IN_VARIABLE",
                               "the policy variable " + quoted(variable) + " has a space in its key name", where);
        if (comma == std::string_view::npos)
            continue;
        std::string_view fallback = inside.substr(comma + 1);
        while (!fallback.empty() && fallback.front() == ' ')
            fallback.remove_prefix(1);
        if (fallback.size() < 2 || fallback.front() != '\'' || fallback.back() != '\'')
            return context.add(Severity::Warning, "MISSING_QUOTE_IN_VARIABLE",
                               "the default of " + quoted(variable)
                                   + " must be in single quotes, e.g. `${aws:username, 'anonymous'}`",
                               where);
    }
}

// Entries already covered by another entry of the same list: action names ignore
// case; ARN patterns cover part by part, as the Resource element matches.
void checkRedundancy(const std::vector<LocatedString> &entries, bool actions, CheckContext &context)
{
    const auto coveredBy = [&](const std::string &pattern, const std::string &text) {
        if (actions || pattern == "*")
            return covers(pattern, text);
        const auto p = splitArn(pattern), t = splitArn(text);
        if (!p || !t || hasVariable(pattern) || hasVariable(text))
            return false;
        for (std::size_t i = 0; i < p->parts.size(); ++i) {
            if (!covers(p->parts[i], t->parts[i]))
                return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string text = actions ? lowered(entries[i].text) : entries[i].text;
        for (std::size_t j = 0; j < entries.size(); ++j) {
            const std::string other = actions ? lowered(entries[j].text) : entries[j].text;
            // Of two equal entries, the later one is the redundant one.
            if (i == j || (text == other ? j > i : !coveredBy(other, text)))
                continue;
            const std::string why =
                text == other ? " is listed twice" : " is already covered by " + quoted(entries[j].text);
            context.add(Severity::Suggestion, actions ? "REDUNDANT_ACTION" : "REDUNDANT_RESOURCE",
                        std::string("the ") + (actions ? "action " : "resource ") + quoted(entries[i].text) + why,
                        entries[i].where);
            break;
        }
    }
}

// With a catalog: a concrete ARN that none of the statement's (exactly named) actions
// takes makes the statement never apply to it.
void checkResourceTypes(const Statement &statement, CheckContext &context)
{
    const ActionCatalog *catalog = context.catalog;
    if (!catalog || statement.notAction || statement.notResource || statement.actions.empty())
        return;
    std::vector<std::pair<std::string, std::string>> accepted;   // service, resource type
    std::string typeNames;
    for (const LocatedString &action : statement.actions) {
        const std::size_t colon = action.text.find(':');
        if (colon == std::string::npos || hasWildcard(action.text))
            return;
        const std::string service = action.text.substr(0, colon), name = action.text.substr(colon + 1);
        if (!catalog->hasService(service) || !catalog->hasAction(service, name))
            return;
        for (std::string &type : catalog->resourceTypesOf(service, name)) {
            typeNames += (typeNames.empty() ? "" : ", ") + quoted(service + ":" + type);
            accepted.emplace_back(service, std::move(type));
        }
    }
    if (accepted.empty())
        return;   // the actions take only `*`
    for (const LocatedString &resource : statement.resources) {
        if (hasWildcard(resource.text) || hasVariable(resource.text) || !splitArn(resource.text))
            continue;
        if (std::none_of(accepted.begin(), accepted.end(), [&](const auto &type) {
                return catalog->arnMatchesResourceType(type.first, type.second, resource.text);
            }))
            context.add(Severity::Warning, "RESOURCE_TYPE_MISMATCH",
                        quoted(resource.text) + " is none of the resource types the statement's actions take ("
                            + typeNames + "), so the statement never applies to it",
                        resource.where);
    }
}

// One clause's values against what its operator compares.
void checkConditionValues(const ConditionClause &clause, const ConditionOperator &op, CheckContext &context)
{
    const SourceLocation &where = clause.keyWhere;
    if (clause.values.empty()) {
        const char *suffix = op.set == SetQualifier::ForAllValues ? "_FORALLVALUES"
            : op.set == SetQualifier::ForAnyValue                 ? "_FORANYVALUE"
            : op.ifExists                                          ? "_IFEXISTS"
                                                                   : "";
        return context.add(Severity::Suggestion, std::string("EMPTY_ARRAY_CONDITION") + suffix,
                           quoted(clause.key) + " has no values, so the condition cannot work as meant; "
                                                "list values, or test presence with `Null`",
                           where);
    }
    const bool variables = context.document.supportsPolicyVariables();
    const auto mismatch = [&](const char *issue, const std::string &value, const char *expected) {
        context.add(Severity::Warning, issue,
                    quoted(value) + " is not " + expected + ", as `" + clause.operatorName
                        + "` needs; the condition never matches it",
                    where);
    };
    int privateCount = 0, publicCount = 0;
    for (const std::string &value : clause.values) {
        if (op.family == Family::String || op.family == Family::Arn) {
            checkVariables(value, where, context);
            if (op.family == Family::Arn || op.comparison == ConditionOperator::Comparison::Like)
                continue;
            std::string literal = value;   // without its variables: ${*} is a literal `*`
            for (std::size_t open, close; variables && (open = literal.find("${")) != std::string::npos
                 && (close = literal.find('}', open)) != std::string::npos;)
                literal.erase(open, close - open + 1);
            if (hasWildcard(literal))
                context.add(Severity::Warning, "WILDCARD_WITHOUT_LIKE_OPERATOR",
                            quoted(value) + " holds `*` or `?`, which `" + clause.operatorName
                                + "` compares as plain characters; use a `Like` operator for wildcards",
                            where);
            continue;
        }
        if (variables && hasVariable(value)) {
            context.add(Severity::Warning, "INVALID_VARIABLE_FOR_OPERATOR",
                        "policy variables work only with String and ARN operators; in `" + clause.operatorName + "`, "
                            + quoted(value) + " is plain text",
                        where);
            continue;
        }
        switch (op.family) {
        case Family::Numeric:
            if (!parseNumber(value))
                mismatch("TYPE_MISMATCH_NUMBER", value, "a number");
            break;
        case Family::Date:
            if (!parseDate(value))
                mismatch("TYPE_MISMATCH_DATE", value, "a date such as `2030-01-01` or `2030-01-01T00:00:00Z`");
            else if (value.find_first_not_of("0123456789.") == std::string::npos)
                context.add(Severity::Warning, "INVALID_DATE_VALUE",
                            quoted(value) + " reads as epoch seconds, which may not be the time you mean; "
                                            "write the date as YYYY-MM-DD",
                            where);
            break;
        case Family::Bool:
        case Family::Null:
            if (lowered(value) != "true" && lowered(value) != "false")
                mismatch("TYPE_MISMATCH_BOOLEAN", value, "`true` or `false`");
            break;
        case Family::IpAddress:
            if (const auto network = parseIpNetwork(value)) {
                ++(privateNetwork(*network) ? privateCount : publicCount);
                if (const std::string masked = maskedNetwork(*network); !masked.empty())
                    context.add(Severity::Suggestion, "IMPROVE_IP_RANGE",
                                "the bits of " + quoted(value) + " past the mask are ignored; write " + quoted(masked),
                                where);
            } else {
                mismatch("TYPE_MISMATCH_IP_RANGE", value, "an IP address or a CIDR range such as `203.0.113.0/24`");
            }
            break;
        case Family::Binary:
            if (value.empty() || value.size() % 4 != 0
                || value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                       != std::string::npos)
                mismatch("TYPE_MISMATCH_STRING", value, "base-64 text");
            break;
        default:
            break;
        }
    }
    if (lowered(clause.key) != "aws:sourceip" || privateCount == 0)
        return;
    const std::string issue = op.negated ? "PRIVATE_NOT_IP_ADDRESS" : "PRIVATE_IP_ADDRESS";
    const std::string why = "`aws:SourceIp` carries only public addresses; inside a VPC, use `aws:VpcSourceIp`";
    if (publicCount == 0)
        context.add(Severity::Warning, issue,
                    "every range here is private, so `" + clause.operatorName
                        + (op.negated ? "` always holds; " : "` never holds; ") + why,
                    where);
    else
        context.add(Severity::Suggestion, issue + "_SUBSET", "the private ranges here have no effect; " + why, where);
}

// The qualifiers: ForAllValues holds when the request lacks the key, which widens an
// Allow unless a Null check (or another condition needing the key) demands it.
void checkSetQualifier(const Statement &statement, const ConditionClause &clause, const ConditionOperator &op,
                       CheckContext &context)
{
    const std::string key = lowered(clause.key);
    const bool allow = statement.hasEffect && statement.effect == Statement::Effect::Allow;
    if (op.family == Family::Null)
        return;
    if (op.set == SetQualifier::None && multiValuedKey(key))
        context.add(Severity::Warning, "MISSING_QUALIFIER",
                    quoted(clause.key) + " can carry several values; write `ForAnyValue:" + clause.operatorName
                        + "` or `ForAllValues:" + clause.operatorName + "`",
                    clause.keyWhere);
    if (op.set != SetQualifier::ForAllValues || !allow)
        return;
    if (singleValuedKey(key))
        return context.add(Severity::SecurityWarning, "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
                           "`ForAllValues:` with the single-valued key " + quoted(clause.key)
                               + " also holds when the request lacks the key; remove `ForAllValues:`",
                           clause.keyWhere);
    const auto demands = [&](const ConditionClause &c) {
        const auto other = parseConditionOperator(c.operatorName);
        if (!other || lowered(c.key) != key)
            return false;
        if (other->family == Family::Null)
            return c.values.size() == 1 && lowered(c.values.front()) == "false";
        return other->set != SetQualifier::ForAllValues && !other->ifExists;
    };
    const bool demanded = std::any_of(statement.conditions.begin(), statement.conditions.end(), demands);
    if (!op.negated && !demanded)
        context.add(Severity::SecurityWarning, "MISSING_NULL_CONDITION",
                    "`" + clause.operatorName + "` on " + quoted(clause.key)
                        + " also allows requests without the key; add `\"Null\": {\"" + clause.key + "\": \"false\"}`",
                    clause.keyWhere);
}

} // namespace

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void checkActions(const Statement &statement, CheckContext &context)
{
    for (const LocatedString &action : statement.actions) {
        const std::string &text = action.text;
        if (text == "*")
            continue;
        if (hasVariable(text)) {
            context.add(Severity::Warning, "VARIABLE_UNSUPPORTED_IN_ELEMENT",
                        "policy variables work only in `Resource` and in conditions; " + quoted(text)
                            + " is plain text",
                        action.where);
            continue;
        }
        const std::size_t colon = text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()
            || text.find(':', colon + 1) != std::string::npos
            || std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); })) {
            context.add(Severity::Error, "INVALID_ACTION_FORMAT",
                        quoted(text) + " is not an action: write `service:ActionName`, e.g. `s3:GetObject`",
                        action.where);
            continue;
        }
        const std::string service = text.substr(0, colon), name = text.substr(colon + 1);
        if (hasWildcard(service)) {
            context.add(Severity::Suggestion, "WILDCARD_IN_SERVICE_NAME",
                        "the wildcard in the service of " + quoted(text) + " may match services you did not mean",
                        action.where);
        } else if (context.catalog && !context.catalog->hasService(service)) {
            context.add(Severity::Error, "INVALID_SERVICE_IN_ACTION",
                        quoted(service) + " is not an AWS service prefix (in " + quoted(text) + ")", action.where);
        } else if (context.catalog && !hasWildcard(name) && !context.catalog->hasAction(service, name)) {
            // (The catalog cannot list a service's actions, so a pattern is taken as written.)
            std::string message = quoted(text) + " is not an action of " + quoted(service);
            const std::vector<std::string> suggestions = context.catalog->suggestActions(service, name);
            if (!suggestions.empty())
                message += "; did you mean " + quoted(service + ":" + suggestions.front()) + "?";
            context.add(Severity::Error, "INVALID_ACTION", message, action.where);
        }
    }
    checkRedundancy(statement.actions, true, context);
}

void checkResources(const Statement &statement, CheckContext &context)
{
    static constexpr std::array kPartitions{"aws",       "aws-cn",    "aws-us-gov", "aws-iso",
                                            "aws-iso-b", "aws-iso-e", "aws-iso-f",  "aws-eusc"};
    const auto plain = [](std::string_view part) { return !hasWildcard(part) && !hasVariable(part); };
    for (const LocatedString &resource : statement.resources) {
        const std::string &text = resource.text;
        const SourceLocation &where = resource.where;
        checkVariables(text, where, context);
        if (text == "*" || text.starts_with("${"))
            continue;
        const auto arn = splitArn(text);
        if (!text.starts_with("arn:")) {
            context.add(Severity::Error, "INVALID_ARN_PREFIX",
                        quoted(text) + " is neither `*` nor an ARN: resource ARNs start with `arn:`", where);
            continue;
        }
        if (!arn) {
            context.add(Severity::Error, "MISSING_ARN_FIELD",
                        quoted(text) + " lacks ARN fields: write arn:partition:service:region:account:resource", where);
            continue;
        }
        const std::string_view partition = arn->partition();
        if (plain(partition) && std::find(kPartitions.begin(), kPartitions.end(), partition) == kPartitions.end())
            context.add(Severity::Error, "INVALID_PARTITION",
                        quoted(partition) + " is not an AWS partition (`aws`, `aws-cn`, `aws-us-gov`, ...)", where);
        if (std::any_of(arn->service().begin(), arn->service().end(), [](unsigned char c) { return std::isupper(c); }))
            context.add(Severity::Error, "INVALID_ARN_SERVICE_CASE",
                        "the service " + quoted(arn->service()) + " of an ARN is written in lowercase", where);
        if (hasWildcard(arn->service()) && arn->service() != "*")
            context.add(Severity::Suggestion, "WILDCARD_IN_SERVICE_NAME",
                        "the wildcard in the service of " + quoted(text) + " may match services you did not mean",
                        where);
        const std::string_view account = arn->account();
        // Empty for global resources (S3 buckets), `aws` for AWS managed policies.
        if (plain(account) && !account.empty() && account != "aws" && !isAccountId(account))
            context.add(Severity::Error, "INVALID_ARN_ACCOUNT",
                        quoted(account) + " is not an account ID: use 12 digits, or leave it empty", where);
    }
    checkRedundancy(statement.resources, false, context);
    checkResourceTypes(statement, context);
}

void checkConditions(const Statement &statement, CheckContext &context)
{
    if (statement.hasCondition && statement.conditions.empty())
        context.add(Severity::Suggestion, "EMPTY_OBJECT_CONDITION",
                    "the `Condition` block is empty; remove it or add conditions", statement.range.start);
    for (const ConditionClause &clause : statement.conditions) {
        const auto op = parseConditionOperator(clause.operatorName);
        if (!op)
            continue;   // the parser reported it
        const std::string key = lowered(clause.key);
        const SourceLocation &where = clause.keyWhere;
        const std::size_t colon = key.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == key.size())
            context.add(Severity::Warning, "INVALID_CONDITION_KEY_FORMAT",
                        quoted(clause.key) + " is not a condition key: write `service:KeyName`, e.g. `aws:SourceIp`",
                        where);
        if (key == "aws:arn")
            context.add(Severity::Warning, "DEPRECATED_GLOBAL_CONDITION_KEY",
                        "`aws:ARN` is deprecated; use `aws:PrincipalArn` or `aws:SourceArn`", where);
        const std::string_view name = colon == std::string::npos ? "" : std::string_view(key).substr(colon + 1);
        for (std::string_view tag : {"resourcetag", "requesttag", "principaltag"}) {
            if (name == tag || (name.starts_with(tag) && name.substr(tag.size()) == "/"))
                context.add(Severity::Error, "MISSING_TAG_KEY_IN_CONDITION",
                            quoted(clause.key) + " needs a tag key, e.g. `"
                                + clause.key.substr(0, colon + 1 + tag.size()) + "/team`",
                            where);
        }
        const auto sameKeyEarlier = [&](const ConditionClause &c) {
            return c.operatorName == clause.operatorName && c.key != clause.key && lowered(c.key) == key
                && before(c.keyWhere, where);
        };
        const auto sameKey = std::find_if(statement.conditions.begin(), statement.conditions.end(), sameKeyEarlier);
        if (sameKey != statement.conditions.end())
            context.add(Severity::Error, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
                        quoted(clause.key) + " repeats " + quoted(sameKey->key) + " in the same `" + clause.operatorName
                            + "` block; key names ignore case, so write it once",
                        where);
        checkSetQualifier(statement, clause, *op, context);
        checkConditionValues(clause, *op, context);
        if (context.catalog && colon != std::string::npos && !context.catalog->hasConditionKey(clause.key)) {
            const bool global = key.starts_with("aws:");
            context.add(Severity::Warning, global ? "INVALID_GLOBAL_CONDITION_KEY" : "INVALID_SERVICE_CONDITION_KEY",
                        quoted(clause.key) + " is not "
                            + (global ? "a global condition key" : "a condition key of its service"),
                        where);
        }
    }
}

} // namespace iam::validation
