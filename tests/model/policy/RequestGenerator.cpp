#include "RequestGenerator.h"

#include <algorithm>
#include <utility>

namespace iam::reference {

using json = nlohmann::json;

namespace {

const std::string kHome = "111122223333";
const std::string kForeign = "444455556666";

struct ActionSpec
{
    const char *name;
    const char *resourceKind;   // "" for actions that take no resource ("*")
};

const std::vector<ActionSpec> &actionSpecs()
{
    static const std::vector<ActionSpec> specs = {
        {"s3:GetObject", "object"},         {"s3:PutObject", "object"},        {"s3:DeleteObject", "object"},
        {"s3:ListBucket", "bucket"},        {"s3:DeleteBucket", "bucket"},     {"s3:ListAllMyBuckets", ""},
        {"s3-object-lambda:GetObject", "object"},
        {"ec2:StartInstances", "instance"}, {"ec2:StopInstances", "instance"}, {"ec2:TerminateInstances", "instance"},
        {"ec2:RunInstances", "instance"},   {"ec2:DescribeInstances", ""},
        {"iam:PassRole", "role"},           {"iam:GetRole", "role"},           {"iam:CreateAccessKey", "user"},
        {"iam:ListAccessKeys", "user"},     {"iam:GetAccountSummary", ""},
        {"sqs:SendMessage", "queue"},       {"sqs:ReceiveMessage", "queue"},   {"sqs:DeleteQueue", "queue"},
        {"sts:AssumeRole", "role"},         {"sts:TagSession", "role"},        {"sts:AssumeRoleWithWebIdentity", "role"},
        {"sts:GetCallerIdentity", ""},
        {"dynamodb:GetItem", "table"},      {"dynamodb:PutItem", "table"},     {"dynamodb:DeleteTable", "table"},
    };
    return specs;
}

const std::vector<std::string> kKinds = {"object", "bucket", "instance", "role", "user", "queue", "table", ""};
const std::vector<std::string> kRegions = {"us-east-1", "eu-west-1"};
const std::vector<std::string> kServices = {"ec2.amazonaws.com", "lambda.amazonaws.com",
                                            "elasticloadbalancing.amazonaws.com", "cognito-identity.amazonaws.com"};
const std::vector<std::string> kRoles = {"OpsRole", "S3Access", "Builder"};
const std::vector<std::string> kSessions = {"dana-cli", "i-0abc1234def567890"};
const std::vector<std::string> kUsers = {"dana", "erin", "carol"};

// Builder lives under the path ci/, carol under division_abc/: paths appear in role
// and user ARNs but not in session ARNs.
std::string rolePath(const std::string &role) { return role == "Builder" ? "ci/" : ""; }
std::string userPath(const std::string &user) { return user == "carol" ? "division_abc/" : ""; }

struct KeySpec
{
    const char *name;
    const char *type;
    std::vector<std::string> values;
};

// Condition keys whose values do not depend on the caller.
const std::vector<KeySpec> &keySpecs()
{
    static const std::vector<KeySpec> specs = {
        {"aws:PrincipalTag/team", "string", {"blue", "yellow", "Yellow", "a*"}},
        {"aws:PrincipalTag/department", "string", {"finance", "Finance", "legal"}},
        {"aws:RequestedRegion", "string", {"us-east-1", "eu-west-1"}},
        {"ec2:InstanceType", "string", {"t2.micro", "m3.medium", "c5.large"}},
        {"s3:prefix", "string", {"dana/photos/", "erin/", "David/photos/", "home/"}},
        {"iam:PassedToService", "string", {"ec2.amazonaws.com", "lambda.amazonaws.com"}},
        {"aws:SourceArn", "string",
         {"arn:aws:sns:us-east-1:111122223333:orders-topic", "arn:aws:s3:::lab-bucket",
          "arn:aws:sqs:eu-west-1:444455556666:jobs"}},
        {"aws:TagKeys", "stringList", {"costCenter", "team", "Owner", "project"}},
        {"dynamodb:Attributes", "stringList", {"ID", "Message", "Tags", "UserName", "PostDateTime"}},
        {"aws:SourceIp", "ip",
         {"192.0.2.200", "192.0.3.1", "10.20.30.40", "203.0.113.7", "2001:db8::1", "2001:db8:1234:5678:abcd::1",
          "2001:DB8:0:0:0:0:0:2", "::1", "fe80::1"}},
        {"aws:CurrentTime", "date",
         {"2029-12-31T23:59:59Z", "2030-01-01T00:00:00Z", "2024-06-01T12:00:00Z", "2024-06-01T00:00:00+02:00"}},
        {"aws:EpochTime", "date", {"1735689600", "1717200000", "2024-06-01T00:00:00Z"}},
        {"aws:TokenIssueTime", "date", {"2024-05-31T23:00:00Z", "2024-06-02T08:30:00.500Z"}},
        {"aws:MultiFactorAuthPresent", "boolean", {"true", "false", "TRUE"}},
        {"aws:SecureTransport", "boolean", {"true", "false"}},
        {"aws:MultiFactorAuthAge", "numeric", {"10", "3600", "7200", "3600.0"}},
        {"s3:max-keys", "numeric", {"5", "100", "250", "1000"}},
        {"lab:payload", "binary", {"QmluYXJ5VmFsdWVJbkJhc2U2NA==", "T3RoZXJWYWx1ZQ=="}},
    };
    return specs;
}

const KeySpec *findSpec(const std::string &name)
{
    for (const KeySpec &spec : keySpecs()) {
        if (name == spec.name)
            return &spec;
    }
    return nullptr;
}

std::vector<std::string> keysOfType(const std::string &type)
{
    std::vector<std::string> out;
    for (const KeySpec &spec : keySpecs()) {
        if (spec.type == type)
            out.push_back(spec.name);
    }
    return out;
}

std::string upper(std::string text)
{
    for (char &c : text) {
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    }
    return text;
}

std::string lowerText(std::string text)
{
    for (char &c : text) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return text;
}

// One more value under `name` in a Principal-like object: a string for the first,
// an array from the second on.
void appendValue(json &object, const std::string &name, const json &value, bool asArray)
{
    if (!object.contains(name)) {
        object[name] = asArray ? json::array({value}) : value;
        return;
    }
    if (!object[name].is_array())
        object[name] = json::array({object[name]});
    object[name].push_back(value);
}

} // namespace

RequestGenerator::RequestGenerator(std::uint64_t seed)
    : m_state(seed)
{
}

// splitmix64 (Steele, Lea, Flood 2014): tiny, and the same numbers everywhere.
std::uint64_t RequestGenerator::nextRandom()
{
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::size_t RequestGenerator::below(std::size_t n)
{
    return n == 0 ? 0 : std::size_t(nextRandom() % n);
}

bool RequestGenerator::chance(int percent)
{
    return int(below(100)) < percent;
}

const std::string &RequestGenerator::pick(const std::vector<std::string> &from)
{
    return from[below(from.size())];
}

std::string RequestGenerator::account(int homePercent)
{
    return chance(homePercent) ? kHome : kForeign;
}

// ---- Caller, actions, resources -----------------------------------------------------------

void RequestGenerator::drawCaller()
{
    const std::size_t roll = below(100);
    m_callerKind = roll < 38 ? CallerKind::User
        : roll < 68          ? CallerKind::Session
        : roll < 73          ? CallerKind::Role
        : roll < 86          ? CallerKind::Root
                             : CallerKind::Service;
    m_callerAccount = account(75);
    m_userName.clear();
    m_roleName.clear();
    switch (m_callerKind) {
    case CallerKind::User:
        m_userName = pick(kUsers);
        m_callerArn = "arn:aws:iam::" + m_callerAccount + ":user/" + userPath(m_userName) + m_userName;
        break;
    case CallerKind::Session:
        m_roleName = pick(kRoles);
        m_callerArn = "arn:aws:sts::" + m_callerAccount + ":assumed-role/" + m_roleName + "/" + pick(kSessions);
        break;
    case CallerKind::Role:
        m_roleName = pick(kRoles);
        m_callerArn = "arn:aws:iam::" + m_callerAccount + ":role/" + rolePath(m_roleName) + m_roleName;
        break;
    case CallerKind::Root:
        m_callerArn = "arn:aws:iam::" + m_callerAccount + ":root";
        break;
    case CallerKind::Service:
        m_callerAccount.clear();
        m_callerArn = pick(kServices);
        break;
    }
}

std::string RequestGenerator::resourceOf(const std::string &kind, const std::string &acct)
{
    if (kind == "object") {
        static const std::vector<std::string> objects = {
            "lab-bucket/notes.txt",       "lab-bucket/what?.txt",         "lab-bucket/a*b.txt",
            "home/dana/a.txt",            "home/erin/a.txt",              "shared-bucket/team/blue/report.csv",
            "shared-bucket/team/yellow/x.csv", "DOC-EXAMPLE-BUCKET/1///test///object.jpg",
            "DOC-EXAMPLE-BUCKET/1/2/test.jpg"};
        return "arn:aws:s3:::" + pick(objects);
    }
    if (kind == "bucket") {
        static const std::vector<std::string> buckets = {"lab-bucket", "shared-bucket", "DOC-EXAMPLE-BUCKET-yellow",
                                                         "DOC-EXAMPLE-BUCKET-company-wide", "HRBucket"};
        return "arn:aws:s3:::" + pick(buckets);
    }
    if (kind == "instance")
        return "arn:aws:ec2:" + pick(kRegions) + ":" + acct + ":instance/"
            + (chance(50) ? "i-0abc1234def567890" : "i-0123456789abcdef0");
    if (kind == "role") {
        const std::string role = chance(25) ? std::string("service-role/BuildRole") : [&] {
            const std::string name = pick(kRoles);
            return rolePath(name) + name;
        }();
        return "arn:aws:iam::" + acct + ":role/" + role;
    }
    if (kind == "user") {
        const std::string user = pick(kUsers);
        return "arn:aws:iam::" + acct + ":user/" + userPath(user) + user;
    }
    if (kind == "queue")
        return "arn:aws:sqs:" + pick(kRegions) + ":" + acct + ":" + (chance(70) ? "orders" : "payroll-queue");
    if (kind == "table")
        return "arn:aws:dynamodb:" + pick(kRegions) + ":" + acct + ":table/"
            + (chance(70) ? "Thread" : "Thread/index/byDate");
    return "*";
}

void RequestGenerator::drawActionsAndResources()
{
    const auto &specs = actionSpecs();
    // Service principals are mostly asked to assume a role (trust policies).
    ActionSpec first = specs[below(specs.size())];
    if (m_callerKind == CallerKind::Service && chance(75))
        first = {"sts:AssumeRole", "role"};
    m_actions = {first.name};
    if (chance(12)) {
        const std::string service = std::string(first.name).substr(0, std::string(first.name).find(':') + 1);
        for (std::size_t tries = 0; tries < 8; ++tries) {
            const std::string other = specs[below(specs.size())].name;
            if (other.rfind(service, 0) == 0 && other != m_actions[0]) {
                m_actions.push_back(other);
                break;
            }
        }
    }
    const std::string home = m_callerAccount.empty() ? kHome : m_callerAccount;
    const std::string other = home == kHome ? kForeign : kHome;
    const auto resourceAccount = [&] { return chance(m_callerAccount.empty() ? 85 : 65) ? home : other; };
    std::string kind = chance(8) ? pick(kKinds) : std::string(first.resourceKind);
    if (chance(6))
        kind.clear();
    m_targets = {{resourceOf(kind, resourceAccount()), kind}};
    if (chance(12)) {
        const std::string secondKind = chance(70) ? kind : pick(kKinds);
        m_targets.push_back({resourceOf(secondKind, resourceAccount()), secondKind});
    }
}

// ---- Condition keys ---------------------------------------------------------------

RequestGenerator::Key &RequestGenerator::key(const std::string &name)
{
    if (const auto it = m_keys.find(name); it != m_keys.end())
        return it->second;
    Key k;
    k.type = "string";
    std::vector<std::string> candidates;
    // Keys about the caller carry values that agree with CallerArn, or are absent.
    if (name == "aws:username") {
        if (!m_userName.empty())
            candidates = {chance(5) ? std::string("*") : m_userName};
    } else if (name == "aws:PrincipalArn") {
        if (m_callerKind == CallerKind::Session)
            candidates = {"arn:aws:iam::" + m_callerAccount + ":role/" + rolePath(m_roleName) + m_roleName};
        else if (m_callerKind != CallerKind::Service)
            candidates = {m_callerArn};
    } else if (name == "aws:PrincipalAccount") {
        if (!m_callerAccount.empty())
            candidates = {m_callerAccount};
    } else if (const KeySpec *spec = findSpec(name)) {
        k.type = spec->type;
        candidates = spec->values;
    }
    if (!candidates.empty() && chance(70)) {
        k.present = true;
        const bool multiValued = k.type == "stringList";
        const std::size_t count = multiValued ? 1 + below(3) : (chance(8) && candidates.size() > 1 ? 2 : 1);
        if (count > 1 && !multiValued)
            k.type += "List";
        std::vector<std::string> pool = candidates;
        for (std::size_t i = 0; i < count && !pool.empty(); ++i) {
            const std::size_t at = below(pool.size());
            k.values.push_back(pool[at]);
            pool.erase(pool.begin() + long(at));
        }
    }
    m_keyOrder.push_back(name);
    return m_keys.emplace(name, k).first->second;
}

json RequestGenerator::contextEntries()
{
    json entries = json::array();
    for (const std::string &name : m_keyOrder) {
        const Key &k = m_keys.at(name);
        if (!k.present)
            continue;
        // Key names are case-insensitive in the request too.
        const std::string written = chance(5) ? upper(name.substr(0, 1)) + name.substr(1) : name;
        entries.push_back({{"ContextKeyName", written}, {"ContextKeyValues", k.values}, {"ContextKeyType", k.type}});
    }
    return entries;
}

// ---- Policies ---------------------------------------------------------------------

json RequestGenerator::encode(json policy)
{
    // The AWS API takes policy strings; the spec also takes objects. Both, then.
    return chance(50) ? json(policy.dump()) : policy;
}

json RequestGenerator::policy(const char *role)
{
    json doc = json::object();
    const std::size_t versionRoll = below(10);
    if (versionRoll < 8)
        doc["Version"] = "2012-10-17";
    else if (versionRoll == 8)
        doc["Version"] = "2008-10-17";
    const std::size_t count = 1 + below(3);
    json statements = json::array();
    for (std::size_t i = 0; i < count; ++i) {
        statements.push_back(statement(role, i == 0));
        if (chance(20))
            statements.back()["Sid"] = "S" + std::to_string(i + 1);   // Sids are unique within a policy
    }
    doc["Statement"] = count == 1 && chance(25) ? statements[0] : statements;
    return doc;
}

json RequestGenerator::statement(const char *role, bool allowBias)
{
    const std::string kind = role;
    const bool resourceBased = kind == "resource" || kind == "trust" || kind == "rcp";
    json s = json::object();
    s["Effect"] = chance(allowBias ? 75 : 45) ? "Allow" : "Deny";
    if (kind == "rcp") {
        // RCPs name "*" as principal and limit with conditions (AWS Organizations guide).
        s["Principal"] = "*";
    } else if (resourceBased) {
        const bool notPrincipal = chance(s["Effect"] == "Deny" ? 20 : 3);
        s[notPrincipal ? "NotPrincipal" : "Principal"] = principalElement();
    }
    const bool notAction = chance(12);
    s[notAction ? "NotAction" : "Action"] = actionElement();
    // A resource policy may leave out Resource only when it is a trust policy: all it
    // grants is sts: actions on the role it is attached to.
    bool onlySts = !notAction;
    if (onlySts) {
        const json actions = s["Action"].is_array() ? s["Action"] : json::array({s["Action"]});
        for (const json &action : actions) {
            if (!lowerText(action.get<std::string>()).starts_with("sts:"))
                onlySts = false;
        }
    }
    if (!(kind == "trust" && onlySts && chance(60))) {
        json resources = json::array();
        const std::size_t count = chance(75) ? 1 : 2;
        for (std::size_t i = 0; i < count; ++i)
            resources.push_back(resourcePattern(m_targets[below(m_targets.size())]));
        s[chance(12) ? "NotResource" : "Resource"] = resources.size() == 1 && chance(60) ? resources[0] : resources;
    }
    if (chance(kind == "rcp" && s["Effect"] == "Deny" ? 80 : 35))
        s["Condition"] = conditionBlock();
    return s;
}

json RequestGenerator::actionElement()
{
    json actions = json::array();
    const std::size_t count = chance(70) ? 1 : 2;
    for (std::size_t i = 0; i < count; ++i)
        actions.push_back(actionPattern(m_actions[below(m_actions.size())]));
    return actions.size() == 1 && chance(60) ? actions[0] : actions;
}

std::string RequestGenerator::actionPattern(const std::string &action)
{
    const auto colon = action.find(':');
    const std::string service = action.substr(0, colon);
    const std::string name = action.substr(colon + 1);
    switch (below(13)) {
    case 0:
    case 1:
    case 2:
        return action;
    case 3:
        // IAM reads action names case-insensitively.
        return chance(50) ? lowerText(action) : upper(service) + ":" + name;
    case 4:
        return service + ":*";
    case 5:
        return "*";
    case 6:
        return service + ":" + name.substr(0, 1 + below(name.size() - 1)) + "*";
    case 7: {
        std::string pattern = action;
        pattern[colon + 1 + below(name.size())] = '?';
        return pattern;
    }
    case 8:
        return service + ":*" + name.substr(1 + below(name.size() - 2), 3) + "*";
    case 9:
        return actionSpecs()[below(actionSpecs().size())].name;
    case 10:
        return (chance(50) ? "ec2" : "iam") + std::string(":*");
    case 11:
        // A wildcard in the service: "s*:*" covers s3, s3-object-lambda, sqs and sts.
        return service.substr(0, 1) + "*:*";
    default:
        return service + (chance(50) ? ":Get*" : ":*Item");
    }
}

std::string RequestGenerator::resourcePattern(const Target &target)
{
    const std::string &arn = target.arn;
    if (arn == "*" || chance(4)) {
        // `${*}` is a literal `*`: it covers the request resource "*" and nothing else.
        static const std::vector<std::string> loose = {"*", "*", "${*}", "arn:aws:s3:::*", "arn:*:*:*:*:*",
                                                       "arn:aws:*:*:*:*"};
        return pick(loose);
    }
    // arn:partition:service:region:account:resource
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        const auto colon = arn.find(':', start);
        parts.push_back(arn.substr(start, colon - start));
        start = colon + 1;
    }
    parts.push_back(arn.substr(start));
    const auto join = [](const std::vector<std::string> &p) {
        return p[0] + ":" + p[1] + ":" + p[2] + ":" + p[3] + ":" + p[4] + ":" + p[5];
    };
    const std::string &resource = parts[5];
    const std::string acct = parts[4].empty() ? kHome : parts[4];
    switch (below(15)) {
    case 0:
    case 1:
    case 2:
        return arn;
    case 3:
        return "*";
    case 4:
        return join({parts[0], parts[1], parts[2], parts[3], parts[4], resource.substr(0, 1 + below(resource.size())) + "*"});
    case 5: {
        std::vector<std::string> p = parts;
        if (!p[3].empty() && chance(70))
            p[3] = "*";
        if (!p[4].empty() && chance(70))
            p[4] = chance(50) ? "*" : "????????????";
        if (chance(50))
            p[5] = resource.substr(0, resource.find('/') + 1) + "*";
        return join(p);
    }
    case 6: {
        std::vector<std::string> p = parts;
        p[5][below(resource.size())] = '?';
        return join(p);
    }
    case 7:
    case 8: {
        // Policy variables, resolved from the request's keys (reference_policies_variables.md).
        if (target.kind == "user") {
            key("aws:username");
            return "arn:aws:iam::" + acct + ":user/" + (chance(30) ? "division_abc/" : "") + "${aws:username}";
        }
        if (target.kind == "object") {
            if (resource.rfind("home/", 0) == 0) {
                key("aws:username");
                return "arn:aws:s3:::home/${aws:username}/*";
            }
            if (resource.find("/team/") != std::string::npos) {
                key("aws:PrincipalTag/team");
                return "arn:aws:s3:::shared-bucket/team/${aws:PrincipalTag/team}/*";
            }
            if (resource.find('*') != std::string::npos)
                return "arn:aws:s3:::lab-bucket/a${*}b.txt";
            if (resource.find('?') != std::string::npos)
                return "arn:aws:s3:::lab-bucket/what${?}.txt";
            key("aws:username");
            return "arn:aws:s3:::lab-bucket/${aws:username, 'notes'}.txt";
        }
        if (target.kind == "bucket") {
            key("aws:PrincipalTag/team");
            return "arn:aws:s3:::DOC-EXAMPLE-BUCKET-${aws:PrincipalTag/team, 'company-wide'}";
        }
        // Variables go in the resource part only (reference_policies_variables.md).
        key("aws:PrincipalTag/team");
        if (target.kind == "role")
            return "arn:aws:iam::" + acct + ":role/${aws:PrincipalTag/team, 'S3Access'}";
        key("aws:username");
        if (target.kind == "queue")
            return join({parts[0], parts[1], parts[2], parts[3], parts[4], "${aws:username, 'orders'}"});
        if (target.kind == "table")
            return join({parts[0], parts[1], parts[2], parts[3], parts[4], "table/${aws:PrincipalTag/team, 'Thread'}"});
        return join({parts[0], parts[1], parts[2], parts[3], parts[4], "instance/${aws:username, 'i-0abc1234def567890'}"});
    }
    case 9:
        // A wildcard in one part does not reach into another.
        return chance(50) ? "arn:aws:s3:::*" : "arn:aws:" + parts[2] + ":*:*:*";
    case 10:
        // Every part a wildcard but the resource.
        return "arn:aws:*:*:*:" + resource.substr(0, 1 + below(resource.size())) + "*";
    case 11:
        return resourceOf(target.kind, account(60));
    case 12: {
        // Resource names are case-sensitive.
        std::vector<std::string> p = parts;
        const auto slash = p[5].rfind('/');
        const std::size_t at = slash == std::string::npos ? 0 : slash + 1;
        if (at < p[5].size()) {
            char &c = p[5][at];
            if (c >= 'a' && c <= 'z')
                c = char(c - 'a' + 'A');
            else if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        }
        return join(p);
    }
    case 13: {
        std::vector<std::string> p = parts;
        const auto slash = p[5].find('/');
        p[5] = slash == std::string::npos ? "*" : p[5].substr(0, slash) + "/*/test/*";
        return join(p);
    }
    default:
        return join({parts[0], parts[1], parts[2], parts[3], parts[4], "*" + resource.substr(resource.size() / 2)});
    }
}

json RequestGenerator::principalElement()
{
    if (chance(15))
        return "*";
    json principal = json::object();
    const std::size_t count = chance(75) ? 1 : 2;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string entry = principalEntry();
        const auto bar = entry.find('|');
        appendValue(principal, entry.substr(0, bar), entry.substr(bar + 1), chance(40));
    }
    return principal;
}

