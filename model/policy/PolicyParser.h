#pragma once

// Parse: policy text (or an already-parsed JSON value) into a PolicyDocument.
//
//   ParseResult parsed = parsePolicy(text, "PolicyInputList.1");
//   if (!parsed.ok())
//       for (const Diagnostic &d : parsed.diagnostics) std::cerr << formatDiagnostic(d) << '\n';
//
// Never throws; any input, however malformed, comes back as diagnostics.
// Thread-safe: no shared state.

#include "Diagnostic.h"
#include "PolicyDocument.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace iam {

struct ParseResult
{
    // Present whenever the text is well-formed JSON holding an object, even when
    // grammar errors were found, so an editor can still show what it understood.
    std::optional<PolicyDocument> document;
    // Grammar errors (severity Error) and the warnings the parser can see (duplicate
    // keys), sorted by location.
    Diagnostics diagnostics;

    // A document without grammar errors: fit to compile and evaluate.
    bool ok() const { return document.has_value() && !hasErrors(diagnostics); }
};

// Where the text starts in a larger file, so that a policy embedded in a request
// file is reported at its place in that file. {1, 1} for a text of its own.
struct TextOrigin
{
    int line = 1;
    int column = 1;
};

// Parses policy text. Malformed JSON yields one Error at the offending line and
// column (code "JSON_SYNTAX"); grammar problems yield Errors with the codes listed
// in PolicyParser.cpp, each at the element concerned.
ParseResult parsePolicy(std::string_view text, const std::string &source, TextOrigin origin = {});

// Parses a policy given as a JSON value: a string holding the policy text (as the
// AWS API takes it) or the policy object itself. Positions are those of the
// value re-serialised with four-space indentation.
ParseResult parsePolicyValue(const nlohmann::json &value, const std::string &source);

} // namespace iam
