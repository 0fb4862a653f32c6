#include "ConditionOperator.h"

#include <array>

namespace iam {

namespace {

using Op = ConditionOperator;

struct BaseOperator
{
    std::string_view name;
    Op::Family family;
    Op::Comparison comparison;
    bool negated;
};

// reference_policies_elements_condition_operators.md, one row per base operator.
constexpr std::array kBaseOperators{
    BaseOperator{"StringEquals", Op::Family::String, Op::Comparison::Equals, false},
    BaseOperator{"StringNotEquals", Op::Family::String, Op::Comparison::Equals, true},
    BaseOperator{"StringEqualsIgnoreCase", Op::Family::String, Op::Comparison::EqualsIgnoreCase, false},
    BaseOperator{"StringNotEqualsIgnoreCase", Op::Family::String, Op::Comparison::EqualsIgnoreCase, true},
    BaseOperator{"StringLike", Op::Family::String, Op::Comparison::Like, false},
    BaseOperator{"StringNotLike", Op::Family::String, Op::Comparison::Like, true},
    BaseOperator{"NumericEquals", Op::Family::Numeric, Op::Comparison::Equals, false},
    BaseOperator{"NumericNotEquals", Op::Family::Numeric, Op::Comparison::Equals, true},
    BaseOperator{"NumericLessThan", Op::Family::Numeric, Op::Comparison::LessThan, false},
    BaseOperator{"NumericLessThanEquals", Op::Family::Numeric, Op::Comparison::LessThanEquals, false},
    BaseOperator{"NumericGreaterThan", Op::Family::Numeric, Op::Comparison::GreaterThan, false},
    BaseOperator{"NumericGreaterThanEquals", Op::Family::Numeric, Op::Comparison::GreaterThanEquals, false},
    BaseOperator{"DateEquals", Op::Family::Date, Op::Comparison::Equals, false},
    BaseOperator{"DateNotEquals", Op::Family::Date, Op::Comparison::Equals, true},
    BaseOperator{"DateLessThan", Op::Family::Date, Op::Comparison::LessThan, false},
    BaseOperator{"DateLessThanEquals", Op::Family::Date, Op::Comparison::LessThanEquals, false},
    BaseOperator{"DateGreaterThan", Op::Family::Date, Op::Comparison::GreaterThan, false},
    BaseOperator{"DateGreaterThanEquals", Op::Family::Date, Op::Comparison::GreaterThanEquals, false},
    BaseOperator{"Bool", Op::Family::Bool, Op::Comparison::Equals, false},
    BaseOperator{"BinaryEquals", Op::Family::Binary, Op::Comparison::Equals, false},
    BaseOperator{"IpAddress", Op::Family::IpAddress, Op::Comparison::Equals, false},
    BaseOperator{"NotIpAddress", Op::Family::IpAddress, Op::Comparison::Equals, true},
    BaseOperator{"ArnEquals", Op::Family::Arn, Op::Comparison::Like, false},
    BaseOperator{"ArnLike", Op::Family::Arn, Op::Comparison::Like, false},
    BaseOperator{"ArnNotEquals", Op::Family::Arn, Op::Comparison::Like, true},
    BaseOperator{"ArnNotLike", Op::Family::Arn, Op::Comparison::Like, true},
    BaseOperator{"Null", Op::Family::Null, Op::Comparison::Equals, false},
};

} // namespace

std::optional<ConditionOperator> parseConditionOperator(std::string_view name)
{
    ConditionOperator op;
    if (name.starts_with("ForAllValues:")) {
        op.set = Op::SetQualifier::ForAllValues;
        name.remove_prefix(13);
    } else if (name.starts_with("ForAnyValue:")) {
        op.set = Op::SetQualifier::ForAnyValue;
        name.remove_prefix(12);
    }
    if (name.ends_with("IfExists")) {
        op.ifExists = true;
        name.remove_suffix(8);
    }
    for (const BaseOperator &base : kBaseOperators) {
        if (base.name != name)
            continue;
        // The Null condition operator has no IfExists form and takes no set qualifier.
        if (base.family == Op::Family::Null && (op.ifExists || op.set != Op::SetQualifier::None))
            return std::nullopt;
        op.family = base.family;
        op.comparison = base.comparison;
        op.negated = base.negated;
        return op;
    }
    return std::nullopt;
}

} // namespace iam
