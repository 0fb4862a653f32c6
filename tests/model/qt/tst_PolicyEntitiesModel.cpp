// A policy's "Entities attached": one row per user, group or role holding it,
// updated in place as policies are attached and detached.

#include "AccountCommands.h"
#include "PolicyCommands.h"
#include "PolicyEntitiesModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const char *kTrustEc2 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

QStringList rowText(const PolicyEntitiesModel &model, int row)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(); ++column)
        cells.append(model.index(row, column).data().toString());
    return cells;
}

} // namespace

class tst_PolicyEntitiesModel : public QObject
{
    Q_OBJECT

private slots:
    void creatingARoleWithThePolicyInsertsOneRow();
    void usersComeBeforeRolesAndBoundariesAreRowsOfTheirOwn();
    void detachRemovesTheRow();
    void otherPoliciesLeaveTheModelAlone();
};

void tst_PolicyEntitiesModel::creatingARoleWithThePolicyInsertsOneRow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyEntitiesModel model(doc, kS3ReadOnly);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.headerData(PolicyEntitiesModel::AttachedAsColumn, Qt::Horizontal).toString(), QStringLiteral("Attached as"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.trustPolicy = QString::fromLatin1(kTrustEc2);
    draft.policyArns = {kS3ReadOnly};
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(rowText(model, 0), (QStringList{QStringLiteral("S3Access"), QStringLiteral("Role"), QStringLiteral("Permissions policy")}));
    QCOMPARE(model.entityAt(0).kind, PrincipalKind::Role);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    doc.undoStack()->redo();
    QCOMPARE(model.rowCount(), 1);
}

void tst_PolicyEntitiesModel::usersComeBeforeRolesAndBoundariesAreRowsOfTheirOwn()
{
    WorkspaceDocument doc(Catalogs::bundled());
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.trustPolicy = QString::fromLatin1(kTrustEc2);
    draft.policyArns = {kS3ReadOnly};
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
    PolicyEntitiesModel model(doc, kS3ReadOnly);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QVERIFY(doc.execute(setPermissionsBoundaryCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 1);
    QCOMPARE(rowText(model, 0), (QStringList{QStringLiteral("lab-user"), QStringLiteral("User"), QStringLiteral("Permissions policy")}));
    QCOMPARE(rowText(model, 1), (QStringList{QStringLiteral("lab-user"), QStringLiteral("User"), QStringLiteral("Permissions boundary")}));
    QCOMPARE(rowText(model, 2).first(), QStringLiteral("S3Access"));
    QVERIFY(model.index(1, 0).data(PolicyEntitiesModel::BoundaryRole).toBool());
}

void tst_PolicyEntitiesModel::detachRemovesTheRow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyEntitiesModel model(doc, kS3ReadOnly);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QVERIFY(doc.execute(setPermissionsBoundaryCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QList<PolicyHolder> both{{PrincipalKind::User, QStringLiteral("lab-user"), false},
                                   {PrincipalKind::User, QStringLiteral("lab-user"), true}};
    QVERIFY(doc.execute(detachPolicyFromEntitiesCommand(doc, kS3ReadOnly, both)).ok);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void tst_PolicyEntitiesModel::otherPoliciesLeaveTheModelAlone()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyEntitiesModel model(doc, kS3ReadOnly);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"),
                                            QStringLiteral("arn:aws:iam::aws:policy/AmazonEC2FullAccess"))).ok);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_PolicyEntitiesModel)
#include "tst_PolicyEntitiesModel.moc"
