#pragma once

// A pull reader over the catalog files' JSON, for ServiceCatalog and
// ManagedPolicyCatalog. Internal to model/catalog.
//
// Why not nlohmann/json: services.json and managed-policies.json are 4-5 MB each,
// and nlohmann/json 3.11 needs ~150 ms to build a DOM of either (~75 ms just to
// tokenise one through its SAX interface) where this reads both, straight into the
// catalogs' structures, in well under that. Reading in place also gives every error
// its exact position, and a policy document's raw text, in AWS's member order, with
// no re-serialisation.
//
//   CatalogReader reader(text);
//   reader.readObject([&](std::string_view key) {
//       if (key == "n") name = reader.readString(key);
//       else reader.skipValue();            // members a newer generator added
//   });
//   reader.expectEnd();
//
// Every problem throws CatalogReader::Error, holding the byte offset it concerns; the
// catalogs catch it inside their load functions and turn it into a Diagnostic with
// locate(). Bounds-checked throughout: any byte sequence gives a value or an Error.

#include "Diagnostic.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace iam {

class CatalogReader
{
public:
    struct Error
    {
        const char *code;      // "JSON_SYNTAX" (not JSON) or "CATALOG_FORMAT" (JSON of the wrong shape)
        std::size_t offset;    // the byte the problem is at
        std::string message;   // lowercase, no final period, names in backticks
    };

    explicit CatalogReader(std::string_view text) : m_text(text) {}

    // The offset of the next value (after white space): where an error about it points.
    std::size_t valueOffset();

    // Calls onMember(key) for each member of the object that comes next; onMember
    // must read or skip the member's value. `what` names the value in errors, as it
    // starts a sentence: "`doc`", "each element of `a`".
    template <typename OnMember>
    void readObject(OnMember onMember, std::string_view what)
    {
        beginObject(what);
        if (consume('}'))
            return;
        std::string keyBuffer;
        do {
            onMember(readKey(keyBuffer));
        } while (endOfMember('}', "`,` or `}` after an object member"));
    }

    // Calls onElement() for each element of the array that comes next; onElement must
    // read or skip the element.
    template <typename OnElement>
    void readArray(OnElement onElement, std::string_view what)
    {
        beginArray(what);
        if (consume(']'))
            return;
        do {
            onElement();
        } while (endOfMember(']', "`,` or `]` after an array element"));
    }

    // A string value; a CATALOG_FORMAT error ("`n` must be a string, not a number")
    // if the value is another kind.
    std::string readString(std::string_view what);
    bool readBool(std::string_view what);
    long long readInteger(std::string_view what);
    // Skips any value, checking its syntax; returns its text.
    std::string_view skipValue();
    // Only white space may follow the document.
    void expectEnd();

    [[noreturn]] void fail(std::size_t offset, std::string message) const;
    [[noreturn]] void failSyntax(std::size_t offset, std::string message) const;

    // 1-based line and column (in characters) of a byte offset of `text`.
    static SourceLocation locate(std::string_view text, std::size_t offset, const std::string &source);

private:
    void skipSpace();
    bool consume(char c);
    void beginObject(std::string_view what);
    void beginArray(std::string_view what);
    bool endOfMember(char close, const char *expected);
    std::string_view readKey(std::string &buffer);
    // Reads the string at m_pos (its opening quote); a view of the text when it has no
    // escapes, else the decoded text in `buffer` and a view of that.
    std::string_view scanString(std::string &buffer);
    void appendEscape(std::string &out);
    void skipNumber();
    void skipLiteral(std::string_view literal);
    void skipNested(int depth);

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Reads a whole file; false with `error` set (code CATALOG_IO) when it cannot.
bool readCatalogFile(const std::string &path, std::string &text, Diagnostic &error);

// The Diagnostic for a reader error in `text`, at its line and column.
Diagnostic catalogDiagnostic(const CatalogReader::Error &error, std::string_view text, const std::string &source);

} // namespace iam
