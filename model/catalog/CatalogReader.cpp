#include "CatalogReader.h"

#include <cstring>
#include <filesystem>
#include <fstream>

namespace iam {

namespace {

// Deeper than any catalog or policy document; keeps hostile input off the stack's end.
constexpr int kMaxDepth = 256;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, unsigned long codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// What a value starting with `c` is, for "must be a string, not ..." messages.
const char *kindOf(char c)
{
    switch (c) {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "true or false";
    case 'n': return "null";
    default: return "a number";
    }
}

} // namespace

void CatalogReader::fail(std::size_t offset, std::string message) const
{
    throw Error{"CATALOG_FORMAT", offset, std::move(message)};
}

void CatalogReader::failSyntax(std::size_t offset, std::string message) const
{
    throw Error{"JSON_SYNTAX", offset, std::move(message)};
}

void CatalogReader::skipSpace()
{
    while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
        ++m_pos;
}

std::size_t CatalogReader::valueOffset()
{
    skipSpace();
    if (m_pos >= m_text.size())
        failSyntax(m_pos, "unexpected end of the file where a value belongs");
    return m_pos;
}

bool CatalogReader::consume(char c)
{
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
        ++m_pos;
        return true;
    }
    return false;
}

void CatalogReader::beginObject(std::string_view what)
{
    const std::size_t at = valueOffset();
    if (m_text[at] != '{') {
        skipValue();   // a syntax error in the value is reported first
        fail(at, std::string(what) + " must be an object, not " + kindOf(m_text[at]));
    }
    ++m_pos;
}

void CatalogReader::beginArray(std::string_view what)
{
    const std::size_t at = valueOffset();
    if (m_text[at] != '[') {
        skipValue();
        fail(at, std::string(what) + " must be an array, not " + kindOf(m_text[at]));
    }
    ++m_pos;
}

bool CatalogReader::endOfMember(char close, const char *expected)
{
    if (consume(','))
        return true;
    if (consume(close))
        return false;
    failSyntax(m_pos, std::string("expected ") + expected);
}

std::string_view CatalogReader::readKey(std::string &buffer)
{
    skipSpace();
    if (m_pos >= m_text.size() || m_text[m_pos] != '"')
        failSyntax(m_pos, "expected a member name in double quotes");
    const std::string_view key = scanString(buffer);
    if (!consume(':'))
        failSyntax(m_pos, "expected `:` after a member name");
    return key;
}

std::string_view CatalogReader::scanString(std::string &buffer)
{
    const std::size_t open = m_pos++;
    // The common case: no escapes, so the text itself is the value.
    std::size_t end = m_pos;
    while (end < m_text.size() && m_text[end] != '"' && m_text[end] != '\\'
           && static_cast<unsigned char>(m_text[end]) >= 0x20)
        ++end;
    if (end < m_text.size() && m_text[end] == '"') {
        const std::string_view view = m_text.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        return view;
    }
    buffer.assign(m_text.substr(m_pos, end - m_pos));
    m_pos = end;
    while (true) {
        if (m_pos >= m_text.size())
            failSyntax(open, "unterminated string");
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            return buffer;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            failSyntax(m_pos, "control character in a string (write it as an escape)");
        if (c == '\\') {
            appendEscape(buffer);
        } else {
            buffer += c;
            ++m_pos;
        }
    }
}

void CatalogReader::appendEscape(std::string &out)
{
    const std::size_t at = m_pos++;   // the backslash
    if (m_pos >= m_text.size())
        failSyntax(at, "unterminated string");
    const char c = m_text[m_pos++];
    switch (c) {
    case '"': out += '"'; return;
    case '\\': out += '\\'; return;
    case '/': out += '/'; return;
    case 'b': out += '\b'; return;
    case 'f': out += '\f'; return;
    case 'n': out += '\n'; return;
    case 'r': out += '\r'; return;
    case 't': out += '\t'; return;
    case 'u': break;
    default: failSyntax(at, std::string("invalid escape `\\") + c + "`");
    }
    const auto readHex = [&]() -> unsigned long {
        if (m_pos + 4 > m_text.size())
            failSyntax(at, "`\\u` needs four hexadecimal digits");
        unsigned long value = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(m_text[m_pos++]);
            if (digit < 0)
                failSyntax(at, "`\\u` needs four hexadecimal digits");
            value = value * 16 + static_cast<unsigned long>(digit);
        }
        return value;
    };
    unsigned long codePoint = readHex();
    if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
        failSyntax(at, "`\\u` escape of a lone low surrogate");
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
        // A high surrogate must be followed by the escaped low one (JSON's UTF-16 pairs).
        if (m_pos + 2 > m_text.size() || m_text[m_pos] != '\\' || m_text[m_pos + 1] != 'u')
            failSyntax(at, "`\\u` escape of a lone high surrogate");
        m_pos += 2;
        const unsigned long low = readHex();
        if (low < 0xDC00 || low > 0xDFFF)
            failSyntax(at, "`\\u` escape of a lone high surrogate");
        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(out, codePoint);
}

