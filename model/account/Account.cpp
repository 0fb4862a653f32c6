#include "Account.h"

#include "PolicyParser.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <utility>

namespace iam {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

template<typename List, typename Key>
auto findIn(List &list, std::string_view value, Key key) -> decltype(&list.front())
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const auto &item) { return key(item) == value; });
    return it == list.end() ? nullptr : &*it;
}

template<typename List>
bool takenIn(const List &list, std::string_view name)
{
    return std::any_of(list.begin(), list.end(), [&](const auto &item) { return equalsIgnoreCase(item.name, name); });
}

const auto byName = [](const auto &item) -> const std::string & { return item.name; };

} // namespace

Account::Account(std::string accountId, const AwsManagedPolicies *awsManaged)
    : m_accountId(std::move(accountId))
    , m_awsManaged(awsManaged)
{
}

const User *Account::findUser(std::string_view name) const { return findIn(m_users, name, byName); }
const Group *Account::findGroup(std::string_view name) const { return findIn(m_groups, name, byName); }
const Role *Account::findRole(std::string_view name) const { return findIn(m_roles, name, byName); }
const InstanceProfile *Account::findInstanceProfile(std::string_view name) const
{
    return findIn(m_instanceProfiles, name, byName);
}
const Ec2Instance *Account::findInstance(std::string_view id) const
{
    return findIn(m_instances, id, [](const Ec2Instance &i) -> const std::string & { return i.id; });
}
const S3Bucket *Account::findBucket(std::string_view name) const { return findIn(m_buckets, name, byName); }
const ManagedPolicy *Account::findPolicy(std::string_view arn) const
{
    const auto it = std::find_if(m_policies.begin(), m_policies.end(),
                                 [&](const ManagedPolicy &p) { return policyArn(p) == arn; });
    return it == m_policies.end() ? nullptr : &*it;
}

User *Account::findUser(std::string_view name) { return const_cast<User *>(std::as_const(*this).findUser(name)); }
Group *Account::findGroup(std::string_view name) { return const_cast<Group *>(std::as_const(*this).findGroup(name)); }
Role *Account::findRole(std::string_view name) { return const_cast<Role *>(std::as_const(*this).findRole(name)); }
ManagedPolicy *Account::findPolicy(std::string_view arn)
{
    return const_cast<ManagedPolicy *>(std::as_const(*this).findPolicy(arn));
}
InstanceProfile *Account::findInstanceProfile(std::string_view name)
{
    return const_cast<InstanceProfile *>(std::as_const(*this).findInstanceProfile(name));
}
Ec2Instance *Account::findInstance(std::string_view id)
{
    return const_cast<Ec2Instance *>(std::as_const(*this).findInstance(id));
}
S3Bucket *Account::findBucket(std::string_view name)
{
    return const_cast<S3Bucket *>(std::as_const(*this).findBucket(name));
}

bool Account::nameTaken(AccountChange::Entity entity, std::string_view name) const
{
    // IAM names are unique case-insensitively: "S3Access" and "s3access" clash.
    using Entity = AccountChange::Entity;
    switch (entity) {
    case Entity::User: return takenIn(m_users, name);
    case Entity::Group: return takenIn(m_groups, name);
    case Entity::Role: return takenIn(m_roles, name);
    case Entity::Policy: return takenIn(m_policies, name);
    case Entity::InstanceProfile: return takenIn(m_instanceProfiles, name);
    case Entity::Bucket: return findBucket(name) != nullptr;   // bucket names are lowercase anyway
    case Entity::Instance: return findInstance(name) != nullptr;
    case Entity::Event:
    case Entity::Account: return false;
    }
    return false;
}

