// The whole seed walkthrough end to end through the real widgets, as the headless
// `./dev.sh run` plays it (DESIGN.md "The PassRole walkthrough"): every step ends
// as the seed says, and the account, the terminal and the event log show it.

#include "MainWindow.h"
#include "TerminalDock.h"
#include "TerminalEntry.h"
#include "TerminalSession.h"
#include "WalkthroughRunner.h"
#include "WorkspaceDocument.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

class tst_WalkthroughRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void playsTheWholeSeed();
};

void tst_WalkthroughRunner::playsTheWholeSeed()
{
    QTemporaryDir dir;
    WorkspaceDocument doc(Catalogs::bundled());
    MainWindow window(doc);
    std::ostringstream out;
    WalkthroughRunner runner(window, doc, out);
    QVERIFY2(runner.run(dir.path()), out.str().c_str());

    const iam::Account &account = doc.account();
    QVERIFY(account.findRole("S3Access"));
    QCOMPARE(account.findInstanceProfile("S3Access")->role, std::string("S3Access"));
    QVERIFY(account.findPolicy("arn:aws:iam::111122223333:policy/IAM-User-Policy"));
    QCOMPARE(account.findUser("lab-user")->attachedPolicies,
             std::vector<std::string>{"arn:aws:iam::111122223333:policy/IAM-User-Policy"});
    QVERIFY(!account.findRole("MyOwnRole"));   // lab-user's attempt was refused
    // Modify IAM role, as lab-user: the instance runs with S3Access.
    const iam::Ec2Instance *instance = account.findInstance("i-0abc1234def567890");
    QCOMPARE(instance->instanceProfile, std::string("S3Access"));
    // The counter-example was undone: the policy grants PassRole again.
    QVERIFY(account.managedPolicyDocument("arn:aws:iam::111122223333:policy/IAM-User-Policy")->find("iam:PassRole")
            != std::string::npos);

    // The terminal: allowed on the instance, denied on the laptop, as the seed ends.
    const std::vector<TerminalEntry> &entries = window.terminal()->terminalSession()->entries();
    QCOMPARE(entries.size(), std::size_t(2));
    QCOMPARE(entries[0].callerArn, QString("arn:aws:sts::111122223333:assumed-role/S3Access/i-0abc1234def567890"));
    QCOMPARE(entries[0].exitCode, 0);
    QVERIFY(entries[0].out.contains("lab-bucket-111122223333"));
    QCOMPARE(entries[1].callerArn, QString("arn:aws:iam::111122223333:user/lab-user"));
    QCOMPARE(entries[1].exitCode, 254);
    QCOMPARE(entries[1].err,
             QString("\nAn error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied\n"));
    QVERIFY(!entries[1].allowed());

    // The event log has both terminal calls, with their decisions and source.
    std::vector<iam::Event> terminalCalls;
    for (const iam::Event &event : account.eventLog().events())
        if (event.source == iam::CallSource::Terminal)
            terminalCalls.push_back(event);
    QCOMPARE(terminalCalls.size(), std::size_t(2));
    QVERIFY(terminalCalls[0].allowed);
    QVERIFY(!terminalCalls[1].allowed);
    QCOMPARE(terminalCalls[1].errorCode, std::string("AccessDenied"));
    const QString printed = QString::fromStdString(out.str());
    QVERIFY(printed.contains("allowed iam:CreateRole  arn:aws:iam::111122223333:role/S3Access"));
    QVERIFY(printed.contains("DENIED  iam:CreateRole  arn:aws:iam::111122223333:role/MyOwnRole  (AccessDenied)"));
    // The refused Modify IAM role names iam:PassRole and the role, as AWS does.
    QVERIFY(printed.contains("DENIED  ec2:AssociateIamInstanceProfile"));
    QVERIFY(printed.contains("is not authorized to perform: iam:PassRole on resource: "
                             "arn:aws:iam::111122223333:role/S3Access"));
    QVERIFY(printed.contains("allowed ec2:AssociateIamInstanceProfile"));
    QVERIFY(printed.contains("Walkthrough finished"));
    // A picture per step, named after it.
    const QStringList shots = QDir(dir.path()).entryList({"*.png"});
    QVERIFY2(shots.contains("01-select-trusted-entity.png"), qPrintable(shots.join(' ')));
    QVERIFY(shots.contains("08-lab-user-decisions.png"));
    QVERIFY(shots.contains("10-modify-iam-role-refused.png"));
    QVERIFY(shots.contains("13-terminal-instance.png"));
    QVERIFY(shots.contains("14-terminal-laptop.png"));
    window.setUnsavedPrompt([](const QString &) { return QMessageBox::Discard; });
    window.close();
}

QTEST_MAIN(tst_WalkthroughRunner)
#include "tst_WalkthroughRunner.moc"
