#pragma once

// What a run of API calls changed in an Account: every entity it touched, as it
// was before and as it was after. Undo puts the "before" states back and redo the
// "after" ones, without replaying AWS calls (so neither is authorized again nor
// logged as a new event: the event log keeps the calls as they happened).
//
//   AccountDeltaRecorder recorder(account);      // copies the entity lists, listens
//   api.call(caller, "iam", "CreateRole", params);
//   AccountDelta delta = recorder.finish();       // keeps only what was touched
//   delta.revert(account);                        // the role is gone again
//   delta.reapply(account);                       // and back, with the same id
//
// Each restore notifies the account's observers entity by entity (Added, Removed,
// Modified), so views update in place. Not thread-safe, like the Account.

#include "Account.h"

#include <optional>
#include <string>
#include <vector>

namespace iam {

// One entity's two states; nullopt: it did not exist.
template <typename T>
struct EntityEdit
{
    std::string key;           // name; ARN for policies; id for instances
    std::size_t beforeIndex = 0;   // positions in the account's list, to keep creation order
    std::size_t afterIndex = 0;
    std::optional<T> before;
    std::optional<T> after;
};

class AccountDelta
{
public:
    bool empty() const;
    void revert(Account &account) const;
    void reapply(Account &account) const;

private:
    friend class AccountDeltaRecorder;
    std::vector<EntityEdit<User>> m_users;
    std::vector<EntityEdit<Group>> m_groups;
    std::vector<EntityEdit<Role>> m_roles;
    std::vector<EntityEdit<ManagedPolicy>> m_policies;
    std::vector<EntityEdit<InstanceProfile>> m_instanceProfiles;
    std::vector<EntityEdit<Ec2Instance>> m_instances;
    std::vector<EntityEdit<S3Bucket>> m_buckets;
};

// Records from construction to finish(). Copying every entity list up front is what
// makes "before" available for whatever the calls touch; it costs a few
// milliseconds on a workspace of thousands of policies, once per user edit.
class AccountDeltaRecorder : public AccountObserver
{
public:
    explicit AccountDeltaRecorder(Account &account);
    ~AccountDeltaRecorder() override;
    AccountDeltaRecorder(const AccountDeltaRecorder &) = delete;
    AccountDeltaRecorder &operator=(const AccountDeltaRecorder &) = delete;

    // Stops listening; the delta of every entity touched since construction.
    AccountDelta finish();

    void accountChanged(const AccountChange &change) override;

private:
    struct Lists
    {
        std::vector<User> users;
        std::vector<Group> groups;
        std::vector<Role> roles;
        std::vector<ManagedPolicy> policies;
        std::vector<InstanceProfile> instanceProfiles;
        std::vector<Ec2Instance> instances;
        std::vector<S3Bucket> buckets;
    };

    Account &m_account;
    Lists m_before;
    std::vector<std::pair<AccountChange::Entity, std::string>> m_touched;
    bool m_listening = true;
};

} // namespace iam
