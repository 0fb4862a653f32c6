// EC2's commands as the console makes them: Modify IAM role choosing Associate,
// Replace or Disassociate from the instance's association, each refused without
// iam:PassRole on the role (the AWS text naming it, nothing changed); launch with
// and without an instance profile; Start, Stop and Terminate; undo and redo of each.

#include "Ec2Commands.h"
#include "Ec2TestWorkspace.h"
#include "InstanceCredentials.h"

#include <QUndoStack>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace ec2test;
using Change = IamRolePlan::Change;

Q_DECLARE_METATYPE(IamRolePlan::Change)

namespace {

// The instance's profile after the last command, as DescribeIamInstanceProfileAssociations tells it.
nlohmann::json associations(WorkspaceDocument &doc)
{
    return doc.api()
        .call(iam::CallerIdentity::root(), "ec2", "DescribeIamInstanceProfileAssociations", nlohmann::json::object())
        .response["IamInstanceProfileAssociations"];
}

CommandOutcome modify(WorkspaceDocument &doc, const QString &profile, const QString &id = kInstanceId)
{
    ApiCommand *command = modifyIamRoleCommand(doc, planIamRoleChange(doc.account(), id, profile));
    if (!command)
        return {false, QStringLiteral("None"), QStringLiteral("no command"), {}};
    return doc.execute(command);
}

} // namespace

class tst_Ec2Commands : public QObject
{
    Q_OBJECT

private slots:
    void planChoosesTheCall_data();
    void planChoosesTheCall();
    void walkthroughAttachesS3Access();
    void withoutPassRoleAttachIsRefused();
    void replaceMakesANewAssociation();
    void replaceChecksPassRoleOnTheNewRole();
    void noIamRoleDetaches();
    void launchWithoutProfile();
    void launchWithProfile();
    void launchWithProfileWithoutPassRoleIsRefused();
    void instanceStatesUndo();
    void textsAreTheConsoles();
};

void tst_Ec2Commands::planChoosesTheCall_data()
{
    QTest::addColumn<QString>("current");   // the instance's profile before, empty: none
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<Change>("change");
    QTest::newRow("none-to-role-associates") << "" << "S3Access" << Change::Associate;
    QTest::newRow("none-to-none-does-nothing") << "" << "" << Change::None;
    QTest::newRow("role-to-other-replaces") << "S3Access" << "Other" << Change::Replace;
    QTest::newRow("role-to-same-does-nothing") << "S3Access" << "S3Access" << Change::None;
    QTest::newRow("role-to-no-iam-role-disassociates") << "S3Access" << "" << Change::Disassociate;
}

void tst_Ec2Commands::planChoosesTheCall()
{
    QFETCH(QString, current);
    QFETCH(QString, chosen);
    QFETCH(Change, change);
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    QVERIFY(createEc2Role(doc, QStringLiteral("Other")));
    if (!current.isEmpty())
        QVERIFY(modify(doc, current).ok);
    const IamRolePlan plan = planIamRoleChange(doc.account(), kInstanceId, chosen);
    QCOMPARE(plan.change, change);
    QCOMPARE(plan.currentProfile, current);
    QCOMPARE(plan.associationId.isEmpty(), current.isEmpty());
    QCOMPARE(modifyIamRoleCommand(doc, plan) == nullptr, change == Change::None);
    // An instance that is not there changes nothing.
    QCOMPARE(planIamRoleChange(doc.account(), QStringLiteral("i-00000000000000000"), chosen).change, Change::None);
}

void tst_Ec2Commands::walkthroughAttachesS3Access()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    const int steps = doc.undoStack()->count();
    const IamRolePlan plan = planIamRoleChange(doc.account(), kInstanceId, QStringLiteral("S3Access"));
    QCOMPARE(plan.change, Change::Associate);
    QCOMPARE(plan.successText(), QStringLiteral("Successfully attached S3Access to instance i-0abc1234def567890"));
    ApiCommand *command = modifyIamRoleCommand(doc, plan);
    QVERIFY(doc.execute(command).ok);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    // The call was lab-user's, and EC2 checked iam:PassRole on the role for it.
    const std::vector<iam::AuthorizationCheck> &checks = command->results().front().authorizations;
    QVERIFY(std::any_of(checks.begin(), checks.end(), [](const iam::AuthorizationCheck &check) {
        return check.action == "iam:PassRole" && check.resource == kS3AccessArn.toStdString() && check.allowed();
    }));
    const std::string association = instance(doc).associationId;
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
    QVERIFY(!association.empty());
    QCOMPARE(associations(doc).size(), std::size_t(1));
    QCOMPARE(associations(doc)[0]["InstanceId"].get<std::string>(), kInstanceId.toStdString());

    doc.undoStack()->undo();
    QVERIFY(instance(doc).instanceProfile.empty());
    QVERIFY(instance(doc).associationId.empty());
    QCOMPARE(associations(doc).size(), std::size_t(0));
    doc.undoStack()->redo();
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
    QCOMPARE(instance(doc).associationId, association);
}

