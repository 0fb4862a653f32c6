#include "ConditionMatcher.h"

#include <algorithm>

namespace iam {

namespace {

using Family = ConditionOperator::Family;
using Comparison = ConditionOperator::Comparison;
using SetQualifier = ConditionOperator::SetQualifier;

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
    });
}

bool compareOrdered(Comparison comparison, double request, double policy)
{
    switch (comparison) {
    case Comparison::LessThan: return request < policy;
    case Comparison::LessThanEquals: return request <= policy;
    case Comparison::GreaterThan: return request > policy;
    case Comparison::GreaterThanEquals: return request >= policy;
    default: return request == policy;
    }
}

// The positive reading of the operator ("equals", "like", "in range") for one
// request value and one policy value; negation is applied by the caller.
bool matchesValue(const CompiledCondition &condition, const ContextValue &request, const ConditionValue &policy,
                  const RequestContext *context, Decision &out)
{
    const Comparison comparison = condition.op.comparison;
    switch (condition.op.family) {
    case Family::String: {
        if (policy.variables) {
            thread_local std::string expanded;
            expanded.clear();
            std::string_view missing;
            if (!policy.variables->expand(context, expanded, missing)) {
                noteMissingKey(out, missing);
                return false;
            }
            if (comparison == Comparison::Like)
                return wildcardMatch(expanded, request.text);
            const std::string plain = unescaped(expanded);
            return comparison == Comparison::EqualsIgnoreCase ? equalsIgnoreCase(plain, request.text)
                                                              : plain == request.text;
        }
        if (comparison == Comparison::Like)
            return policy.like.matches(request.text);
        if (comparison == Comparison::EqualsIgnoreCase)
            return equalsIgnoreCase(policy.text, request.text);
        return policy.text == request.text;
    }
    case Family::Numeric:
        return request.number && policy.number && compareOrdered(comparison, *request.number, *policy.number);
    case Family::Date:
        return request.date && policy.date && compareOrdered(comparison, *request.date, *policy.date);
    case Family::Bool:
        return request.boolean && policy.boolean && *request.boolean == *policy.boolean;
    case Family::Binary:
        return request.text == policy.text;
    case Family::IpAddress:
        return request.ip && policy.ip && policy.ip->contains(*request.ip);
    case Family::Arn: {
        const auto split = splitArn(request.text);
        std::string_view missing;
        const bool matched = policy.arnPattern->matches(request.text, split ? &*split : nullptr, context, missing);
        if (!missing.empty())
            noteMissingKey(out, missing);
        return matched;
    }
    case Family::Null:
        return false;   // handled before values are compared
    }
    return false;
}

bool matchesAnyPolicyValue(const CompiledCondition &condition, const ContextValue &request,
                           const RequestContext *context, Decision &out)
{
    return std::any_of(condition.values.begin(), condition.values.end(), [&](const ConditionValue &policy) {
        return matchesValue(condition, request, policy, context, out);
    });
}

std::string quotedValues(const ContextEntry &entry)
{
    std::string text;
    for (const ContextValue &value : entry.values)
        text += (text.empty() ? "`" : ", `") + value.text + "`";
    return text;
}

std::string quotedValues(const CompiledCondition &condition)
{
    std::string text;
    for (const ConditionValue &value : condition.values)
        text += (text.empty() ? "`" : ", `") + value.text + "`";
    return text;
}

} // namespace

void noteMissingKey(Decision &out, std::string_view key)
{
    const bool known = std::any_of(out.missingContextKeys.begin(), out.missingContextKeys.end(),
                                   [&](std::string_view seen) { return equalsIgnoreCase(seen, key); });
    if (!known)
        out.missingContextKeys.push_back(key);
}

ConditionOutcome evaluateCondition(const CompiledCondition &condition, const RequestContext *context, Decision &out,
                                   std::string *detail)
{
    if (!condition.known) {
        if (detail)
            *detail = "`" + condition.operatorName + "` is not a condition operator IAM knows";
        return ConditionOutcome::False;
    }
    // A policy variable with no value makes the statement invalid, whatever the
    // operator (reference_policies_variables.md).
    for (const ConditionValue &value : condition.values) {
        const VariableTemplate *variables = value.variables ? &*value.variables
            : value.arnPattern && value.arnPattern->variables ? &*value.arnPattern->variables
                                                              : nullptr;
        if (!variables)
            continue;
        thread_local std::string expanded;
        expanded.clear();
        std::string_view missing;
        if (!variables->expand(context, expanded, missing)) {
            noteMissingKey(out, missing);
            if (detail)
                *detail = "the policy variable `${" + std::string(missing) + "}` has no value in the request";
            return ConditionOutcome::FalseMissingKey;
        }
    }
    const ContextEntry *entry = context ? context->findLower(condition.lowerKey) : nullptr;
    const bool present = entry && !entry->values.empty();
    const ConditionOperator &op = condition.op;

    if (op.family == Family::Null) {
        // Null: "true" asks that the key be absent, "false" that it be present.
        const bool holds = std::any_of(condition.values.begin(), condition.values.end(), [&](const ConditionValue &v) {
            return v.boolean && *v.boolean != present;
        });
        if (!holds && detail)
            *detail = "`" + condition.key + "` is " + (present ? "present" : "absent") + ", so `Null` "
                      + quotedValues(condition) + " is false";
        return holds ? ConditionOutcome::True : ConditionOutcome::False;
    }

    if (!present) {
        noteMissingKey(out, condition.key);
        // An absent key: ...IfExists and ForAllValues hold, ForAnyValue does not,
        // and a negated operator holds because nothing matched.
        bool holds = op.negated;
        if (op.ifExists || op.set == SetQualifier::ForAllValues)
            holds = true;
        else if (op.set == SetQualifier::ForAnyValue)
            holds = false;
        if (holds)
            return ConditionOutcome::True;
        if (detail)
            *detail = "the request has no `" + condition.key + "`, so `" + condition.operatorName + "` is false";
        return ConditionOutcome::FalseMissingKey;
    }

    bool holds = false;
    switch (op.set) {
    case SetQualifier::None: {
        const bool any = std::any_of(entry->values.begin(), entry->values.end(), [&](const ContextValue &value) {
            return matchesAnyPolicyValue(condition, value, context, out);
        });
        holds = any != op.negated;
        break;
    }
    case SetQualifier::ForAllValues:
        holds = std::all_of(entry->values.begin(), entry->values.end(), [&](const ContextValue &value) {
            return matchesAnyPolicyValue(condition, value, context, out) != op.negated;
        });
        break;
    case SetQualifier::ForAnyValue:
        holds = std::any_of(entry->values.begin(), entry->values.end(), [&](const ContextValue &value) {
            return matchesAnyPolicyValue(condition, value, context, out) != op.negated;
        });
        break;
    }
    if (!holds && detail)
        *detail = "`" + condition.key + "` is " + quotedValues(*entry) + "; `" + condition.operatorName + "` wants "
                  + quotedValues(condition);
    return holds ? ConditionOutcome::True : ConditionOutcome::False;
}

} // namespace iam