// "TYPE|value": one entry of a Principal or NotPrincipal element.
std::string RequestGenerator::principalEntry()
{
    const std::string acct = m_callerAccount.empty() || chance(30) ? account(60) : m_callerAccount;
    switch (below(14)) {
    case 0:
        return "AWS|*";
    case 1:
    case 2:
        return (m_callerKind == CallerKind::Service ? "Service|" : "AWS|") + m_callerArn;
    case 3:
        return "AWS|" + acct;
    case 4:
        return "AWS|arn:aws:iam::" + acct + ":root";
    case 5:
    case 6: {
        const std::string role = m_roleName.empty() || chance(30) ? pick(kRoles) : m_roleName;
        return "AWS|arn:aws:iam::" + acct + ":role/" + (chance(60) ? rolePath(role) : "") + role;
    }
    case 7: {
        const std::string role = m_roleName.empty() || chance(30) ? pick(kRoles) : m_roleName;
        return "AWS|arn:aws:sts::" + acct + ":assumed-role/" + role + "/" + pick(kSessions);
    }
    case 8:
    case 9: {
        const std::string user = pick(kUsers);
        return "AWS|arn:aws:iam::" + acct + ":user/" + userPath(user) + user;
    }
    case 10:
        return "Service|" + (m_callerKind == CallerKind::Service && chance(50) ? m_callerArn : pick(kServices));
    case 11:
        return chance(50) ? "Federated|cognito-identity.amazonaws.com"
                          : "Federated|arn:aws:iam::" + acct + ":saml-provider/ExampleIdP";
    case 12:
        return "CanonicalUser|79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
    default:
        return "AWS|" + acct;
    }
}

