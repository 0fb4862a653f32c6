#pragma once

// `--query`: the JMESPath expressions the AWS CLI applies to a response before
// printing it (jmespath.org/specification.html), in the subset a learner types:
// fields and sub-expressions (Roles.RoleName), "quoted" fields, indexes ([0], [-1]),
// projections ([*], [], .*), filters ([?State.Name=='running'], with ==, !=, <,
// <=, >, >=, &&, ||, ! and `literal` or 'raw string' operands), multi-select lists
// and hashes ([a, b], {Name: a}), pipes, @, and the functions length, contains,
// starts_with, keys, values, sort, join and to_string.
//
//   auto query = AwsCliQuery::parse("Roles[].RoleName", &error);
//   query->search(response)   // ["S3Access", ...]
//
// Immutable once parsed; thread-safe.

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace iam {

class AwsCliQuery
{
public:
    struct Node;

    // nullopt with `error` set when the expression does not parse.
    static std::optional<AwsCliQuery> parse(std::string_view expression, std::string *error = nullptr);

    nlohmann::ordered_json search(const nlohmann::ordered_json &value) const;
    const std::string &expression() const { return m_expression; }

private:
    std::string m_expression;
    std::shared_ptr<const Node> m_root;
};

} // namespace iam
