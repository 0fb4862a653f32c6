#include "VisualPolicy.h"

#include "PolicyParser.h"

#include <nlohmann/json.hpp>

#include <QObject>

#include <algorithm>
#include <vector>

namespace {

// Insertion-ordered, so elements come out in the order the console writes them.
using ordered_json = nlohmann::ordered_json;

std::string str(const QString &text)
{
    return text.toStdString();
}

QString qstr(const std::string &text)
{
    return QString::fromStdString(text);
}

// One value as a string, several (or none) as an array: the console's shape.
ordered_json stringOrArray(const QStringList &values)
{
    if (values.size() == 1)
        return str(values.first());
    ordered_json array = ordered_json::array();
    for (const QString &value : values)
        array.push_back(str(value));
    return array;
}

bool hasWildcard(const QString &text)
{
    return text.contains(QLatin1Char('*')) || text.contains(QLatin1Char('?'));
}

// Reads one statement; the problem in words when the visual editor can't show it.
std::optional<VisualStatement> readStatement(const iam::Statement &in, int number, QString *problem)
{
    const auto fail = [&](const QString &why) {
        *problem = QObject::tr("Statement %1 %2, which the visual editor can't show. Keep editing it in JSON.")
                       .arg(number)
                       .arg(why);
        return std::nullopt;
    };
    if (in.principal.present)
        return fail(QObject::tr("names a Principal"));
    if (in.notPrincipal.present)
        return fail(QObject::tr("uses NotPrincipal"));
    if (in.notAction)
        return fail(QObject::tr("uses NotAction"));
    if (in.notResource)
        return fail(QObject::tr("uses NotResource"));

    VisualStatement out;
    out.sid = in.hasSid ? qstr(in.sid) : QString();
    out.allow = in.effect == iam::Statement::Effect::Allow;
    for (const iam::LocatedString &action : in.actions) {
        const QString text = qstr(action.text);
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return fail(QObject::tr("names the action `%1` of no single service").arg(text));
        const QString service = text.left(colon);
        const QString name = text.mid(colon + 1);
        if (out.service.isEmpty())
            out.service = service;
        else if (out.service.compare(service, Qt::CaseInsensitive) != 0)
            return fail(QObject::tr("names actions of more than one service"));
        if (name == QLatin1String("*")) {
            out.allActions = true;
        } else if (hasWildcard(name)) {
            return fail(QObject::tr("uses the action wildcard `%1`").arg(text));
        } else {
            out.actions << name;
        }
    }
    if (out.allActions && !out.actions.isEmpty())
        return fail(QObject::tr("names `%1:*` beside single actions").arg(out.service));
    if (in.hasResource) {
        QStringList resources;
        for (const iam::LocatedString &resource : in.resources)
            resources << qstr(resource.text);
        if (resources == QStringList{QStringLiteral("*")})
            out.allResources = true;
        else
            out.resources = resources;
    }
    // The parser reads the Condition block through a sorted map; put the clauses
    // back in the order they were written.
    std::vector<const iam::ConditionClause *> clauses;
    for (const iam::ConditionClause &clause : in.conditions)
        clauses.push_back(&clause);
    const auto position = [](const iam::SourceLocation &at) { return std::pair(at.line, at.column); };
    std::stable_sort(clauses.begin(), clauses.end(), [&](const iam::ConditionClause *a, const iam::ConditionClause *b) {
        return std::pair(position(a->operatorWhere), position(a->keyWhere))
            < std::pair(position(b->operatorWhere), position(b->keyWhere));
    });
    for (const iam::ConditionClause *clausePointer : clauses) {
        const iam::ConditionClause &clause = *clausePointer;
        VisualCondition condition{qstr(clause.operatorName), qstr(clause.key), {}};
        for (const std::string &value : clause.values)
            condition.values << qstr(value);
        out.conditions << condition;
    }
    return out;
}

} // namespace

QStringList VisualStatement::actionNames() const
{
    if (service.isEmpty())
        return {};
    if (allActions)
        return {service + QStringLiteral(":*")};
    QStringList names;
    for (const QString &action : actions)
        names << service + QLatin1Char(':') + action;
    return names;
}

QString VisualPolicy::visualEditorSid(int index)
{
    return QStringLiteral("VisualEditor%1").arg(index);
}

QString VisualPolicy::toJson() const
{
    ordered_json document = ordered_json::object();
    if (!version.isEmpty())
        document["Version"] = str(version);
    if (!id.isEmpty())
        document["Id"] = str(id);
    ordered_json array = ordered_json::array();
    for (const VisualStatement &s : statements) {
        ordered_json statement = ordered_json::object();
        if (!s.sid.isEmpty())
            statement["Sid"] = str(s.sid);
        statement["Effect"] = s.allow ? "Allow" : "Deny";
        statement["Action"] = stringOrArray(s.actionNames());
        statement["Resource"] = s.allResources ? ordered_json("*") : stringOrArray(s.resources);
        if (!s.conditions.isEmpty()) {
            // {"Operator": {"key": values}}; a key given twice under one operator
            // gets the values of both (JSON has no duplicate keys).
            ordered_json conditions = ordered_json::object();
            for (const VisualCondition &c : s.conditions) {
                ordered_json &block = conditions[str(c.operatorName)];
                if (block.is_null())
                    block = ordered_json::object();
                QStringList values = c.values;
                if (block.contains(str(c.key))) {
                    const ordered_json &earlier = block[str(c.key)];
                    QStringList merged;
                    if (earlier.is_string()) {
                        merged << qstr(earlier.get<std::string>());
                    } else {
                        for (const auto &v : earlier)
                            merged << qstr(v.get<std::string>());
                    }
                    values = merged + values;
                }
                block[str(c.key)] = stringOrArray(values);
            }
            statement["Condition"] = conditions;
        }
        array.push_back(statement);
    }
    document["Statement"] = array;
    return qstr(document.dump(4));
}

VisualPolicyRead VisualPolicy::fromJson(const QString &json)
{
    const QByteArray utf8 = json.toUtf8();
    const iam::ParseResult parsed = iam::parsePolicy(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                                                     "Policy");
    if (!parsed.ok()) {
        return {std::nullopt,
                QObject::tr("The JSON has errors; fix them before switching to the visual editor.")};
    }
    const iam::PolicyDocument &document = *parsed.document;
    VisualPolicy policy;
    policy.version = document.hasVersion ? qstr(document.version) : QString();
    policy.id = document.hasId ? qstr(document.id) : QString();
    for (const iam::Statement &statement : document.statements) {
        QString problem;
        std::optional<VisualStatement> read = readStatement(statement, statement.index + 1, &problem);
        if (!read)
            return {std::nullopt, problem};
        policy.statements << *read;
    }
    return {policy, {}};
}
