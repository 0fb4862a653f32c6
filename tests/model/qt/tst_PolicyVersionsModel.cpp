// A policy's versions: newest first, the default marked, updated in place.

#include "AccountCommands.h"
#include "PolicyCommands.h"
#include "PolicyVersionsModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

namespace {

const QString kCustomer = QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy");
const char *kV1 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})";
const char *kV2 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]})";

QString version(const PolicyVersionsModel &model, int row)
{
    return model.index(row, PolicyVersionsModel::VersionColumn).data().toString();
}

} // namespace

class tst_PolicyVersionsModel : public QObject
{
    Q_OBJECT

private slots:
    void awsManagedPolicyHasItsDefaultVersion();
    void newVersionIsInsertedOnTop();
    void settingTheDefaultChangesRowsInPlace();
};

void tst_PolicyVersionsModel::awsManagedPolicyHasItsDefaultVersion()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyVersionsModel model(doc, QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(version(model, 0), QStringLiteral("Version 3 (Default)"));
    QCOMPARE(model.index(0, PolicyVersionsModel::CreatedColumn).data().toString(), QStringLiteral("August 10, 2023, 21:31 (UTC)"));
    QCOMPARE(model.versionIdAt(0), QStringLiteral("v3"));
}

void tst_PolicyVersionsModel::newVersionIsInsertedOnTop()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyDraft draft{QStringLiteral("IAM-User-Policy"), QStringLiteral("/"), {}, QString::fromLatin1(kV1), {}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
    PolicyVersionsModel model(doc, kCustomer);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(version(model, 0), QStringLiteral("Version 1 (Default)"));
    QCOMPARE(model.index(0, PolicyVersionsModel::CreatedColumn).data().toString(), QStringLiteral("May 01, 2024, 09:00 (UTC)"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(doc.execute(createPolicyVersionCommand(doc, kCustomer, QString::fromLatin1(kV2))).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(changed.count(), 1);   // v1 is no longer the default
    QCOMPARE(resets.count(), 0);
    QCOMPARE(version(model, 0), QStringLiteral("Version 2 (Default)"));
    QCOMPARE(version(model, 1), QStringLiteral("Version 1"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(version(model, 0), QStringLiteral("Version 1 (Default)"));
}

void tst_PolicyVersionsModel::settingTheDefaultChangesRowsInPlace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyDraft draft{QStringLiteral("IAM-User-Policy"), QStringLiteral("/"), {}, QString::fromLatin1(kV1), {}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
    QVERIFY(doc.execute(createPolicyVersionCommand(doc, kCustomer, QString::fromLatin1(kV2))).ok);
    PolicyVersionsModel model(doc, kCustomer);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.execute(setDefaultPolicyVersionCommand(doc, kCustomer, QStringLiteral("v1"))).ok);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(version(model, 0), QStringLiteral("Version 2"));
    QCOMPARE(version(model, 1), QStringLiteral("Version 1 (Default)"));
    QVERIFY(model.isDefaultAt(1));
    doc.undoStack()->undo();
    QCOMPARE(version(model, 0), QStringLiteral("Version 2 (Default)"));
}

QTEST_GUILESS_MAIN(tst_PolicyVersionsModel)
#include "tst_PolicyVersionsModel.moc"
