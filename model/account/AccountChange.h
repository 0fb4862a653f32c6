#pragma once

// What changed in an Account, for whoever shows it (the Qt models listen through
// AccountObserver; model/account itself knows nothing of Qt).

#include <string>

namespace iam {

struct AccountChange
{
    enum class Kind { Added, Removed, Modified, Reset };
    enum class Entity { User, Group, Role, Policy, InstanceProfile, Instance, Bucket, Event, Account };

    Kind kind = Kind::Modified;
    Entity entity = Entity::Account;
    std::string name;   // the entity's name (policy: its ARN; instance: its id)
};

class AccountObserver
{
public:
    virtual ~AccountObserver() = default;
    virtual void accountChanged(const AccountChange &change) = 0;
};

} // namespace iam
