// A principal's permissions policies: managed, inline and (for a user) its groups',
// updated in place: an attach is one rowsInserted, its undo one rowsRemoved.

#include "AccountCommands.h"
#include "PrincipalPoliciesModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kReadOnly = QStringLiteral("arn:aws:iam::aws:policy/ReadOnlyAccess");
const QString kTrust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
const QString kListBuckets = QStringLiteral(
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]})");

void createRole(WorkspaceDocument &doc, const QString &name)
{
    RoleDraft draft;
    draft.name = name;
    draft.trustPolicy = kTrust;
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
}

} // namespace

class tst_PrincipalPoliciesModel : public QObject
{
    Q_OBJECT

private slots:
    void attachIsOneRowInsertedAndUndoOneRemoved();
    void inlinePolicies();
    void attachedEntitiesCountFollowsOtherAttachments();
    void userListsItsGroupsPolicies();
    void deletedPrincipalHasNoRows();
};

void tst_PrincipalPoliciesModel::attachIsOneRowInsertedAndUndoOneRemoved()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, QStringLiteral("S3Access"));
    PrincipalPoliciesModel model(doc, PrincipalKind::Role, QStringLiteral("S3Access"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.headerData(PrincipalPoliciesModel::AttachedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Attached entities"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"), kS3ReadOnly)).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, PrincipalPoliciesModel::NameColumn).data().toString(), QStringLiteral("AmazonS3ReadOnlyAccess"));
    QCOMPARE(model.index(0, PrincipalPoliciesModel::TypeColumn).data().toString(), QStringLiteral("AWS managed"));
    QCOMPARE(model.index(0, PrincipalPoliciesModel::AttachedColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(0, 0).data(PrincipalPoliciesModel::PolicyArnRole).toString(), kS3ReadOnly);
    QCOMPARE(model.index(0, 0).data(PrincipalPoliciesModel::InlineRole).toBool(), false);

    // A second attach lands after the first, without touching it.
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"), kReadOnly)).ok);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.back().at(1).toInt(), 1);

    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.back().at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 1);
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowCount(), 0);
    doc.undoStack()->redo();
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(reset.count(), 0);
}

void tst_PrincipalPoliciesModel::inlinePolicies()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, QStringLiteral("S3Access"));
    PrincipalPoliciesModel model(doc, PrincipalKind::Role, QStringLiteral("S3Access"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.execute(putInlinePolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"),
                                               QStringLiteral("ListBuckets"), kListBuckets)).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.index(0, PrincipalPoliciesModel::NameColumn).data().toString(), QStringLiteral("ListBuckets"));
    QCOMPARE(model.index(0, PrincipalPoliciesModel::TypeColumn).data().toString(), QStringLiteral("Customer inline"));
    QCOMPARE(model.index(0, PrincipalPoliciesModel::AttachedColumn).data().toString(), QStringLiteral("-"));
    QCOMPARE(model.index(0, 0).data(PrincipalPoliciesModel::InlineRole).toBool(), true);
    QVERIFY(model.index(0, 0).data(PrincipalPoliciesModel::PolicyArnRole).toString().isEmpty());

    // A managed policy attached later is listed before the inline ones, as the console does.
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"), kS3ReadOnly)).ok);
    QCOMPARE(inserted.back().at(1).toInt(), 0);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("ListBuckets"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(doc.execute(deleteInlinePolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"),
                                                  QStringLiteral("ListBuckets"))).ok);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
}

void tst_PrincipalPoliciesModel::attachedEntitiesCountFollowsOtherAttachments()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, QStringLiteral("S3Access"));
    createRole(doc, QStringLiteral("Other"));
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"), kS3ReadOnly)).ok);
    PrincipalPoliciesModel model(doc, PrincipalKind::Role, QStringLiteral("S3Access"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, QStringLiteral("Other"), kS3ReadOnly)).ok);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, PrincipalPoliciesModel::AttachedColumn).data().toString(), QStringLiteral("2"));
}

void tst_PrincipalPoliciesModel::userListsItsGroupsPolicies()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Group, QStringLiteral("developers"), kReadOnly)).ok);
    PrincipalPoliciesModel model(doc, PrincipalKind::User, QStringLiteral("lab-user"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.headerData(PrincipalPoliciesModel::AttachedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Attached via"));
    // The default user's own inline policy.
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, PrincipalPoliciesModel::AttachedColumn).data().toString(), QStringLiteral("Directly"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, PrincipalPoliciesModel::NameColumn).data().toString(), QStringLiteral("ReadOnlyAccess"));
    QCOMPARE(model.index(1, PrincipalPoliciesModel::AttachedColumn).data().toString(), QStringLiteral("Group developers"));
    QCOMPARE(model.index(1, 0).data(PrincipalPoliciesModel::ViaGroupRole).toString(), QStringLiteral("developers"));

    // A policy attached to the group reaches the user's list in place.
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Group, QStringLiteral("developers"), kS3ReadOnly)).ok);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 3);

    // Attached directly too: a row of its own, before the group's.
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.back().at(1).toInt(), 0);
    QCOMPARE(model.index(0, PrincipalPoliciesModel::AttachedColumn).data().toString(), QStringLiteral("Directly"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(doc.execute(removeUserFromGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    QCOMPARE(removed.count(), 1);   // the group's two rows, one run
    QCOMPARE(model.rowCount(), 2);
    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 4);
}

void tst_PrincipalPoliciesModel::deletedPrincipalHasNoRows()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, QStringLiteral("S3Access"));
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"), kS3ReadOnly)).ok);
    PrincipalPoliciesModel model(doc, PrincipalKind::Role, QStringLiteral("S3Access"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    doc.undoStack()->undo();
    doc.undoStack()->undo();   // the role is gone
    QCOMPARE(model.rowCount(), 0);
    doc.undoStack()->redo();
    doc.undoStack()->redo();
    QCOMPARE(model.rowCount(), 1);
}

QTEST_GUILESS_MAIN(tst_PrincipalPoliciesModel)
#include "tst_PrincipalPoliciesModel.moc"
