#include "AccountStateProbe.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string_view>
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

// newId() appends 17 characters of kAlphabet to its prefix. IAM ids keep them;
// EC2 ids (Ec2Operations.cpp) turn each into a lower-case hex digit. An id's last
// 17 characters are its key; ids with other characters were not made here
// (imported from AWS, typed by hand) and are not looked for.
constexpr std::size_t kIdLength = 17;
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kHex = "0123456789abcdef";

std::string idKey(const std::string &id)
{
    if (id.size() < kIdLength)
        return {};
    std::string key = id.substr(id.size() - kIdLength);
    const bool iamStyle = key.find_first_not_of(kAlphabet) == std::string::npos;
    const bool ec2Style = key.find_first_not_of(kHex) == std::string::npos;
    return iamStyle || ec2Style ? key : std::string();
}

std::string hexKey(const std::string &key)
{
    std::string hex(key.size(), '0');
    for (std::size_t i = 0; i < key.size(); ++i)
        hex[i] = kHex[kAlphabet.find(key[i]) % 16];
    return hex;
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
        if (std::string key = idKey(id); !key.empty())
            inUse.insert(std::move(key));
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

    // Every counter value was drawn by a creation (of something still there, or
    // since deleted by a logged call) or by a logged call: temporary credentials
    // draw a few dozen at a time. The scan stops once every id is accounted for;
    // the cap bounds it (about a quarter of a second) when some never are.
    const std::uint64_t bound = std::min<std::uint64_t>(
        64 * (inUse.size() + account.eventLog().events().size()) + 4096, 4'000'000);
    Account scratch(account.accountId());
    std::uint64_t highest = 0;
    std::size_t found = 0;
    for (std::uint64_t counter = 1; counter <= bound && found < inUse.size(); ++counter) {
        const std::string key = scratch.newId("");
        const std::size_t matches = inUse.count(key) + inUse.count(hexKey(key));
        if (matches) {
            highest = counter;
            found += matches;
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
