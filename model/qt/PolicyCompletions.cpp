#include "PolicyCompletions.h"

#include "ServiceCatalog.h"

#include <QRegularExpression>

namespace {

bool startsWith(const std::string &text, const QString &prefix)
{
    return QString::fromStdString(text).startsWith(prefix, Qt::CaseInsensitive);
}

} // namespace

PolicyCompletions::PolicyCompletions(const iam::ServiceCatalog *catalog)
    : m_catalog(catalog)
{
}

PolicyCompletions::Context PolicyCompletions::contextAt(const QString &textBeforeCursor)
{
    // The policy grammar's element names, as keys: `"Action" :`. Names inside a
    // Condition block ("StringEquals", keys) are not among them, so the last one
    // found is the element the cursor is in.
    static const QRegularExpression element(QStringLiteral(
        "\"(Version|Id|Statement|Sid|Effect|Principal|NotPrincipal|Action|NotAction|Resource|NotResource|Condition)\"\\s*:"));
    QString lastName;
    QRegularExpressionMatchIterator it = element.globalMatch(textBeforeCursor);
    while (it.hasNext())
        lastName = it.next().captured(1);
    if (lastName == QLatin1String("Action") || lastName == QLatin1String("NotAction"))
        return Context::Action;
    if (lastName == QLatin1String("Condition"))
        return Context::Condition;
    return Context::None;
}

QStringList PolicyCompletions::complete(Context context, const QString &prefix, int limit) const
{
    QStringList out;
    if (context == Context::None)
        return out;
    const qsizetype colon = prefix.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        if (context == Context::Condition) {
            for (const QString &op : conditionOperators())
                if (op.startsWith(prefix, Qt::CaseInsensitive) && out.size() < limit)
                    out << op;
        }
        addServicePrefixes(prefix, context == Context::Condition, out, limit);
        return out;
    }
    if (!m_catalog)
        return out;
    const QString service = prefix.left(colon);
    const QString rest = prefix.mid(colon + 1);
    const std::string serviceName = service.toStdString();
    if (context == Context::Action) {
        const iam::CatalogService *found = m_catalog->service(serviceName);
        if (!found)
            return out;
        const QString spelled = QString::fromStdString(found->prefix) + QLatin1Char(':');
        if (rest.isEmpty() || rest == QLatin1String("*"))
            out << spelled + QLatin1Char('*');
        for (const iam::CatalogAction &action : found->actions) {
            if (out.size() >= limit)
                break;
            if (startsWith(action.name, rest))
                out << spelled + QString::fromStdString(action.name);
        }
        return out;
    }
    // Condition keys: the global ones for "aws:", else the service's own.
    const auto addKeys = [&](const std::vector<iam::CatalogConditionKey> &keys) {
        for (const iam::CatalogConditionKey &key : keys) {
            if (out.size() >= limit)
                break;
            if (startsWith(key.name, prefix))
                out << QString::fromStdString(key.name);
        }
    };
    if (service.compare(QLatin1String("aws"), Qt::CaseInsensitive) == 0)
        addKeys(m_catalog->globalConditionKeys());
    else if (const iam::CatalogService *found = m_catalog->service(serviceName))
        addKeys(found->conditionKeys);
    return out;
}

void PolicyCompletions::addServicePrefixes(const QString &prefix, bool withKeysOnly, QStringList &out, int limit) const
{
    if (!m_catalog)
        return;
    if (withKeysOnly && QStringLiteral("aws").startsWith(prefix, Qt::CaseInsensitive) && out.size() < limit)
        out << QStringLiteral("aws:");
    for (const iam::CatalogService &service : m_catalog->services()) {
        if (out.size() >= limit)
            break;
        if (withKeysOnly && service.conditionKeys.empty())
            continue;
        if (startsWith(service.prefix, prefix))
            out << QString::fromStdString(service.prefix) + QLatin1Char(':');
    }
}

const QStringList &PolicyCompletions::conditionOperators()
{
    // reference_policies_elements_condition_operators.md, in its order.
    static const QStringList operators = {
        QStringLiteral("StringEquals"), QStringLiteral("StringNotEquals"),
        QStringLiteral("StringEqualsIgnoreCase"), QStringLiteral("StringNotEqualsIgnoreCase"),
        QStringLiteral("StringLike"), QStringLiteral("StringNotLike"),
        QStringLiteral("NumericEquals"), QStringLiteral("NumericNotEquals"),
        QStringLiteral("NumericLessThan"), QStringLiteral("NumericLessThanEquals"),
        QStringLiteral("NumericGreaterThan"), QStringLiteral("NumericGreaterThanEquals"),
        QStringLiteral("DateEquals"), QStringLiteral("DateNotEquals"),
        QStringLiteral("DateLessThan"), QStringLiteral("DateLessThanEquals"),
        QStringLiteral("DateGreaterThan"), QStringLiteral("DateGreaterThanEquals"),
        QStringLiteral("Bool"), QStringLiteral("BinaryEquals"),
        QStringLiteral("IpAddress"), QStringLiteral("NotIpAddress"),
        QStringLiteral("ArnEquals"), QStringLiteral("ArnLike"),
        QStringLiteral("ArnNotEquals"), QStringLiteral("ArnNotLike"),
        QStringLiteral("Null"),
    };
    return operators;
}

QStringList PolicyCompletions::operatorsForKeyType(const QString &keyType)
{
    const QString type = keyType.startsWith(QLatin1String("ArrayOf")) ? keyType.mid(7) : keyType;
    const auto family = [](const char *start) {
        QStringList out;
        for (const QString &op : conditionOperators())
            if (op.startsWith(QLatin1String(start)))
                out << op;
        return out;
    };
    QStringList out;
    if (type == QLatin1String("String"))
        out = family("String");
    else if (type == QLatin1String("ARN"))
        out = family("Arn") + family("String");   // IAM accepts both for ARN keys
    else if (type == QLatin1String("Numeric"))
        out = family("Numeric");
    else if (type == QLatin1String("Date"))
        out = family("Date");
    else if (type == QLatin1String("Bool"))
        out = QStringList{QStringLiteral("Bool")};
    else if (type == QLatin1String("IPAddress"))
        out = QStringList{QStringLiteral("IpAddress"), QStringLiteral("NotIpAddress")};
    else
        out = conditionOperators();
    out << QStringLiteral("Null");
    out.removeDuplicates();
    return out;
}
