#include "PolicyDraftValidator.h"

#include "Account.h"
#include "RoleDraftValidator.h"

#include <QObject>
#include <QRegularExpression>

QString PolicyDraftValidator::nameConstraint()
{
    return QObject::tr("Use alphanumeric and '+=,.@-_' characters. Maximum 128 characters.");
}

QString PolicyDraftValidator::nameError(const iam::Account &account, const QString &name)
{
    // \w is ASCII here, as in IAM's pattern: letters, digits and underscore.
    static const QRegularExpression pattern(QStringLiteral("\\A[A-Za-z0-9_+=,.@-]{1,128}\\z"));
    if (!pattern.match(name).hasMatch())
        return nameConstraint();
    // IAM names are unique without regard to case; the text is CreatePolicy's own.
    if (account.nameTaken(iam::AccountChange::Entity::Policy, name.toStdString()))
        return QObject::tr("A policy called %1 already exists. Duplicate names are not allowed.").arg(name);
    return {};
}

QString PolicyDraftValidator::descriptionError(const QString &description)
{
    return RoleDraftValidator::descriptionError(description);
}

QString PolicyDraftValidator::tagsError(const QList<QPair<QString, QString>> &tags)
{
    return RoleDraftValidator::tagsError(tags);
}
