#include "Wildcard.h"

namespace iam {

namespace {

// One pattern element at `p`: how many pattern bytes it takes and whether it
// matches the text byte `c`.
struct Element
{
    int length;
    bool star;
    bool matchesAny;   // `?`
    char literal;
};

Element elementAt(std::string_view pattern, std::size_t p)
{
    const char c = pattern[p];
    if (c == kLiteralEscape && p + 1 < pattern.size())
        return {2, false, false, pattern[p + 1]};
    if (c == '*')
        return {1, true, false, 0};
    if (c == '?')
        return {1, false, true, 0};
    return {1, false, false, c};
}

} // namespace

bool wildcardMatch(std::string_view pattern, std::string_view text)
{
    // Greedy with a single backtrack point: on a mismatch, the last `*` takes one
    // more character. Enough for globs, where a later `*` supersedes earlier ones.
    std::size_t p = 0, t = 0;
    std::size_t starPattern = std::string_view::npos, starText = 0;
    while (t < text.size()) {
        if (p < pattern.size()) {
            const Element e = elementAt(pattern, p);
            if (e.star) {
                starPattern = p + 1;
                starText = t;
                p += 1;
                continue;
            }
            if (e.matchesAny || e.literal == text[t]) {
                p += e.length;
                ++t;
                continue;
            }
        }
        if (starPattern == std::string_view::npos)
            return false;
        p = starPattern;
        t = ++starText;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

void appendEscaped(std::string &out, std::string_view literal)
{
    for (char c : literal) {
        if (c == '*' || c == '?' || c == '$' || c == kLiteralEscape)
            out += kLiteralEscape;
        out += c;
    }
}

std::string unescaped(std::string_view pattern)
{
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == kLiteralEscape && i + 1 < pattern.size())
            ++i;
        out += pattern[i];
    }
    return out;
}

Wildcard::Wildcard(std::string pattern)
    : m_pattern(std::move(pattern))
{
    bool escapes = false, questions = false;
    std::size_t stars = 0, firstStar = std::string::npos;
    for (std::size_t i = 0; i < m_pattern.size(); ++i) {
        const char c = m_pattern[i];
        if (c == kLiteralEscape) {
            escapes = true;
            ++i;
        } else if (c == '*') {
            if (firstStar == std::string::npos)
                firstStar = i;
            ++stars;
        } else if (c == '?') {
            questions = true;
        }
    }
    if (m_pattern == "*") {
        m_kind = Kind::Any;
    } else if (stars == 0 && !questions) {
        m_kind = Kind::Exact;
        m_literal = escapes ? unescaped(m_pattern) : m_pattern;
    } else if (stars == 1 && !questions && !escapes && firstStar == m_pattern.size() - 1) {
        m_kind = Kind::Prefix;
        m_literal = m_pattern.substr(0, firstStar);
    } else if (!questions && !escapes) {
        m_kind = Kind::Segments;
        std::size_t start = 0;
        for (std::size_t star = m_pattern.find('*'); ; star = m_pattern.find('*', start)) {
            m_segments.push_back(m_pattern.substr(start, star - start));
            if (star == std::string::npos)
                break;
            start = star + 1;
        }
    } else {
        m_kind = Kind::Glob;
    }
}

bool Wildcard::matchSegments(std::string_view text) const
{
    // "a*b*c": text starts with "a", ends with "c", and holds "b" in between. Taking
    // each middle piece at its leftmost place is always right when only `*` is used.
    const std::string &first = m_segments.front();
    const std::string &last = m_segments.back();
    if (text.size() < first.size() + last.size() || !text.starts_with(first) || !text.ends_with(last))
        return false;
    std::string_view middle = text.substr(first.size(), text.size() - first.size() - last.size());
    for (std::size_t i = 1; i + 1 < m_segments.size(); ++i) {
        const std::size_t at = middle.find(m_segments[i]);
        if (at == std::string_view::npos)
            return false;
        middle.remove_prefix(at + m_segments[i].size());
    }
    return true;
}

} // namespace iam
