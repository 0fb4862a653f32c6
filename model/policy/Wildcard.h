#pragma once

// IAM's wildcards: `*` matches any run of characters (also none), `?` exactly one.
// A compiled Wildcard recognises the common shapes (everything, an exact name, a
// prefix) so that matching them is a comparison, not a search.
//
// Literal `*`, `?` and `$` (from the policy variables `${*}`, `${?}`, `${$}`, and
// from substituted variable values) are written as kLiteralEscape followed by the
// character: the escape never occurs in ARNs or action names.

#include <string>
#include <string_view>

namespace iam {

inline constexpr char kLiteralEscape = '\x01';

// Matches `text` against a pattern with `*`, `?` and escaped literals; linear in
// practice (greedy with one backtrack point). Case-sensitive: callers lowercase
// both sides where IAM is case-insensitive.
bool wildcardMatch(std::string_view pattern, std::string_view text);

// Escapes `*`, `?` and `$` in a literal so that wildcardMatch takes them as themselves.
void appendEscaped(std::string &out, std::string_view literal);

// The pattern with its escapes removed: what it means as plain text.
std::string unescaped(std::string_view pattern);

class Wildcard
{
public:
    enum class Kind { Any, Exact, Prefix, Glob };

    Wildcard() = default;
    explicit Wildcard(std::string pattern);

    bool matches(std::string_view text) const
    {
        switch (m_kind) {
        case Kind::Any: return true;
        case Kind::Exact: return text == m_literal;
        case Kind::Prefix: return text.starts_with(m_literal);
        case Kind::Glob: return wildcardMatch(m_pattern, text);
        }
        return false;
    }

    Kind kind() const { return m_kind; }
    const std::string &pattern() const { return m_pattern; }
    bool hasWildcards() const { return m_kind != Kind::Exact; }

private:
    std::string m_pattern;
    std::string m_literal;   // Exact: the text (unescaped); Prefix: the part before `*`
    Kind m_kind = Kind::Exact;
};

} // namespace iam
