#include "RoleDraftValidator.h"

#include "Account.h"
#include "PrincipalNameRules.h"

#include <QObject>
#include <QRegularExpression>
#include <QSet>

namespace {

bool matchesWhole(const QRegularExpression &pattern, const QString &text)
{
    return pattern.match(text).hasMatch();
}

} // namespace

QString RoleDraftValidator::nameConstraint()
{
    return principalNameHint(PrincipalKind::Role);
}

QString RoleDraftValidator::descriptionConstraint()
{
    return QObject::tr("Maximum 1000 characters. Use letters (A-Z and a-z), numbers (0-9), tabs, new lines, "
                       "or any of the following characters: _+=,.@-/\\[]!#$%^&*();\"<>");
}

QString RoleDraftValidator::nameError(const iam::Account &account, const QString &name)
{
    // CreateRole's RoleName: [\w+=,.@-]+, 1 to 64 characters. The console says the
    // constraint again rather than which part of it the name breaks.
    if (!principalNameProblem(PrincipalKind::Role, name).isEmpty())
        return nameConstraint();
    // IAM names are unique without regard to case (PRODROLE and prodrole clash).
    if (account.nameTaken(iam::AccountChange::Entity::Role, name.toStdString()))
        return QObject::tr("Role with name %1 already exists.").arg(name);
    return {};
}

QString RoleDraftValidator::descriptionError(const QString &description)
{
    // CreateRole's Description (IAM API reference): [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*,
    // at most 1000. The console's constraint text names a narrower set; the API's rule
    // is the one a call would be refused by, so that is the one enforced here.
    static const QRegularExpression pattern(QStringLiteral("\\A[\\x{9}\\x{a}\\x{d}\\x{20}-\\x{7e}\\x{a1}-\\x{ff}]*\\z"));
    if (description.size() > kMaxDescriptionLength || !matchesWhole(pattern, description))
        return descriptionConstraint();
    return {};
}

QString RoleDraftValidator::tagsError(const QList<QPair<QString, QString>> &tags)
{
    if (tags.size() > kMaxTags)
        return QObject::tr("You can add up to %1 tags.").arg(kMaxTags);
    // IAM tag keys and values: letters, numbers, spaces and _.:/=+-@ (any script).
    static const QRegularExpression pattern(QStringLiteral("\\A[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*\\z"));
    QSet<QString> keys;
    for (const auto &[key, value] : tags) {
        if (key.isEmpty())
            return QObject::tr("Tag key is required.");
        if (key.size() > kMaxTagKeyLength || !matchesWhole(pattern, key))
            return QObject::tr("Tag key %1: maximum 128 characters. Use letters, numbers, spaces, and _.:/=+-@.")
                .arg(key);
        if (value.size() > kMaxTagValueLength || !matchesWhole(pattern, value))
            return QObject::tr("Tag value for %1: maximum 256 characters. Use letters, numbers, spaces, and _.:/=+-@.")
                .arg(key);
        // Tag keys are unique on a resource regardless of case.
        const QString folded = key.toLower();
        if (keys.contains(folded))
            return QObject::tr("Tag key %1 is used more than once.").arg(key);
        keys.insert(folded);
    }
    return {};
}
