#pragma once

// Where each value of a JSON text stands. nlohmann/json 3.11 keeps no positions, so
// after it has accepted a text, this scans the same text once and records the span
// of every value by its JSON pointer ("/Statement/0/Condition"). It also notices
// what nlohmann/json silently resolves: a key given twice in one object.

#include "Diagnostic.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iam {

struct TextOrigin;

class JsonLocator
{
public:
    struct Span
    {
        std::size_t begin = 0;   // first byte of the value
        std::size_t end = 0;     // one past its last byte
        std::size_t keyBegin = std::string_view::npos;   // the member's key, for object members
    };

    struct DuplicateKey
    {
        std::string pointer;     // of the later occurrence
        std::size_t keyBegin = 0;
    };

    // `text` must be JSON that nlohmann/json accepted; the locator keeps a view of it.
    explicit JsonLocator(std::string_view text);

    // The span of the value at `pointer` ("" is the whole document); nullptr if none.
    const Span *find(const std::string &pointer) const;
    const std::vector<DuplicateKey> &duplicateKeys() const { return m_duplicates; }

    // 1-based line and column (in characters, not bytes) of a byte offset.
    SourceLocation locate(std::size_t offset, const std::string &source, int originLine = 1,
                          int originColumn = 1) const;

    // A pointer segment with `~` and `/` escaped as RFC 6901 says.
    static std::string escapeSegment(std::string_view key);

private:
    void scanValue(std::size_t &pos, const std::string &pointer, std::size_t keyBegin);
    void skipSpace(std::size_t &pos) const;
    std::string readString(std::size_t &pos) const;

    std::string_view m_text;
    std::unordered_map<std::string, Span> m_spans;
    std::vector<DuplicateKey> m_duplicates;
    std::vector<std::size_t> m_lineStarts;
};

} // namespace iam