std::string Account::userArn(const User &user) const
{
    return "arn:aws:iam::" + m_accountId + ":user" + user.path + user.name;
}
std::string Account::groupArn(const Group &group) const
{
    return "arn:aws:iam::" + m_accountId + ":group" + group.path + group.name;
}
std::string Account::roleArn(const Role &role) const
{
    return "arn:aws:iam::" + m_accountId + ":role" + role.path + role.name;
}
std::string Account::policyArn(const ManagedPolicy &policy) const
{
    return "arn:aws:iam::" + m_accountId + ":policy" + policy.path + policy.name;
}
std::string Account::instanceProfileArn(const InstanceProfile &profile) const
{
    return "arn:aws:iam::" + m_accountId + ":instance-profile" + profile.path + profile.name;
}
std::string Account::instanceArn(const Ec2Instance &instance) const
{
    return "arn:aws:ec2:" + instance.region + ":" + m_accountId + ":instance/" + instance.id;
}
std::string Account::callerArn(const CallerIdentity &caller) const
{
    if (caller.kind == CallerIdentity::Kind::User) {
        if (const User *user = findUser(caller.name))
            return userArn(*user);
    }
    return caller.arn(m_accountId);
}

std::optional<std::string> Account::managedPolicyDocument(std::string_view arn) const
{
    if (const ManagedPolicy *policy = findPolicy(arn)) {
        for (const PolicyVersion &version : policy->versions) {
            if (version.versionId == policy->defaultVersionId)
                return version.document;
        }
        return std::nullopt;
    }
    if (m_awsManaged) {
        if (const AwsManagedPolicy *policy = m_awsManaged->find(arn))
            return policy->document;
    }
    return std::nullopt;
}

std::string Account::managedPolicyName(std::string_view arn) const
{
    const std::size_t slash = arn.rfind('/');
    return std::string(slash == std::string_view::npos ? arn : arn.substr(slash + 1));
}

bool Account::callerExists(const CallerIdentity &caller) const
{
    switch (caller.kind) {
    case CallerIdentity::Kind::Root: return true;
    case CallerIdentity::Kind::User: return findUser(caller.name) != nullptr;
    case CallerIdentity::Kind::RoleSession: return findRole(caller.name) != nullptr;
    }
    return false;
}

std::string Account::newId(std::string_view prefix)
{
    // IAM ids are a four-letter prefix and 17 upper-case letters and digits.
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::uint64_t value = ++m_idCounter * 0x9E3779B97F4A7C15ull ^ std::hash<std::string>{}(m_accountId);
    std::string id(prefix);
    for (int i = 0; i < 17; ++i) {
        id += kAlphabet[value % 32];
        value = value / 32 + (i * 7919ull);
    }
    return id;
}

std::string Account::now() const
{
    if (!m_fixedTime.empty())
        return m_fixedTime;
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

void Account::addObserver(AccountObserver *observer)
{
    if (std::find(m_observers.begin(), m_observers.end(), observer) == m_observers.end())
        m_observers.push_back(observer);
}

void Account::removeObserver(AccountObserver *observer)
{
    m_observers.erase(std::remove(m_observers.begin(), m_observers.end(), observer), m_observers.end());
}

void Account::notify(const AccountChange &change) const
{
    // A copy: an observer may remove itself while being told.
    const std::vector<AccountObserver *> observers = m_observers;
    for (AccountObserver *observer : observers)
        observer->accountChanged(change);
}

PolicyPtr Account::compiled(const std::string &document, const std::string &sourceId, PolicyType type) const
{
    std::string key = std::to_string(static_cast<int>(type)) + '\n' + sourceId + '\n' + document;
    if (const auto it = m_compiled.find(key); it != m_compiled.end())
        return it->second;
    const ParseResult parsed = parsePolicy(document, sourceId);
    PolicyPtr policy = parsed.ok() ? compilePolicy(*parsed.document, sourceId, type) : nullptr;
    // Documents change by replacement, never in place; an old text stays valid to cache.
    if (m_compiled.size() > 4096)
        m_compiled.clear();
    m_compiled.emplace(std::move(key), policy);
    return policy;
}

} // namespace iam
