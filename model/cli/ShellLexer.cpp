#include "ShellLexer.h"

namespace iam {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isOperatorChar(char c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')';
}

} // namespace

ShellWords ShellLexer::split(std::string_view line)
{
    ShellWords result;
    std::string word;
    bool inWord = false;   // a word has started (even an empty quoted one: '' is a word)
    const auto finishWord = [&] {
        if (inWord)
            result.words.push_back(std::move(word));
        word.clear();
        inWord = false;
    };

    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (isBlank(c)) {
            finishWord();
            ++i;
            continue;
        }
        if (c == '#' && !inWord)
            break;   // a comment runs to the end of the line
        if (isOperatorChar(c)) {
            if (result.unsupportedOperator.empty()) {
                std::size_t end = i + 1;
                // Two-character operators: || && ;; >> << >& <& >| &>
                if (end < line.size() && isOperatorChar(line[end]) && line[end] != '(' && line[end] != ')')
                    ++end;
                result.unsupportedOperator = std::string(line.substr(i, end - i));
            }
            finishWord();
            ++i;
            continue;
        }
        inWord = true;
        if (c == '\\') {
            if (i + 1 < line.size()) {
                // Backslash-newline is a line continuation: both vanish.
                if (line[i + 1] != '\n')
                    word += line[i + 1];
                i += 2;
            } else {
                ++i;   // a trailing backslash escapes nothing
            }
            continue;
        }
        if (c == '\'') {
            const std::size_t close = line.find('\'', i + 1);
            if (close == std::string_view::npos) {
                result.unterminatedQuote = '\'';
                word += line.substr(i + 1);
                i = line.size();
                continue;
            }
            word += line.substr(i + 1, close - i - 1);
            i = close + 1;
            continue;
        }
        if (c == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                const char d = line[i];
                if (d == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == '\\' && i + 1 < line.size()) {
                    const char next = line[i + 1];
                    if (next == '$' || next == '`' || next == '"' || next == '\\') {
                        word += next;
                        i += 2;
                        continue;
                    }
                    if (next == '\n') {
                        i += 2;
                        continue;
                    }
                }
                word += d;
                ++i;
            }
            if (!closed)
                result.unterminatedQuote = '"';
            continue;
        }
        word += c;
        ++i;
    }
    result.endsInBlank = !inWord;
    finishWord();
    return result;
}

} // namespace iam