json RequestGenerator::conditionBlock()
{
    json block = json::object();
    const std::size_t count = chance(70) ? 1 : 2;
    for (std::size_t i = 0; i < count; ++i)
        addCondition(block);
    return block;
}

void RequestGenerator::addCondition(json &block)
{
    static const std::vector<std::string> stringOperators = {
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
        "StringLike",   "StringNotLike"};
    static const std::vector<std::string> comparisons = {"Equals", "NotEquals", "LessThan", "LessThanEquals",
                                                         "GreaterThan", "GreaterThanEquals"};
    std::string op;
    std::string name;
    std::vector<json> candidates;
    bool canQualify = false;   // a set qualifier or IfExists fits this family
    const std::size_t family = below(100);
    if (family < 34) {
        op = pick(stringOperators);
        static const std::vector<std::string> stringKeys = {
            "aws:PrincipalTag/team", "aws:PrincipalTag/department", "aws:RequestedRegion", "ec2:InstanceType",
            "s3:prefix",             "iam:PassedToService",         "aws:username",        "aws:PrincipalAccount",
            "aws:PrincipalArn",      "aws:SourceArn"};
        name = pick(stringKeys);
        const Key &k = key(name);
        const KeySpec *spec = findSpec(name);
        std::vector<std::string> values = spec ? spec->values : k.values;
        if (name == "aws:username")
            values = {"dana", "erin", "Dana", "carol"};
        if (name == "aws:PrincipalAccount")
            values = {kHome, kForeign};
        if (name == "aws:PrincipalArn")
            values = {m_callerArn, "arn:aws:iam::" + kHome + ":user/dana"};
        for (const std::string &v : values)
            candidates.push_back(v);
        candidates.push_back(chance(50) ? upper(pick(values)) : lowerText(pick(values)));
        if (op.find("Like") != std::string::npos) {
            for (const char *glob : {"t2.*", "*-east-*", "b?ue", "*", "*Yellow*", "arn:aws:iam::*:user/*"})
                candidates.push_back(glob);
        }
        // Policy variables in condition values (reference_policies_variables.md).
        if (chance(25)) {
            key("aws:username");
            candidates = {name == "s3:prefix" ? "${aws:username}/*" : "${aws:username}"};
            if (chance(40)) {
                key("aws:PrincipalTag/team");
                candidates.push_back("${aws:PrincipalTag/team, 'blue'}");
            }
        }
        canQualify = true;
    } else if (family < 44) {
        // Multi-valued keys with set qualifiers.
        op = (chance(50) ? "ForAllValues:" : "ForAnyValue:") + pick(stringOperators);
        name = chance(50) ? "aws:TagKeys" : "dynamodb:Attributes";
        key(name);
        for (const std::string &v : findSpec(name)->values)
            candidates.push_back(v);
        candidates.push_back("*e*");
    } else if (family < 52) {
        op = "Numeric" + pick(comparisons);
        name = chance(50) ? "s3:max-keys" : "aws:MultiFactorAuthAge";
        key(name);
        candidates = {"100", "3600", "250", "3600.0", "10", json(3600), json(100)};
        canQualify = true;
    } else if (family < 61) {
        op = "Date" + pick(comparisons);
        name = pick(keysOfType("date"));
        key(name);
        candidates = {"2030-01-01T00:00:00Z", "2024-06-01T00:00:00Z", "2024-06-01", "1717200000",
                      "2029-12-31T23:59:59Z", "2024-05-31T22:00:00Z"};
        canQualify = true;
    } else if (family < 70) {
        op = "Bool";
        name = chance(50) ? "aws:MultiFactorAuthPresent" : "aws:SecureTransport";
        key(name);
        candidates = {"true", "false", json(true), json(false)};
        canQualify = true;
    } else if (family < 74) {
        op = "BinaryEquals";
        name = "lab:payload";
        key(name);
        candidates = {"QmluYXJ5VmFsdWVJbkJhc2U2NA==", "T3RoZXJWYWx1ZQ=="};
        canQualify = true;
    } else if (family < 84) {
        op = chance(60) ? "IpAddress" : "NotIpAddress";
        name = "aws:SourceIp";
        key(name);
        candidates = {"192.0.2.0/24",  "10.0.0.0/8", "203.0.113.7", "2001:db8::/32", "2001:DB8:1234:5678::/64",
                      "0.0.0.0/0",     "::/0",       "::1/128",     "192.0.2.200/32"};
        canQualify = true;
    } else if (family < 92) {
        static const std::vector<std::string> arnOperators = {"ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"};
        op = pick(arnOperators);
        name = chance(50) ? "aws:SourceArn" : "aws:PrincipalArn";
        key(name);
        candidates = {"arn:aws:sns:us-east-1:111122223333:orders-topic",
                      "arn:aws:sns:*:111122223333:*",
                      "arn:aws:s3:::lab-*",
                      "arn:aws:iam::111122223333:role/Ops*",
                      "arn:aws:iam::*:user/*",
                      "arn:aws:iam::444455556666:role/ci/Builder",
                      "arn:aws:*:*:*:*",
                      m_callerArn.rfind("arn:", 0) == 0 ? m_callerArn : "arn:aws:iam::111122223333:user/dana"};
        canQualify = true;
    } else {
        op = "Null";
        static const std::vector<std::string> nullKeys = {"aws:PrincipalTag/team", "aws:username", "aws:SourceIp",
                                                          "aws:TokenIssueTime", "aws:TagKeys"};
        name = pick(nullKeys);
        key(name);
        candidates = {"true", "false", json(true)};
    }
    if (canQualify && chance(15))
        op += "IfExists";
    // A plain operator on a multi-valued key also happens; keep some of those.
    json values = json::array();
    const std::size_t count = chance(65) ? 1 : 2 + below(2);
    for (std::size_t i = 0; i < count; ++i) {
        const json &value = candidates[below(candidates.size())];
        if (std::find(values.begin(), values.end(), value) == values.end())
            values.push_back(value);
    }
    // Key names are case-insensitive: write some in another case, but never one key
    // twice in a block (a policy error).
    if (chance(8))
        name = upper(name.substr(0, 1)) + name.substr(1);
    if (block.contains(op)) {
        for (const auto &[existing, ignored] : block[op].items()) {
            if (lowerText(existing) == lowerText(name))
                return;
        }
    }
    block[op][name] = values.size() == 1 && chance(60) ? values[0] : values;
}

