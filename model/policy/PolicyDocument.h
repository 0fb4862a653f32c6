#pragma once

// The typed form of an IAM policy, as written: names keep their case, values keep
// their text, and every statement and element keeps where it stands in the source.
// Produced by parsePolicy(); read by the validator and the compiler.

#include "Diagnostic.h"

#include <string>
#include <vector>

namespace iam {

// Which kind of policy a document is; decides what the validator expects and where
// the evaluator consults it.
enum class PolicyType {
    Identity,              // attached to a user, group or role (also inline)
    Resource,              // bucket policy, queue policy, key policy, ...
    Trust,                 // a role's trust policy (a resource policy on the role)
    PermissionsBoundary,   // evaluated like an identity policy, only ever limits
    Session,               // passed at AssumeRole / federation, only ever limits
    ServiceControl,        // AWS Organizations SCP
    ResourceControl,       // AWS Organizations RCP
};

// "IDENTITY_POLICY", "RESOURCE_POLICY", ... as Access Analyzer and iam-sim spell them.
const char *policyTypeName(PolicyType type);

// A span in the source: where a statement or element starts and ends.
struct SourceRange
{
    SourceLocation start;
    SourceLocation end;
};

// A string value as written, with where it stands.
struct LocatedString
{
    std::string text;
    SourceLocation where;
};

// Principal or NotPrincipal. `"*"` alone sets wildcard; the object form fills
// the lists per principal type (a `"*"` inside, as in {"AWS": "*"}, stays a value).
struct PrincipalBlock
{
    bool present = false;
    bool wildcard = false;                // the bare string "*"
    std::vector<LocatedString> aws;       // account ids, account root / user / role / session ARNs
    std::vector<LocatedString> service;   // "ec2.amazonaws.com"
    std::vector<LocatedString> federated; // "cognito-identity.amazonaws.com", SAML provider ARNs
    std::vector<LocatedString> canonicalUser;
    SourceLocation where;
};

// One `"Operator": {"key": values}` pair of a Condition block.
struct ConditionClause
{
    std::string operatorName;          // as written, e.g. "ForAnyValue:StringLikeIfExists"
    std::string key;                   // as written, e.g. "aws:PrincipalTag/team"
    std::vector<std::string> values;   // strings; numbers and booleans are kept as their text
    SourceLocation operatorWhere;
    SourceLocation keyWhere;
};

struct Statement
{
    enum class Effect { Allow, Deny };

    std::string sid;
    bool hasSid = false;
    Effect effect = Effect::Allow;
    bool hasEffect = false;

    PrincipalBlock principal;
    PrincipalBlock notPrincipal;

    std::vector<LocatedString> actions;  // Action or NotAction, whichever is present
    bool notAction = false;
    bool hasAction = false;              // Action or NotAction present

    std::vector<LocatedString> resources;  // Resource or NotResource
    bool notResource = false;
    bool hasResource = false;

    std::vector<ConditionClause> conditions;
    bool hasCondition = false;

    SourceRange range;   // the statement object, from `{` to `}`
    int index = 0;       // 0-based position in the Statement array
};

struct PolicyDocument
{
    std::string source;       // what diagnostics name, e.g. "PolicyInputList.1"
    std::string version;      // as written; empty when absent
    bool hasVersion = false;
    std::string id;
    bool hasId = false;
    std::vector<Statement> statements;
    SourceRange range;

    // Policy variables are substituted only under Version 2012-10-17; under
    // 2008-10-17 or with no Version, `${aws:username}` is plain text.
    bool supportsPolicyVariables() const { return version == "2012-10-17"; }
};

} // namespace iam
