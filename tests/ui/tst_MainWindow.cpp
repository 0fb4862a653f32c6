// MainWindow: the console's shell — title and modified mark, identity switcher,
// File and Edit menus with their seams, navigation history.

#include "AccountCommands.h"
#include "Breadcrumbs.h"
#include "ConsolePage.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "WorkspaceDocument.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

namespace {

QAction *menuAction(QMainWindow &window, const QString &menu, const QString &text)
{
    for (QAction *top : window.menuBar()->actions()) {
        if (top->text().remove('&') != menu)
            continue;
        for (QAction *action : top->menu()->actions())
            if (action->text().remove('&').startsWith(text))
                return action;
    }
    return nullptr;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void titleShowsTheFileAndTheModifiedMark();
    void identitySwitcherSignsIn();
    void undoActionSpeaksTheConsolesLanguage();
    void newAsksAboutUnsavedChanges();
    void saveAsThenOpenAgain();
    void aBadFileShowsItsErrorInTheFlash();
    void backAndForward();
};

void tst_MainWindow::titleShowsTheFileAndTheModifiedMark()
{
    WorkspaceDocument doc(Catalogs::bundled());
    MainWindow window(doc);
    window.show();
    QCOMPARE(window.windowTitle(), QStringLiteral("Untitled[*] — IAM Studio"));
    QVERIFY(!window.isWindowModified());
    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);
    QVERIFY(window.isWindowModified());
}

void tst_MainWindow::identitySwitcherSignsIn()
{
    WorkspaceDocument doc(Catalogs::bundled());
    MainWindow window(doc);
    window.show();
    auto *switcher = window.findChild<QComboBox *>("identitySwitcher");
    QVERIFY(switcher);
    QCOMPARE(switcher->currentIndex(), 0);
    QCOMPARE(switcher->count(), 2);
    // Choose "IAM user lab-user" as a user would, with the keyboard.
    switcher->setFocus();
    QTest::keyClick(switcher, Qt::Key_Down);
    QCOMPARE(doc.signedIn(), iam::CallerIdentity::user("lab-user"));
    auto *status = window.findChild<QLabel *>("statusIdentity");
    QCOMPARE(status->text(), QStringLiteral("Signed in as arn:aws:iam::111122223333:user/lab-user"));
    // Signing in elsewhere (a loaded file, a test) moves the switcher too.
    doc.setSignedIn(iam::CallerIdentity::root());
    QCOMPARE(switcher->currentIndex(), 0);
}

void tst_MainWindow::undoActionSpeaksTheConsolesLanguage()
{
    WorkspaceDocument doc(Catalogs::bundled());
    MainWindow window(doc);
    QAction *undo = menuAction(window, "Edit", "Undo");
    QVERIFY(undo);
    QVERIFY(!undo->isEnabled());
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, "lab-user",
                                            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")).ok);
    QCOMPARE(undo->text(), QStringLiteral("&Undo Attach AmazonS3ReadOnlyAccess to lab-user"));
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    undo->trigger();
    QVERIFY(doc.account().findUser("lab-user")->attachedPolicies.empty());
}

void tst_MainWindow::newAsksAboutUnsavedChanges()
{
    WorkspaceDocument doc(Catalogs::bundled());
    MainWindow window(doc);
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    int asked = 0;
    window.setUnsavedPrompt([&](const QString &name) {
        ++asked;
        [&] { QCOMPARE(name, QStringLiteral("Untitled")); }();
        return answer;
    });
    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);

    menuAction(window, "File", "New")->trigger();
    QCOMPARE(asked, 1);
    QVERIFY(doc.account().findUser("dana"));   // Cancel: nothing lost

    answer = QMessageBox::Discard;
    QVERIFY(window.newWorkspace());
    QCOMPARE(asked, 2);
    QVERIFY(!doc.account().findUser("dana"));
    QVERIFY(!window.isWindowModified());
}

void tst_MainWindow::saveAsThenOpenAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("lab.iamstudio");
    WorkspaceDocument doc(Catalogs::bundled());
    MainWindow window(doc);
    window.setFileChooser([&](bool saving, const QString &) { return saving ? path : path; });
    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);
    menuAction(window, "File", "Save As")->trigger();
    QVERIFY(QFile::exists(path));
    QCOMPARE(window.windowTitle(), QStringLiteral("lab.iamstudio[*] — IAM Studio"));
    QVERIFY(!window.isWindowModified());

    window.setUnsavedPrompt([](const QString &) { return QMessageBox::Discard; });
    QVERIFY(window.newWorkspace());
    QVERIFY(!doc.account().findUser("dana"));
    menuAction(window, "File", "Open…")->trigger();
    QVERIFY(doc.account().findUser("dana"));
    // The file is now the first of the recent files.
    QAction *recent = menuAction(window, "File", "Open Recent");
    QVERIFY(recent && recent->menu());
    QCOMPARE(recent->menu()->actions().value(0)->text(), QStringLiteral("lab.iamstudio"));
}

void tst_MainWindow::aBadFileShowsItsErrorInTheFlash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.iamstudio");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"formatVersion\": 1,\n \"account\": }");
    file.close();
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);
    MainWindow window(doc);
    window.setUnsavedPrompt([](const QString &) { return QMessageBox::Discard; });
    window.show();
    QVERIFY(!window.openWorkspace(path));
    MessageBar *flash = window.currentPage()->messageBar();
    QVERIFY(flash->isVisible());
    QCOMPARE(flash->kind(), MessageBar::Kind::Error);
    QCOMPARE(flash->title(), QStringLiteral("Could not open broken.iamstudio"));
    QVERIFY2(flash->text().startsWith(path + ":2:"), qPrintable(flash->text()));
    QVERIFY(doc.account().findUser("dana"));
}

void tst_MainWindow::backAndForward()
{
    WorkspaceDocument doc(Catalogs::bundled());
    MainWindow window(doc);
    using Page = ConsoleLocation::Page;
    window.navigation().go(Page::Users);
    window.navigation().go(Page::Roles);
    QCOMPARE(window.location().page, Page::Roles);
    menuAction(window, "View", "Back")->trigger();
    QCOMPARE(window.location().page, Page::Users);
    menuAction(window, "View", "Back")->trigger();
    QCOMPARE(window.location().page, Page::Dashboard);
    QVERIFY(!menuAction(window, "View", "Back")->isEnabled());
    menuAction(window, "View", "Forward")->trigger();
    QCOMPARE(window.location().page, Page::Users);
    QCOMPARE(window.breadcrumbs()->texts().value(0), QStringLiteral("IAM"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
