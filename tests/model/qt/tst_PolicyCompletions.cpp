#include "PolicyCompletions.h"

#include "Catalogs.h"

#include <QElapsedTimer>
#include <QTest>

using Context = PolicyCompletions::Context;

class tst_PolicyCompletions : public QObject
{
    Q_OBJECT

private slots:
    void contextIsTheLastElementBeforeTheCursor_data();
    void contextIsTheLastElementBeforeTheCursor();
    void actionsOfTheTypedService();
    void servicePrefixesBeforeTheColon();
    void conditionKeysAndOperators();
    void nothingOutsideActionsAndConditions();
    void withoutCatalogOnlyOperators();
    void operatorsForKeyTypes();
    void completingIsFast();
};

void tst_PolicyCompletions::contextIsTheLastElementBeforeTheCursor_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("context");
    QTest::newRow("action-string") << QStringLiteral(R"({"Statement": [{"Effect": "Allow", "Action": "s3:Ge)") << int(Context::Action);
    QTest::newRow("action-array") << QStringLiteral("{\"Statement\": [{\"Action\": [\n  \"s3:GetObject\",\n  \"s3:Li") << int(Context::Action);
    QTest::newRow("not-action") << QStringLiteral(R"({"NotAction": ["iam:)") << int(Context::Action);
    QTest::newRow("condition-key") << QStringLiteral(R"({"Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:Req)") << int(Context::Condition);
    QTest::newRow("resource") << QStringLiteral(R"({"Action": "s3:GetObject", "Resource": "arn:aws:s3)") << int(Context::None);
    QTest::newRow("start") << QString() << int(Context::None);
}

void tst_PolicyCompletions::contextIsTheLastElementBeforeTheCursor()
{
    QFETCH(QString, before);
    QFETCH(int, context);
    QCOMPARE(int(PolicyCompletions::contextAt(before)), context);
}

void tst_PolicyCompletions::actionsOfTheTypedService()
{
    const PolicyCompletions completions(Catalogs::bundled().services);
    const QStringList list = completions.complete(Context::Action, QStringLiteral("s3:getobjectt"));
    QVERIFY(list.contains(QStringLiteral("s3:GetObjectTagging")));
    QVERIFY(list.contains(QStringLiteral("s3:GetObjectTorrent")));
    for (const QString &entry : list)
        QVERIFY2(entry.startsWith(QStringLiteral("s3:GetObjectT")), qPrintable(entry));
    // Right after the colon: the service's wildcard and every action.
    const QStringList all = completions.complete(Context::Action, QStringLiteral("iam:"));
    QCOMPARE(all.first(), QStringLiteral("iam:*"));
    QVERIFY(all.contains(QStringLiteral("iam:PassRole")));
    QVERIFY(all.size() > 100);
    QVERIFY(completions.complete(Context::Action, QStringLiteral("nosuchservice:Get")).isEmpty());
}

void tst_PolicyCompletions::servicePrefixesBeforeTheColon()
{
    const PolicyCompletions completions(Catalogs::bundled().services);
    const QStringList list = completions.complete(Context::Action, QStringLiteral("ec"));
    QVERIFY(list.contains(QStringLiteral("ec2:")));
    for (const QString &entry : list)
        QVERIFY(entry.startsWith(QStringLiteral("ec")) && entry.endsWith(QLatin1Char(':')));
}

void tst_PolicyCompletions::conditionKeysAndOperators()
{
    const PolicyCompletions completions(Catalogs::bundled().services);
    const QStringList global = completions.complete(Context::Condition, QStringLiteral("aws:Req"));
    QVERIFY(global.contains(QStringLiteral("aws:RequestedRegion")));
    QVERIFY(global.contains(QStringLiteral("aws:RequestTag/${TagKey}")));
    const QStringList s3 = completions.complete(Context::Condition, QStringLiteral("s3:pre"));
    QVERIFY(s3.contains(QStringLiteral("s3:prefix")));
    const QStringList operators = completions.complete(Context::Condition, QStringLiteral("StringE"));
    QVERIFY(operators.contains(QStringLiteral("StringEquals")));
    QVERIFY(operators.contains(QStringLiteral("StringEqualsIgnoreCase")));
    QVERIFY(completions.complete(Context::Condition, QStringLiteral("aw")).contains(QStringLiteral("aws:")));
}

void tst_PolicyCompletions::nothingOutsideActionsAndConditions()
{
    const PolicyCompletions completions(Catalogs::bundled().services);
    QVERIFY(completions.complete(Context::None, QStringLiteral("s3:Get")).isEmpty());
}

void tst_PolicyCompletions::withoutCatalogOnlyOperators()
{
    const PolicyCompletions completions(nullptr);
    QVERIFY(completions.complete(Context::Action, QStringLiteral("s3:Get")).isEmpty());
    QCOMPARE(completions.complete(Context::Condition, QStringLiteral("Bo")), QStringList{QStringLiteral("Bool")});
}

void tst_PolicyCompletions::operatorsForKeyTypes()
{
    const QStringList arn = PolicyCompletions::operatorsForKeyType(QStringLiteral("ARN"));
    QVERIFY(arn.contains(QStringLiteral("ArnLike")));
    QVERIFY(arn.contains(QStringLiteral("StringEquals")));
    QCOMPARE(PolicyCompletions::operatorsForKeyType(QStringLiteral("Bool")),
             (QStringList{QStringLiteral("Bool"), QStringLiteral("Null")}));
    const QStringList strings = PolicyCompletions::operatorsForKeyType(QStringLiteral("ArrayOfString"));
    QCOMPARE(strings.first(), QStringLiteral("StringEquals"));
    QVERIFY(!strings.contains(QStringLiteral("NumericEquals")));
    QVERIFY(PolicyCompletions::operatorsForKeyType(QStringLiteral("IPAddress")).contains(QStringLiteral("NotIpAddress")));
}

void tst_PolicyCompletions::completingIsFast()
{
    const PolicyCompletions completions(Catalogs::bundled().services);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i)
        completions.complete(Context::Action, QStringLiteral("ec2:"));   // ec2 has the most actions
    const double perCall = double(timer.nsecsElapsed()) / 1e6 / 20;
    qInfo("complete(\"ec2:\"): %.2f ms", perCall);
    QVERIFY2(perCall < 50, qPrintable(QString::number(perCall)));
}

QTEST_GUILESS_MAIN(tst_PolicyCompletions)
#include "tst_PolicyCompletions.moc"
