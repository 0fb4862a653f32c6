#include "AccountStateProbe.h"

#include <chrono>
#include <ctime>
#include <unordered_set>

namespace iam {

namespace {

// The wall clock as Account::now() writes it.
std::string wallClock()
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// newId() appends 17 characters to its prefix; ids made from it may change case
// (EC2 ids are lower-case), so they compare by their last 17 characters, upper-cased.
constexpr std::size_t kIdLength = 17;

std::string idKey(const std::string &id)
{
    std::string key = id.size() >= kIdLength ? id.substr(id.size() - kIdLength) : id;
    for (char &c : key)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return key;
}

} // namespace

std::string fixedClock(const Account &account)
{
    // A reading between two wall-clock readings is the wall clock's; when a second
    // ticks over in between, either of them is.
    std::string before, reading, after;
    for (int attempt = 0; attempt < 3; ++attempt) {
        before = wallClock();
        reading = account.now();
        after = wallClock();
        if (before == after)
            break;
    }
    return reading == before || reading == after ? std::string() : reading;
}

std::uint64_t idCounter(const Account &account)
{
    std::unordered_set<std::string> inUse;
    const auto add = [&](const std::string &id) {
        if (id.size() >= kIdLength)
            inUse.insert(idKey(id));
    };
    for (const User &user : account.users())
        add(user.id);
    for (const Group &group : account.groups())
        add(group.id);
    for (const Role &role : account.roles())
        add(role.id);
    for (const ManagedPolicy &policy : account.policies())
        add(policy.id);
    for (const InstanceProfile &profile : account.instanceProfiles())
        add(profile.id);
    for (const Ec2Instance &instance : account.instances()) {
        add(instance.id);
        add(instance.associationId);
    }
    if (inUse.empty())
        return 0;

    // Each counter value was drawn by a creation: one made directly (still alive, or
    // since deleted by a logged call) or by a logged call. The bound leaves room for
    // calls that draw several ids; the scan stops early once every id is accounted for.
    const std::uint64_t bound = 4 * (inUse.size() + account.eventLog().events().size()) + 256;
    Account scratch(account.accountId());
    std::uint64_t highest = 0;
    std::size_t found = 0;
    for (std::uint64_t counter = 1; counter <= bound && found < inUse.size(); ++counter) {
        if (inUse.count(idKey(scratch.newId("")))) {
            highest = counter;
            ++found;
        }
    }
    return highest;
}

void restoreIdCounter(Account &account, std::uint64_t counter)
{
    for (std::uint64_t i = 0; i < counter; ++i)
        account.newId("");
}

} // namespace iam
