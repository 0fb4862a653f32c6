#include "TerminalDecisionHtml.h"

#include "DecisionsModel.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TerminalDecision", text);
}

QString code(const QString &text)
{
    return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped());
}

QString code(const std::string &text)
{
    return code(QString::fromStdString(text));
}

QString badge(iam::Outcome outcome)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
        .arg(DecisionsModel::badgeColor(outcome).name(), DecisionsModel::badgeText(outcome).toHtmlEscaped());
}

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>").arg(name, value);
}

QString statement(const iam::DecidingStatement &statement)
{
    QString text = statement.deny ? tr("Deny statement") : tr("Allow statement");
    if (!statement.sid.empty())
        text += QLatin1Char(' ') + code(statement.sid);
    return tr("%1 in %2, line %3").arg(text, QString::fromStdString(statement.policy).toHtmlEscaped()).arg(statement.line);
}

QString checkHtml(const iam::AuthorizationCheck &check, int number)
{
    QString text = QStringLiteral("<h4>%1. %2 %3</h4>").arg(number).arg(code(check.action), badge(check.outcome));
    text += QStringLiteral("<table>");
    text += row(tr("Action"), code(check.action));
    text += row(tr("Resource"), code(check.resource));
    text += row(tr("Caller"), code(check.callerArn));
    text += row(tr("Outcome"), badge(check.outcome));
    text += QStringLiteral("</table>");
    if (!check.allowed())
        text += QStringLiteral("<p>%1 %2</p>").arg(tr("Reason:"), QString::fromStdString(check.notAuthorizedMessage()).toHtmlEscaped());

    text += QStringLiteral("<p>%1</p>").arg(tr("Deciding statements:"));
    if (check.deciding.empty()) {
        const bool root = QString::fromStdString(check.callerArn).endsWith(QLatin1String(":root"));
        text += QStringLiteral("<ul><li>%1</li></ul>")
                    .arg(check.allowed() ? (root ? tr("None: the root user is allowed without a policy.")
                                                 : tr("None recorded."))
                                         : tr("None: no statement allows this request."));
    } else {
        text += QStringLiteral("<ul>");
        for (const iam::DecidingStatement &deciding : check.deciding)
            text += QStringLiteral("<li>%1</li>").arg(statement(deciding));
        text += QStringLiteral("</ul>");
    }
    if (!check.missingContextKeys.empty()) {
        QStringList keys;
        for (const std::string &key : check.missingContextKeys)
            keys << code(key);
        text += QStringLiteral("<p>%1 %2</p>").arg(tr("The request carries no value for"), keys.join(QStringLiteral(", ")));
    }
    return text;
}

} // namespace

QString terminalDecisionHtml(const TerminalEntry &entry)
{
    QString text = QStringLiteral("<p>%1<br/><small>%2 · %3</small></p>")
                       .arg(code(QStringLiteral("$ ") + entry.commandLine), entry.contextLabel.toHtmlEscaped(),
                            tr("exit code %1").arg(entry.exitCode));
    if (!entry.madeCalls())
        return text + QStringLiteral("<p>%1</p>").arg(tr("This command made no API calls."));
    QStringList calls;
    for (const QString &call : entry.calls)
        calls << code(call);
    text += QStringLiteral("<table>");
    text += row(tr("Ran as"), code(entry.callerArn));
    text += row(tr("API calls"), calls.join(QStringLiteral(", ")));
    text += row(tr("Decision"), entry.allowed() ? tr("every authorization allowed")
                                                : tr("denied: at least one authorization was refused"));
    text += QStringLiteral("</table>");
    // sts:GetCallerIdentity, for one, works even when a policy denies it.
    if (entry.authorizations.empty())
        text += QStringLiteral("<p>%1</p>").arg(tr("These calls need no permission: no policy was evaluated."));
    int number = 0;
    for (const iam::AuthorizationCheck &check : entry.authorizations)
        text += checkHtml(check, ++number);
    return text;
}
