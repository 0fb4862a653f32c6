#pragma once

// The element checks behind validatePolicy(): each reads one element of one statement
// (actions, resources, conditions) and appends findings. Whole-policy
// and policy-type rules stay in PolicyValidator.cpp, which calls these. Engine-internal:
// not part of the engine's public API. Thread-safe; never throw.

#include "ActionCatalog.h"
#include "Diagnostic.h"
#include "PolicyDocument.h"

#include <string>
#include <string_view>

namespace iam::validation {

// What every check needs: the document (its Version decides whether policy variables
// exist), the catalog (may be null) and where findings go.
struct CheckContext
{
    const PolicyDocument &document;
    const ActionCatalog *catalog = nullptr;
    Diagnostics &findings;

    void add(Diagnostic::Severity severity, std::string_view code, std::string message, const SourceLocation &where)
    {
        findings.push_back({severity, std::string(code), std::move(message), where});
    }
};

std::string lowered(std::string_view text);
inline bool hasWildcard(std::string_view text) { return text.find_first_of("*?") != std::string_view::npos; }
inline bool hasVariable(std::string_view text) { return text.find("${") != std::string_view::npos; }
// User input as a message shows it: in backticks.
inline std::string quoted(std::string_view text) { return "`" + std::string(text) + "`"; }
inline bool before(const SourceLocation &a, const SourceLocation &b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// Action format, service wildcards, redundant entries; with a catalog, unknown services and actions.
void checkActions(const Statement &statement, CheckContext &context);
// ARN format, policy variables, redundant entries; with a catalog, ARNs no action of the statement takes.
void checkResources(const Statement &statement, CheckContext &context);
// Values against their operator, keys, set qualifiers, aws:SourceIp ranges; with a catalog, unknown keys.
void checkConditions(const Statement &statement, CheckContext &context);

} // namespace iam::validation