void tst_Ec2Commands::withoutPassRoleAttachIsRefused()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc, false));
    const int steps = doc.undoStack()->count();
    const CommandOutcome outcome = modify(doc, QStringLiteral("S3Access"));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("UnauthorizedOperation"));
    QCOMPARE(outcome.operation, QStringLiteral("AssociateIamInstanceProfile"));
    QVERIFY2(outcome.message.contains(QStringLiteral("iam:PassRole")), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(kS3AccessArn), qPrintable(outcome.message));
    QVERIFY(outcome.message.contains(QStringLiteral("arn:aws:iam::111122223333:user/lab-user")));
    QVERIFY(instance(doc).instanceProfile.empty());
    QVERIFY(instance(doc).associationId.empty());
    QCOMPARE(doc.undoStack()->count(), steps);
}

void tst_Ec2Commands::replaceMakesANewAssociation()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Write")));
    QVERIFY(modify(doc, QStringLiteral("S3Access")).ok);
    const std::string before = instance(doc).associationId;
    const IamRolePlan plan = planIamRoleChange(doc.account(), kInstanceId, QStringLiteral("S3Write"));
    QCOMPARE(plan.change, Change::Replace);
    QCOMPARE(plan.associationId.toStdString(), before);
    ApiCommand *command = modifyIamRoleCommand(doc, plan);
    QVERIFY(doc.execute(command).ok);
    QCOMPARE(command->results().size(), std::size_t(1));
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Write"));
    QVERIFY(instance(doc).associationId != before);
    QCOMPARE(associations(doc).size(), std::size_t(1));
    doc.undoStack()->undo();
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
    QCOMPARE(instance(doc).associationId, before);
}

void tst_Ec2Commands::replaceChecksPassRoleOnTheNewRole()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("Admin")));
    QVERIFY(prepareWalkthrough(doc));   // lab-user may pass S3Access only
    QVERIFY(modify(doc, QStringLiteral("S3Access")).ok);
    const std::string before = instance(doc).associationId;
    const CommandOutcome outcome = modify(doc, QStringLiteral("Admin"));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.operation, QStringLiteral("ReplaceIamInstanceProfileAssociation"));
    QVERIFY(outcome.message.contains(QStringLiteral("iam:PassRole")));
    QVERIFY(outcome.message.contains(QStringLiteral("arn:aws:iam::111122223333:role/Admin")));
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
    QCOMPARE(instance(doc).associationId, before);
}

void tst_Ec2Commands::noIamRoleDetaches()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    QVERIFY(modify(doc, QStringLiteral("S3Access")).ok);
    const std::string association = instance(doc).associationId;
    const IamRolePlan plan = planIamRoleChange(doc.account(), kInstanceId, QString());
    QCOMPARE(plan.change, Change::Disassociate);
    QCOMPARE(plan.successText(), QStringLiteral("Successfully detached S3Access from instance i-0abc1234def567890"));
    ApiCommand *command = modifyIamRoleCommand(doc, plan);
    QVERIFY(doc.execute(command).ok);
    QCOMPARE(command->results().front().response["IamInstanceProfileAssociation"]["AssociationId"].get<std::string>(),
             association);
    QVERIFY(instance(doc).instanceProfile.empty());
    QCOMPARE(associations(doc).size(), std::size_t(0));
    doc.undoStack()->undo();
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
    QCOMPARE(instance(doc).associationId, association);
}

void tst_Ec2Commands::launchWithoutProfile()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc, false));   // ec2:* is enough without a role
    LaunchDraft draft;
    draft.name = QStringLiteral("web-1");
    draft.imageId = quickStartImages().at(3).id;
    ApiCommand *command = launchInstanceCommand(doc, draft);
    QVERIFY(doc.execute(command).ok);
    const QStringList ids = launchedInstanceIds(*command);
    QCOMPARE(ids.size(), 1);
    const iam::Ec2Instance &launched = instance(doc, ids.front());
    QCOMPARE(launched.name, std::string("web-1"));
    QCOMPARE(launched.imageId, quickStartImages().at(3).id.toStdString());
    QCOMPARE(launched.instanceType, std::string("t2.micro"));
    QCOMPARE(launched.state, std::string("running"));
    QVERIFY(launched.instanceProfile.empty());
    QCOMPARE(doc.account().instances().size(), std::size_t(2));
    doc.undoStack()->undo();
    QCOMPARE(doc.account().instances().size(), std::size_t(1));
}

