#include "PrincipalNameRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PrincipalNameRules", text);
}

QString noun(PrincipalKind kind)
{
    switch (kind) {
    case PrincipalKind::User: return tr("user name");
    case PrincipalKind::Group: return tr("user group name");
    case PrincipalKind::Role: return tr("role name");
    }
    return {};
}

} // namespace

int principalNameMaxLength(PrincipalKind kind)
{
    return kind == PrincipalKind::Group ? 128 : 64;
}

QString principalNameHint(PrincipalKind kind)
{
    return tr("Maximum %1 characters. Use alphanumeric and '+=,.@-_' characters.").arg(principalNameMaxLength(kind));
}

QString principalNameProblem(PrincipalKind kind, const QString &name)
{
    // IAM's pattern for user, group and role names: [\w+=,.@-]+ (\w being ASCII here).
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_+=,.@-]+$"));
    if (name.isEmpty())
        return tr("Enter a %1.").arg(noun(kind));
    if (name.size() > principalNameMaxLength(kind))
        return tr("The %1 can have up to %2 characters.").arg(noun(kind)).arg(principalNameMaxLength(kind));
    if (!allowed.match(name).hasMatch())
        return tr("The %1 contains characters that are not allowed.").arg(noun(kind));
    return {};
}
