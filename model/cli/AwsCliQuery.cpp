#include "AwsCliQuery.h"

#include "AwsCliQueryParser.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace iam {

using ordered_json = nlohmann::ordered_json;

namespace {

using Node = AwsCliQuery::Node;
using Kind = Node::Kind;

bool truthy(const ordered_json &value)
{
    if (value.is_null())
        return false;
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_string() || value.is_array() || value.is_object())
        return !value.empty();
    return true;
}

ordered_json evaluate(const Node &node, const ordered_json &value);

ordered_json callFunction(const Node &node, const ordered_json &value)
{
    std::vector<ordered_json> args;
    for (const auto &child : node.children)
        args.push_back(evaluate(*child, value));
    const auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : ordered_json(); };
    const std::string &name = node.name;
    if (name == "length") {
        const ordered_json a = arg(0);
        if (a.is_string())
            return static_cast<long long>(std::count_if(a.get<std::string>().begin(), a.get<std::string>().end(),
                                                        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        return a.is_array() || a.is_object() ? ordered_json(a.size()) : ordered_json();
    }
    if (name == "contains") {
        const ordered_json subject = arg(0), search = arg(1);
        if (subject.is_string() && search.is_string())
            return subject.get<std::string>().find(search.get<std::string>()) != std::string::npos;
        if (subject.is_array())
            return std::find(subject.begin(), subject.end(), search) != subject.end();
        return false;
    }
    if (name == "starts_with") {
        const ordered_json subject = arg(0), prefix = arg(1);
        return subject.is_string() && prefix.is_string()
            && subject.get<std::string>().starts_with(prefix.get<std::string>());
    }
    if (name == "keys" || name == "values") {
        ordered_json list = ordered_json::array();
        if (arg(0).is_object()) {
            for (const auto &[key, member] : arg(0).items())
                list.push_back(name == "keys" ? ordered_json(key) : member);
        }
        return list;
    }
    if (name == "sort") {
        ordered_json list = arg(0);
        if (!list.is_array())
            return ordered_json();
        std::vector<ordered_json> items(list.begin(), list.end());
        std::sort(items.begin(), items.end());
        return ordered_json(items);
    }
    if (name == "join") {
        std::string text;
        if (arg(1).is_array()) {
            bool first = true;
            for (const ordered_json &item : arg(1)) {
                text += (first ? "" : (arg(0).is_string() ? arg(0).get<std::string>() : "")) +
                        (item.is_string() ? item.get<std::string>() : item.dump());
                first = false;
            }
        }
        return text;
    }
    if (name == "to_string")
        return arg(0).is_string() ? arg(0) : ordered_json(arg(0).dump());
    throw std::runtime_error("unknown function: " + name + "()");
}

ordered_json evaluate(const Node &node, const ordered_json &value)
{
    const auto child = [&](std::size_t i, const ordered_json &v) { return evaluate(*node.children[i], v); };
    switch (node.kind) {
    case Kind::Identity:
        return value;
    case Kind::Field:
        return value.is_object() && value.contains(node.name) ? value.at(node.name) : ordered_json();
    case Kind::Sub:
        return child(1, child(0, value));
    case Kind::Index: {
        if (!value.is_array())
            return ordered_json();
        const long long size = static_cast<long long>(value.size());
        const long long at = node.index < 0 ? size + node.index : node.index;
        return at >= 0 && at < size ? value.at(static_cast<std::size_t>(at)) : ordered_json();
    }
    case Kind::Projection:
    case Kind::ValueProjection: {
        const ordered_json base = child(0, value);
        ordered_json out = ordered_json::array();
        if (node.kind == Kind::Projection ? !base.is_array() : !base.is_object())
            return ordered_json();
        for (const auto &item : base) {
            ordered_json projected = child(1, item);
            if (!projected.is_null())
                out.push_back(std::move(projected));
        }
        return out;
    }
    case Kind::Flatten: {
        const ordered_json base = child(0, value);
        if (!base.is_array())
            return ordered_json();
        ordered_json out = ordered_json::array();
        for (const auto &item : base) {
            if (item.is_array())
                out.insert(out.end(), item.begin(), item.end());
            else
                out.push_back(item);
        }
        return out;
    }
    case Kind::Filter: {
        const ordered_json base = child(0, value);
        if (!base.is_array())
            return ordered_json();
        ordered_json out = ordered_json::array();
        for (const auto &item : base) {
            if (!truthy(child(2, item)))
                continue;
            ordered_json projected = child(1, item);
            if (!projected.is_null())
                out.push_back(std::move(projected));
        }
        return out;
    }
    case Kind::Literal:
        return node.literal;
    case Kind::List: {
        if (value.is_null())
            return ordered_json();
        ordered_json out = ordered_json::array();
        for (std::size_t i = 0; i < node.children.size(); ++i)
            out.push_back(child(i, value));
        return out;
    }
    case Kind::Hash: {
        if (value.is_null())
            return ordered_json();
        ordered_json out = ordered_json::object();
        for (std::size_t i = 0; i < node.children.size(); ++i)
            out[node.keys[i]] = child(i, value);
        return out;
    }
    case Kind::Pipe:
        return child(1, child(0, value));
    case Kind::Or: {
        ordered_json left = child(0, value);
        return truthy(left) ? left : child(1, value);
    }
    case Kind::And: {
        ordered_json left = child(0, value);
        return truthy(left) ? child(1, value) : left;
    }
    case Kind::Not:
        return !truthy(child(0, value));
    case Kind::Compare: {
        const ordered_json a = child(0, value), b = child(1, value);
        if (node.name == "==")
            return a == b;
        if (node.name == "!=")
            return a != b;
        if (!a.is_number() || !b.is_number())
            return ordered_json();
        const double x = a.get<double>(), y = b.get<double>();
        if (node.name == "<") return x < y;
        if (node.name == "<=") return x <= y;
        if (node.name == ">") return x > y;
        return x >= y;
    }
    case Kind::Function:
        return callFunction(node, value);
    }
    return ordered_json();
}

} // namespace

std::optional<AwsCliQuery> AwsCliQuery::parse(std::string_view expression, std::string *error)
{
    try {
        AwsCliQuery query;
        query.m_expression = std::string(expression);
        query.m_root = AwsCliQueryParser::parse(expression);
        return query;
    } catch (const std::exception &e) {
        if (error)
            *error = e.what();
        return std::nullopt;
    }
}

ordered_json AwsCliQuery::search(const ordered_json &value) const
{
    try {
        return m_root ? evaluate(*m_root, value) : value;
    } catch (const std::exception &) {
        return ordered_json();   // an unknown function: nothing matches
    }
}

} // namespace iam
