#include "DecisionPlanner.h"

#include "Account.h"
#include "ServiceCatalog.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace iam {

namespace {

constexpr std::uint32_t bit(AccountResourceKind kind)
{
    return 1u << static_cast<unsigned>(kind);
}

struct NaturalType
{
    const char *service;
    const char *type;
    const char *plural;   // for notes
};

// The catalog resource type each kind of the account's resources is, by index.
constexpr NaturalType kNaturalTypes[kAccountResourceKinds] = {
    {"s3", "bucket", "buckets"},       {"s3", "object", "objects"},
    {"iam", "role", "roles"},          {"iam", "user", "users"},
    {"iam", "group", "groups"},        {"iam", "policy", "policies"},
    {"iam", "instance-profile", "instance profiles"}, {"ec2", "instance", "instances"},
};

// The walkthrough's key actions (DESIGN.md, "The PassRole walkthrough"), on the
// resources the simulated account authorizes them on (Ec2Operations.cpp,
// IamRoleOperations.cpp, S3Operations.cpp). `fallback` stands for the resource
// when the account has none of `kinds` (or the action creates it); `%` is the account id.
struct KeyAction
{
    const char *action;
    std::uint32_t kinds;
    const char *fallback;
    DecisionContext context = DecisionContext::Principal;
};

const KeyAction kKeyActions[] = {
    {"s3:ListAllMyBuckets", 0, "*"},
    {"s3:ListBucket", bit(AccountResourceKind::Bucket), "arn:aws:s3:::*"},
    {"s3:GetObject", bit(AccountResourceKind::Object), "arn:aws:s3:::*/*"},
    {"ec2:DescribeInstances", 0, "*"},
    // EC2 authorizes a launch on the instances to be, whose ids are not known yet.
    {"ec2:RunInstances", 0, "arn:aws:ec2:us-east-1:%:instance/*"},
    {"ec2:AssociateIamInstanceProfile", bit(AccountResourceKind::Instance), "arn:aws:ec2:us-east-1:%:instance/*"},
    // Passing a role to EC2: the console's Modify IAM role and a launch with a profile.
    {"iam:PassRole", bit(AccountResourceKind::Role), "arn:aws:iam::%:role/*", DecisionContext::PassRoleToEc2},
    // Creating is authorized on the new entity's ARN: any name.
    {"iam:CreateRole", 0, "arn:aws:iam::%:role/*"},
    {"iam:AttachRolePolicy", bit(AccountResourceKind::Role), "arn:aws:iam::%:role/*"},
    {"iam:CreatePolicy", 0, "arn:aws:iam::%:policy/*"},
    {"iam:CreateInstanceProfile", 0, "arn:aws:iam::%:instance-profile/*"},
    {"iam:AddRoleToInstanceProfile", bit(AccountResourceKind::InstanceProfile), "arn:aws:iam::%:instance-profile/*"},
};

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return out;
}

bool hasWildcard(std::string_view text)
{
    return text.find_first_of("*?") != std::string_view::npos;
}

std::string withAccount(std::string_view pattern, const std::string &accountId)
{
    std::string out;
    for (char c : pattern) {
        if (c == '%')
            out += accountId;
        else
            out += c;
    }
    return out;
}

// 22091 -> "22,091"
std::string count(std::size_t n)
{
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

// The services whose resources the simulated account holds come first when a
// wide pattern is cut: their decisions are the ones a learner can act on.
bool accountService(std::string_view action)
{
    return action.starts_with("iam:") || action.starts_with("sts:") || action.starts_with("s3:")
        || action.starts_with("ec2:");
}

} // namespace