void tst_Ec2Commands::launchWithProfile()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    LaunchDraft draft;
    draft.instanceProfile = QStringLiteral("S3Access");
    ApiCommand *command = launchInstanceCommand(doc, draft);
    QCOMPARE(command->text(), QStringLiteral("Launch instance"));
    QVERIFY(doc.execute(command).ok);
    const QStringList ids = launchedInstanceIds(*command);
    QCOMPARE(ids.size(), 1);
    QCOMPARE(instance(doc, ids.front()).instanceProfile, std::string("S3Access"));
    QVERIFY(!instance(doc, ids.front()).associationId.empty());
    QVERIFY(instance(doc, ids.front()).name.empty());
    // Its role is one it may now use: the instance gets the role's credentials.
    QVERIFY(iam::instanceSession(doc.account(), ids.front().toStdString()).has_value());
}

void tst_Ec2Commands::launchWithProfileWithoutPassRoleIsRefused()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc, false));
    LaunchDraft draft;
    draft.name = QStringLiteral("web-2");
    draft.instanceProfile = QStringLiteral("S3Access");
    const int steps = doc.undoStack()->count();
    const CommandOutcome outcome = doc.execute(launchInstanceCommand(doc, draft));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.operation, QStringLiteral("RunInstances"));
    QVERIFY(outcome.message.contains(QStringLiteral("iam:PassRole")));
    QVERIFY(outcome.message.contains(kS3AccessArn));
    QCOMPARE(doc.account().instances().size(), std::size_t(1));
    QCOMPARE(doc.undoStack()->count(), steps);
}

void tst_Ec2Commands::instanceStatesUndo()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    QVERIFY(modify(doc, QStringLiteral("S3Access")).ok);
    const std::string association = instance(doc).associationId;

    QVERIFY(doc.execute(stopInstancesCommand(doc, {kInstanceId})).ok);
    QCOMPARE(instance(doc).state, std::string("stopped"));
    QVERIFY(!doc.execute(stopInstancesCommand(doc, {QStringLiteral("i-00000000000000000")})).ok);
    doc.undoStack()->undo();
    QCOMPARE(instance(doc).state, std::string("running"));
    doc.undoStack()->redo();
    QVERIFY(doc.execute(startInstancesCommand(doc, {kInstanceId})).ok);
    QCOMPARE(instance(doc).state, std::string("running"));

    // Termination ends the association; undo brings both back.
    QVERIFY(doc.execute(terminateInstancesCommand(doc, {kInstanceId})).ok);
    QCOMPARE(instance(doc).state, std::string("terminated"));
    QVERIFY(instance(doc).associationId.empty());
    const CommandOutcome restart = doc.execute(startInstancesCommand(doc, {kInstanceId}));
    QVERIFY(!restart.ok);
    QCOMPARE(restart.errorCode, QStringLiteral("IncorrectInstanceState"));
    doc.undoStack()->undo();
    QCOMPARE(instance(doc).state, std::string("running"));
    QCOMPARE(instance(doc).associationId, association);
}

void tst_Ec2Commands::textsAreTheConsoles()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    const QStringList two{kInstanceId, QStringLiteral("i-0123456789abcdef0")};
    std::unique_ptr<ApiCommand> stop(stopInstancesCommand(doc, {kInstanceId}));
    QCOMPARE(stop->text(), QStringLiteral("Stop instance i-0abc1234def567890"));
    std::unique_ptr<ApiCommand> stopTwo(stopInstancesCommand(doc, two));
    QCOMPARE(stopTwo->text(), QStringLiteral("Stop 2 instances"));
    std::unique_ptr<ApiCommand> terminate(terminateInstancesCommand(doc, {kInstanceId}));
    QCOMPARE(terminate->text(), QStringLiteral("Terminate instance i-0abc1234def567890"));
    LaunchDraft draft;
    draft.name = QStringLiteral("web-1");
    std::unique_ptr<ApiCommand> launch(launchInstanceCommand(doc, draft));
    QCOMPARE(launch->text(), QStringLiteral("Launch instance web-1"));
    std::unique_ptr<ApiCommand> attach(
        modifyIamRoleCommand(doc, planIamRoleChange(doc.account(), kInstanceId, QStringLiteral("S3Access"))));
    QCOMPARE(attach->text(), QStringLiteral("Attach IAM role S3Access to i-0abc1234def567890"));
}

QTEST_GUILESS_MAIN(tst_Ec2Commands)
#include "tst_Ec2Commands.moc"
