// The Policies list: AWS-managed and customer-managed policies, their type and
// "Used as", kept in step with the account in place.

#include "AccountCommands.h"
#include "AwsManagedPolicies.h"
#include "PoliciesModel.h"
#include "PolicyCommands.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kViewOnly = QStringLiteral("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
const QString kCustomer = QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy");
const char *kTrustEc2 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";
const char *kUserPolicy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})";

QString text(const PoliciesModel &model, const QString &arn, int column)
{
    return model.index(model.rowOf(arn), column).data().toString();
}

CommandOutcome createRole(WorkspaceDocument &doc, const QString &name)
{
    RoleDraft draft;
    draft.name = name;
    draft.trustPolicy = QString::fromLatin1(kTrustEc2);
    return doc.execute(createRoleCommand(doc, draft));
}

CommandOutcome createCustomerPolicy(WorkspaceDocument &doc)
{
    PolicyDraft draft;
    draft.name = QStringLiteral("IAM-User-Policy");
    draft.description = QStringLiteral("What lab-user may do");
    draft.document = QString::fromLatin1(kUserPolicy);
    return doc.execute(createPolicyCommand(doc, draft));
}

// Every dataChanged since `spy` started covered `row` and no other.
bool onlyRowChanged(const QSignalSpy &spy, int row)
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).toModelIndex().row() != row || args.at(1).toModelIndex().row() != row)
            return false;
    }
    return !spy.isEmpty();
}

} // namespace

class tst_PoliciesModel : public QObject
{
    Q_OBJECT

private slots:
    void listsEveryAwsManagedPolicy();
    void typesFollowTheArnAndPath();
    void creatingAPolicyInsertsOneRow();
    void attachingRefreshesOnlyThatRow();
    void boundaryCountsApart();
    void usageIsCountedOverUsersGroupsAndRoles();
    void deletingARefusedAttachedPolicyChangesNothing();
    void newWorkspaceResetsCounts();
};

void tst_PoliciesModel::listsEveryAwsManagedPolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PoliciesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(doc.account().awsManaged());
    QCOMPARE(model.rowCount(), int(doc.account().awsManaged()->all().size()));
    QVERIFY(model.rowCount() > 1000);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(PoliciesModel::UsedAsColumn, Qt::Horizontal).toString(), QStringLiteral("Used as"));
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::NameColumn), QStringLiteral("AmazonS3ReadOnlyAccess"));
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::DescriptionColumn),
             QStringLiteral("Provides read only access to all buckets via the AWS Management Console."));
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn), QStringLiteral("None"));
    QCOMPARE(model.index(model.rowOf(kS3ReadOnly), 0).data(EntityListModel::KeyRole).toString(), kS3ReadOnly);
}

void tst_PoliciesModel::typesFollowTheArnAndPath()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PoliciesModel model(doc);
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::TypeColumn), QStringLiteral("AWS managed"));
    QCOMPARE(model.index(model.rowOf(kViewOnly), 0).data(PoliciesModel::TypeRole).toInt(),
             int(PoliciesModel::PolicyType::JobFunction));
    QCOMPARE(text(model, kViewOnly, PoliciesModel::TypeColumn), QStringLiteral("AWS managed - job function"));
    QCOMPARE(PoliciesModel::typeOf(kCustomer.toStdString(), "/job-function/"), PoliciesModel::PolicyType::CustomerManaged);
}

void tst_PoliciesModel::creatingAPolicyInsertsOneRow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PoliciesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = model.rowCount();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(createCustomerPolicy(doc).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), before + 1);
    const int row = model.rowOf(kCustomer);
    QCOMPARE(inserted.first().at(1).toInt(), row);
    QCOMPARE(text(model, kCustomer, PoliciesModel::TypeColumn), QStringLiteral("Customer managed"));
    QCOMPARE(model.index(row, 0).data(PoliciesModel::TypeRole).toInt(), int(PoliciesModel::PolicyType::CustomerManaged));
    QCOMPARE(text(model, kCustomer, PoliciesModel::DescriptionColumn), QStringLiteral("What lab-user may do"));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowOf(kCustomer), -1);
}

void tst_PoliciesModel::attachingRefreshesOnlyThatRow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("S3Access")).ok);
    PoliciesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = model.rowOf(kS3ReadOnly);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"), kS3ReadOnly)).ok);
    QVERIFY(onlyRowChanged(changed, row));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn), QStringLiteral("Permissions policy (1)"));
    QCOMPARE(model.index(row, PoliciesModel::UsedAsColumn).data(EntityListModel::SortRole).toInt(), 1);

    // Undo notifies the role only (an AWS-managed policy is not the account's):
    // the row follows all the same.
    changed.clear();
    doc.undoStack()->undo();
    QVERIFY(onlyRowChanged(changed, row));
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn), QStringLiteral("None"));
    changed.clear();
    doc.undoStack()->redo();
    QVERIFY(onlyRowChanged(changed, row));
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn), QStringLiteral("Permissions policy (1)"));
}

void tst_PoliciesModel::boundaryCountsApart()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PoliciesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(doc.execute(setPermissionsBoundaryCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QVERIFY(onlyRowChanged(changed, model.rowOf(kS3ReadOnly)));
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn), QStringLiteral("Permissions boundary (1)"));
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn),
             QStringLiteral("Permissions policy (1), Permissions boundary (1)"));
    QCOMPARE(model.usage(kS3ReadOnly), (PoliciesModel::Usage{1, 1}));
}

void tst_PoliciesModel::usageIsCountedOverUsersGroupsAndRoles()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PoliciesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(createCustomerPolicy(doc).ok);
    QVERIFY(createRole(doc, QStringLiteral("S3Access")).ok);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("Developers"))).ok);
    const QList<PolicyHolder> holders{{PrincipalKind::User, QStringLiteral("lab-user"), false},
                                      {PrincipalKind::Group, QStringLiteral("Developers"), false},
                                      {PrincipalKind::Role, QStringLiteral("S3Access"), false}};
    QVERIFY(doc.execute(attachPolicyToEntitiesCommand(doc, kCustomer, holders)).ok);
    QCOMPARE(text(model, kCustomer, PoliciesModel::UsedAsColumn), QStringLiteral("Permissions policy (3)"));
    doc.undoStack()->undo();
    QCOMPARE(text(model, kCustomer, PoliciesModel::UsedAsColumn), QStringLiteral("None"));
}

void tst_PoliciesModel::deletingARefusedAttachedPolicyChangesNothing()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PoliciesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(createCustomerPolicy(doc).ok);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kCustomer)).ok);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const CommandOutcome refused = doc.execute(deletePolicyCommand(doc, kCustomer));
    QVERIFY(!refused.ok);
    QCOMPARE(refused.errorCode, QStringLiteral("DeleteConflict"));
    QCOMPARE(removed.count(), 0);
    QVERIFY(model.rowOf(kCustomer) >= 0);

    QVERIFY(doc.execute(detachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kCustomer)).ok);
    QVERIFY(doc.execute(deletePolicyCommand(doc, kCustomer)).ok);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowOf(kCustomer), -1);
}

void tst_PoliciesModel::newWorkspaceResetsCounts()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PoliciesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kS3ReadOnly)).ok);
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn), QStringLiteral("Permissions policy (1)"));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    doc.newWorkspace();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(text(model, kS3ReadOnly, PoliciesModel::UsedAsColumn), QStringLiteral("None"));
}

QTEST_GUILESS_MAIN(tst_PoliciesModel)
#include "tst_PoliciesModel.moc"
