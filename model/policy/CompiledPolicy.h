#pragma once

// Compile: a PolicyDocument turned into an immutable form that evaluates fast.
// Action names are lowercased and indexed by service, wildcards recognised,
// ARN patterns split into their parts, condition operators resolved, condition
// values pre-parsed and policy variables pre-split.
//
//   PolicyPtr policy = compilePolicy(*parsed.document, "PolicyInputList.1", PolicyType::Identity);
//
// A CompiledPolicy is never changed after compilePolicy() returns: share it between
// threads as std::shared_ptr<const CompiledPolicy>; recompile on change.

#include "Arn.h"
#include "ConditionOperator.h"
#include "PolicyDocument.h"
#include "RequestContext.h"
#include "Wildcard.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iam {

// A text with policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'x'}`),
// split at compile time into literal pieces and variables.
struct VariableTemplate
{
    struct Piece
    {
        bool variable = false;
        std::string text;           // literal (escaped for wildcardMatch) or the variable's key, lowercased
        std::string defaultValue;   // ${key, 'default'}
        bool hasDefault = false;
    };
    std::vector<Piece> pieces;

    // Splits `text` at its `${...}`; nullopt when it holds no policy variable.
    // Literal pieces are kept as wildcard patterns (`*` and `?` stay wildcards;
    // `${*}`, `${?}` and `${$}` become escaped literals).
    static std::optional<VariableTemplate> parse(std::string_view text);

    // Appends the text with variables substituted from the context (values escaped).
    // Returns false when a variable has no single value and no default; its key
    // then goes to `missingKey`.
    bool expand(const RequestContext *context, std::string &out, std::string_view &missingKey) const;
};

// One entry of Resource / NotResource, or one ArnLike value.
struct ResourcePattern
{
    std::string text;                     // as written
    bool any = false;                     // "*"
    bool arn = false;                     // parts below hold the five parts after "arn:"
    Wildcard parts[5];
    Wildcard whole;                       // neither "*" nor an ARN: matched as a whole
    std::optional<VariableTemplate> variables;   // set when the text holds policy variables

    // `split` is the resource's ARN parts, or null when it is not an ARN. A policy
    // variable without a value makes the pattern not match; its key goes to `missingKey`.
    bool matches(std::string_view resource, const ArnParts *split, const RequestContext *context,
                 std::string_view &missingKey) const;

    static ResourcePattern compile(std::string text, bool variablesEnabled);
};

struct CompiledPrincipal
{
    struct AwsEntry
    {
        enum class Kind { Any, Account, Arn, Role };
        Kind kind = Kind::Arn;
        std::string account;   // Account, Role
        std::string roleName;  // Role
        std::string arn;       // Arn, Role: as written
    };

    bool present = false;
    bool negated = false;      // NotPrincipal
    bool wildcard = false;     // "*"
    std::vector<AwsEntry> aws;
    std::vector<std::string> others;   // Service, Federated, CanonicalUser values: matched exactly
};

struct ConditionValue
{
    std::string text;                           // as written
    Wildcard like;                              // String/Arn Like, compiled when no variables
    std::optional<double> number;
    std::optional<double> date;
    std::optional<IpNetwork> ip;
    std::optional<bool> boolean;
    std::optional<VariableTemplate> variables;  // set when the value holds policy variables
    std::optional<ResourcePattern> arnPattern;  // Arn family
};

struct CompiledCondition
{
    ConditionOperator op;
    std::string operatorName;    // as written
    std::string key;             // as written
    std::string lowerKey;        // the lookup key
    bool known = true;           // false: an operator IAM does not know; never true
    std::vector<ConditionValue> values;
    int clause = 0;              // index into the statement's Condition clauses
};

struct CompiledStatement
{
    Statement::Effect effect = Statement::Effect::Allow;
    std::string sid;
    SourceRange range;
    int index = 0;

    bool notAction = false;
    std::vector<Wildcard> actions;   // "service:name", lowercased

    bool hasResource = false;        // absent (trust policies): every resource
    bool notResource = false;
    std::vector<ResourcePattern> resources;

    CompiledPrincipal principal;
    std::vector<CompiledCondition> conditions;

    bool isDeny() const { return effect == Statement::Effect::Deny; }
    bool matchesAction(std::string_view lowerAction) const;
};

class CompiledPolicy
{
public:
    // Statements whose Action names this service, each with the patterns of the
    // action-name part (after the colon) for it.
    struct ServiceEntry
    {
        std::uint32_t statement = 0;
        std::vector<Wildcard> names;
    };

    const std::string &sourceId() const { return m_sourceId; }
    PolicyType type() const { return m_type; }
    // Unique for the process's lifetime (unlike an address), so caches can key on it.
    std::uint64_t id() const { return m_id; }
    const std::vector<CompiledStatement> &statements() const { return m_statements; }
    bool variablesEnabled() const { return m_variables; }

    // The statements whose Action (or NotAction) covers `lowerAction` ("s3:getobject",
    // `colon` the position of its colon, or npos), in statement order, written into
    // `out` (cleared first). Only the statements filed under the action's service and
    // those with NotAction or a wildcard service are looked at.
    void statementsForAction(std::string_view lowerAction, std::size_t colon, std::vector<std::uint32_t> &out) const;

private:
    friend std::shared_ptr<const CompiledPolicy> compilePolicy(const PolicyDocument &, std::string, PolicyType);

    struct StringHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    std::string m_sourceId;
    std::uint64_t m_id = 0;
    PolicyType m_type = PolicyType::Identity;
    bool m_variables = true;
    std::vector<CompiledStatement> m_statements;
    std::unordered_map<std::string, std::vector<ServiceEntry>, StringHash, std::equal_to<>> m_byService;
    std::vector<std::uint32_t> m_anyService;   // NotAction or a wildcard in the service part: checked in full
};

// Compiles a parsed document (one that parsePolicy() reported ok()). `sourceId`
// names the policy in results ("PolicyInputList.1"). Total: a clause with an
// operator IAM does not know compiles to a condition that is never true.
std::shared_ptr<const CompiledPolicy> compilePolicy(const PolicyDocument &document, std::string sourceId,
                                                    PolicyType type);

} // namespace iam
