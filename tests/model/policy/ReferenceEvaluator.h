#pragma once

// A slow, obviously correct evaluator of simulation requests, kept in tests/ to
// cross-check the compiled engine of model/policy (the way re2's backtracker keeps
// its automata honest). It shares no code with the engine on purpose: it reads the
// request JSON of ../shared/spec/simulation-request.md directly and walks the AWS
// evaluation logic step by step, with its own glob matcher, ARN splitter and
// condition operators. When the two disagree, read this one first.
//
//   ReferenceEvaluator reference(requestJson);
//   if (!reference.ok()) ... reference.error()
//   std::vector<std::string> decisions = reference.decisions();   // "allowed", ...
//
// The rules are those of model/policy/EVALUATION.md, each taken from the IAM user
// guide (awsdocs/iam-user-guide, doc_source/) page named where it is implemented.
// Never throws; not tuned for speed (every call re-reads the policies' JSON).

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace iam::reference {

class ReferenceEvaluator
{
public:
    // `request` is a request document; policies may be JSON strings or objects.
    explicit ReferenceEvaluator(const nlohmann::json &request);

    // False when a policy string is not JSON or the request lacks ActionNames.
    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }

    // One decision per ActionNames x ResourceArns pair, actions outer, resources
    // inner: "allowed", "explicitDeny" or "implicitDeny". Empty when !ok().
    std::vector<std::string> decisions() const;

    // The decision for one action on one resource.
    std::string decide(const std::string &action, const std::string &resource) const;

private:
    using PolicyList = std::vector<nlohmann::json>;

    bool readPolicyList(const nlohmann::json &list, const char *what, PolicyList &out);
    bool readPolicy(const nlohmann::json &policy, const char *what, nlohmann::json &out);

    std::string m_callerArn;
    std::vector<std::string> m_actions;
    std::vector<std::string> m_resources;
    std::string m_resourceOwner;
    PolicyList m_identity;
    PolicyList m_boundary;
    PolicyList m_session;
    PolicyList m_resourcePolicy;   // zero or one
    std::vector<PolicyList> m_scpLevels;
    std::vector<PolicyList> m_rcpLevels;
    // Condition keys by lowercased name, with their values as the request gives them.
    std::vector<std::pair<std::string, std::vector<std::string>>> m_context;
    std::string m_error;
};

} // namespace iam::reference