AccountResources AccountResources::capture(const Account &account)
{
    AccountResources resources;
    resources.accountId = account.accountId();
    const auto list = [&](AccountResourceKind kind) -> std::vector<std::string> & {
        return resources.arns[static_cast<std::size_t>(kind)];
    };
    for (const S3Bucket &bucket : account.buckets()) {
        list(AccountResourceKind::Bucket).push_back("arn:aws:s3:::" + bucket.name);
        for (const S3Object &object : bucket.objects)
            list(AccountResourceKind::Object).push_back("arn:aws:s3:::" + bucket.name + "/" + object.key);
    }
    for (const Role &role : account.roles())
        list(AccountResourceKind::Role).push_back(account.roleArn(role));
    for (const User &user : account.users())
        list(AccountResourceKind::User).push_back(account.userArn(user));
    for (const Group &group : account.groups())
        list(AccountResourceKind::Group).push_back(account.groupArn(group));
    // Customer-managed policies, then the AWS-managed ones something in the account uses.
    std::set<std::string> seen;
    const auto addPolicy = [&](const std::string &arn) {
        if (seen.insert(arn).second)
            list(AccountResourceKind::Policy).push_back(arn);
    };
    for (const ManagedPolicy &policy : account.policies())
        addPolicy(account.policyArn(policy));
    for (const User &user : account.users())
        std::for_each(user.attachedPolicies.begin(), user.attachedPolicies.end(), addPolicy);
    for (const Group &group : account.groups())
        std::for_each(group.attachedPolicies.begin(), group.attachedPolicies.end(), addPolicy);
    for (const Role &role : account.roles())
        std::for_each(role.attachedPolicies.begin(), role.attachedPolicies.end(), addPolicy);
    for (const InstanceProfile &profile : account.instanceProfiles())
        list(AccountResourceKind::InstanceProfile).push_back(account.instanceProfileArn(profile));
    for (const Ec2Instance &instance : account.instances())
        list(AccountResourceKind::Instance).push_back(account.instanceArn(instance));
    return resources;
}

DecisionPlanner::DecisionPlanner(const ServiceCatalog *catalog, AccountResources resources,
                                 const DecisionScenario &scenario)
    : m_catalog(catalog)
    , m_resources(std::move(resources))
    , m_maxActions(std::max<std::size_t>(1, scenario.maxActionsPerPattern))
    , m_maxResources(std::max<std::size_t>(1, scenario.maxResourcesPerAction))
{
    for (std::size_t kind = 0; kind < kAccountResourceKinds && m_catalog; ++kind) {
        if (const CatalogResourceType *type = m_catalog->resourceType(kNaturalTypes[kind].service, kNaturalTypes[kind].type))
            m_formats[kind] = type->arnFormat;
    }
}

std::uint32_t DecisionPlanner::kindMaskOf(std::string_view action) const
{
    if (!m_catalog)
        return 0;
    const std::size_t colon = action.find(':');
    if (colon == std::string_view::npos)
        return 0;
    const std::string_view service = action.substr(0, colon);
    std::uint32_t mask = 0;
    for (const std::string &typeName : m_catalog->resourceTypesOf(service, action.substr(colon + 1))) {
        const CatalogResourceType *type = m_catalog->resourceType(service, typeName);
        if (!type)
            continue;
        // A kind is of the type when the catalog gives both the same ARN format
        // (sts:AssumeRole's "role" is IAM's role) and an ARN of the account matches it.
        // arnMatchesResourceType() alone would take an object ARN for a bucket: a
        // `${BucketName}` spans the slash.
        for (std::size_t kind = 0; kind < kAccountResourceKinds; ++kind) {
            const std::vector<std::string> &arns = m_resources.arns[kind];
            if (m_formats[kind].empty() || type->arnFormat != m_formats[kind])
                continue;
            if (arns.empty() || m_catalog->arnMatchesResourceType(service, typeName, arns.front()))
                mask |= 1u << kind;
        }
    }
    return mask;
}

std::vector<std::string> DecisionPlanner::expand(const std::vector<std::string> &patterns,
                                                 std::vector<std::string> &notes) const
{
    std::vector<std::string> actions;
    std::unordered_set<std::string> seen;
    const auto add = [&](const std::string &action) {
        if (seen.insert(lower(action)).second)
            actions.push_back(action);
    };
    for (const std::string &pattern : patterns) {
        if (!m_catalog) {
            if (!hasWildcard(pattern))
                add(pattern);
            continue;
        }
        std::vector<std::string> expanded = m_catalog->expandActionPattern(pattern);
        if (expanded.empty()) {
            // An action the catalog does not know is still decided as written (the
            // validator reports it); a wildcard that covers nothing adds nothing.
            if (!hasWildcard(pattern) && pattern.find(':') != std::string::npos)
                add(pattern);
            continue;
        }
        if (expanded.size() > m_maxActions) {
            std::stable_partition(expanded.begin(), expanded.end(),
                                  [](const std::string &action) { return accountService(action); });
            notes.push_back("`" + pattern + "` covers " + count(expanded.size()) + " actions: showing "
                            + count(m_maxActions) + ", those of IAM, STS, S3 and EC2 first (+"
                            + count(expanded.size() - m_maxActions) + " more)");
            expanded.resize(m_maxActions);
        }
        std::for_each(expanded.begin(), expanded.end(), add);
    }
    return actions;
}

