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
#include <vector>

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
    // Segments: only `*` wildcards (no `?`, no escapes), matched as literal pieces
    // found in order; Glob: anything else, matched by wildcardMatch().
    enum class Kind { Any, Exact, Prefix, Segments, Glob };

    Wildcard() = default;
    explicit Wildcard(std::string pattern);

    bool matches(std::string_view text) const
    {
        switch (m_kind) {
        case Kind::Any: return true;
        case Kind::Exact: return text == m_literal;
        case Kind::Prefix: return text.starts_with(m_literal);
        case Kind::Segments: return matchSegments(text);
        case Kind::Glob: return wildcardMatch(m_pattern, text);
        }
        return false;
    }

    Kind kind() const { return m_kind; }
    const std::string &pattern() const { return m_pattern; }
    bool hasWildcards() const { return m_kind != Kind::Exact; }

private:
    bool matchSegments(std::string_view text) const;

    std::string m_pattern;
    std::vector<std::string> m_segments;   // Segments: the literal pieces between stars
    std::string m_literal;   // Exact: the text (unescaped); Prefix: the part before `*`
    Kind m_kind = Kind::Exact;
};

} // namespace iam
