#include "Diagnostic.h"

#include <algorithm>

namespace iam {

const char *findingTypeName(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error: return "ERROR";
    case Diagnostic::Severity::SecurityWarning: return "SECURITY_WARNING";
    case Diagnostic::Severity::Warning: return "WARNING";
    case Diagnostic::Severity::Suggestion: return "SUGGESTION";
    }
    return "ERROR";
}

static const char *severityWord(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error: return "error";
    case Diagnostic::Severity::SecurityWarning: return "security warning";
    case Diagnostic::Severity::Warning: return "warning";
    case Diagnostic::Severity::Suggestion: return "suggestion";
    }
    return "error";
}

std::string formatDiagnostic(const Diagnostic &diagnostic)
{
    std::string text = diagnostic.where.source.empty() ? std::string("<input>") : diagnostic.where.source;
    text += ':' + std::to_string(diagnostic.where.line) + ':' + std::to_string(diagnostic.where.column);
    text += ": ";
    text += severityWord(diagnostic.severity);
    text += ": ";
    text += diagnostic.message;
    return text;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error;
    });
}

void sortByLocation(Diagnostics &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (a.where.line != b.where.line)
            return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
}

} // namespace iam
