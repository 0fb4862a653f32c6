// The Roles list: a new role is one rowsInserted, trusted entities read from the
// trust policy, and a session's call refreshes that role's last activity only.

#include "AccountCommands.h"
#include "RolesModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kEc2Trust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
const QString kAccountTrust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}]})");

bool createRole(WorkspaceDocument &doc, const QString &name, const QStringList &policies = {})
{
    RoleDraft draft;
    draft.name = name;
    draft.trustPolicy = kEc2Trust;
    draft.policyArns = policies;
    return doc.execute(createRoleCommand(doc, draft)).ok;
}

} // namespace

class tst_RolesModel : public QObject
{
    Q_OBJECT

private slots:
    void newRoleIsOneRowInserted();
    void trustedEntitiesFollowTheTrustPolicy();
    void lastActivityFollowsTheRolesSessions();
};

void tst_RolesModel::newRoleIsOneRowInserted()
{
    WorkspaceDocument doc(Catalogs::bundled());
    RolesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(createRole(doc, QStringLiteral("S3Access"), {QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, RolesModel::NameColumn).data().toString(), QStringLiteral("S3Access"));
    QCOMPARE(model.index(0, RolesModel::LastActivityColumn).data().toString(), QStringLiteral("None"));
    QCOMPARE(model.index(0, RolesModel::CreationColumn).data().toString(), QStringLiteral("Now"));
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    doc.undoStack()->redo();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(reset.count(), 0);
}

void tst_RolesModel::trustedEntitiesFollowTheTrustPolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("S3Access")));
    RolesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.index(0, RolesModel::TrustedEntitiesColumn).data().toString(), QStringLiteral("AWS Service: ec2"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(doc.execute(updateTrustPolicyCommand(doc, QStringLiteral("S3Access"), kAccountTrust)).ok);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0, RolesModel::TrustedEntitiesColumn).data().toString(),
             QStringLiteral("Account: 111122223333"));
    doc.undoStack()->undo();
    QCOMPARE(model.index(0, RolesModel::TrustedEntitiesColumn).data().toString(), QStringLiteral("AWS Service: ec2"));
}

void tst_RolesModel::lastActivityFollowsTheRolesSessions()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("S3Access"), {QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")}));
    QVERIFY(createRole(doc, QStringLiteral("Other")));
    RolesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const iam::CallResult listed =
        doc.api().call(iam::CallerIdentity::instance("S3Access", "i-0abc1234def567890"), "s3", "ListBuckets");
    QVERIFY2(listed.ok(), listed.errorMessage.c_str());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.front().at(1).toModelIndex().row(), 0);
    doc.account().setClock("2024-05-03T09:00:00Z");
    QCOMPARE(model.index(0, RolesModel::LastActivityColumn).data().toString(), QStringLiteral("2 days ago"));
    QCOMPARE(model.index(0, RolesModel::LastActivityColumn).data(EntityListModel::SortRole).toString(),
             QStringLiteral("2024-05-01T09:00:00Z"));
    QCOMPARE(model.index(1, RolesModel::LastActivityColumn).data().toString(), QStringLiteral("None"));

    // A session without permission is denied: no activity.
    changed.clear();
    QVERIFY(!doc.api().call(iam::CallerIdentity::roleSession("Other", "s1"), "s3", "ListBuckets").ok());
    QCOMPARE(changed.count(), 0);
}

QTEST_GUILESS_MAIN(tst_RolesModel)
#include "tst_RolesModel.moc"
