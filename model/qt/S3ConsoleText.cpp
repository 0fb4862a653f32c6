#include "S3ConsoleText.h"

#include <QDateTime>
#include <QLocale>
#include <QUrl>

#include <array>
#include <utility>

namespace S3ConsoleText {

QString sizeText(qint64 bytes)
{
    if (bytes <= 0)
        return QStringLiteral("0 B");
    static const std::array<const char *, 5> units = {"B", "KB", "MB", "GB", "TB"};
    double value = double(bytes);
    std::size_t unit = 0;
    // 1023.96 KB would round to "1024.0 KB": the console moves up a unit instead.
    while (value >= 1023.95 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString dateText(const std::string &iso)
{
    const QString text = QString::fromStdString(iso);
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return text;
    time = time.toUTC();
    // The console speaks English month names whatever the machine's locale.
    return QLocale::c().toString(time, QStringLiteral("MMMM d, yyyy, HH:mm:ss")) + QStringLiteral(" (UTC+00:00)");
}

QString regionText(const QString &code)
{
    static const std::array<std::pair<const char *, const char *>, 12> names = {{
        {"us-east-1", "US East (N. Virginia)"},
        {"us-east-2", "US East (Ohio)"},
        {"us-west-1", "US West (N. California)"},
        {"us-west-2", "US West (Oregon)"},
        {"eu-west-1", "Europe (Ireland)"},
        {"eu-west-2", "Europe (London)"},
        {"eu-west-3", "Europe (Paris)"},
        {"eu-central-1", "Europe (Frankfurt)"},
        {"eu-north-1", "Europe (Stockholm)"},
        {"ap-southeast-1", "Asia Pacific (Singapore)"},
        {"ap-southeast-2", "Asia Pacific (Sydney)"},
        {"ap-northeast-1", "Asia Pacific (Tokyo)"},
    }};
    for (const auto &[id, name] : names) {
        if (code == QLatin1String(id))
            return QStringLiteral("%1 %2").arg(QLatin1String(name), code);
    }
    return code;
}

QString objectType(const QString &key)
{
    const QString name = key.section(QLatin1Char('/'), -1);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == name.size() - 1)
        return QStringLiteral("-");
    return name.mid(dot + 1);
}

QString bucketArn(const QString &bucket)
{
    return QStringLiteral("arn:aws:s3:::") + bucket;
}

QString objectArn(const QString &bucket, const QString &key)
{
    return QStringLiteral("arn:aws:s3:::%1/%2").arg(bucket, key);
}

QString s3Uri(const QString &bucket, const QString &key)
{
    return QStringLiteral("s3://%1/%2").arg(bucket, key);
}

QString objectUrl(const QString &bucket, const QString &key)
{
    // The key is URL-encoded, its slashes kept, as the console's Object URL does.
    return QStringLiteral("https://%1.s3.amazonaws.com/%2")
        .arg(bucket, QString::fromLatin1(QUrl::toPercentEncoding(key, "/")));
}

bool splitObjectKey(const QString &location, QString *bucket, QString *key)
{
    const qsizetype slash = location.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return false;
    if (bucket)
        *bucket = location.left(slash);
    if (key)
        *key = location.mid(slash + 1);
    return true;
}

} // namespace S3ConsoleText
