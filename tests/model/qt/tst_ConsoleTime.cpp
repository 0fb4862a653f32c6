// Dates and durations in the console's words.

#include "ConsoleTime.h"

#include <QtTest>

class tst_ConsoleTime : public QObject
{
    Q_OBJECT

private slots:
    void dateTime();
    void ago_data();
    void ago();
    void sessionDuration();
};

void tst_ConsoleTime::dateTime()
{
    QCOMPARE(consoleDateTime("2024-05-01T09:00:00Z"), QStringLiteral("May 01, 2024, 09:00 (UTC)"));
    QCOMPARE(consoleDateTime("not a date"), QStringLiteral("not a date"));
}

void tst_ConsoleTime::ago_data()
{
    QTest::addColumn<QString>("then");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same-time") << "2024-05-01T09:00:00Z" << "Now";
    QTest::newRow("one-minute") << "2024-05-01T08:59:00Z" << "1 minute ago";
    QTest::newRow("minutes") << "2024-05-01T08:45:00Z" << "15 minutes ago";
    QTest::newRow("one-hour") << "2024-05-01T08:00:00Z" << "1 hour ago";
    QTest::newRow("yesterday") << "2024-04-30T08:00:00Z" << "Yesterday";
    QTest::newRow("days") << "2024-04-21T09:00:00Z" << "10 days ago";
    QTest::newRow("years") << "2022-04-01T09:00:00Z" << "2 years ago";
    QTest::newRow("future-is-now") << "2024-05-02T09:00:00Z" << "Now";
}

void tst_ConsoleTime::ago()
{
    QFETCH(QString, then);
    QFETCH(QString, expected);
    QCOMPARE(timeAgo(then.toStdString(), "2024-05-01T09:00:00Z"), expected);
}

void tst_ConsoleTime::sessionDuration()
{
    QCOMPARE(sessionDurationText(3600), QStringLiteral("1 hour"));
    QCOMPARE(sessionDurationText(43200), QStringLiteral("12 hours"));
    QCOMPARE(sessionDurationText(5400), QStringLiteral("90 minutes"));
    QCOMPARE(sessionDurationText(3601), QStringLiteral("3601 seconds"));
}

QTEST_APPLESS_MAIN(tst_ConsoleTime)
#include "tst_ConsoleTime.moc"
