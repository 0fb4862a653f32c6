#pragma once

// Splits a command line into words as bash does before it runs a simple command:
// blanks separate words; single quotes keep everything literally; double quotes
// keep everything but a backslash before $ ` " \ or a newline; an unquoted
// backslash takes the next character literally; `#` at the start of a word begins
// a comment. Control and redirection operators (| & ; < > ( )) outside quotes are
// reported, not interpreted: the terminal runs one simple command at a time.
// No expansions ($VAR, globs) are performed.
//
//   ShellWords words = ShellLexer::split(R"(aws s3 ls "s3://my bucket" --output 'text')");
//   // words.words == {"aws", "s3", "ls", "s3://my bucket", "--output", "text"}
//
// Pure function; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace iam {

struct ShellWords
{
    std::vector<std::string> words;
    char unterminatedQuote = 0;    // '\'' or '"' when the line ends inside quotes
    std::string unsupportedOperator;   // the first operator outside quotes ("|", ">", "&&", ...)
    bool endsInBlank = true;       // false when the last word runs to the end of the line (completion)

    bool ok() const { return unterminatedQuote == 0 && unsupportedOperator.empty(); }
};

class ShellLexer
{
public:
    static ShellWords split(std::string_view line);
};

} // namespace iam
