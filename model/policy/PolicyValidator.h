#pragma once

// Validate: findings in the shape of IAM Access Analyzer's validate-policy
// (ERROR, SECURITY_WARNING, WARNING, SUGGESTION; an issue code; a message; a
// position). The parser's grammar errors come first-hand from parsePolicy(); this
// adds what depends on the policy type and on meaning.
//
//   ParseResult parsed = parsePolicy(text, "policy.json");
//   Diagnostics findings = validatePolicy(parsed, PolicyType::Identity);
//
// Thread-safe; never throws. With a catalog, actions, services, condition keys and
// resource types are checked against it too.

#include "ActionCatalog.h"
#include "Diagnostic.h"
#include "PolicyDocument.h"
#include "PolicyParser.h"

namespace iam {

// All findings for a parsed policy (the parser's own diagnostics included), sorted
// by location. A result without Errors means the policy is valid for `type`.
Diagnostics validatePolicy(const ParseResult &parsed, PolicyType type, const ActionCatalog *catalog = nullptr);

// The findings that depend only on the document (no parser diagnostics).
Diagnostics validateDocument(const PolicyDocument &document, PolicyType type, const ActionCatalog *catalog = nullptr);

} // namespace iam