std::string CatalogReader::readString(std::string_view what)
{
    const std::size_t at = valueOffset();
    if (m_text[at] != '"') {
        skipValue();
        fail(at, std::string(what) + " must be a string, not " + kindOf(m_text[at]));
    }
    std::string buffer;
    const std::string_view value = scanString(buffer);
    return value.data() == buffer.data() ? std::move(buffer) : std::string(value);
}

bool CatalogReader::readBool(std::string_view what)
{
    const std::size_t at = valueOffset();
    const char c = m_text[at];
    skipValue();
    if (c != 't' && c != 'f')
        fail(at, std::string(what) + " must be true or false, not " + kindOf(c));
    return c == 't';
}

long long CatalogReader::readInteger(std::string_view what)
{
    const std::size_t at = valueOffset();
    const std::string_view text = skipValue();
    const bool integer = !text.empty() && text.size() <= 18
        && text.find_first_not_of("-0123456789") == std::string_view::npos;
    if (!integer)
        fail(at, std::string(what) + " must be an integer, not `" + std::string(text.substr(0, 40)) + "`");
    long long value = 0;
    for (char c : text.substr(text[0] == '-' ? 1 : 0))
        value = value * 10 + (c - '0');
    return text[0] == '-' ? -value : value;
}

std::string_view CatalogReader::skipValue()
{
    const std::size_t begin = valueOffset();
    skipNested(0);
    return m_text.substr(begin, m_pos - begin);
}

void CatalogReader::skipNested(int depth)
{
    if (depth > kMaxDepth)
        failSyntax(m_pos, "values nested too deeply");
    const char c = m_text[valueOffset()];
    std::string ignored;
    switch (c) {
    case '{':
        ++m_pos;
        if (consume('}'))
            return;
        do {
            readKey(ignored);
            skipNested(depth + 1);
        } while (endOfMember('}', "`,` or `}` after an object member"));
        return;
    case '[':
        ++m_pos;
        if (consume(']'))
            return;
        do {
            skipNested(depth + 1);
        } while (endOfMember(']', "`,` or `]` after an array element"));
        return;
    case '"': scanString(ignored); return;
    case 't': skipLiteral("true"); return;
    case 'f': skipLiteral("false"); return;
    case 'n': skipLiteral("null"); return;
    default: skipNumber(); return;
    }
}

void CatalogReader::skipLiteral(std::string_view literal)
{
    if (m_text.substr(m_pos, literal.size()) != literal)
        failSyntax(m_pos, "expected a value");
    m_pos += literal.size();
}

void CatalogReader::skipNumber()
{
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const std::size_t begin = m_pos;
    const auto digits = [&]() {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
        return m_pos > start;
    };
    if (m_pos < m_text.size() && m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '0')
        ++m_pos;
    else if (!digits())
        failSyntax(begin, "expected a value");
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (!digits())
            failSyntax(m_pos, "expected a digit after the decimal point");
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (!digits())
            failSyntax(m_pos, "expected a digit in the exponent");
    }
}

void CatalogReader::expectEnd()
{
    skipSpace();
    if (m_pos < m_text.size())
        failSyntax(m_pos, "unexpected text after the end of the document");
}

SourceLocation CatalogReader::locate(std::string_view text, std::size_t offset, const std::string &source)
{
    offset = std::min(offset, text.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;   // UTF-8 continuation bytes do not start a column
        }
    }
    return {source, line, column};
}

bool readCatalogFile(const std::string &path, std::string &text, Diagnostic &error)
{
    std::error_code failure;
    // A directory opens like a file on Linux, then reads as empty: refuse it here.
    const bool regular = std::filesystem::is_regular_file(path, failure);
    const std::uintmax_t size = regular ? std::filesystem::file_size(path, failure) : 0;
    if (regular && !failure) {
        std::ifstream in(path, std::ios::binary);
        text.resize(static_cast<std::size_t>(size));
        // One read into the final buffer: the files are megabytes, and load time counts.
        if (in.is_open() && in.read(text.data(), static_cast<std::streamsize>(size)))
            return true;
    }
    error = Diagnostic{Diagnostic::Severity::Error, "CATALOG_IO", "cannot read the catalog file", {path, 0, 0}};
    return false;
}

Diagnostic catalogDiagnostic(const CatalogReader::Error &error, std::string_view text, const std::string &source)
{
    return {Diagnostic::Severity::Error, error.code, error.message, CatalogReader::locate(text, error.offset, source)};
}

} // namespace iam
