#pragma once

// "Last activity" of users and roles, from the event log: the last call the
// identity made that was allowed. A user calls as its own ARN; a role acts through
// its sessions (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), so a role's last
// activity is the last call of any of its sessions.
//
//   const iam::Event *last = lastUserActivity(account, *account.findUser("lab-user"));
//   lastActivityText(account, last);          // "None", or "5 minutes ago"
//
// eventPrincipal() says whose activity an event is, so a list updates only that row.

#include "AccountChange.h"
#include "Account.h"

#include <QString>

#include <optional>
#include <string>

const iam::Event *lastUserActivity(const iam::Account &account, const iam::User &user);
const iam::Event *lastRoleActivity(const iam::Account &account, const iam::Role &role);
// "None" when never, else how long ago by the account's clock.
QString lastActivityText(const iam::Account &account, const iam::Event *event);

struct EventPrincipal
{
    iam::AccountChange::Entity entity = iam::AccountChange::Entity::User;   // User or Role
    std::string name;
};

// The user or role an event's caller ARN names; nullopt for the root user.
std::optional<EventPrincipal> eventPrincipal(const std::string &callerArn);
// The event an AccountChange of Entity::Event names (its sequence number), or nullptr.
const iam::Event *eventOfChange(const iam::EventLog &log, const iam::AccountChange &change);