DecisionPlan DecisionPlanner::plan(const std::vector<std::string> &patterns, bool keyActions) const
{
    DecisionPlan plan;
    // What each action is decided on: a resource list, by a key that names it
    // ("m<kinds>|<fallback>": the account's ARNs of those kinds; "f<text>": one text).
    struct Entry
    {
        std::string action;
        std::uint8_t flags = 0;
        std::string list;
        DecisionContext context = DecisionContext::Principal;
    };
    std::vector<Entry> entries;
    std::unordered_map<std::string, std::size_t> byAction;
    std::map<std::string, std::pair<std::uint32_t, std::string>> listSpecs;
    const auto listKey = [&](std::uint32_t kinds, const std::string &fallback) {
        std::string key = kinds ? "m" + std::to_string(kinds) + "|" + fallback : "f" + fallback;
        listSpecs.emplace(key, std::make_pair(kinds, fallback));
        return key;
    };
    if (keyActions) {
        for (const KeyAction &key : kKeyActions) {
            byAction.emplace(lower(key.action), entries.size());
            entries.push_back({key.action, PlannedGroup::KeyAction,
                               listKey(key.kinds, withAccount(key.fallback, m_resources.accountId)), key.context});
        }
    }
    for (const std::string &action : expand(patterns, plan.notes)) {
        if (const auto it = byAction.find(lower(action)); it != byAction.end()) {
            entries[it->second].flags |= PlannedGroup::NamedByPolicy;
            continue;
        }
        byAction.emplace(lower(action), entries.size());
        entries.push_back({action, PlannedGroup::NamedByPolicy, listKey(kindMaskOf(action), "*"),
                           DecisionContext::Principal});
    }

    // One group per (context, resource list), in the order first needed.
    std::map<std::pair<DecisionContext, std::string>, std::size_t> groupOf;
    std::vector<std::string> groupList;
    for (const Entry &entry : entries) {
        const auto [it, added] = groupOf.emplace(std::make_pair(entry.context, entry.list), plan.groups.size());
        if (added) {
            PlannedGroup group;
            group.context = entry.context;
            plan.groups.push_back(std::move(group));
            groupList.push_back(entry.list);
        }
        PlannedGroup &group = plan.groups[it->second];
        group.actions.push_back(entry.action);
        group.flags.push_back(entry.flags);
    }
    for (std::size_t g = 0; g < plan.groups.size(); ++g) {
        PlannedGroup &group = plan.groups[g];
        const auto &[kinds, fallback] = listSpecs.at(groupList[g]);
        std::string kindNames;
        for (std::size_t kind = 0; kind < kAccountResourceKinds; ++kind) {
            if (!(kinds & (1u << kind)))
                continue;
            const std::vector<std::string> &arns = m_resources.arns[kind];
            group.resources.insert(group.resources.end(), arns.begin(), arns.end());
            kindNames += (kindNames.empty() ? "" : ", ") + std::string(kNaturalTypes[kind].plural);
        }
        if (group.resources.empty())
            group.resources.push_back(fallback);
        if (group.resources.size() > m_maxResources) {
            plan.notes.push_back("`" + group.actions.front() + "`"
                                 + (group.actions.size() > 1 ? " and " + count(group.actions.size() - 1) + " more actions"
                                                             : std::string())
                                 + ": decided on the first " + count(m_maxResources) + " of "
                                 + count(group.resources.size()) + " " + kindNames);
            group.resources.resize(m_maxResources);
        }
    }
    return plan;
}

} // namespace iam
