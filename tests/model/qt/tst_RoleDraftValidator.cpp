// The console's checks on Name, review, and create: role names, descriptions, tags.

#include "RoleDraftValidator.h"

#include "AccountCommands.h"
#include "Catalogs.h"
#include "WorkspaceDocument.h"

#include <QtTest>

class tst_RoleDraftValidator : public QObject
{
    Q_OBJECT

private slots:
    void name_data();
    void name();
    void description_data();
    void description();
    void tags_data();
    void tags();
};

void tst_RoleDraftValidator::name_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    const QString constraint = QStringLiteral("Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters.");
    QTest::newRow("walkthrough") << "S3Access" << "";
    QTest::newRow("every-allowed-character") << "a_b+c=d,e.f@g-h9" << "";
    QTest::newRow("64-characters") << QString(64, QLatin1Char('r')) << "";
    QTest::newRow("empty") << "" << constraint;
    QTest::newRow("65-characters") << QString(65, QLatin1Char('r')) << constraint;
    QTest::newRow("space-and-bang") << "bad name!" << constraint;
    QTest::newRow("slash") << "a/b" << constraint;
    QTest::newRow("non-ascii-letter") << QStringLiteral("r\u00f4le") << constraint;
    QTest::newRow("taken-other-case") << "existingrole" << "Role with name existingrole already exists.";
    QTest::newRow("taken-same-case") << "ExistingRole" << "Role with name ExistingRole already exists.";
}

void tst_RoleDraftValidator::name()
{
    QFETCH(QString, name);
    QFETCH(QString, error);
    WorkspaceDocument doc(Catalogs::bundled());
    RoleDraft draft;
    draft.name = QStringLiteral("ExistingRole");
    draft.trustPolicy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
    QCOMPARE(RoleDraftValidator::nameError(doc.account(), name), error);
}

void tst_RoleDraftValidator::description_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << "" << true;
    QTest::newRow("ec2-use-case") << "Allows EC2 instances to call AWS services on your behalf." << true;
    QTest::newRow("punctuation") << "Lab 1: (S3) read-only [v2] #1 50% $0 & more; \"quoted\" <tag> a/b\\c" << true;
    QTest::newRow("tabs-and-new-lines") << "line one\n\tline two" << true;
    QTest::newRow("1000-characters") << QString(1000, QLatin1Char('d')) << true;
    QTest::newRow("1001-characters") << QString(1001, QLatin1Char('d')) << false;
    QTest::newRow("latin-1") << QStringLiteral("r\u00f4le d'acc\u00e8s") << true;
    QTest::newRow("emoji") << QStringLiteral("role \U0001F600") << false;
    QTest::newRow("beyond-latin-1") << QStringLiteral("\u0100") << false;
    QTest::newRow("control-character") << QStringLiteral("a\u0007b") << false;
}

void tst_RoleDraftValidator::description()
{
    QFETCH(QString, description);
    QFETCH(bool, valid);
    const QString error = RoleDraftValidator::descriptionError(description);
    QCOMPARE(error.isEmpty(), valid);
    if (!valid)
        QCOMPARE(error, RoleDraftValidator::descriptionConstraint());
}

void tst_RoleDraftValidator::tags_data()
{
    using Tags = QList<QPair<QString, QString>>;
    QTest::addColumn<Tags>("tags");
    QTest::addColumn<bool>("valid");
    QTest::newRow("none") << Tags{} << true;
    QTest::newRow("key-and-value") << Tags{{"project", "lab 1"}} << true;
    QTest::newRow("key-only") << Tags{{"team", ""}} << true;
    QTest::newRow("empty-key") << Tags{{"", "value"}} << false;
    QTest::newRow("duplicate-key-other-case") << Tags{{"Team", "a"}, {"team", "b"}} << false;
    QTest::newRow("bad-character") << Tags{{"a*b", ""}} << false;
    QTest::newRow("long-key") << Tags{{QString(129, QLatin1Char('k')), ""}} << false;
    QTest::newRow("long-value") << Tags{{"k", QString(257, QLatin1Char('v'))}} << false;
    Tags fifty, fiftyOne;
    for (int i = 0; i < 51; ++i)
        (i < 50 ? fifty : fiftyOne).append({QStringLiteral("key%1").arg(i), {}});
    fiftyOne = fifty + fiftyOne;
    QTest::newRow("fifty") << fifty << true;
    QTest::newRow("fifty-one") << fiftyOne << false;
}

void tst_RoleDraftValidator::tags()
{
    using Tags = QList<QPair<QString, QString>>;
    QFETCH(Tags, tags);
    QFETCH(bool, valid);
    const QString error = RoleDraftValidator::tagsError(tags);
    QVERIFY2(error.isEmpty() == valid, qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_RoleDraftValidator)
#include "tst_RoleDraftValidator.moc"
