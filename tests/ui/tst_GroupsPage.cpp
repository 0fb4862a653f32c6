// IAM > User groups driven as a learner would: Create group through its dialog,
// the counts, search, a row opening the group, Delete refused while it has members.

#include "AccountCommands.h"
#include "CreatePrincipalDialog.h"
#include "EntityListModel.h"
#include "GroupsPage.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "WorkspaceDocument.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

class tst_GroupsPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void createGroupThroughTheDialog();
    void searchAndOpen();
    void deleteRefusedWhileItHasMembers();
};

void tst_GroupsPage::createGroupThroughTheDialog()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    GroupsPage page(doc, nav);
    page.show();
    auto *heading = page.findChild<QLabel *>(QStringLiteral("pageHeading"));
    QCOMPARE(heading->text(), QStringLiteral("User groups (0)"));
    page.findChild<QPushButton *>(QStringLiteral("createGroupButton"))->click();
    auto *dialog = page.findChild<CreatePrincipalDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Create user group"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("developers"));
    dialog->findChild<QPushButton *>(QStringLiteral("createButton"))->click();
    QTRY_VERIFY(!page.findChild<CreatePrincipalDialog *>());
    QVERIFY(doc.account().findGroup("developers"));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("developers user group created."));
    QCOMPARE(heading->text(), QStringLiteral("User groups (1)"));
    doc.undoStack()->undo();
    QVERIFY(!doc.account().findGroup("developers"));
    QCOMPARE(heading->text(), QStringLiteral("User groups (0)"));
}

void tst_GroupsPage::searchAndOpen()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("auditors"))).ok);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("auditors"))).ok);
    Navigation nav;
    GroupsPage page(doc, nav);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QCOMPARE(table->model()->rowCount(), 2);
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("Audit"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("1"));   // Users
    QSignalSpy requested(&nav, &Navigation::requested);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 1));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    const auto location = qvariant_cast<ConsoleLocation>(requested.at(0).at(0));
    QCOMPARE(location.page, ConsoleLocation::Page::Group);
    QCOMPARE(location.key, QStringLiteral("auditors"));
}

void tst_GroupsPage::deleteRefusedWhileItHasMembers()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    Navigation nav;
    GroupsPage page(doc, nav);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    table->selectRow(0);
    page.findChild<QPushButton *>(QStringLiteral("deleteButton"))->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QCOMPARE(page.messageBar()->text(), QStringLiteral("Cannot delete entity, must remove users from group first."));
    QVERIFY(doc.account().findGroup("developers"));
    doc.undoStack()->undo();   // lab-user leaves
    table->selectRow(0);
    page.findChild<QPushButton *>(QStringLiteral("deleteButton"))->click();
    QVERIFY(!doc.account().findGroup("developers"));
    QCOMPARE(table->model()->rowCount(), 0);
}

QTEST_MAIN(tst_GroupsPage)
#include "tst_GroupsPage.moc"
