#include "AccountDelta.h"

#include <algorithm>

namespace iam {

namespace {

using Entity = AccountChange::Entity;
using Kind = AccountChange::Kind;

// Per entity type: its list in the account, its key, and its name in notifications.
template <typename T> struct Traits;

template <> struct Traits<User>
{
    static constexpr Entity entity = Entity::User;
    static std::vector<User> &list(Account &a) { return a.mutableUsers(); }
    static std::string key(const Account &, const User &u) { return u.name; }
};
template <> struct Traits<Group>
{
    static constexpr Entity entity = Entity::Group;
    static std::vector<Group> &list(Account &a) { return a.mutableGroups(); }
    static std::string key(const Account &, const Group &g) { return g.name; }
};
template <> struct Traits<Role>
{
    static constexpr Entity entity = Entity::Role;
    static std::vector<Role> &list(Account &a) { return a.mutableRoles(); }
    static std::string key(const Account &, const Role &r) { return r.name; }
};
template <> struct Traits<ManagedPolicy>
{
    static constexpr Entity entity = Entity::Policy;
    static std::vector<ManagedPolicy> &list(Account &a) { return a.mutablePolicies(); }
    // Policies are named by ARN in notifications: the path is part of the identity.
    static std::string key(const Account &a, const ManagedPolicy &p) { return a.policyArn(p); }
};
template <> struct Traits<InstanceProfile>
{
    static constexpr Entity entity = Entity::InstanceProfile;
    static std::vector<InstanceProfile> &list(Account &a) { return a.mutableInstanceProfiles(); }
    static std::string key(const Account &, const InstanceProfile &p) { return p.name; }
};
template <> struct Traits<Ec2Instance>
{
    static constexpr Entity entity = Entity::Instance;
    static std::vector<Ec2Instance> &list(Account &a) { return a.mutableInstances(); }
    static std::string key(const Account &, const Ec2Instance &i) { return i.id; }
};
template <> struct Traits<S3Bucket>
{
    static constexpr Entity entity = Entity::Bucket;
    static std::vector<S3Bucket> &list(Account &a) { return a.mutableBuckets(); }
    static std::string key(const Account &, const S3Bucket &b) { return b.name; }
};

template <typename T>
std::optional<std::size_t> indexOf(const Account &account, const std::vector<T> &list, const std::string &key)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        if (Traits<T>::key(account, list[i]) == key)
            return i;
    return std::nullopt;
}

// Adds the edit of `key` unless the entity is in neither list (an AWS-managed
// policy's ARN, say: its attachment count lives on the principals).
template <typename T>
void record(std::vector<EntityEdit<T>> &edits, Account &account, const std::vector<T> &before,
            const std::string &key)
{
    EntityEdit<T> edit;
    edit.key = key;
    if (auto i = indexOf(account, before, key)) {
        edit.beforeIndex = *i;
        edit.before = before[*i];
    }
    const std::vector<T> &now = Traits<T>::list(account);
    if (auto i = indexOf(account, now, key)) {
        edit.afterIndex = *i;
        edit.after = now[*i];
    }
    if (edit.before || edit.after)
        edits.push_back(std::move(edit));
}

// Puts one entity in the given state and tells the observers.
template <typename T>
void restore(Account &account, const std::string &key, const std::optional<T> &state, std::size_t index)
{
    std::vector<T> &list = Traits<T>::list(account);
    const std::optional<std::size_t> at = indexOf(account, list, key);
    Kind kind;
    if (!state) {
        if (!at)
            return;
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(*at));
        kind = Kind::Removed;
    } else if (at) {
        list[*at] = *state;
        kind = Kind::Modified;
    } else {
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(std::min(index, list.size())), *state);
        kind = Kind::Added;
    }
    account.notify({kind, Traits<T>::entity, key});
}

template <typename T>
void revertAll(Account &account, const std::vector<EntityEdit<T>> &edits)
{
    for (auto it = edits.rbegin(); it != edits.rend(); ++it)
        restore(account, it->key, it->before, it->beforeIndex);
}

template <typename T>
void reapplyAll(Account &account, const std::vector<EntityEdit<T>> &edits)
{
    for (const EntityEdit<T> &edit : edits)
        restore(account, edit.key, edit.after, edit.afterIndex);
}

} // namespace

bool AccountDelta::empty() const
{
    return m_users.empty() && m_groups.empty() && m_roles.empty() && m_policies.empty()
        && m_instanceProfiles.empty() && m_instances.empty() && m_buckets.empty();
}

// Reverts dependents before what they depend on (profiles before roles, attachments
// before policies) so that observers never see a dangling reference mid-way.
void AccountDelta::revert(Account &account) const
{
    revertAll(account, m_instances);
    revertAll(account, m_instanceProfiles);
    revertAll(account, m_users);
    revertAll(account, m_groups);
    revertAll(account, m_roles);
    revertAll(account, m_policies);
    revertAll(account, m_buckets);
}

void AccountDelta::reapply(Account &account) const
{
    reapplyAll(account, m_buckets);
    reapplyAll(account, m_policies);
    reapplyAll(account, m_roles);
    reapplyAll(account, m_groups);
    reapplyAll(account, m_users);
    reapplyAll(account, m_instanceProfiles);
    reapplyAll(account, m_instances);
}

AccountDeltaRecorder::AccountDeltaRecorder(Account &account)
    : m_account(account)
    , m_before{account.users(), account.groups(), account.roles(), account.policies(),
               account.instanceProfiles(), account.instances(), account.buckets()}
{
    m_account.addObserver(this);
}

AccountDeltaRecorder::~AccountDeltaRecorder()
{
    if (m_listening)
        m_account.removeObserver(this);
}

void AccountDeltaRecorder::accountChanged(const AccountChange &change)
{
    if (change.entity == Entity::Event || change.entity == Entity::Account)
        return;
    const std::pair<Entity, std::string> touched{change.entity, change.name};
    if (std::find(m_touched.begin(), m_touched.end(), touched) == m_touched.end())
        m_touched.push_back(touched);
}

AccountDelta AccountDeltaRecorder::finish()
{
    if (m_listening) {
        m_account.removeObserver(this);
        m_listening = false;
    }
    AccountDelta delta;
    for (const auto &[entity, key] : m_touched) {
        switch (entity) {
        case Entity::User: record(delta.m_users, m_account, m_before.users, key); break;
        case Entity::Group: record(delta.m_groups, m_account, m_before.groups, key); break;
        case Entity::Role: record(delta.m_roles, m_account, m_before.roles, key); break;
        case Entity::Policy: record(delta.m_policies, m_account, m_before.policies, key); break;
        case Entity::InstanceProfile:
            record(delta.m_instanceProfiles, m_account, m_before.instanceProfiles, key);
            break;
        case Entity::Instance: record(delta.m_instances, m_account, m_before.instances, key); break;
        case Entity::Bucket: record(delta.m_buckets, m_account, m_before.buckets, key); break;
        case Entity::Event:
        case Entity::Account: break;
        }
    }
    return delta;
}

} // namespace iam
