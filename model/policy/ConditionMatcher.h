#pragma once

// Decides one condition clause (an operator, a key, its values) against the
// request context, as reference_policies_elements_condition_operators.md and
// reference_policies_condition-single-vs-multi-valued-context-keys.md describe.

#include "CompiledPolicy.h"
#include "Evaluator.h"

#include <string>
#include <string_view>

namespace iam {

enum class ConditionOutcome { True, False, FalseMissingKey };

// `out` collects the keys the request lacks; `detail`, when given, receives a
// sentence on why the clause was false.
ConditionOutcome evaluateCondition(const CompiledCondition &condition, const RequestContext *context, Decision &out,
                                   std::string *detail);

// Adds a key to out.missingContextKeys unless it is there already (in any case).
// The view must outlive the decision: it points into a compiled policy.
void noteMissingKey(Decision &out, std::string_view key);

} // namespace iam
