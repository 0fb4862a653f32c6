// The walkthrough through the real widgets, as the headless `./dev.sh run` plays
// it: every step ends as the seed says, and the account shows it afterwards.

#include "MainWindow.h"
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
    void playsTheSeedsIamSteps();
};

void tst_WalkthroughRunner::playsTheSeedsIamSteps()
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
    const QString printed = QString::fromStdString(out.str());
    QVERIFY(printed.contains("allowed iam:CreateRole  arn:aws:iam::111122223333:role/S3Access"));
    QVERIFY(printed.contains("DENIED  iam:CreateRole  arn:aws:iam::111122223333:role/MyOwnRole  (AccessDenied)"));
    QVERIFY(printed.contains("Walkthrough finished"));
    // A picture per step, named after it.
    const QStringList shots = QDir(dir.path()).entryList({"*.png"});
    QVERIFY2(shots.contains("01-select-trusted-entity.png"), qPrintable(shots.join(' ')));
    QVERIFY(shots.contains("08-lab-user-decisions.png"));
    window.setUnsavedPrompt([](const QString &) { return QMessageBox::Discard; });
    window.close();
}

QTEST_MAIN(tst_WalkthroughRunner)
#include "tst_WalkthroughRunner.moc"