// ---- One request ----------------------------------------------------------------------

json RequestGenerator::next()
{
    m_keys.clear();
    m_keyOrder.clear();
    drawCaller();
    drawActionsAndResources();

    json request = json::object();
    request["CallerArn"] = m_callerArn;
    // Action names are case-insensitive on the request side too.
    json actionNames = m_actions;
    if (chance(5))
        actionNames[0] = lowerText(m_actions[0]);
    request["ActionNames"] = actionNames;
    json resources = json::array();
    for (const Target &target : m_targets)
        resources.push_back(target.arn);
    if (!(resources.size() == 1 && resources[0] == "*" && chance(30)))
        request["ResourceArns"] = resources;

    // S3 ARNs carry no account: ResourceOwner says whose bucket it is.
    const bool s3 = m_targets[0].arn.rfind("arn:aws:s3:::", 0) == 0;
    if ((s3 && chance(45)) || chance(4)) {
        const std::string owner = account(55);
        request["ResourceOwner"] = chance(60) ? "arn:aws:iam::" + owner + ":root" : owner;
    }

    const bool service = m_callerKind == CallerKind::Service;
    json identity = json::array();
    if (!service || chance(30)) {
        const std::size_t count = chance(12) ? 0 : 1 + below(2);
        for (std::size_t i = 0; i < count; ++i)
            identity.push_back(encode(policy("identity")));
    }
    if (!identity.empty() || chance(50))
        request["PolicyInputList"] = identity;
    if (chance(20))
        request["PermissionsBoundaryPolicyInputList"] = chance(15) ? json::array() : json::array({encode(policy("boundary"))});
    if (chance(m_callerKind == CallerKind::Session ? 25 : 8))
        request["SessionPolicyInputList"] = chance(15) ? json::array() : json::array({encode(policy("session"))});

    const std::string action = lowerText(m_actions[0]);
    const bool trust = action.rfind("sts:", 0) == 0 && m_targets[0].kind == "role";
    if (chance(trust ? 85 : 45))
        request["ResourcePolicy"] = encode(policy(trust ? "trust" : "resource"));

    if (chance(18)) {
        json levels = json::array();
        const std::size_t count = 1 + below(3);
        for (std::size_t i = 0; i < count; ++i) {
            json level = json::array();
            if (chance(75))
                level.push_back(encode({{"Version", "2012-10-17"},
                                        {"Statement", {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}}));
            if (level.empty() || chance(40))
                level.push_back(encode(policy("scp")));
            if (chance(2))
                level = json::array();
            levels.push_back(level);
        }
        request["ServiceControlPolicies"] = levels;
    }
    if (chance(12)) {
        json levels = json::array();
        const std::size_t count = 1 + below(2);
        for (std::size_t i = 0; i < count; ++i) {
            json level = json::array();
            if (chance(85))
                level.push_back(encode({{"Version", "2012-10-17"},
                                        {"Statement",
                                         {{{"Effect", "Allow"}, {"Principal", "*"}, {"Action", "*"}, {"Resource", "*"}}}}}));
            if (level.empty() || chance(40))
                level.push_back(encode(policy("rcp")));
            levels.push_back(level);
        }
        request["ResourceControlPolicies"] = levels;
    }

    // Now and then a key no statement asks about.
    if (chance(20))
        key(keySpecs()[below(keySpecs().size())].name);
    const json entries = contextEntries();
    if (!entries.empty())
        request["ContextEntries"] = entries;
    return request;
}

} // namespace iam::reference
