#pragma once

// The decisions of a live decisions panel, Qt-free: for one principal, the actions
// a policy being edited names and the walkthrough's key actions, each against the
// account's resources, decided by the engine with the policies in play built as
// Authorizer builds them, the edited policy in its place.
//
//   DecisionBatch batch(account, catalog, scenario);      // on the account's thread
//   DecisionResult result = batch.run(policyText);          // any thread, any number of times
//   if (result.evaluated)
//       for (const DecisionRow &row : result.rows) ...      // sorted by caller, action, resource
//   DecisionExplanation why = DecisionBatch::explain(result, 3);   // with the engine's trace
//
// The constructor reads the Account (policies, request context, resource ARNs),
// which is single-threaded: build a batch on the thread that owns it, and again
// after the account changes. A built batch is immutable: run() and explain() are
// const, read only compiled policies and the (immutable) catalog, and are safe to
// call from several threads at once. run() never throws: a policy text with grammar
// errors comes back as result.evaluated == false with the errors.

#include "DecisionPlanner.h"
#include "DecisionResult.h"
#include "DecisionScenario.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

class Account;
class ServiceCatalog;

class DecisionBatch
{
public:
    // `catalog` may be null (no wildcard expansion, every action decided on "*");
    // it must outlive the batch and its results.
    DecisionBatch(const Account &account, const ServiceCatalog *catalog, DecisionScenario scenario);
    ~DecisionBatch();

    const DecisionScenario &scenario() const { return m_scenario; }
    // The source id the edited policy's statements are reported under.
    const std::string &editedPolicySource() const { return m_editedSource; }

    // Decides every request for the edited policy text (ignored when the scenario
    // edits nothing).
    DecisionResult run(std::string_view policyText) const;

    // The row's decision again, with the trace: the gates consulted, the deciding
    // statements and the statements that almost applied. `valid` is false for a
    // row out of range.
    static DecisionExplanation explain(const DecisionResult &result, std::size_t row);
    // The same for a row of `result` kept elsewhere (a view's copy): only
    // result.run is read, so result.rows may have been moved out.
    static DecisionExplanation explain(const DecisionResult &result, const DecisionRow &row);

private:
    struct Subject;

    void addTrustCallers(const Account &account);
    std::vector<std::string> namedPatterns(const PolicyDocument *document) const;

    DecisionScenario m_scenario;
    std::string m_editedSource;
    PolicyType m_editedType = PolicyType::Identity;
    std::string m_roleArn;   // the role in view (trust policy placement)
    std::vector<Subject> m_subjects;
    std::unique_ptr<DecisionPlanner> m_planner;
};

} // namespace iam
