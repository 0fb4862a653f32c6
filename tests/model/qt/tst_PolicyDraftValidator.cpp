#include "PolicyDraftValidator.h"

#include "Catalogs.h"
#include "WorkspaceDocument.h"
#include "commands/AccountCommands.h"

#include <QTest>

class tst_PolicyDraftValidator : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void takenNameIsRefusedRegardlessOfCase();
    void descriptionAndTags();
};

void tst_PolicyDraftValidator::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("walkthrough") << QStringLiteral("IAM-User-Policy") << true;
    QTest::newRow("all-punctuation") << QStringLiteral("a+=,.@-_z") << true;
    QTest::newRow("max-length") << QString(128, QLatin1Char('p')) << true;
    QTest::newRow("too-long") << QString(129, QLatin1Char('p')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("bad name") << false;
    QTest::newRow("bang") << QStringLiteral("bad!") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("non-ascii") << QStringLiteral("politique-é") << false;
}

void tst_PolicyDraftValidator::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    WorkspaceDocument doc(Catalogs::bundled());
    const QString error = PolicyDraftValidator::nameError(doc.account(), name);
    QCOMPARE(error.isEmpty(), valid);
    if (!valid)
        QCOMPARE(error, QStringLiteral("Use alphanumeric and '+=,.@-_' characters. Maximum 128 characters."));
}

void tst_PolicyDraftValidator::takenNameIsRefusedRegardlessOfCase()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyDraft draft;
    draft.name = QStringLiteral("IAM-User-Policy");
    draft.document = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})");
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
    QCOMPARE(PolicyDraftValidator::nameError(doc.account(), QStringLiteral("iam-user-policy")),
             QStringLiteral("A policy called iam-user-policy already exists. Duplicate names are not allowed."));
}

void tst_PolicyDraftValidator::descriptionAndTags()
{
    QVERIFY(PolicyDraftValidator::descriptionError(QStringLiteral("Lets lab-user launch instances")).isEmpty());
    QVERIFY(!PolicyDraftValidator::descriptionError(QString(1001, QLatin1Char('d'))).isEmpty());
    QVERIFY(PolicyDraftValidator::tagsError({{QStringLiteral("Project"), QStringLiteral("PassRole lab")}}).isEmpty());
    QVERIFY(!PolicyDraftValidator::tagsError({{QString(), QStringLiteral("v")}}).isEmpty());
}

QTEST_GUILESS_MAIN(tst_PolicyDraftValidator)
#include "tst_PolicyDraftValidator.moc"
