#pragma once

// Random but meaningful simulation requests (../shared/spec/simulation-request.md)
// for the cross-check of the engine against ReferenceEvaluator.
//
//   RequestGenerator generator(42);
//   nlohmann::json request = generator.next();   // one action, one resource, mostly
//
// Deterministic: a seed gives the same sequence on every platform (splitmix64 and
// plain modulo, no std::random_device and no std:: distributions, whose results
// differ between standard libraries). Each request draws a caller (user, role,
// role session, root, service principal; home 111122223333 or foreign
// 444455556666), one or two actions and resources, and policies built around them
// so that most statements nearly match: wildcards, NotAction/NotResource, policy
// variables, every condition operator family with keys present, absent or
// multi-valued, resource policies with each kind of Principal/NotPrincipal,
// boundaries, session policies, SCP and RCP levels.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace iam::reference {

class RequestGenerator
{
public:
    explicit RequestGenerator(std::uint64_t seed);

    nlohmann::json next();

private:
    enum class CallerKind { User, Role, Session, Root, Service };

    struct Target   // one request resource
    {
        std::string arn;
        std::string kind;   // "object", "bucket", "instance", ...
    };

    struct Key   // one condition key as this request carries it (or not)
    {
        bool present = false;
        std::string type;
        std::vector<std::string> values;
    };

    std::uint64_t nextRandom();
    std::size_t below(std::size_t n);
    bool chance(int percent);
    const std::string &pick(const std::vector<std::string> &from);
    std::string account(int homePercent);

    void drawCaller();
    void drawActionsAndResources();
    std::string resourceOf(const std::string &kind, const std::string &account);

    Key &key(const std::string &name);
    nlohmann::json contextEntries();

    nlohmann::json policy(const char *role);
    nlohmann::json encode(nlohmann::json policy);
    nlohmann::json statement(const char *role, bool allowBias);
    nlohmann::json actionElement();
    std::string actionPattern(const std::string &action);
    std::string resourcePattern(const Target &target);
    nlohmann::json principalElement();
    std::string principalEntry();
    nlohmann::json conditionBlock();
    void addCondition(nlohmann::json &block);

    std::uint64_t m_state;

    // The request being drawn.
    CallerKind m_callerKind = CallerKind::User;
    std::string m_callerArn;
    std::string m_callerAccount;
    std::string m_userName;   // user callers
    std::string m_roleName;   // role and session callers
    std::vector<std::string> m_actions;
    std::vector<Target> m_targets;
    std::map<std::string, Key> m_keys;
    std::vector<std::string> m_keyOrder;
};

} // namespace iam::reference
