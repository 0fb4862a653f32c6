#include "ReferenceEvaluator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>

// Page names below are files of awsdocs/iam-user-guide, doc_source/. Everything is
// done the plain way on purpose: recursion for globs, string splits for ARNs,
// re-reading the policy JSON for every decision. Speed is the engine's business.

namespace iam::reference {
namespace {

using json = nlohmann::json;
using Context = std::vector<std::pair<std::string, std::vector<std::string>>>;

std::string lower(std::string text)
{
    for (char &c : text) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return text;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool isAccountId(const std::string &text)
{
    return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A policy element's value: a string or an array of strings. Condition values may
// also be JSON numbers or booleans (`"Bool": {"aws:SecureTransport": false}`);
// they mean their text.
std::vector<std::string> strings(const json &value)
{
    std::vector<std::string> out;
    const auto one = [&](const json &v) { out.push_back(v.is_string() ? v.get<std::string>() : v.dump()); };
    if (value.is_array()) {
        for (const json &v : value)
            one(v);
    } else {
        one(value);
    }
    return out;
}

// reference_policies_elements_condition.md: condition key names are not case-sensitive.
const std::vector<std::string> *findKey(const Context &context, const std::string &name)
{
    const std::string wanted = lower(name);
    for (const auto &[key, values] : context) {
        if (key == wanted)
            return &values;
    }
    return nullptr;
}

// ---- Globs ---------------------------------------------------------------------

// A pattern is a list of characters, each literal or a wildcard, so that text
// substituted for a policy variable stays literal even when it holds `*`.
struct PatternChar
{
    enum Kind { Literal, AnyRun, AnyOne };
    Kind kind = Literal;
    char c = 0;
};
using Pattern = std::vector<PatternChar>;

bool sameChar(char a, char b, bool ignoreCase)
{
    if (ignoreCase)
        return lower(std::string(1, a)) == lower(std::string(1, b));
    return a == b;
}

// reference_policies_elements_action.md / _resource.md: `*` matches any run of
// characters (the empty one too), `?` exactly one character.
bool globMatch(const Pattern &pattern, std::size_t p, std::string_view text, std::size_t t, bool ignoreCase)
{
    if (p == pattern.size())
        return t == text.size();
    switch (pattern[p].kind) {
    case PatternChar::AnyRun:
        for (std::size_t next = t; next <= text.size(); ++next) {
            if (globMatch(pattern, p + 1, text, next, ignoreCase))
                return true;
        }
        return false;
    case PatternChar::AnyOne:
        return t < text.size() && globMatch(pattern, p + 1, text, t + 1, ignoreCase);
    case PatternChar::Literal:
        return t < text.size() && sameChar(pattern[p].c, text[t], ignoreCase)
            && globMatch(pattern, p + 1, text, t + 1, ignoreCase);
    }
    return false;
}

bool globMatch(const Pattern &pattern, std::string_view text, bool ignoreCase = false)
{
    return globMatch(pattern, 0, text, 0, ignoreCase);
}

std::string patternText(const Pattern &pattern)
{
    std::string out;
    for (const PatternChar &pc : pattern)
        out += pc.c;
    return out;
}

std::string trim(const std::string &text)
{
    const auto begin = text.find_first_not_of(' ');
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

// reference_policies_variables.md: `${key}` is the key's value, `${key, 'default'}`
// falls back to the default, and `${*}`, `${?}`, `${$}` stand for the characters.
// nullopt when the key is absent (or multi-valued) and there is no default.
std::optional<std::string> resolveVariable(const std::string &inner, const Context &context)
{
    const std::string body = trim(inner);
    if (body == "*" || body == "?" || body == "$")
        return body;
    std::string key = body;
    std::optional<std::string> fallback;
    if (const auto comma = body.find(','); comma != std::string::npos) {
        key = trim(body.substr(0, comma));
        std::string quoted = trim(body.substr(comma + 1));
        if (quoted.size() >= 2 && quoted.front() == '\'' && quoted.back() == '\'')
            fallback = quoted.substr(1, quoted.size() - 2);
    }
    const std::vector<std::string> *values = findKey(context, key);
    if (values && values->size() == 1)
        return values->front();
    return fallback;
}

// Turns policy text into a pattern: wildcards when `wildcards`, policy variables
// substituted when `variables` (only for Version 2012-10-17, see policyVariables()).
// nullopt when a variable cannot be resolved: that value then matches nothing.
std::optional<Pattern> expand(const std::string &text, bool wildcards, bool variables, const Context &context)
{
    Pattern out;
    for (std::size_t i = 0; i < text.size();) {
        if (variables && text.compare(i, 2, "${") == 0) {
            const auto close = text.find('}', i + 2);
            if (close != std::string::npos) {
                const std::optional<std::string> value = resolveVariable(text.substr(i + 2, close - i - 2), context);
                if (!value)
                    return std::nullopt;
                for (char c : *value)
                    out.push_back({PatternChar::Literal, c});
                i = close + 1;
                continue;
            }
        }
        const char c = text[i];
        if (wildcards && c == '*')
            out.push_back({PatternChar::AnyRun, c});
        else if (wildcards && c == '?')
            out.push_back({PatternChar::AnyOne, c});
        else
            out.push_back({PatternChar::Literal, c});
        ++i;
    }
    return out;
}

// ---- ARNs ----------------------------------------------------------------------

// reference_identifiers.md: arn:partition:service:region:account-id:resource, where
// the resource part may hold further colons.
std::optional<std::array<std::string, 6>> splitArn(const std::string &text)
{
    if (!startsWith(text, "arn:"))
        return std::nullopt;
    std::array<std::string, 6> parts;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        const auto colon = text.find(':', start);
        if (colon == std::string::npos)
            return std::nullopt;
        parts[i] = text.substr(start, colon - start);
        start = colon + 1;
    }
    parts[5] = text.substr(start);
    return parts;
}

// The same split for a pattern, at its first five literal colons.
std::optional<std::array<Pattern, 6>> splitArnPattern(const Pattern &pattern)
{
    if (!startsWith(patternText(pattern), "arn:") || pattern[0].kind != PatternChar::Literal
        || pattern[1].kind != PatternChar::Literal || pattern[2].kind != PatternChar::Literal)
        return std::nullopt;
    std::array<Pattern, 6> parts;
    int part = 0;
    for (const PatternChar &pc : pattern) {
        if (part < 5 && pc.kind == PatternChar::Literal && pc.c == ':')
            ++part;
        else
            parts[part].push_back(pc);
    }
    if (part < 5)
        return std::nullopt;
    return parts;
}

// reference_policies_elements_resource.md: an ARN pattern is matched part by part,
// so a wildcard never reaches across the colons between the first five parts;
// anything else is one glob over the whole text. Case-sensitive.
bool arnOrGlobMatch(const Pattern &pattern, const std::string &text)
{
    if (const auto patternParts = splitArnPattern(pattern)) {
        const auto textParts = splitArn(text);
        if (!textParts)
            return false;
        for (int i = 0; i < 6; ++i) {
            if (!globMatch((*patternParts)[i], (*textParts)[i]))
                return false;
        }
        return true;
    }
    return globMatch(pattern, text);
}

// ---- Condition values ------------------------------------------------------------

std::optional<double> parseNumber(const std::string &text)
{
    // reference_policies_elements_condition_operators.md, numeric: plain decimals
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+'))
        ++i;
    bool digits = false, dot = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9')
            digits = true;
        else if (text[i] == '.' && !dot)
            dot = true;
        else
            return std::nullopt;
    }
    if (!digits)
        return std::nullopt;
    return std::strtod(text.c_str(), nullptr);
}

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
long long daysFromCivil(long long y, long long m, long long d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// reference_policies_elements_condition_operators.md, date: ISO 8601
// (2029-12-31T23:59:59Z, 2024-06-01, with fractions or offsets) or epoch seconds.
std::optional<double> parseDate(const std::string &text)
{
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::strtod(text.c_str(), nullptr);
    std::size_t i = 0;
    const auto number = [&](int width) -> std::optional<int> {
        if (i + width > text.size())
            return std::nullopt;
        int value = 0;
        for (int k = 0; k < width; ++k, ++i) {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto expect = [&](char c) {
        if (i < text.size() && text[i] == c) {
            ++i;
            return true;
        }
        return false;
    };
    const auto year = number(4);
    if (!year || !expect('-'))
        return std::nullopt;
    const auto month = number(2);
    if (!month || !expect('-'))
        return std::nullopt;
    const auto day = number(2);
    if (!day || *month < 1 || *month > 12 || *day < 1 || *day > 31)
        return std::nullopt;
    double seconds = double(daysFromCivil(*year, *month, *day)) * 86400.0;
    if (i == text.size())
        return seconds;
    if (!expect('T'))
        return std::nullopt;
    const auto hour = number(2);
    if (!hour || !expect(':'))
        return std::nullopt;
    const auto minute = number(2);
    if (!minute)
        return std::nullopt;
    seconds += *hour * 3600.0 + *minute * 60.0;
    if (expect(':')) {
        const auto second = number(2);
        if (!second)
            return std::nullopt;
        seconds += *second;
        if (expect('.')) {
            double scale = 0.1;
            while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
                seconds += (text[i] - '0') * scale;
                scale /= 10;
                ++i;
            }
        }
    }
    if (expect('Z'))
        return i == text.size() ? std::optional<double>(seconds) : std::nullopt;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        const int sign = text[i] == '+' ? 1 : -1;
        ++i;
        const auto offsetHours = number(2);
        expect(':');
        const auto offsetMinutes = number(2);
        if (!offsetHours || !offsetMinutes || i != text.size())
            return std::nullopt;
        return seconds - sign * (*offsetHours * 3600.0 + *offsetMinutes * 60.0);
    }
    return i == text.size() ? std::optional<double>(seconds) : std::nullopt;
}

std::optional<bool> parseBool(const std::string &text)
{
    const std::string word = lower(text);
    if (word == "true")
        return true;
    if (word == "false")
        return false;
    return std::nullopt;
}

struct IpNetwork
{
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes = {};
    int prefix = 0;
};

std::optional<int> parseDecimal(const std::string &text, int max)
{
    if (text.empty() || text.size() > 3 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const int value = std::atoi(text.c_str());
    return value <= max ? std::optional<int>(value) : std::nullopt;
}

std::vector<std::string> split(const std::string &text, char separator)
{
    std::vector<std::string> out(1);
    for (char c : text) {
        if (c == separator)
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

// reference_policies_elements_condition_operators.md, IP address: RFC 4632 CIDR,
// IPv4 or IPv6; a bare address is a /32 or /128.
std::optional<IpNetwork> parseIp(const std::string &text)
{
    IpNetwork network;
    std::string address = text;
    std::optional<int> prefix;
    if (const auto slash = text.find('/'); slash != std::string::npos) {
        address = text.substr(0, slash);
        prefix = parseDecimal(text.substr(slash + 1), 128);
        if (!prefix)
            return std::nullopt;
    }
    if (address.find(':') == std::string::npos) {
        const std::vector<std::string> octets = split(address, '.');
        if (octets.size() != 4)
            return std::nullopt;
        for (int i = 0; i < 4; ++i) {
            const auto octet = parseDecimal(octets[i], 255);
            if (!octet)
                return std::nullopt;
            network.bytes[i] = std::uint8_t(*octet);
        }
        network.prefix = prefix.value_or(32);
        return network.prefix <= 32 ? std::optional<IpNetwork>(network) : std::nullopt;
    }
    // IPv6: up to eight groups of hex digits, one `::` standing for a run of zero groups.
    network.v6 = true;
    const auto gap = address.find("::");
    const auto groupsOf = [](const std::string &part) -> std::optional<std::vector<int>> {
        std::vector<int> groups;
        if (part.empty())
            return groups;
        for (const std::string &group : split(part, ':')) {
            if (group.empty() || group.size() > 4)
                return std::nullopt;
            int value = 0;
            for (char c : group) {
                const std::string hex = "0123456789abcdef";
                const auto digit = hex.find(lower(std::string(1, c))[0]);
                if (digit == std::string::npos)
                    return std::nullopt;
                value = value * 16 + int(digit);
            }
            groups.push_back(value);
        }
        return groups;
    };
    std::vector<int> groups;
    if (gap == std::string::npos) {
        const auto all = groupsOf(address);
        if (!all || all->size() != 8)
            return std::nullopt;
        groups = *all;
    } else {
        const auto head = groupsOf(address.substr(0, gap));
        const auto tail = groupsOf(address.substr(gap + 2));
        if (!head || !tail || head->size() + tail->size() > 7)
            return std::nullopt;
        groups = *head;
        groups.resize(8 - tail->size(), 0);
        groups.insert(groups.end(), tail->begin(), tail->end());
    }
    for (int i = 0; i < 8; ++i) {
        network.bytes[2 * i] = std::uint8_t(groups[i] >> 8);
        network.bytes[2 * i + 1] = std::uint8_t(groups[i] & 0xff);
    }
    network.prefix = prefix.value_or(128);
    return network;
}

bool ipContains(const IpNetwork &network, const IpNetwork &address)
{
    if (network.v6 != address.v6)
        return false;
    for (int bit = 0; bit < network.prefix; ++bit) {
        const int mask = 0x80 >> (bit % 8);
        if ((network.bytes[bit / 8] & mask) != (address.bytes[bit / 8] & mask))
            return false;
    }
    return true;
}

// ---- Condition operators -------------------------------------------------------------

enum class Family { String, StringIgnoreCase, StringLike, Numeric, Date, Bool, Binary, Ip, Arn, Null };
enum class Compare { Equal, Less, LessOrEqual, Greater, GreaterOrEqual };

struct Operator
{
    Family family = Family::String;
    Compare compare = Compare::Equal;
    bool negated = false;   // the Not... form: holds when no value matches
};

// reference_policies_elements_condition_operators.md, one row per operator.
std::optional<Operator> findOperator(const std::string &name)
{
    static const std::map<std::string, Operator> operators = {
        {"StringEquals", {Family::String, Compare::Equal, false}},
        {"StringNotEquals", {Family::String, Compare::Equal, true}},
        {"StringEqualsIgnoreCase", {Family::StringIgnoreCase, Compare::Equal, false}},
        {"StringNotEqualsIgnoreCase", {Family::StringIgnoreCase, Compare::Equal, true}},
        {"StringLike", {Family::StringLike, Compare::Equal, false}},
        {"StringNotLike", {Family::StringLike, Compare::Equal, true}},
        {"NumericEquals", {Family::Numeric, Compare::Equal, false}},
        {"NumericNotEquals", {Family::Numeric, Compare::Equal, true}},
        {"NumericLessThan", {Family::Numeric, Compare::Less, false}},
        {"NumericLessThanEquals", {Family::Numeric, Compare::LessOrEqual, false}},
        {"NumericGreaterThan", {Family::Numeric, Compare::Greater, false}},
        {"NumericGreaterThanEquals", {Family::Numeric, Compare::GreaterOrEqual, false}},
        {"DateEquals", {Family::Date, Compare::Equal, false}},
        {"DateNotEquals", {Family::Date, Compare::Equal, true}},
        {"DateLessThan", {Family::Date, Compare::Less, false}},
        {"DateLessThanEquals", {Family::Date, Compare::LessOrEqual, false}},
        {"DateGreaterThan", {Family::Date, Compare::Greater, false}},
        {"DateGreaterThanEquals", {Family::Date, Compare::GreaterOrEqual, false}},
        {"Bool", {Family::Bool, Compare::Equal, false}},
        {"BinaryEquals", {Family::Binary, Compare::Equal, false}},
        {"BinaryNotEquals", {Family::Binary, Compare::Equal, true}},
        {"IpAddress", {Family::Ip, Compare::Equal, false}},
        {"NotIpAddress", {Family::Ip, Compare::Equal, true}},
        {"ArnEquals", {Family::Arn, Compare::Equal, false}},
        {"ArnLike", {Family::Arn, Compare::Equal, false}},
        {"ArnNotEquals", {Family::Arn, Compare::Equal, true}},
        {"ArnNotLike", {Family::Arn, Compare::Equal, true}},
        {"Null", {Family::Null, Compare::Equal, false}},
    };
    const auto it = operators.find(name);
    if (it == operators.end())
        return std::nullopt;
    return it->second;
}

bool compareNumbers(double request, Compare compare, double policy)
{
    switch (compare) {
    case Compare::Equal: return request == policy;
    case Compare::Less: return request < policy;
    case Compare::LessOrEqual: return request <= policy;
    case Compare::Greater: return request > policy;
    case Compare::GreaterOrEqual: return request >= policy;
    }
    return false;
}

// Whether one request value matches one policy value under the operator's positive
// form (StringNotEquals compares as StringEquals; the negation is applied by the caller).
bool valueMatches(const Operator &op, const std::string &request, const std::string &policy, bool variables,
                  const Context &context)
{
    switch (op.family) {
    case Family::String: {
        const auto value = expand(policy, false, variables, context);
        return value && patternText(*value) == request;
    }
    case Family::StringIgnoreCase: {
        const auto value = expand(policy, false, variables, context);
        return value && lower(patternText(*value)) == lower(request);
    }
    case Family::StringLike: {
        const auto value = expand(policy, true, variables, context);
        return value && globMatch(*value, request);
    }
    case Family::Numeric: {
        const auto r = parseNumber(request), p = parseNumber(policy);
        return r && p && compareNumbers(*r, op.compare, *p);
    }
    case Family::Date: {
        const auto r = parseDate(request), p = parseDate(policy);
        return r && p && compareNumbers(*r, op.compare, *p);
    }
    case Family::Bool: {
        const auto r = parseBool(request), p = parseBool(policy);
        return r && p && *r == *p;
    }
    case Family::Binary:
        return request == policy;
    case Family::Ip: {
        const auto network = parseIp(policy), address = parseIp(request);
        return network && address && ipContains(*network, *address);
    }
    case Family::Arn: {
        // ArnEquals and ArnLike both take wildcards and compare part by part.
        const auto value = expand(policy, true, variables, context);
        return value && arnOrGlobMatch(*value, request);
    }
    case Family::Null:
        return false;
    }
    return false;
}

// One condition operator applied to one key.
// reference_policies_condition-single-vs-multi-valued-context-keys.md and
// reference_policies_elements_condition_operators.md (IfExists, Null).
bool conditionHolds(std::string operatorName, const std::string &key, const std::vector<std::string> &policyValues,
                    bool variables, const Context &context)
{
    enum class SetQualifier { None, ForAllValues, ForAnyValue } qualifier = SetQualifier::None;
    if (startsWith(operatorName, "ForAllValues:")) {
        qualifier = SetQualifier::ForAllValues;
        operatorName = operatorName.substr(13);
    } else if (startsWith(operatorName, "ForAnyValue:")) {
        qualifier = SetQualifier::ForAnyValue;
        operatorName = operatorName.substr(12);
    }
    bool ifExists = false;
    if (operatorName.size() > 8 && operatorName.compare(operatorName.size() - 8, 8, "IfExists") == 0) {
        ifExists = true;
        operatorName.resize(operatorName.size() - 8);
    }
    const std::optional<Operator> op = findOperator(operatorName);
    if (!op)
        return false;   // an unknown operator never holds (the engine refuses such policies)
    const std::vector<std::string> *requestValues = findKey(context, key);

    if (op->family == Family::Null) {
        // Null "true": the key must be absent; "false": present.
        for (const std::string &value : policyValues) {
            const auto wanted = parseBool(value);
            if (wanted && *wanted == (requestValues == nullptr))
                return true;
        }
        return false;
    }

    if (requestValues == nullptr) {
        // ...IfExists: "If the policy key is not present, the condition evaluates to true".
        if (ifExists)
            return true;
        // ForAllValues over no values is vacuously true; ForAnyValue has nothing to match.
        if (qualifier == SetQualifier::ForAllValues)
            return true;
        if (qualifier == SetQualifier::ForAnyValue)
            return false;
        // A missing key matches no value, so a negated operator holds.
        return op->negated;
    }

    const auto matchesSomePolicyValue = [&](const std::string &requestValue) {
        return std::any_of(policyValues.begin(), policyValues.end(), [&](const std::string &policyValue) {
            return valueMatches(*op, requestValue, policyValue, variables, context);
        });
    };
    const auto matchesNoPolicyValue = [&](const std::string &requestValue) {
        return !matchesSomePolicyValue(requestValue);
    };
    const auto &values = *requestValues;
    switch (qualifier) {
    case SetQualifier::ForAllValues:
        // Every request value must match (negated: must match none).
        return op->negated ? std::all_of(values.begin(), values.end(), matchesNoPolicyValue)
                           : std::all_of(values.begin(), values.end(), matchesSomePolicyValue);
    case SetQualifier::ForAnyValue:
        // At least one request value must match (negated: match none).
        return op->negated ? std::any_of(values.begin(), values.end(), matchesNoPolicyValue)
                           : std::any_of(values.begin(), values.end(), matchesSomePolicyValue);
    case SetQualifier::None:
        // A plain operator on several values: positive when any value matches,
        // negated when none does.
        return op->negated ? std::none_of(values.begin(), values.end(), matchesSomePolicyValue)
                           : std::any_of(values.begin(), values.end(), matchesSomePolicyValue);
    }
    return false;
}

// reference_policies_elements_condition_logic_multiple_context_keys_or_values.md:
// operators are ANDed, the keys of one operator are ANDed, the values of a key ORed.
bool conditionBlockHolds(const json &condition, bool variables, const Context &context)
{
    for (const auto &[operatorName, keys] : condition.items()) {
        for (const auto &[key, values] : keys.items()) {
            if (!conditionHolds(operatorName, key, strings(values), variables, context))
                return false;
        }
    }
    return true;
}

// ---- Principals ------------------------------------------------------------------

struct Caller
{
    std::string arn;
    std::string account;   // empty for a service principal
    bool service = false;  // "ec2.amazonaws.com": not an ARN
    bool root = false;     // arn:aws:iam::ID:root
};

Caller describeCaller(const std::string &arn)
{
    Caller caller;
    caller.arn = arn;
    const auto parts = splitArn(arn);
    if (!parts) {
        caller.service = true;
        return caller;
    }
    caller.account = (*parts)[4];
    caller.root = (*parts)[2] == "iam" && (*parts)[5] == "root";
    return caller;
}

// How a resource policy's principal names the caller. Same-account decisions depend
// on it (reference_policies_evaluation-logic.md, "Evaluating identity-based policies
// with resource-based policies" and access_policies_boundaries.md).
// Ordered from weakest to strongest.
enum class Named { No, ThroughAccount, ThroughRole, Directly };

// reference_policies_elements_principal.md, one entry of a Principal element.
Named namedBy(const std::string &type, const std::string &entry, const Caller &caller)
{
    if (type != "AWS")
        return entry == caller.arn ? Named::Directly : Named::No;   // Service, Federated, CanonicalUser
    if (caller.service)
        return Named::No;   // "AWS" entries name IAM principals only
    if (entry == "*")
        return Named::Directly;
    // "AWS": "123456789012" or the root ARN means every principal of that account.
    if (isAccountId(entry))
        return entry == caller.account ? Named::ThroughAccount : Named::No;
    const auto parts = splitArn(entry);
    if (parts && (*parts)[2] == "iam" && (*parts)[5] == "root")
        return (*parts)[4] == caller.account ? Named::ThroughAccount : Named::No;
    // A role ARN names the role and every session of it; sessions carry the role
    // name without its path.
    if (parts && (*parts)[2] == "iam" && startsWith((*parts)[5], "role/")) {
        if (entry == caller.arn)
            return Named::ThroughRole;
        const std::string &resource = (*parts)[5];
        const std::string roleName = resource.substr(resource.rfind('/') + 1);
        const std::string sessionPrefix =
            "arn:" + (*parts)[1] + ":sts::" + (*parts)[4] + ":assumed-role/" + roleName + "/";
        if (startsWith(caller.arn, sessionPrefix) && caller.arn.size() > sessionPrefix.size())
            return Named::ThroughRole;
        return Named::No;
    }
    return entry == caller.arn ? Named::Directly : Named::No;
}

Named namedByPrincipal(const json &principal, const Caller &caller)
{
    if (principal.is_string())
        return principal.get<std::string>() == "*" ? Named::Directly : Named::No;   // everyone, services too
    Named best = Named::No;
    for (const auto &[type, entries] : principal.items()) {
        for (const std::string &entry : strings(entries))
            best = std::max(best, namedBy(type, entry, caller));
    }
    return best;
}

// reference_policies_elements_notprincipal.md: NotPrincipal names principals
// exactly; a role ARN does not name its sessions, and an account names only
// its root user.
bool namedByNotPrincipal(const json &notPrincipal, const Caller &caller)
{
    if (notPrincipal.is_string())
        return notPrincipal.get<std::string>() == "*";
    for (const auto &[type, entries] : notPrincipal.items()) {
        for (const std::string &entry : strings(entries)) {
            if (type != "AWS") {
                if (entry == caller.arn)
                    return true;
                continue;
            }
            if (entry == "*") {
                if (!caller.service)
                    return true;
                continue;
            }
            const auto parts = splitArn(entry);
            const bool isAccount = isAccountId(entry) || (parts && (*parts)[2] == "iam" && (*parts)[5] == "root");
            if (isAccount) {
                if (caller.root && caller.account == (isAccountId(entry) ? entry : (*parts)[4]))
                    return true;
                continue;
            }
            if (entry == caller.arn)
                return true;
        }
    }
    return false;
}

// ---- Statements and policies ----------------------------------------------------------

struct Question
{
    const std::string &action;
    const std::string &resource;
    const Caller &caller;
    const Context &context;
};

// reference_policies_elements_version.md: policy variables exist only in 2012-10-17;
// elsewhere `${...}` is plain text.
bool policyVariables(const json &policy)
{
    return policy.is_object() && policy.contains("Version") && policy["Version"] == "2012-10-17";
}

std::vector<json> statementsOf(const json &policy)
{
    if (!policy.is_object() || !policy.contains("Statement"))
        return {};
    const json &statement = policy["Statement"];
    if (statement.is_array())
        return std::vector<json>(statement.begin(), statement.end());
    return {statement};
}

// reference_policies_elements_action.md: action names are case-insensitive.
bool actionMatches(const std::string &entry, const std::string &action)
{
    return globMatch(*expand(entry, true, false, {}), action, true);
}

bool resourceMatches(const std::string &entry, const std::string &resource, bool variables, const Context &context)
{
    const std::optional<Pattern> pattern = expand(entry, true, variables, context);
    if (!pattern)
        return false;
    // A request for resource "*" (actions without resources) is covered only by a
    // pattern that covers the text "*" itself.
    if (resource == "*")
        return globMatch(*pattern, "*");
    return arnOrGlobMatch(*pattern, resource);
}

// reference_policies_variables.md: a variable whose key is "not present ... causes the
// statement to be invalid". Variables stand in Resource / NotResource and in the
// values of the string and ARN condition operators.
bool hasUnresolvedVariable(const json &statement, bool variables, const Context &context)
{
    if (!variables)
        return false;
    const auto unresolved = [&](const std::string &text) { return !expand(text, true, true, context).has_value(); };
    for (const char *element : {"Resource", "NotResource"}) {
        if (statement.contains(element)) {
            const std::vector<std::string> entries = strings(statement[element]);
            if (std::any_of(entries.begin(), entries.end(), unresolved))
                return true;
        }
    }
    if (statement.contains("Condition") && statement["Condition"].is_object()) {
        for (const auto &[operatorName, keys] : statement["Condition"].items()) {
            const std::size_t colon = operatorName.find(':');
            const std::string base = colon == std::string::npos ? operatorName : operatorName.substr(colon + 1);
            if (!base.starts_with("String") && !base.starts_with("Arn"))
                continue;
            for (const auto &[key, values] : keys.items()) {
                const std::vector<std::string> list = strings(values);
                if (std::any_of(list.begin(), list.end(), unresolved))
                    return true;
            }
        }
    }
    return false;
}

// Whether the statement applies to the question, and if so how its principal
// names the caller (always Directly outside resource-based policies, which name no
// principal: reference_policies_elements_principal.md).
Named statementApplies(const json &statement, bool resourceBased, bool variables, const Question &q)
{
    const auto anyEntry = [&](const char *element, const auto &matches) {
        const std::vector<std::string> entries = strings(statement[element]);
        return std::any_of(entries.begin(), entries.end(), matches);
    };
    const auto actionEntry = [&](const std::string &entry) { return actionMatches(entry, q.action); };
    const auto resourceEntry = [&](const std::string &entry) {
        return resourceMatches(entry, q.resource, variables, q.context);
    };

    // reference_policies_elements_action.md / _notaction.md
    if (statement.contains("Action")) {
        if (!anyEntry("Action", actionEntry))
            return Named::No;
    } else if (statement.contains("NotAction")) {
        if (anyEntry("NotAction", actionEntry))
            return Named::No;
    } else {
        return Named::No;
    }
    if (hasUnresolvedVariable(statement, variables, q.context))
        return Named::No;
    // reference_policies_elements_resource.md / _notresource.md; a statement without
    // either (a role trust policy) covers every resource.
    if (statement.contains("Resource")) {
        if (!anyEntry("Resource", resourceEntry))
            return Named::No;
    } else if (statement.contains("NotResource")) {
        if (anyEntry("NotResource", resourceEntry))
            return Named::No;
    }
    Named named = Named::Directly;
    if (resourceBased) {
        if (statement.contains("Principal"))
            named = namedByPrincipal(statement["Principal"], q.caller);
        else if (statement.contains("NotPrincipal"))
            // Applies to everyone the element does not name, as "*" would.
            named = namedByNotPrincipal(statement["NotPrincipal"], q.caller) ? Named::No : Named::Directly;
        else
            named = Named::No;
        if (named == Named::No)
            return Named::No;
    }
    if (statement.contains("Condition") && !conditionBlockHolds(statement["Condition"], variables, q.context))
        return Named::No;
    return named;
}

// The strongest way any applicable statement with the effect names the caller;
// Named::No when no statement of the policies applies.
Named applicable(const std::vector<json> &policies, const char *effect, bool resourceBased, const Question &q)
{
    Named best = Named::No;
    for (const json &policy : policies) {
        const bool variables = policyVariables(policy);
        for (const json &statement : statementsOf(policy)) {
            if (statement.is_object() && statement.value("Effect", "") == effect)
                best = std::max(best, statementApplies(statement, resourceBased, variables, q));
        }
    }
    return best;
}

bool anyApplicable(const std::vector<json> &policies, const char *effect, bool resourceBased, const Question &q)
{
    return applicable(policies, effect, resourceBased, q) != Named::No;
}

// id_roles_manage-assume.md: the actions a role's trust policy governs.
bool isTrustPolicyAction(const std::string &action)
{
    static const char *const actions[] = {"sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
                                          "sts:tagsession", "sts:setsourceidentity", "sts:setcontext"};
    const std::string name = lower(action);
    return std::any_of(std::begin(actions), std::end(actions), [&](const char *a) { return name == a; });
}

} // namespace

// ---- The request ---------------------------------------------------------------------------

bool ReferenceEvaluator::readPolicy(const json &policy, const char *what, json &out)
{
    // The AWS API takes policies as JSON strings; the spec also accepts objects.
    if (policy.is_string()) {
        out = json::parse(policy.get<std::string>(), nullptr, false);
        if (out.is_discarded() || !out.is_object()) {
            m_error = std::string(what) + " holds a policy that is not a JSON object";
            return false;
        }
        return true;
    }
    if (!policy.is_object()) {
        m_error = std::string(what) + " holds a policy that is neither a string nor an object";
        return false;
    }
    out = policy;
    return true;
}

bool ReferenceEvaluator::readPolicyList(const json &list, const char *what, PolicyList &out)
{
    if (!list.is_array()) {
        m_error = std::string(what) + " is not a list";
        return false;
    }
    for (const json &policy : list) {
        json document;
        if (!readPolicy(policy, what, document))
            return false;
        out.push_back(document);
    }
    return true;
}

ReferenceEvaluator::ReferenceEvaluator(const json &request)
{
    if (!request.is_object() || !request.contains("ActionNames") || !request["ActionNames"].is_array()) {
        m_error = "the request has no ActionNames list";
        return;
    }
    if (!request.contains("CallerArn") || !request["CallerArn"].is_string()) {
        m_error = "the request has no CallerArn";
        return;
    }
    m_callerArn = request["CallerArn"].get<std::string>();
    m_actions = strings(request["ActionNames"]);
    m_resources = request.contains("ResourceArns") ? strings(request["ResourceArns"]) : std::vector<std::string>{"*"};
    if (request.contains("ResourceOwner") && request["ResourceOwner"].is_string())
        m_resourceOwner = request["ResourceOwner"].get<std::string>();

    const auto optionalList = [&](const char *key, PolicyList &out) {
        return !request.contains(key) || readPolicyList(request[key], key, out);
    };
    if (!optionalList("PolicyInputList", m_identity) || !optionalList("PermissionsBoundaryPolicyInputList", m_boundary)
        || !optionalList("SessionPolicyInputList", m_session))
        return;
    if (request.contains("ResourcePolicy")) {
        json document;
        if (!readPolicy(request["ResourcePolicy"], "ResourcePolicy", document))
            return;
        m_resourcePolicy.push_back(document);
    }
    const auto levels = [&](const char *key, std::vector<PolicyList> &out) {
        if (!request.contains(key))
            return true;
        if (!request[key].is_array()) {
            m_error = std::string(key) + " is not a list of levels";
            return false;
        }
        for (const json &level : request[key]) {
            out.emplace_back();
            if (!readPolicyList(level, key, out.back()))
                return false;
        }
        return true;
    };
    if (!levels("ServiceControlPolicies", m_scpLevels) || !levels("ResourceControlPolicies", m_rcpLevels))
        return;

    if (request.contains("ContextEntries")) {
        for (const json &entry : request["ContextEntries"]) {
            const std::string name = lower(entry.value("ContextKeyName", ""));
            const std::vector<std::string> values =
                entry.contains("ContextKeyValues") ? strings(entry["ContextKeyValues"]) : std::vector<std::string>{};
            // A key given twice gathers both lists.
            const auto it = std::find_if(m_context.begin(), m_context.end(), [&](const auto &k) { return k.first == name; });
            if (it == m_context.end())
                m_context.emplace_back(name, values);
            else
                it->second.insert(it->second.end(), values.begin(), values.end());
        }
    }
}

std::vector<std::string> ReferenceEvaluator::decisions() const
{
    std::vector<std::string> out;
    if (!ok())
        return out;
    for (const std::string &action : m_actions) {
        for (const std::string &resource : m_resources)
            out.push_back(decide(action, resource));
    }
    return out;
}

std::string ReferenceEvaluator::decide(const std::string &action, const std::string &resource) const
{
    static const std::string allowed = "allowed", explicitDeny = "explicitDeny", implicitDeny = "implicitDeny";
    const Caller caller = describeCaller(m_callerArn);
    const Question q{action, resource, caller, m_context};

    // A service principal (ec2.amazonaws.com assuming a role) is not an IAM principal
    // of any account: only the resource policy (the trust policy) speaks for it.
    // id_roles_create_for-service.md, reference_policies_elements_principal.md.
    if (caller.service) {
        if (anyApplicable(m_resourcePolicy, "Deny", true, q))
            return explicitDeny;
        return anyApplicable(m_resourcePolicy, "Allow", true, q) ? allowed : implicitDeny;
    }

    // The root user needs no identity policy in its account, and neither permissions
    // boundaries nor session policies can be set on it (id_root-user.md).
    const bool boundaryInPlay = !caller.root && !m_boundary.empty();
    const bool sessionInPlay = !caller.root && !m_session.empty();

    // reference_policies_evaluation-logic.md, "Deny evaluation": an explicit deny in
    // any policy in play ends the evaluation.
    if (anyApplicable(m_identity, "Deny", false, q) || (boundaryInPlay && anyApplicable(m_boundary, "Deny", false, q))
        || (sessionInPlay && anyApplicable(m_session, "Deny", false, q))
        || anyApplicable(m_resourcePolicy, "Deny", true, q))
        return explicitDeny;
    for (const PolicyList &level : m_scpLevels) {
        if (anyApplicable(level, "Deny", false, q))
            return explicitDeny;
    }
    for (const PolicyList &level : m_rcpLevels) {
        // RCPs keep their Principal element (AWS Organizations guide, RCP syntax).
        if (anyApplicable(level, "Deny", true, q))
            return explicitDeny;
    }

    // AWS Organizations guide, "SCP evaluation" / "RCP evaluation": every level of the
    // organization (root, each OU, the account) must allow, or the request is
    // implicitly denied. RCPs belong to the resource's account, SCPs to the caller's.
    for (const PolicyList &level : m_rcpLevels) {
        if (!anyApplicable(level, "Allow", true, q))
            return implicitDeny;
    }
    for (const PolicyList &level : m_scpLevels) {
        if (!anyApplicable(level, "Allow", false, q))
            return implicitDeny;
    }

    const bool identityAllows = caller.root || anyApplicable(m_identity, "Allow", false, q);
    // access_policies_boundaries.md: an absent boundary limits nothing. access_policies.md
    // (session policies): likewise an absent session policy.
    const bool boundaryAllows = !boundaryInPlay || anyApplicable(m_boundary, "Allow", false, q);
    const bool sessionAllows = !sessionInPlay || anyApplicable(m_session, "Allow", false, q);
    const Named resourceAllows = applicable(m_resourcePolicy, "Allow", true, q);

    // The resource's account: ResourceOwner, else the ARN's account field, else the caller's.
    std::string resourceAccount = caller.account;
    const auto resourceParts = splitArn(resource);
    if (resourceParts && !(*resourceParts)[4].empty())
        resourceAccount = (*resourceParts)[4];
    if (isAccountId(m_resourceOwner))
        resourceAccount = m_resourceOwner;
    else if (const auto ownerParts = splitArn(m_resourceOwner))
        resourceAccount = (*ownerParts)[4];

    if (resourceAccount == caller.account) {
        // id_roles_manage-assume.md: a role can be assumed only by a principal its
        // trust policy allows, whatever the caller's own permissions say.
        if (isTrustPolicyAction(action) && resourceAllows == Named::No)
            return implicitDeny;
        // reference_policies_evaluation-logic.md, same account: a resource-based policy
        // that names the user or the session allows on its own, even past a boundary
        // or session policy; one that names the role is limited by them; one that names
        // only the account leaves the decision to the identity-based policies.
        if (resourceAllows == Named::Directly)
            return allowed;
        if (resourceAllows == Named::ThroughRole && boundaryAllows && sessionAllows)
            return allowed;
        if (identityAllows && boundaryAllows && sessionAllows)
            return allowed;
        return implicitDeny;
    }

    // reference_policies_evaluation-logic-cross-account.md: the resource's account must
    // allow through its resource-based policy and the caller's account through its
    // identity-based policies (as limited by boundary and session policy).
    if (resourceAllows != Named::No && identityAllows && boundaryAllows && sessionAllows)
        return allowed;
    return implicitDeny;
}

} // namespace iam::reference
