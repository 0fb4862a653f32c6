#pragma once

// Errors are values: every stage of the engine reports problems as Diagnostics,
// each with a position, printed as `source:line:column: error: message`.

#include <string>
#include <vector>

namespace iam {

// A position in a policy's text. Lines and columns count from 1; 0 means unknown.
struct SourceLocation
{
    std::string source;   // "PolicyInputList.1", "policy.json", ...
    int line = 0;
    int column = 0;

    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

struct Diagnostic
{
    // The finding types of IAM Access Analyzer's validate-policy.
    enum class Severity { Error, SecurityWarning, Warning, Suggestion };

    Severity severity = Severity::Error;
    std::string code;      // stable, e.g. "PASS_ROLE_WITH_STAR_IN_RESOURCE"
    std::string message;   // lowercase start, no final period, user input in backticks
    SourceLocation where;
};

using Diagnostics = std::vector<Diagnostic>;

// "ERROR", "SECURITY_WARNING", "WARNING", "SUGGESTION" (Access Analyzer's findingType).
const char *findingTypeName(Diagnostic::Severity severity);

// `source:line:column: error: message` (the word is "error", "security warning",
// "warning" or "suggestion").
std::string formatDiagnostic(const Diagnostic &diagnostic);

// True when any diagnostic is an Error.
bool hasErrors(const Diagnostics &diagnostics);

// Sorts by line, then column, keeping the order of equal positions.
void sortByLocation(Diagnostics &diagnostics);

} // namespace iam
