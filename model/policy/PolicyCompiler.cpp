// compilePolicy(), declared in CompiledPolicy.h: the compile stage of
// parse -> validate -> compile -> evaluate -> explain.

#include "CompiledPolicy.h"

#include <algorithm>
#include <atomic>
#include <cctype>

namespace iam {

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

CompiledPrincipal compilePrincipal(const PrincipalBlock &block, bool negated)
{
    CompiledPrincipal principal;
    principal.present = block.present;
    principal.negated = negated;
    principal.wildcard = block.wildcard;
    for (const LocatedString &entry : block.aws) {
        CompiledPrincipal::AwsEntry aws;
        aws.arn = entry.text;
        if (entry.text == "*") {
            aws.kind = CompiledPrincipal::AwsEntry::Kind::Any;
        } else if (isAccountId(entry.text)) {
            aws.kind = CompiledPrincipal::AwsEntry::Kind::Account;
            aws.account = entry.text;
        } else if (const auto split = splitArn(entry.text)) {
            aws.account = std::string(split->account());
            const std::string_view resource = split->resource();
            if (split->service() == "iam" && resource == "root") {
                aws.kind = CompiledPrincipal::AwsEntry::Kind::Account;
            } else if (split->service() == "iam" && resource.starts_with("role/")) {
                // A role principal also stands for the role's sessions
                // (reference_policies_elements_principal.md, "IAM role principals").
                aws.kind = CompiledPrincipal::AwsEntry::Kind::Role;
                aws.roleName = std::string(resource.substr(resource.rfind('/') + 1));
            } else {
                aws.kind = CompiledPrincipal::AwsEntry::Kind::Arn;
            }
        }
        principal.aws.push_back(std::move(aws));
    }
    for (const auto *list : {&block.service, &block.federated, &block.canonicalUser}) {
        for (const LocatedString &entry : *list)
            principal.others.push_back(entry.text);
    }
    return principal;
}

CompiledCondition compileCondition(const ConditionClause &clause, int index, bool variablesEnabled)
{
    CompiledCondition condition;
    condition.operatorName = clause.operatorName;
    condition.key = clause.key;
    condition.lowerKey = lowered(clause.key);
    condition.clause = index;
    const auto op = parseConditionOperator(clause.operatorName);
    condition.known = op.has_value();
    if (op)
        condition.op = *op;
    using Family = ConditionOperator::Family;
    for (const std::string &text : clause.values) {
        ConditionValue value;
        value.text = text;
        switch (condition.op.family) {
        case Family::String:
            // Policy variables work in string values (reference_policies_variables.md).
            if (variablesEnabled)
                value.variables = VariableTemplate::parse(text);
            if (!value.variables && condition.op.comparison == ConditionOperator::Comparison::Like)
                value.like = Wildcard(text);
            break;
        case Family::Arn:
            value.arnPattern = ResourcePattern::compile(text, variablesEnabled);
            break;
        case Family::Numeric:
            value.number = parseNumber(text);
            break;
        case Family::Date:
            value.date = parseDate(text);
            break;
        case Family::IpAddress:
            value.ip = parseIpNetwork(text);
            break;
        case Family::Bool:
        case Family::Null:
            if (lowered(text) == "true")
                value.boolean = true;
            else if (lowered(text) == "false")
                value.boolean = false;
            break;
        case Family::Binary:
            break;
        }
        condition.values.push_back(std::move(value));
    }
    return condition;
}

} // namespace

std::shared_ptr<const CompiledPolicy> compilePolicy(const PolicyDocument &document, std::string sourceId,
                                                    PolicyType type)
{
    static std::atomic<std::uint64_t> nextId{1};
    auto policy = std::make_shared<CompiledPolicy>();
    policy->m_id = nextId.fetch_add(1, std::memory_order_relaxed);
    policy->m_sourceId = std::move(sourceId);
    policy->m_type = type;
    policy->m_variables = document.supportsPolicyVariables();

    for (const Statement &statement : document.statements) {
        CompiledStatement compiled;
        compiled.effect = statement.effect;
        compiled.sid = statement.sid;
        compiled.range = statement.range;
        compiled.index = statement.index;
        compiled.notAction = statement.notAction;
        // INVARIANT: actions are lowercased here; IAM matches action names case-insensitively.
        for (const LocatedString &action : statement.actions)
            compiled.actions.emplace_back(lowered(action.text));
        compiled.hasResource = statement.hasResource;
        compiled.notResource = statement.notResource;
        for (const LocatedString &resource : statement.resources)
            compiled.resources.push_back(ResourcePattern::compile(resource.text, policy->m_variables));
        if (statement.notPrincipal.present)
            compiled.principal = compilePrincipal(statement.notPrincipal, true);
        else
            compiled.principal = compilePrincipal(statement.principal, false);
        for (std::size_t i = 0; i < statement.conditions.size(); ++i)
            compiled.conditions.push_back(compileCondition(statement.conditions[i], static_cast<int>(i), policy->m_variables));
        policy->m_statements.push_back(std::move(compiled));
    }

    // The action index: a statement is filed under each service its Action names
    // literally; NotAction and wildcard services ("*", "s3*:...") are checked in full.
    for (std::uint32_t i = 0; i < policy->m_statements.size(); ++i) {
        const CompiledStatement &statement = policy->m_statements[i];
        const bool wholeCheck = statement.notAction
            || std::any_of(statement.actions.begin(), statement.actions.end(), [](const Wildcard &pattern) {
                   const std::string &text = pattern.pattern();
                   const std::size_t colon = text.find(':');
                   return colon == std::string::npos || text.find_first_of("*?", 0) < colon;
               });
        if (wholeCheck) {
            policy->m_anyService.push_back(i);
            continue;
        }
        for (const Wildcard &pattern : statement.actions) {
            const std::string &text = pattern.pattern();
            const std::size_t colon = text.find(':');
            auto &entries = policy->m_byService[text.substr(0, colon)];
            if (entries.empty() || entries.back().statement != i)
                entries.push_back({i, {}});
            entries.back().names.emplace_back(text.substr(colon + 1));
        }
    }
    return policy;
}

} // namespace iam
