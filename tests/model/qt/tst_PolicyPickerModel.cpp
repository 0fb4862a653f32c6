// The "Permissions policies" chooser's model: every managed policy listed once with
// its type, checkable in the first column, kept in step with the account's
// customer-managed policies one row at a time.

#include "PolicyPickerModel.h"

#include "AccountCommands.h"
#include "Catalogs.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kAdmin = QStringLiteral("arn:aws:iam::aws:policy/AdministratorAccess");
const QString kViewOnly = QStringLiteral("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");
const QString kUserPolicy = QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy");

bool createUserPolicy(WorkspaceDocument &doc)
{
    PolicyDraft draft;
    draft.name = QStringLiteral("IAM-User-Policy");
    draft.description = QStringLiteral("What lab-user may do in the walkthrough");
    draft.document = QStringLiteral(
        R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})");
    return doc.execute(createPolicyCommand(doc, draft)).ok;
}

QModelIndex indexOf(const PolicyPickerModel &model, const QString &arn, int column = PolicyPickerModel::NameColumn)
{
    const int row = model.rowOf(arn);
    return row < 0 ? QModelIndex() : model.index(row, column);
}

} // namespace

class tst_PolicyPickerModel : public QObject
{
    Q_OBJECT

private slots:
    void listsEveryAwsManagedPolicy();
    void columnsAndTypes_data();
    void columnsAndTypes();
    void checkingThroughSetData();
    void setCheckedPolicyArnsKeepsOrderAndIgnoresUnknown();
    void disabledRowsCannotBeChecked();
    void customerPolicyAddedAndRemovedInPlace();
    void removingACheckedPolicyUnchecksIt();
    void newWorkspaceClearsChecks();
};

void tst_PolicyPickerModel::listsEveryAwsManagedPolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const iam::AwsManagedPolicies *aws = doc.account().awsManaged();
    QVERIFY(aws);
    QVERIFY(aws->all().size() > 1000);
    QCOMPARE(model.rowCount(), int(aws->all().size()));
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Policy name"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Type"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Description"));
    QVERIFY(model.rowOf(kS3ReadOnly) >= 0);
    // Sorted by name.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row - 1, 0).data().toString() <= model.index(row, 0).data().toString());
}

void tst_PolicyPickerModel::columnsAndTypes_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("kind");
    QTest::newRow("aws-managed") << kS3ReadOnly << "AmazonS3ReadOnlyAccess" << "AWS managed"
                                 << int(PolicyPickerModel::PolicyKind::AwsManaged);
    QTest::newRow("job-function") << kViewOnly << "ViewOnlyAccess" << "AWS managed - job function"
                                  << int(PolicyPickerModel::PolicyKind::JobFunction);
    QTest::newRow("customer-managed") << kUserPolicy << "IAM-User-Policy" << "Customer managed"
                                      << int(PolicyPickerModel::PolicyKind::CustomerManaged);
}

void tst_PolicyPickerModel::columnsAndTypes()
{
    QFETCH(QString, arn);
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(int, kind);
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createUserPolicy(doc));
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex index = indexOf(model, arn);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), name);
    QCOMPARE(index.data(PolicyPickerModel::KeyRole).toString(), arn);
    QCOMPARE(index.siblingAtColumn(PolicyPickerModel::TypeColumn).data().toString(), type);
    QCOMPARE(index.data(PolicyPickerModel::PolicyKindRole).toInt(), kind);
    QCOMPARE(index.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QVERIFY(model.flags(index) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(index.siblingAtColumn(PolicyPickerModel::TypeColumn)) & Qt::ItemIsUserCheckable));
}

void tst_PolicyPickerModel::checkingThroughSetData()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy checked(&model, &PolicyPickerModel::checkedChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QModelIndex s3 = indexOf(model, kS3ReadOnly);
    QVERIFY(model.setData(s3, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(checked.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().at(0).toModelIndex().row(), s3.row());
    QCOMPARE(s3.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(model.checkedPolicyArns(), QStringList{kS3ReadOnly});

    // Checking it again is no change.
    QVERIFY(model.setData(s3, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(checked.count(), 1);
    // Only the check state is editable.
    QVERIFY(!model.setData(s3, QStringLiteral("renamed"), Qt::EditRole));
    QVERIFY(!model.setData(s3.siblingAtColumn(1), Qt::Checked, Qt::CheckStateRole));

    QVERIFY(model.setData(s3, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(checked.count(), 2);
    QVERIFY(model.checkedPolicyArns().isEmpty());
}

void tst_PolicyPickerModel::setCheckedPolicyArnsKeepsOrderAndIgnoresUnknown()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy checked(&model, &PolicyPickerModel::checkedChanged);
    model.setCheckedPolicyArns({kS3ReadOnly, QStringLiteral("arn:aws:iam::aws:policy/NoSuchPolicy"), kAdmin, kS3ReadOnly});
    QCOMPARE(model.checkedPolicyArns(), (QStringList{kS3ReadOnly, kAdmin}));
    QCOMPARE(checked.count(), 1);
    QCOMPARE(indexOf(model, kAdmin).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    model.setCheckedPolicyArns({kAdmin});
    QCOMPARE(model.checkedPolicyArns(), QStringList{kAdmin});
    QCOMPARE(indexOf(model, kS3ReadOnly).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(checked.count(), 2);
}

void tst_PolicyPickerModel::disabledRowsCannotBeChecked()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDisabledPolicyArns({kAdmin});
    const QModelIndex admin = indexOf(model, kAdmin);
    QVERIFY(!(model.flags(admin) & Qt::ItemIsEnabled));
    QVERIFY(!model.setData(admin, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.checkedPolicyArns().isEmpty());
    QVERIFY(model.flags(indexOf(model, kS3ReadOnly)) & Qt::ItemIsUserCheckable);
}

void tst_PolicyPickerModel::customerPolicyAddedAndRemovedInPlace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = model.rowCount();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(createUserPolicy(doc));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), before + 1);
    // Customer-managed policies come before AWS's.
    QCOMPARE(model.rowOf(kUserPolicy), 0);
    QCOMPARE(model.index(0, PolicyPickerModel::DescriptionColumn).data().toString(),
             QStringLiteral("What lab-user may do in the walkthrough"));

    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), before);
    QCOMPARE(model.rowOf(kUserPolicy), -1);
    doc.undoStack()->redo();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowOf(kUserPolicy), 0);
    QCOMPARE(reset.count(), 0);
}

void tst_PolicyPickerModel::removingACheckedPolicyUnchecksIt()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createUserPolicy(doc));
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckedPolicyArns({kUserPolicy, kS3ReadOnly});
    QSignalSpy checked(&model, &PolicyPickerModel::checkedChanged);
    doc.undoStack()->undo();   // the policy is gone
    QCOMPARE(checked.count(), 1);
    QCOMPARE(model.checkedPolicyArns(), QStringList{kS3ReadOnly});
}

void tst_PolicyPickerModel::newWorkspaceClearsChecks()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCheckedPolicyArns({kS3ReadOnly});
    QSignalSpy checked(&model, &PolicyPickerModel::checkedChanged);
    doc.newWorkspace();
    QCOMPARE(checked.count(), 1);
    QVERIFY(model.checkedPolicyArns().isEmpty());
    QCOMPARE(indexOf(model, kS3ReadOnly).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

QTEST_GUILESS_MAIN(tst_PolicyPickerModel)
#include "tst_PolicyPickerModel.moc"
