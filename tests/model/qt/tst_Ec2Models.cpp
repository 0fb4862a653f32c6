// EC2's models kept in place as the account changes: the Instances list (a launch
// is one row inserted, a stop or an association one row's dataChanged, a role
// added to a profile refreshes its instances) and the IAM role dropdowns'
// instance-profile choices.

#include "Ec2Commands.h"
#include "Ec2TestWorkspace.h"
#include "InstanceProfileChoices.h"
#include "InstancesModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace ec2test;

namespace {

const QString kDash = QStringLiteral("\u2013");

QString cell(const InstancesModel &model, const QString &id, int column, int role = Qt::DisplayRole)
{
    const int row = model.rowOf(id);
    return row < 0 ? QStringLiteral("<no row>") : model.index(row, column).data(role).toString();
}

// Whether one of the spied dataChanged signals covers `row`.
bool changedRow(const QSignalSpy &spy, int row)
{
    for (const QList<QVariant> &args : spy) {
        const auto from = args.at(0).value<QModelIndex>();
        const auto to = args.at(1).value<QModelIndex>();
        if (from.row() <= row && row <= to.row())
            return true;
    }
    return false;
}

iam::CallResult rootCall(WorkspaceDocument &doc, const char *service, const char *operation, nlohmann::json params)
{
    return doc.api().call(iam::CallerIdentity::root(), service, operation, params);
}

} // namespace

class tst_Ec2Models : public QObject
{
    Q_OBJECT

private slots:
    void columnsAreTheConsoles();
    void defaultInstanceRow();
    void launchIsOneRowInserted();
    void stateChangesUpdateTheRowInPlace();
    void associationShowsTheRoleInPlace();
    void roleAddedToProfileRefreshesItsInstances();
    void replacedAccountResets();
    void choicesStartWithTheNoneRow();
    void newProfileIsOneChoiceInserted();
    void choicesIgnoreInstances();
};

void tst_Ec2Models::columnsAreTheConsoles()
{
    WorkspaceDocument doc(Catalogs::bundled());
    InstancesModel model(doc);
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers << model.headerData(column, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{"Name", "Instance ID", "Instance state", "Instance type", "Availability zone",
                                   "IAM role"}));
}

void tst_Ec2Models::defaultInstanceRow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    InstancesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.keyAt(0), kInstanceId);
    QCOMPARE(cell(model, kInstanceId, InstancesModel::NameColumn), QStringLiteral("lab-instance"));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::InstanceIdColumn), kInstanceId);
    QCOMPARE(cell(model, kInstanceId, InstancesModel::StateColumn), QStringLiteral("Running"));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::StateColumn, InstancesModel::StateRole), QStringLiteral("running"));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::TypeColumn), QStringLiteral("t2.micro"));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::ZoneColumn), QStringLiteral("us-east-1a"));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::IamRoleColumn), kDash);
}

void tst_Ec2Models::launchIsOneRowInserted()
{
    WorkspaceDocument doc(Catalogs::bundled());
    InstancesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    LaunchDraft draft;
    draft.name = QStringLiteral("web-1");
    draft.instanceType = QStringLiteral("t3.small");
    ApiCommand *command = launchInstanceCommand(doc, draft);
    QVERIFY(doc.execute(command).ok);
    const QStringList ids = launchedInstanceIds(*command);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(ids.front()), 1);   // creation order: after lab-instance
    QCOMPARE(cell(model, ids.front(), InstancesModel::NameColumn), QStringLiteral("web-1"));
    QCOMPARE(cell(model, ids.front(), InstancesModel::TypeColumn), QStringLiteral("t3.small"));
    QCOMPARE(cell(model, ids.front(), InstancesModel::IamRoleColumn), kDash);

    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    doc.undoStack()->redo();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowOf(ids.front()), 1);
    QCOMPARE(reset.count(), 0);
}

