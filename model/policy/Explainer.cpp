#include "Explainer.h"

namespace iam {

namespace {

const char *mismatchWords(Mismatch mismatch)
{
    switch (mismatch) {
    case Mismatch::None: return "applies";
    case Mismatch::Action: return "action does not match";
    case Mismatch::Resource: return "resource does not match";
    case Mismatch::Principal: return "principal does not match";
    case Mismatch::Condition: return "condition is false";
    case Mismatch::ConditionMissingKey: return "condition key is missing";
    }
    return "";
}

std::string statementName(const StatementRef &ref)
{
    const CompiledStatement &statement = ref.get();
    std::string name = ref.policy->sourceId() + " statement " + std::to_string(statement.index + 1);
    if (!statement.sid.empty())
        name += " (" + statement.sid + ")";
    name += " at line " + std::to_string(statement.range.start.line);
    return name;
}

} // namespace

std::string explainDecision(const Decision &decision, std::string_view action, std::string_view resource)
{
    std::string text;
    text += std::string(action) + " on " + std::string(resource) + ": " + outcomeName(decision.outcome) + "\n";
    if (decision.outcome != Outcome::Allowed)
        text += "  " + denialReason(decision, action) + "\n";
    for (const StatementRef &ref : decision.matched)
        text += "  decided by " + statementName(ref) + " (" + (ref.get().isDeny() ? "Deny" : "Allow") + ")\n";
    int number = 0;
    for (const TraceStep &step : decision.trace.steps) {
        text += "  " + std::to_string(++number) + ". " + step.name + ": " + step.verdict + "\n";
        for (const TracePolicy &policy : step.policies) {
            if (policy.level >= 0 && (&policy == &step.policies.front() || (&policy - 1)->level != policy.level))
                text += "     level " + std::to_string(policy.level + 1) + "\n";
            for (const TraceStatement &statement : policy.statements) {
                text += "     " + statementName(statement.ref) + ": ";
                text += statement.mismatch == Mismatch::None ? (statement.ref.get().isDeny() ? "denies" : "allows")
                                                             : mismatchWords(statement.mismatch);
                if (!statement.detail.empty())
                    text += " (" + statement.detail + ")";
                text += "\n";
            }
        }
    }
    if (!decision.missingContextKeys.empty()) {
        text += "  missing context keys:";
        for (std::string_view key : decision.missingContextKeys)
            text += " " + std::string(key);
        text += "\n";
    }
    return text;
}

} // namespace iam
