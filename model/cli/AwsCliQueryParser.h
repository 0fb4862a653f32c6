#pragma once

// The parser behind AwsCliQuery: JMESPath text to a tree of nodes, by binding power
// as jmespath.py's parser does (jmespath.org/specification.html, "Grammar"), for the
// subset AwsCliQuery names. Internal to model/cli.

#include "AwsCliQuery.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

// One node of a parsed expression; `children` by kind: Sub, Pipe, Or, And,
// Compare (left, right), Projection and ValueProjection (base, rest), Filter (base,
// rest, condition), Flatten and Not (one), List, Hash and Function (their elements).
struct AwsCliQuery::Node
{
    enum class Kind {
        Identity, Field, Sub, Index, Projection, ValueProjection, Flatten, Filter, Literal, List, Hash, Pipe, Or,
        And, Not, Compare, Function
    };
    Kind kind = Kind::Identity;
    std::string name;   // a field's, a comparator's or a function's name
    nlohmann::ordered_json literal;
    long long index = 0;
    std::vector<std::shared_ptr<Node>> children;
    std::vector<std::string> keys;   // a multi-select hash's keys, one per child
};

class AwsCliQueryParser
{
public:
    // Throws std::runtime_error with the reason when the text does not parse.
    static std::shared_ptr<const AwsCliQuery::Node> parse(std::string_view expression);
};

} // namespace iam
