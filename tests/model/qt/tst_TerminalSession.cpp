// The terminal's session: its contexts (local machine, instances) kept in step with
// the account, runs recorded with their decisions, history walked as in bash.

#include "TerminalContexts.h"
#include "TerminalSession.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kInstance = QStringLiteral("i-0abc1234def567890");

// Role S3Access (EC2 trusts it, S3 read-only) in instance profile S3Access, on the lab instance.
void giveInstanceS3Access(WorkspaceDocument &doc)
{
    const char *trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})";
    QVERIFY(doc.call("iam", "CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", trust}}).ok());
    QVERIFY(doc.call("iam", "AttachRolePolicy",
                     {{"RoleName", "S3Access"}, {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}})
                .ok());
    QVERIFY(doc.call("iam", "CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}).ok());
    QVERIFY(doc.call("iam", "AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}})
                .ok());
    QVERIFY(doc.call("ec2", "AssociateIamInstanceProfile",
                     {{"InstanceId", kInstance.toStdString()}, {"IamInstanceProfile", {{"Name", "S3Access"}}}})
                .ok());
}

QString launch(WorkspaceDocument &doc, const char *name)
{
    const iam::CallResult result = doc.call(
        "ec2", "RunInstances",
        {{"ImageId", "ami-0abcdef1234567890"}, {"MinCount", 1}, {"MaxCount", 1},
         {"TagSpecifications", {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", name}}}}}}}});
    if (!result.ok())
        return {};
    return QString::fromStdString(result.response["Instances"][0]["InstanceId"].get<std::string>());
}

} // namespace

class tst_TerminalSession : public QObject
{
    Q_OBJECT

private slots:
    void contextsListTheLocalMachineAndEachInstance();
    void contextsFollowInstancesLaunchedAndTerminated();
    void contextsFollowUsersAddedAndRemoved();
    void localUserCanBeChosen();
    void runRecordsTheCallerAndTheCall();
    void deniedCommandRecordsItsAuthorizations();
    void instanceContextRunsAsItsRole();
    void instanceWithoutRoleHasNoCredentials();
    void historySkipsConsecutiveDuplicatesAndBlankLines();
    void historyWalksOlderAndNewerKeepingTheDraft();
    void clearEmptiesTheScreenOnly();
    void completionsComeFromTheShell();
    void commandsAreLoggedAsTerminalAndMarkModified();
    void newWorkspaceRebuildsTheShell();
};

void tst_TerminalSession::contextsListTheLocalMachineAndEachInstance()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    TerminalContexts *contexts = session.contexts();
    QAbstractItemModelTester tester(contexts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(contexts->rowCount(), 2);
    QCOMPARE(contexts->index(0, 0).data().toString(), QStringLiteral("Local machine (lab-user)"));
    QCOMPARE(contexts->index(1, 0).data().toString(), QStringLiteral("EC2 instance i-0abc1234def567890 (lab-instance)"));
    QCOMPARE(contexts->keyAt(0), TerminalContexts::LocalKey);
    QCOMPARE(contexts->keyAt(1), kInstance);
    QVERIFY(contexts->contextAt(0) == iam::ShellContext::localMachine("lab-user"));
    QVERIFY(contexts->contextAt(1) == iam::ShellContext::instance(kInstance.toStdString()));
    QCOMPARE(session.currentKey(), TerminalContexts::LocalKey);
    QCOMPARE(session.currentLabel(), QStringLiteral("Local machine (lab-user)"));
    QCOMPARE(session.prompt(), QStringLiteral("lab-user@laptop:~$ "));
}

void tst_TerminalSession::contextsFollowInstancesLaunchedAndTerminated()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    TerminalContexts *contexts = session.contexts();
    QAbstractItemModelTester tester(contexts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(contexts, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(contexts, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(contexts, &QAbstractItemModel::modelReset);

    const QString id = launch(doc, "web");
    QVERIFY(!id.isEmpty());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(contexts->rowCount(), 3);
    QCOMPARE(contexts->index(2, 0).data().toString(), QStringLiteral("EC2 instance %1 (web)").arg(id));

    // A stopped instance is still somewhere to run (the shell says what it can).
    QVERIFY(doc.call("ec2", "StopInstances", {{"InstanceIds", {id.toStdString()}}}).ok());
    QCOMPARE(contexts->rowCount(), 3);

    session.setCurrentKey(id);
    QCOMPARE(session.currentKey(), id);
    QSignalSpy contextChanged(&session, &TerminalSession::contextChanged);
    QVERIFY(doc.call("ec2", "TerminateInstances", {{"InstanceIds", {id.toStdString()}}}).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(contexts->rowCount(), 2);
    QCOMPARE(contexts->rowOf(id), -1);
    // Its instance gone, the terminal is back on the local machine.
    QCOMPARE(session.currentKey(), TerminalContexts::LocalKey);
    QCOMPARE(contextChanged.count(), 1);
    QCOMPARE(reset.count(), 0);

    // An unknown key is refused.
    session.setCurrentKey(id);
    QCOMPARE(session.currentKey(), TerminalContexts::LocalKey);
}

void tst_TerminalSession::contextsFollowUsersAddedAndRemoved()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    TerminalContexts *contexts = session.contexts();
    QAbstractItemModelTester tester(contexts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(contexts, &QAbstractItemModel::dataChanged);
    QSignalSpy contextChanged(&session, &TerminalSession::contextChanged);

    // Another user does not change whose key the laptop has.
    QVERIFY(doc.call("iam", "CreateUser", {{"UserName", "alice"}}).ok());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(contexts->rowCount(), 2);

    // lab-user deleted: the first user left is the configured one.
    QVERIFY(doc.call("iam", "DeleteUserPolicy", {{"UserName", "lab-user"}, {"PolicyName", "lab-user-self-service"}}).ok());
    QVERIFY(doc.call("iam", "DeleteUser", {{"UserName", "lab-user"}}).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(contexts->index(0, 0).data().toString(), QStringLiteral("Local machine (alice)"));
    QCOMPARE(session.localUser(), QStringLiteral("alice"));
    QCOMPARE(session.prompt(), QStringLiteral("alice@laptop:~$ "));
    QCOMPARE(contextChanged.count(), 1);

    QVERIFY(doc.call("iam", "DeleteUser", {{"UserName", "alice"}}).ok());
    QCOMPARE(contexts->index(0, 0).data().toString(), QStringLiteral("Local machine (not configured)"));
    QVERIFY(session.currentContext() == iam::ShellContext::localMachine(""));

    QVERIFY(doc.call("iam", "CreateUser", {{"UserName", "lab-user"}}).ok());
    QCOMPARE(contexts->index(0, 0).data().toString(), QStringLiteral("Local machine (lab-user)"));
    QCOMPARE(contexts->rowCount(), 2);
}

void tst_TerminalSession::localUserCanBeChosen()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    QAbstractItemModelTester tester(session.contexts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(doc.call("iam", "CreateUser", {{"UserName", "bob"}}).ok());
    QSignalSpy contextChanged(&session, &TerminalSession::contextChanged);
    session.setLocalUser(QStringLiteral("bob"));
    QCOMPARE(contextChanged.count(), 1);
    QCOMPARE(session.currentLabel(), QStringLiteral("Local machine (bob)"));
    QVERIFY(session.currentContext() == iam::ShellContext::localMachine("bob"));

    // bob gone, the laptop falls back to lab-user's key.
    QVERIFY(doc.call("iam", "DeleteUser", {{"UserName", "bob"}}).ok());
    QCOMPARE(session.localUser(), QStringLiteral("lab-user"));
    QCOMPARE(contextChanged.count(), 2);
}

void tst_TerminalSession::runRecordsTheCallerAndTheCall()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    QSignalSpy added(&session, &TerminalSession::entryAdded);
    const TerminalEntry &entry = session.run(QStringLiteral("aws sts get-caller-identity"));
    QCOMPARE(entry.exitCode, 0);
    QCOMPARE(entry.prompt, QStringLiteral("lab-user@laptop:~$ "));
    QCOMPARE(entry.contextLabel, QStringLiteral("Local machine (lab-user)"));
    QCOMPARE(entry.commandLine, QStringLiteral("aws sts get-caller-identity"));
    QVERIFY2(entry.out.contains(QStringLiteral("\"Arn\": \"arn:aws:iam::111122223333:user/lab-user\"")),
             qPrintable(entry.out + entry.err));
    QVERIFY(entry.out.contains(QStringLiteral("\"Account\": \"111122223333\"")));
    QVERIFY(entry.err.isEmpty());
    QCOMPARE(entry.calls, QStringList{QStringLiteral("sts:GetCallerIdentity")});
    QCOMPARE(entry.callerArn, QStringLiteral("arn:aws:iam::111122223333:user/lab-user"));
    QVERIFY(entry.madeCalls());
    QVERIFY(entry.allowed());
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toInt(), 0);
    QCOMPARE(session.entries().size(), std::size_t(1));
}

void tst_TerminalSession::deniedCommandRecordsItsAuthorizations()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    const TerminalEntry &entry = session.run(QStringLiteral("aws s3 ls"));
    QCOMPARE(entry.exitCode, 254);
    QCOMPARE(entry.err,
             QStringLiteral("\nAn error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied\n"));
    QVERIFY(entry.out.isEmpty());
    QVERIFY(entry.madeCalls());
    QVERIFY(!entry.allowed());
    QCOMPARE(entry.authorizations.size(), std::size_t(1));
    // The API operation is ListBuckets; the IAM action it needs is s3:ListAllMyBuckets.
    QCOMPARE(entry.authorizations[0].action, std::string("s3:ListAllMyBuckets"));
    QCOMPARE(entry.authorizations[0].callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    QVERIFY(!entry.authorizations[0].reason.empty());
}

void tst_TerminalSession::instanceContextRunsAsItsRole()
{
    WorkspaceDocument doc(Catalogs::bundled());
    giveInstanceS3Access(doc);
    TerminalSession session(doc);
    QSignalSpy contextChanged(&session, &TerminalSession::contextChanged);
    session.setCurrentKey(kInstance);
    QCOMPARE(contextChanged.count(), 1);
    QVERIFY(session.currentContext() == iam::ShellContext::instance(kInstance.toStdString()));
    QVERIFY(session.prompt().startsWith(QStringLiteral("[ec2-user@ip-")));

    const TerminalEntry &identity = session.run(QStringLiteral("aws sts get-caller-identity"));
    QCOMPARE(identity.exitCode, 0);
    QVERIFY2(identity.out.contains(QStringLiteral("arn:aws:sts::111122223333:assumed-role/S3Access/") + kInstance),
             qPrintable(identity.out + identity.err));
    QCOMPARE(identity.contextLabel, QStringLiteral("EC2 instance i-0abc1234def567890 (lab-instance)"));

    const TerminalEntry &list = session.run(QStringLiteral("aws s3 ls"));
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("lab-bucket-111122223333")), qPrintable(list.out + list.err));
    QVERIFY(list.allowed());
    QCOMPARE(list.calls, QStringList{QStringLiteral("s3:ListBuckets")});
}

void tst_TerminalSession::instanceWithoutRoleHasNoCredentials()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    session.setCurrentKey(kInstance);
    const TerminalEntry &entry = session.run(QStringLiteral("aws s3 ls"));
    QCOMPARE(entry.exitCode, 253);
    QVERIFY2(entry.err.contains(QStringLiteral("Unable to locate credentials")), qPrintable(entry.err));
    QVERIFY(!entry.madeCalls());
    QVERIFY(entry.allowed());
}

void tst_TerminalSession::historySkipsConsecutiveDuplicatesAndBlankLines()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    QSignalSpy added(&session, &TerminalSession::entryAdded);
    session.run(QStringLiteral("aws s3 ls"));
    session.run(QStringLiteral("aws s3 ls"));
    session.run(QStringLiteral("   "));
    session.run(QStringLiteral("aws sts get-caller-identity"));
    session.run(QStringLiteral("aws s3 ls"));
    QCOMPARE(session.history(), (QStringList{QStringLiteral("aws s3 ls"), QStringLiteral("aws sts get-caller-identity"),
                                             QStringLiteral("aws s3 ls")}));
    // The blank line is still an entry: bash shows a fresh prompt.
    QCOMPARE(added.count(), 5);
    QVERIFY(!session.entries()[2].madeCalls());
    QCOMPARE(session.entries()[2].exitCode, 0);
}

void tst_TerminalSession::historyWalksOlderAndNewerKeepingTheDraft()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    QCOMPARE(session.historyOlder(QStringLiteral("typed")), QStringLiteral("typed"));   // nothing yet
    session.run(QStringLiteral("one"));
    session.run(QStringLiteral("two"));
    session.run(QStringLiteral("three"));
    QCOMPARE(session.historyNewer(), QString());   // not walking: nothing newer
    QCOMPARE(session.historyOlder(QStringLiteral("dra")), QStringLiteral("three"));
    QCOMPARE(session.historyOlder(QStringLiteral("three")), QStringLiteral("two"));
    QCOMPARE(session.historyOlder(QStringLiteral("two")), QStringLiteral("one"));
    QCOMPARE(session.historyOlder(QStringLiteral("one")), QStringLiteral("one"));   // the oldest stays
    QCOMPARE(session.historyNewer(), QStringLiteral("two"));
    QCOMPARE(session.historyNewer(), QStringLiteral("three"));
    QCOMPARE(session.historyNewer(), QStringLiteral("dra"));
    QCOMPARE(session.historyNewer(), QStringLiteral("dra"));

    // Running a line ends the walk: Up starts from the newest again.
    QCOMPARE(session.historyOlder(QString()), QStringLiteral("three"));
    QCOMPARE(session.historyOlder(QString()), QStringLiteral("two"));
    session.run(QStringLiteral("two"));
    QCOMPARE(session.historyOlder(QString()), QStringLiteral("two"));
    QCOMPARE(session.historyOlder(QString()), QStringLiteral("three"));
}

void tst_TerminalSession::clearEmptiesTheScreenOnly()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    QSignalSpy added(&session, &TerminalSession::entryAdded);
    QSignalSpy cleared(&session, &TerminalSession::screenCleared);
    session.run(QStringLiteral("aws sts get-caller-identity"));
    session.run(QStringLiteral("clear"));
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(added.count(), 1);
    QCOMPARE(session.history().last(), QStringLiteral("clear"));
    session.clearScreen();
    QCOMPARE(cleared.count(), 2);
    QCOMPARE(session.history().size(), 2);
}

void tst_TerminalSession::completionsComeFromTheShell()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    QVERIFY(session.completions(QStringLiteral("aws s3 l")).contains(QStringLiteral("ls")));
    const QStringList services = session.completions(QStringLiteral("aws s"));
    QVERIFY(services.contains(QStringLiteral("s3")));
    QVERIFY(services.contains(QStringLiteral("sts")));
    QVERIFY(session.completions(QStringLiteral("aws zzz")).isEmpty());
}

