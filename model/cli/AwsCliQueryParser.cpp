#include "AwsCliQueryParser.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace iam {

using ordered_json = nlohmann::ordered_json;

namespace {

using Node = AwsCliQuery::Node;
using NodePtr = std::shared_ptr<Node>;
using Kind = Node::Kind;

struct Token
{
    std::string type;    // "id", "quoted", "literal", "number", "eof", or the operator text
    std::string text;
    ordered_json value;
};

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> tokens;
    std::size_t i = 0;
    const auto fail = [&](const std::string &why) { throw std::runtime_error(why); };
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_'))
                ++j;
            tokens.push_back({"id", std::string(s.substr(i, j - i)), {}});
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '-' && i + 1 < s.size()
                                                                   && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
            std::size_t j = i + 1;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                ++j;
            tokens.push_back({"number", std::string(s.substr(i, j - i)), {}});
            i = j;
        } else if (c == '"' || c == '\'' || c == '`') {
            std::size_t j = i + 1;
            std::string body;
            while (j < s.size() && s[j] != c) {
                if (s[j] == '\\' && j + 1 < s.size()) {
                    if (c != '"' && s[j + 1] != c)
                        body += '\\';
                    else if (c == '"')
                        body += '\\';
                    body += s[j + 1];
                    j += 2;
                    continue;
                }
                body += s[j++];
            }
            if (j >= s.size())
                fail(std::string("unclosed ") + c + " delimiter");
            if (c == '\'') {
                tokens.push_back({"literal", body, ordered_json(body)});
            } else if (c == '"') {
                const ordered_json parsed = ordered_json::parse("\"" + body + "\"", nullptr, false);
                if (parsed.is_discarded())
                    fail("invalid quoted identifier");
                tokens.push_back({"quoted", parsed.get<std::string>(), {}});
            } else {
                ordered_json parsed = ordered_json::parse(body, nullptr, false);
                if (parsed.is_discarded())
                    parsed = ordered_json(body);   // the legacy literal form: `foo` is "foo"
                tokens.push_back({"literal", body, parsed});
            }
            i = j + 1;
        } else {
            static const std::vector<std::string> operators = {"[?", "[]", "||", "&&", "==", "!=", "<=", ">=", ".",
                                                               "*", "[", "]", "{", "}", "(", ")", ",", ":", "|",
                                                               "<", ">", "!", "@"};
            const auto op = std::find_if(operators.begin(), operators.end(),
                                         [&](const std::string &o) { return s.substr(i).starts_with(o); });
            if (op == operators.end())
                fail(std::string("unknown token '") + c + "'");
            tokens.push_back({*op, *op, {}});
            i += op->size();
        }
    }
    tokens.push_back({"eof", "", {}});
    return tokens;
}

int bindingPower(const std::string &type)
{
    if (type == "|") return 1;
    if (type == "||") return 2;
    if (type == "&&") return 3;
    if (type == "==" || type == "!=" || type == "<" || type == "<=" || type == ">" || type == ">=") return 5;
    if (type == "[]") return 9;
    if (type == "*") return 20;
    if (type == "[?") return 21;
    if (type == ".") return 40;
    if (type == "!") return 45;
    if (type == "{") return 50;
    if (type == "[") return 55;
    if (type == "(") return 60;
    return 0;
}

NodePtr make(Kind kind, std::vector<NodePtr> children = {})
{
    auto node = std::make_shared<Node>();
    node->kind = kind;
    node->children = std::move(children);
    return node;
}

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    NodePtr parseAll()
    {
        NodePtr node = expression(0);
        if (peek().type != "eof")
            fail("unexpected token '" + peek().text + "'");
        return node;
    }

