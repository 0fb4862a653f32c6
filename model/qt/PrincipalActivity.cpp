#include "PrincipalActivity.h"

#include "ConsoleTime.h"

#include <QCoreApplication>

#include <charconv>

const iam::Event *lastUserActivity(const iam::Account &account, const iam::User &user)
{
    return account.eventLog().lastAllowed(account.userArn(user));
}

const iam::Event *lastRoleActivity(const iam::Account &account, const iam::Role &role)
{
    // Session ARNs carry no path: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION.
    const std::string prefix = "arn:aws:sts::" + account.accountId() + ":assumed-role/" + role.name + "/";
    const std::vector<iam::Event> &events = account.eventLog().events();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->allowed && it->callerArn.compare(0, prefix.size(), prefix) == 0)
            return &*it;
    }
    return nullptr;
}

QString lastActivityText(const iam::Account &account, const iam::Event *event)
{
    if (!event)
        return QCoreApplication::translate("PrincipalActivity", "None");
    return timeAgo(event->time, account.now());
}

std::optional<EventPrincipal> eventPrincipal(const std::string &callerArn)
{
    // arn:aws:iam::ACCOUNT:user/PATH/NAME, arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION
    const std::size_t resource = callerArn.find(':', callerArn.find("::") + 2);
    if (callerArn.compare(0, 4, "arn:") != 0 || resource == std::string::npos)
        return std::nullopt;
    const std::string_view rest = std::string_view(callerArn).substr(resource + 1);
    if (rest.substr(0, 5) == "user/")
        return EventPrincipal{iam::AccountChange::Entity::User, std::string(rest.substr(rest.rfind('/') + 1))};
    if (rest.substr(0, 13) == "assumed-role/") {
        const std::string_view roleAndSession = rest.substr(13);
        return EventPrincipal{iam::AccountChange::Entity::Role,
                              std::string(roleAndSession.substr(0, roleAndSession.find('/')))};
    }
    return std::nullopt;
}

const iam::Event *eventOfChange(const iam::EventLog &log, const iam::AccountChange &change)
{
    std::int64_t sequence = 0;
    const auto [end, error] = std::from_chars(change.name.data(), change.name.data() + change.name.size(), sequence);
    if (error != std::errc() || change.entity != iam::AccountChange::Entity::Event)
        return nullptr;
    // The event just logged is nearly always the last one.
    const std::vector<iam::Event> &events = log.events();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->sequence == sequence)
            return &*it;
        if (it->sequence < sequence)
            break;
    }
    return nullptr;
}