void tst_TerminalSession::commandsAreLoggedAsTerminalAndMarkModified()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(!doc.isModified());
    QSignalSpy modified(&doc, &WorkspaceDocument::modifiedChanged);
    TerminalSession session(doc);
    const std::size_t before = doc.account().eventLog().events().size();
    session.run(QStringLiteral("aws s3 ls"));
    const auto &events = doc.account().eventLog().events();
    QCOMPARE(events.size(), before + 1);
    QCOMPARE(events.back().source, iam::CallSource::Terminal);
    QCOMPARE(events.back().action, std::string("s3:ListBuckets"));
    QCOMPARE(events.back().callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    QVERIFY(!events.back().allowed);
    QVERIFY(doc.isModified());
    QCOMPARE(modified.count(), 1);
    // Not an undoable edit.
    QVERIFY(!doc.undoStack()->canUndo());
}

void tst_TerminalSession::newWorkspaceRebuildsTheShell()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TerminalSession session(doc);
    QAbstractItemModelTester tester(session.contexts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = launch(doc, "web");
    session.setCurrentKey(id);
    QSignalSpy contextChanged(&session, &TerminalSession::contextChanged);
    doc.newWorkspace();
    QCOMPARE(session.currentKey(), TerminalContexts::LocalKey);
    QCOMPARE(contextChanged.count(), 1);
    QCOMPARE(session.contexts()->rowCount(), 2);
    // The shell calls the new account's API.
    session.run(QStringLiteral("aws sts get-caller-identity"));
    QCOMPARE(doc.account().eventLog().events().size(), std::size_t(1));
    QCOMPARE(doc.account().eventLog().events().back().source, iam::CallSource::Terminal);
}

QTEST_GUILESS_MAIN(tst_TerminalSession)
#include "tst_TerminalSession.moc"
