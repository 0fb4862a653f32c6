#include "DecisionExplanationHtml.h"

#include "DecisionsModel.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DecisionExplanation", text);
}

QString html(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

// The engine writes user input in backticks: show it as code.
QString withCode(const std::string &text)
{
    static const QRegularExpression quoted(QStringLiteral("`([^`]*)`"));
    QString escaped = html(text);
    escaped.replace(quoted, QStringLiteral("<code>\\1</code>"));
    return escaped;
}

QString badge(iam::Outcome outcome)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
        .arg(DecisionsModel::badgeColor(outcome).name(), DecisionsModel::badgeText(outcome).toHtmlEscaped());
}

QString policyName(const std::string &policy, const QString &edited)
{
    const QString name = QString::fromStdString(policy);
    return name == edited ? tr("%1 (the policy being edited)").arg(name.toHtmlEscaped()) : name.toHtmlEscaped();
}

// "Statement NoPassing in IAM-User-Policy, line 4", linked to its place.
QString statementLink(const iam::DecidingStatement &statement, const QString &edited)
{
    const QString sid = statement.sid.empty() ? QString() : QStringLiteral(" <code>%1</code>").arg(html(statement.sid));
    return QStringLiteral("<a href=\"%1\">%2%3</a> in %4, line %5")
        .arg(statementUrl(statement).toString(QUrl::FullyEncoded).toHtmlEscaped(),
             statement.deny ? tr("Deny statement") : tr("Allow statement"), sid, policyName(statement.policy, edited))
        .arg(statement.line);
}

QString failure(iam::Mismatch mismatch)
{
    switch (mismatch) {
    case iam::Mismatch::Resource: return tr("its Resource does not cover the resource");
    case iam::Mismatch::Principal: return tr("its Principal does not name the caller");
    case iam::Mismatch::Condition: return tr("a condition is false");
    case iam::Mismatch::ConditionMissingKey: return tr("a condition key is missing from the request");
    case iam::Mismatch::Action:
    case iam::Mismatch::None: break;
    }
    return {};
}

} // namespace

QUrl statementUrl(const iam::DecidingStatement &statement)
{
    QUrl url;
    url.setScheme(QStringLiteral("statement"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("policy"), QString::fromStdString(statement.policy));
    query.addQueryItem(QStringLiteral("line"), QString::number(statement.line));
    query.addQueryItem(QStringLiteral("column"), QString::number(statement.column));
    url.setQuery(query);
    return url;
}

std::optional<StatementLink> parseStatementUrl(const QUrl &url)
{
    if (url.scheme() != QStringLiteral("statement"))
        return std::nullopt;
    const QUrlQuery query(url);
    StatementLink link;
    link.policyId = query.queryItemValue(QStringLiteral("policy"), QUrl::FullyDecoded);
    link.line = query.queryItemValue(QStringLiteral("line")).toInt();
    link.column = query.queryItemValue(QStringLiteral("column")).toInt();
    return link;
}

QString decisionExplanationHtml(const iam::DecisionExplanation &why, const QString &edited)
{
    if (!why.valid)
        return QStringLiteral("<p>%1</p>").arg(tr("Select a decision to see why."));
    QString text;
    text += QStringLiteral("<p><b><code>%1</code></b> on <code>%2</code>: %3</p>")
                .arg(html(why.action), html(why.resource), badge(why.outcome));
    QString context;
    for (const auto &[key, values] : why.requestContext) {
        QStringList quoted;
        for (const std::string &value : values)
            quoted << QStringLiteral("<code>%1</code>").arg(html(value));
        context += QStringLiteral(", <code>%1</code> = %2").arg(html(key), quoted.join(QStringLiteral(", ")));
    }
    text += QStringLiteral("<p>%1 <code>%2</code>%3</p>").arg(tr("Requested by"), html(why.callerArn), context);
    if (!why.reason.empty())
        text += QStringLiteral("<p>%1 %2.</p>").arg(tr("Denied"), withCode(why.reason));

    text += QStringLiteral("<h4>%1</h4>").arg(tr("Deciding statements"));
    if (why.deciding.empty()) {
        text += QStringLiteral("<p>%1</p>").arg(why.outcome == iam::Outcome::Allowed
                                                    ? tr("The root user is allowed without a policy.")
                                                    : tr("None: no statement allows this request."));
    } else {
        text += QStringLiteral("<ul>");
        for (const iam::DecidingStatement &statement : why.deciding)
            text += QStringLiteral("<li>%1</li>").arg(statementLink(statement, edited));
        text += QStringLiteral("</ul>");
    }

    text += QStringLiteral("<h4>%1</h4><ol>").arg(tr("Policy types consulted"));
    for (const iam::ConsultedGate &gate : why.gates) {
        QStringList policies;
        for (const std::string &policy : gate.policies)
            policies << policyName(policy, edited);
        text += QStringLiteral("<li><b>%1</b>: %2").arg(html(gate.name), html(gate.verdict));
        if (!policies.isEmpty())
            text += QStringLiteral("<br/><small>%1</small>").arg(policies.join(QStringLiteral(", ")));
        text += QStringLiteral("</li>");
    }
    text += QStringLiteral("</ol>");
    if (why.gates.empty())
        text += QStringLiteral("<p>%1</p>").arg(tr("No policy is in play for this caller."));

    if (!why.almostApplied.empty()) {
        text += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Almost applied"));
        for (const iam::NearMiss &miss : why.almostApplied) {
            text += QStringLiteral("<li>%1: %2").arg(statementLink(miss.statement, edited), failure(miss.mismatch));
            if (!miss.detail.empty())
                text += QStringLiteral(" (%1)").arg(withCode(miss.detail));
            text += QStringLiteral("</li>");
        }
        text += QStringLiteral("</ul>");
    }
    if (!why.missingContextKeys.empty()) {
        QStringList keys;
        for (const std::string &key : why.missingContextKeys)
            keys << QStringLiteral("<code>%1</code>").arg(html(key));
        text += QStringLiteral("<p>%1 %2</p>").arg(tr("The request carries no value for"), keys.join(QStringLiteral(", ")));
    }
    return text;
}