void tst_Ec2Models::stateChangesUpdateTheRowInPlace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    LaunchDraft draft;
    draft.name = QStringLiteral("other");
    QVERIFY(doc.execute(launchInstanceCommand(doc, draft)).ok);
    InstancesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(doc.execute(stopInstancesCommand(doc, {kInstanceId})).ok);
    QVERIFY(changedRow(changed, 0));
    QVERIFY(!changedRow(changed, 1));   // the other instance's row is left alone
    QCOMPARE(cell(model, kInstanceId, InstancesModel::StateColumn), QStringLiteral("Stopped"));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::StateColumn, InstancesModel::StateRole), QStringLiteral("stopped"));

    changed.clear();
    QVERIFY(doc.execute(startInstancesCommand(doc, {kInstanceId})).ok);
    QVERIFY(changedRow(changed, 0));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::StateColumn), QStringLiteral("Running"));

    QVERIFY(doc.execute(terminateInstancesCommand(doc, {kInstanceId})).ok);
    QCOMPARE(cell(model, kInstanceId, InstancesModel::StateColumn), QStringLiteral("Terminated"));
    doc.undoStack()->undo();
    QCOMPARE(cell(model, kInstanceId, InstancesModel::StateColumn), QStringLiteral("Running"));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void tst_Ec2Models::associationShowsTheRoleInPlace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    InstancesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // As lab-user, the walkthrough's Modify IAM role.
    const IamRolePlan plan = planIamRoleChange(doc.account(), kInstanceId, QStringLiteral("S3Access"));
    QVERIFY(doc.execute(modifyIamRoleCommand(doc, plan)).ok);
    QVERIFY(changedRow(changed, 0));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::IamRoleColumn), QStringLiteral("S3Access"));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::IamRoleColumn, Qt::ToolTipRole),
             QStringLiteral("Instance profile: S3Access"));

    changed.clear();
    doc.undoStack()->undo();
    QVERIFY(changedRow(changed, 0));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::IamRoleColumn), kDash);
    QCOMPARE(reset.count(), 0);
}

void tst_Ec2Models::roleAddedToProfileRefreshesItsInstances()
{
    WorkspaceDocument doc(Catalogs::bundled());
    // A profile made through the API, without a role yet, as the CLI allows.
    QVERIFY(createEc2Role(doc, QStringLiteral("WebRole"), false));
    QVERIFY(rootCall(doc, "iam", "CreateInstanceProfile", {{"InstanceProfileName", "WebProfile"}}).ok());
    QVERIFY(doc.execute(modifyIamRoleCommand(doc, planIamRoleChange(doc.account(), kInstanceId,
                                                                    QStringLiteral("WebProfile"))))
                .ok);
    InstancesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(cell(model, kInstanceId, InstancesModel::IamRoleColumn), kDash);   // the profile holds no role

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(rootCall(doc, "iam", "AddRoleToInstanceProfile",
                     {{"InstanceProfileName", "WebProfile"}, {"RoleName", "WebRole"}})
                .ok());
    QVERIFY(changedRow(changed, 0));
    QCOMPARE(cell(model, kInstanceId, InstancesModel::IamRoleColumn), QStringLiteral("WebRole"));
}

void tst_Ec2Models::replacedAccountResets()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(launchInstanceCommand(doc, LaunchDraft())).ok);
    InstancesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    doc.newWorkspace();
    QVERIFY(reset.count() >= 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, kInstanceId, InstancesModel::NameColumn), QStringLiteral("lab-instance"));
}

void tst_Ec2Models::choicesStartWithTheNoneRow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    InstanceProfileChoices choices(doc, QStringLiteral("No IAM Role"));
    QAbstractItemModelTester tester(&choices, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(choices.rowCount(), 1);
    QCOMPARE(choices.index(0, 0).data().toString(), QStringLiteral("No IAM Role"));
    QCOMPARE(choices.profileAt(0), QString());
    QCOMPARE(choices.rowOfProfile(QString()), 0);
    QCOMPARE(choices.rowOfProfile(QStringLiteral("S3Access")), -1);
}

void tst_Ec2Models::newProfileIsOneChoiceInserted()
{
    WorkspaceDocument doc(Catalogs::bundled());
    InstanceProfileChoices choices(doc, QStringLiteral("Select"));
    QAbstractItemModelTester tester(&choices, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&choices, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&choices, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&choices, &QAbstractItemModel::modelReset);

    // A role without a profile is no choice: the dropdowns list instance profiles.
    QVERIFY(createEc2Role(doc, QStringLiteral("NoProfile"), false));
    QCOMPARE(choices.rowCount(), 1);
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(choices.rowCount(), 2);
    const int row = choices.rowOfProfile(QStringLiteral("S3Access"));
    QCOMPARE(row, 1);
    QCOMPARE(choices.index(row, 0).data().toString(), QStringLiteral("S3Access"));
    QCOMPARE(choices.index(row, 0).data(InstanceProfileChoices::ArnRole).toString(),
             QStringLiteral("arn:aws:iam::111122223333:instance-profile/S3Access"));
    QCOMPARE(choices.index(row, 0).data(InstanceProfileChoices::RoleNameRole).toString(), QStringLiteral("S3Access"));

    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(choices.rowCount(), 1);
    QCOMPARE(reset.count(), 0);
}

void tst_Ec2Models::choicesIgnoreInstances()
{
    WorkspaceDocument doc(Catalogs::bundled());
    InstanceProfileChoices choices(doc, QStringLiteral("No IAM Role"));
    QAbstractItemModelTester tester(&choices, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&choices, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&choices, &QAbstractItemModel::modelReset);
    QVERIFY(doc.execute(stopInstancesCommand(doc, {kInstanceId})).ok);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

QTEST_GUILESS_MAIN(tst_Ec2Models)
#include "tst_Ec2Models.moc"
