#pragma once

// Which requests a decisions panel asks: the actions a policy names, expanded from
// wildcards through the service catalog, and the walkthrough's key actions, each
// against the account's resources of the types the catalog says the action takes
// ("*" for actions that take only "*"). Requests sharing a resource list and a
// request context form one group, evaluated as one matrix.
//
//   DecisionPlanner planner(catalog, AccountResources::capture(account), scenario);
//   DecisionPlan plan = planner.plan({"ec2:*", "iam:PassRole"}, /*keyActions=*/true);
//
// Built on the account's thread (capture() reads the Account); plan() is const and
// safe to call from any thread while the catalog lives. A null catalog expands no
// wildcard and decides every action on "*".

#include "DecisionScenario.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace iam {

class Account;
class ServiceCatalog;

enum class AccountResourceKind : std::uint8_t { Bucket, Object, Role, User, Group, Policy, InstanceProfile, Instance };
constexpr std::size_t kAccountResourceKinds = 8;

// The account's resource ARNs by kind, in the account's order.
struct AccountResources
{
    std::string accountId;
    std::array<std::vector<std::string>, kAccountResourceKinds> arns;

    const std::vector<std::string> &of(AccountResourceKind kind) const { return arns[static_cast<std::size_t>(kind)]; }
    static AccountResources capture(const Account &account);
};

// The request contexts a group may carry besides the principal's own keys.
enum class DecisionContext : std::uint8_t {
    Principal,       // the keys AWS supplies for the principal
    PassRoleToEc2,   // plus iam:PassedToService = ec2.amazonaws.com
};

struct PlannedGroup
{
    enum Flag : std::uint8_t { KeyAction = 1, NamedByPolicy = 2 };

    DecisionContext context = DecisionContext::Principal;
    std::vector<std::string> actions;
    std::vector<std::uint8_t> flags;      // per action
    std::vector<std::string> resources;
};

struct DecisionPlan
{
    std::vector<PlannedGroup> groups;
    std::vector<std::string> notes;       // what the caps left out
};

class DecisionPlanner
{
public:
    DecisionPlanner(const ServiceCatalog *catalog, AccountResources resources, const DecisionScenario &scenario);

    // `patterns`: the Action / NotAction entries of the edited policy, as written.
    DecisionPlan plan(const std::vector<std::string> &patterns, bool keyActions) const;

    // The catalog's actions the patterns cover, each once, in the patterns' order
    // (a literal the catalog does not know is kept as written).
    std::vector<std::string> expand(const std::vector<std::string> &patterns, std::vector<std::string> &notes) const;

    const AccountResources &resources() const { return m_resources; }

private:
    std::uint32_t kindMaskOf(std::string_view action) const;

    const ServiceCatalog *m_catalog = nullptr;
    AccountResources m_resources;
    std::size_t m_maxActions = 0;
    std::size_t m_maxResources = 0;
    // Each kind's ARN format in the catalog ("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}").
    std::array<std::string, kAccountResourceKinds> m_formats;
};

} // namespace iam
