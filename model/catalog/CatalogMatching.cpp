#include "CatalogMatching.h"

#include <algorithm>
#include <vector>

namespace iam::catalogmatching {

std::string lowercase(std::string_view text)
{
    std::string lower(text);
    for (char &c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit)
{
    const std::size_t lengthGap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (lengthGap > limit)
        return limit + 1;
    // Three rows of the dynamic programme: two back (for swaps), one back, current.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t rowMinimum = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            rowMinimum = std::min(rowMinimum, current[j]);
        }
        if (rowMinimum > limit)
            return limit + 1;   // every later row only grows
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

std::string placeholderPattern(std::string_view text, bool lower)
{
    std::string pattern;
    pattern.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool dollar = c == '$' && i + 1 < text.size() && text[i + 1] == '{';
        if (dollar || c == '<') {
            const std::size_t close = text.find(dollar ? '}' : '>', i);
            if (close != std::string_view::npos) {
                pattern += "?*";
                i = close;
                continue;
            }
        }
        pattern += (lower && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return pattern;
}

bool hasPlaceholder(std::string_view text)
{
    const std::size_t dollar = text.find("${");
    if (dollar != std::string_view::npos && text.find('}', dollar) != std::string_view::npos)
        return true;
    const std::size_t angle = text.find('<');
    return angle != std::string_view::npos && text.find('>', angle) != std::string_view::npos;
}

} // namespace iam::catalogmatching
