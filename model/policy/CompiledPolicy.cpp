#include "CompiledPolicy.h"

#include <algorithm>

namespace iam {

std::optional<VariableTemplate> VariableTemplate::parse(std::string_view text)
{
    if (text.find("${") == std::string_view::npos)
        return std::nullopt;
    VariableTemplate result;
    std::string literal;
    auto flushLiteral = [&] {
        if (!literal.empty())
            result.pieces.push_back({false, std::move(literal), {}, false});
        literal.clear();
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("${", pos);
        const std::size_t close = open == std::string_view::npos ? open : text.find('}', open + 2);
        if (close == std::string_view::npos) {
            literal.append(text.substr(pos));
            break;
        }
        literal.append(text.substr(pos, open - pos));
        std::string_view inside = text.substr(open + 2, close - open - 2);
        pos = close + 1;
        // reference_policies_variables.md, "Special characters": ${*}, ${?}, ${$}.
        if (inside == "*" || inside == "?" || inside == "$") {
            literal += kLiteralEscape;
            literal += inside[0];
            continue;
        }
        VariableTemplate::Piece piece;
        piece.variable = true;
        // ${aws:PrincipalTag/team, 'company-wide'}: a default after a comma, in single quotes.
        if (const std::size_t comma = inside.find(','); comma != std::string_view::npos) {
            std::string_view fallback = inside.substr(comma + 1);
            while (!fallback.empty() && fallback.front() == ' ')
                fallback.remove_prefix(1);
            while (!fallback.empty() && fallback.back() == ' ')
                fallback.remove_suffix(1);
            if (fallback.size() >= 2 && fallback.front() == '\'' && fallback.back() == '\'') {
                piece.hasDefault = true;
                piece.defaultValue = std::string(fallback.substr(1, fallback.size() - 2));
            }
            inside = inside.substr(0, comma);
        }
        while (!inside.empty() && inside.back() == ' ')
            inside.remove_suffix(1);
        piece.text = std::string(inside);
        std::transform(piece.text.begin(), piece.text.end(), piece.text.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        flushLiteral();
        result.pieces.push_back(std::move(piece));
    }
    flushLiteral();
    return result;
}

bool VariableTemplate::expand(const RequestContext *context, std::string &out, std::string_view &missingKey) const
{
    for (const Piece &piece : pieces) {
        if (!piece.variable) {
            out += piece.text;
            continue;
        }
        const ContextEntry *entry = context ? context->findLower(piece.text) : nullptr;
        // A variable stands for one value; a multivalued or absent key has none.
        if (entry && entry->values.size() == 1) {
            appendEscaped(out, entry->values.front().text);
        } else if (piece.hasDefault) {
            appendEscaped(out, piece.defaultValue);
        } else {
            missingKey = piece.text;
            return false;
        }
    }
    return true;
}

ResourcePattern ResourcePattern::compile(std::string text, bool variablesEnabled)
{
    ResourcePattern pattern;
    pattern.text = std::move(text);
    if (pattern.text == "*") {
        pattern.any = true;
        return pattern;
    }
    if (variablesEnabled) {
        pattern.variables = VariableTemplate::parse(pattern.text);
        if (pattern.variables)
            return pattern;
    }
    if (const auto split = splitArn(pattern.text)) {
        pattern.arn = true;
        for (int i = 0; i < 5; ++i)
            pattern.parts[i] = Wildcard(std::string(split->parts[i]));
    } else {
        pattern.whole = Wildcard(pattern.text);
    }
    return pattern;
}

bool ResourcePattern::matches(std::string_view resource, const ArnParts *split, const RequestContext *context,
                              std::string_view &missingKey) const
{
    if (any)
        return true;
    if (variables) {
        thread_local std::string expanded;
        expanded.clear();
        if (!variables->expand(context, expanded, missingKey))
            return false;
        return arnMatches(expanded, resource);
    }
    if (!arn)
        return whole.matches(resource);
    if (!split)
        return false;
    // IAM matches an ARN part by part; a wildcard never reaches into the next part.
    // Service and resource first: they tell resources apart soonest.
    for (int i : {1, 4, 3, 2, 0}) {
        if (!parts[i].matches(split->parts[i]))
            return false;
    }
    return true;
}

bool CompiledStatement::matchesAction(std::string_view lowerAction) const
{
    const bool listed = std::any_of(actions.begin(), actions.end(),
                                    [&](const Wildcard &pattern) { return pattern.matches(lowerAction); });
    return listed != notAction;
}

void CompiledPolicy::statementsForAction(std::string_view lowerAction, std::size_t colon,
                                         std::vector<std::uint32_t> &out) const
{
    out.clear();
    if (colon != std::string_view::npos) {
        const auto it = m_byService.find(lowerAction.substr(0, colon));
        if (it != m_byService.end()) {
            const std::string_view name = lowerAction.substr(colon + 1);
            for (const ServiceEntry &entry : it->second) {
                if (std::any_of(entry.names.begin(), entry.names.end(),
                                [&](const Wildcard &pattern) { return pattern.matches(name); }))
                    out.push_back(entry.statement);
            }
        }
    }
    const std::size_t filed = out.size();
    for (std::uint32_t statement : m_anyService) {
        if (m_statements[statement].matchesAction(lowerAction))
            out.push_back(statement);
    }
    if (filed > 0 && out.size() > filed)
        std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(filed), out.end());
}

} // namespace iam
