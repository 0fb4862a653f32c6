#pragma once

// Condition operators (reference_policies_elements_condition_operators.md), read
// from their names once, at compile time: "ForAllValues:StringNotLikeIfExists"
// is the String family, like-matching, negated, ForAllValues, IfExists.

#include <optional>
#include <string_view>

namespace iam {

struct ConditionOperator
{
    enum class Family { String, Numeric, Date, Bool, Binary, IpAddress, Arn, Null };
    enum class Comparison { Equals, Like, EqualsIgnoreCase, LessThan, LessThanEquals, GreaterThan, GreaterThanEquals };
    enum class SetQualifier { None, ForAllValues, ForAnyValue };

    Family family = Family::String;
    Comparison comparison = Comparison::Equals;
    bool negated = false;        // StringNotEquals, NotIpAddress, ArnNotLike, ...
    bool ifExists = false;       // ...IfExists: true when the key is absent
    SetQualifier set = SetQualifier::None;
};

// Reads an operator name (case-sensitive, as IAM requires); nullopt when it is not
// one IAM knows, e.g. "StringEqualz" or "NullIfExists".
std::optional<ConditionOperator> parseConditionOperator(std::string_view name);

} // namespace iam
