#include "JsonLocator.h"

#include <algorithm>
#include <unordered_set>

namespace iam {

JsonLocator::JsonLocator(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            m_lineStarts.push_back(i + 1);
    }
    std::size_t pos = 0;
    skipSpace(pos);
    if (pos < m_text.size())
        scanValue(pos, "", std::string_view::npos);
}

const JsonLocator::Span *JsonLocator::find(const std::string &pointer) const
{
    const auto it = m_spans.find(pointer);
    return it == m_spans.end() ? nullptr : &it->second;
}

SourceLocation JsonLocator::locate(std::size_t offset, const std::string &source, int originLine,
                                   int originColumn) const
{
    offset = std::min(offset, m_text.size());
    const auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const std::size_t lineIndex = static_cast<std::size_t>(next - m_lineStarts.begin()) - 1;
    int column = 1;
    for (std::size_t i = m_lineStarts[lineIndex]; i < offset; ++i) {
        // Count characters: UTF-8 continuation bytes do not start a column.
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
            ++column;
    }
    if (lineIndex == 0)
        return {source, originLine, originColumn + column - 1};
    return {source, originLine + static_cast<int>(lineIndex), column};
}

std::string JsonLocator::escapeSegment(std::string_view key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

void JsonLocator::skipSpace(std::size_t &pos) const
{
    while (pos < m_text.size() && (m_text[pos] == ' ' || m_text[pos] == '\t' || m_text[pos] == '\n' || m_text[pos] == '\r'))
        ++pos;
}

std::string JsonLocator::readString(std::size_t &pos) const
{
    // At the opening quote; decodes escapes the way nlohmann/json does, so that
    // pointers built from decoded keys find their spans.
    std::string out;
    ++pos;
    while (pos < m_text.size() && m_text[pos] != '"') {
        char c = m_text[pos++];
        if (c != '\\' || pos >= m_text.size()) {
            out += c;
            continue;
        }
        c = m_text[pos++];
        switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
            unsigned code = 0;
            for (int i = 0; i < 4 && pos < m_text.size(); ++i, ++pos) {
                const char h = m_text[pos];
                code = code * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            if (code >= 0xD800 && code <= 0xDBFF && pos + 6 <= m_text.size() && m_text[pos] == '\\') {
                unsigned low = 0;
                for (std::size_t i = pos + 2; i < pos + 6; ++i) {
                    const char h = m_text[i];
                    low = low * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                pos += 6;
            }
            if (code < 0x80) {
                out += static_cast<char>(code);
            } else if (code < 0x800) {
                out += static_cast<char>(0xC0 | (code >> 6));
                out += static_cast<char>(0x80 | (code & 0x3F));
            } else if (code < 0x10000) {
                out += static_cast<char>(0xE0 | (code >> 12));
                out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (code & 0x3F));
            } else {
                out += static_cast<char>(0xF0 | (code >> 18));
                out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
                out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (code & 0x3F));
            }
            break;
        }
        default: out += c; break;   // \" \\ \/
        }
    }
    ++pos;   // the closing quote
    return out;
}

void JsonLocator::scanValue(std::size_t &pos, const std::string &pointer, std::size_t keyBegin)
{
    const std::size_t begin = pos;
    const char c = m_text[pos];
    if (c == '{') {
        ++pos;
        std::unordered_set<std::string> seen;
        skipSpace(pos);
        while (pos < m_text.size() && m_text[pos] != '}') {
            const std::size_t memberKey = pos;
            const std::string key = readString(pos);
            const std::string memberPointer = pointer + '/' + escapeSegment(key);
            if (!seen.insert(key).second)
                m_duplicates.push_back({memberPointer, memberKey});
            skipSpace(pos);
            ++pos;   // ':'
            skipSpace(pos);
            scanValue(pos, memberPointer, memberKey);
            skipSpace(pos);
            if (pos < m_text.size() && m_text[pos] == ',') {
                ++pos;
                skipSpace(pos);
            }
        }
        ++pos;
    } else if (c == '[') {
        ++pos;
        skipSpace(pos);
        for (int index = 0; pos < m_text.size() && m_text[pos] != ']'; ++index) {
            scanValue(pos, pointer + '/' + std::to_string(index), std::string_view::npos);
            skipSpace(pos);
            if (pos < m_text.size() && m_text[pos] == ',') {
                ++pos;
                skipSpace(pos);
            }
        }
        ++pos;
    } else if (c == '"') {
        readString(pos);
    } else {
        // number, true, false, null
        while (pos < m_text.size() && m_text[pos] != ',' && m_text[pos] != '}' && m_text[pos] != ']'
               && m_text[pos] != ' ' && m_text[pos] != '\n' && m_text[pos] != '\r' && m_text[pos] != '\t')
            ++pos;
    }
    // With duplicate keys the later value wins, as in nlohmann/json.
    m_spans[pointer] = Span{begin, pos, keyBegin};
}

} // namespace iam