private:
    const Token &peek(int ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
    Token next() { return m_tokens[std::min(m_pos++, m_tokens.size() - 1)]; }
    [[noreturn]] static void fail(const std::string &why) { throw std::runtime_error(why); }
    void expect(const std::string &type)
    {
        if (peek().type != type)
            fail("expected '" + type + "', got '" + (peek().type == "eof" ? "EOF" : peek().text) + "'");
        next();
    }

    NodePtr expression(int rbp)
    {
        NodePtr left = nud(next());
        while (rbp < bindingPower(peek().type))
            left = led(next(), left);
        return left;
    }

    NodePtr projectionRhs(int bp)
    {
        const std::string &type = peek().type;
        if (bindingPower(type) < 10)
            return make(Kind::Identity);
        if (type == "[" || type == "[?")
            return expression(bp);
        if (type == ".") {
            next();
            return dotRhs(bp);
        }
        fail("syntax error after a projection");
    }

    NodePtr dotRhs(int bp)
    {
        const std::string &type = peek().type;
        if (type == "id" || type == "quoted" || type == "*")
            return expression(bp);
        if (type == "[") {
            next();
            return multiList();
        }
        if (type == "{") {
            next();
            return multiHash();
        }
        fail("expected an identifier after '.'");
    }

    NodePtr multiList()
    {
        NodePtr node = make(Kind::List);
        while (true) {
            node->children.push_back(expression(0));
            if (peek().type == "]")
                break;
            expect(",");
        }
        expect("]");
        return node;
    }

    NodePtr multiHash()
    {
        NodePtr node = make(Kind::Hash);
        while (true) {
            const Token key = next();
            if (key.type != "id" && key.type != "quoted")
                fail("expected a key in a multi-select hash");
            expect(":");
            node->keys.push_back(key.text);
            node->children.push_back(expression(0));
            if (peek().type == "}")
                break;
            expect(",");
        }
        expect("}");
        return node;
    }

    NodePtr indexNode()
    {
        NodePtr node = make(Kind::Index);
        node->index = std::stoll(next().text);
        expect("]");
        return node;
    }

    NodePtr nud(const Token &token)
    {
        const std::string &type = token.type;
        if (type == "id" || type == "quoted") {
            NodePtr node = make(Kind::Field);
            node->name = token.text;
            return node;
        }
        if (type == "literal") {
            NodePtr node = make(Kind::Literal);
            node->literal = token.value;
            return node;
        }
        if (type == "@")
            return make(Kind::Identity);
        if (type == "*")
            return make(Kind::ValueProjection, {make(Kind::Identity), projectionRhs(bindingPower("*"))});
        if (type == "[?")
            return led(token, make(Kind::Identity));
        if (type == "{")
            return multiHash();
        if (type == "(") {
            NodePtr inner = expression(0);
            expect(")");
            return inner;
        }
        if (type == "[]")
            return make(Kind::Projection, {make(Kind::Flatten, {make(Kind::Identity)}), projectionRhs(9)});
        if (type == "!")
            return make(Kind::Not, {expression(bindingPower("!"))});
        if (type == "[") {
            if (peek().type == "number")
                return make(Kind::Sub, {make(Kind::Identity), indexNode()});
            if (peek().type == "*" && peek(1).type == "]") {
                next();
                next();
                return make(Kind::Projection, {make(Kind::Identity), projectionRhs(bindingPower("*"))});
            }
            return multiList();
        }
        fail(type == "eof" ? "unexpected end of expression" : "unexpected token '" + token.text + "'");
    }

    NodePtr led(const Token &token, NodePtr left)
    {
        const std::string &type = token.type;
        if (type == ".") {
            if (peek().type == "*") {
                next();
                return make(Kind::ValueProjection, {left, projectionRhs(bindingPower("."))});
            }
            return make(Kind::Sub, {left, dotRhs(bindingPower("."))});
        }
        if (type == "|")
            return make(Kind::Pipe, {left, expression(bindingPower("|"))});
        if (type == "||")
            return make(Kind::Or, {left, expression(bindingPower("||"))});
        if (type == "&&")
            return make(Kind::And, {left, expression(bindingPower("&&"))});
        if (bindingPower(type) == 5) {
            NodePtr node = make(Kind::Compare, {left, expression(5)});
            node->name = type;
            return node;
        }
        if (type == "[]")
            return make(Kind::Projection, {make(Kind::Flatten, {left}), projectionRhs(9)});
        if (type == "[?") {
            NodePtr condition = expression(0);
            expect("]");
            NodePtr right = peek().type == "[]" ? make(Kind::Identity) : projectionRhs(bindingPower("[?"));
            return make(Kind::Filter, {left, right, condition});
        }
        if (type == "[") {
            if (peek().type == "number")
                return make(Kind::Sub, {left, indexNode()});
            expect("*");
            expect("]");
            return make(Kind::Projection, {left, projectionRhs(bindingPower("*"))});
        }
        if (type == "(") {
            if (left->kind != Kind::Field)
                fail("invalid function call");
            NodePtr node = make(Kind::Function);
            node->name = left->name;
            while (peek().type != ")") {
                node->children.push_back(expression(0));
                if (peek().type != ")")
                    expect(",");
            }
            expect(")");
            return node;
        }
        fail("unexpected token '" + token.text + "'");
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
};

} // namespace

std::shared_ptr<const AwsCliQuery::Node> AwsCliQueryParser::parse(std::string_view expression)
{
    return Parser(tokenize(expression)).parseAll();
}

} // namespace iam
