#include "ArnTemplate.h"

#include <QRegularExpression>

namespace {

const QRegularExpression &variablePattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\$\\{([A-Za-z0-9_]+)\\}"));
    return pattern;
}

const QString kPartition = QStringLiteral("Partition");

} // namespace

ArnTemplate::ArnTemplate(QString format)
    : m_format(std::move(format))
{
}

QStringList ArnTemplate::variables() const
{
    QStringList names;
    QRegularExpressionMatchIterator it = variablePattern().globalMatch(m_format);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

QStringList ArnTemplate::editableVariables() const
{
    QStringList names = variables();
    names.removeAll(kPartition);
    return names;
}

QString ArnTemplate::build(const QHash<QString, QString> &values) const
{
    QString arn;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = variablePattern().globalMatch(m_format);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        arn += QStringView(m_format).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        const QString value = values.value(name).trimmed();
        if (!value.isEmpty())
            arn += value;
        else
            // The console writes the commercial partition; any other value is `*`.
            arn += name == kPartition ? QStringLiteral("aws") : QStringLiteral("*");
        last = match.capturedEnd();
    }
    arn += QStringView(m_format).mid(last);
    return arn;
}
