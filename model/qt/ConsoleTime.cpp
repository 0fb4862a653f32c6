#include "ConsoleTime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace {

QDateTime parse(const std::string &iso)
{
    QDateTime time = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate);
    return time.isValid() ? time.toUTC() : time;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ConsoleTime", text);
}

// English plurals spelled out: without a translation loaded, Qt leaves "%n minute(s)" as is.
QString count(int n, const char *one, const char *many)
{
    return tr(n == 1 ? one : many).arg(n);
}

} // namespace

QString consoleDateTime(const std::string &iso)
{
    const QDateTime time = parse(iso);
    if (!time.isValid())
        return QString::fromStdString(iso);
    // The console writes dates in English whatever the locale: "May 01, 2024, 09:00 (UTC)".
    return QLocale::c().toString(time, QStringLiteral("MMMM dd, yyyy, HH:mm")) + QStringLiteral(" (UTC)");
}

QString timeAgo(const std::string &iso, const std::string &now)
{
    const QDateTime then = parse(iso);
    const QDateTime clock = parse(now);
    if (!then.isValid() || !clock.isValid())
        return QString::fromStdString(iso);
    const qint64 seconds = std::max<qint64>(0, then.secsTo(clock));
    const int minutes = int(seconds / 60);
    const int hours = minutes / 60;
    const int days = hours / 24;
    if (minutes < 1)
        return tr("Now");
    if (hours < 1)
        return count(minutes, "%1 minute ago", "%1 minutes ago");
    if (days < 1)
        return count(hours, "%1 hour ago", "%1 hours ago");
    if (days < 2)
        return tr("Yesterday");
    if (days < 365)
        return count(days, "%1 day ago", "%1 days ago");
    return count(days / 365, "%1 year ago", "%1 years ago");
}

QString sessionDurationText(int seconds)
{
    if (seconds % 3600 == 0)
        return count(seconds / 3600, "%1 hour", "%1 hours");
    if (seconds % 60 == 0)
        return count(seconds / 60, "%1 minute", "%1 minutes");
    return count(seconds, "%1 second", "%1 seconds");
}
