// IAM > Users driven as a learner would: the count, search, a row opening the
// user, Create user through its dialog (name rules checked as typed), the denial
// for lab-user in the red flash, Delete refused while the user holds a policy.

#include "AccountCommands.h"
#include "CreatePrincipalDialog.h"
#include "EntityListModel.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "UsersPage.h"
#include "WorkspaceDocument.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

namespace {

QString heading(const QWidget &page)
{
    return page.findChild<QLabel *>(QStringLiteral("pageHeading"))->text();
}

CreatePrincipalDialog *openCreateDialog(UsersPage &page)
{
    page.findChild<QPushButton *>(QStringLiteral("createUserButton"))->click();
    return page.findChild<CreatePrincipalDialog *>();
}

void select(QTableView *table, const QString &name)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(EntityListModel::KeyRole).toString() == name) {
            table->setFocus();
            table->setCurrentIndex(table->model()->index(row, 1));
            table->selectRow(row);
            return;
        }
    }
    QFAIL("no such row");
}

} // namespace

class tst_UsersPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void listsUsersWithTheirCount();
    void searchFilters();
    void activatingARowOpensTheUser();
    void createUserThroughTheDialog();
    void createUserDeniedForLabUser();
    void deleteRefusedThenAllowed();
};

void tst_UsersPage::listsUsersWithTheirCount()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    UsersPage page(doc, nav);
    page.show();
    QCOMPARE(heading(page), QStringLiteral("Users (1)"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QCOMPARE(table->model()->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Last activity"));
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("lab-user"));
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("None"));
    // lab-user reads itself: its last activity changes in place.
    QVERIFY(doc.api().call(iam::CallerIdentity::user("lab-user"), "iam", "GetUser", {{"UserName", "lab-user"}}).ok());
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("Now"));
}

void tst_UsersPage::searchFilters()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("alice"))).ok);
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("bob"))).ok);
    Navigation nav;
    UsersPage page(doc, nav);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QCOMPARE(table->model()->rowCount(), 3);
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("ALI"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("alice"));
}

void tst_UsersPage::activatingARowOpensTheUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    UsersPage page(doc, nav);
    page.show();
    QSignalSpy requested(&nav, &Navigation::requested);
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    select(table, QStringLiteral("lab-user"));
    QTest::keyClick(table, Qt::Key_Enter);
    QCOMPARE(requested.count(), 1);
    const auto location = qvariant_cast<ConsoleLocation>(requested.at(0).at(0));
    QCOMPARE(location.page, ConsoleLocation::Page::User);
    QCOMPARE(location.key, QStringLiteral("lab-user"));
}

void tst_UsersPage::createUserThroughTheDialog()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    UsersPage page(doc, nav);
    page.show();
    CreatePrincipalDialog *dialog = openCreateDialog(page);
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createButton"));
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("nameProblem"));
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(name, QStringLiteral("LAB-USER"));   // names are unique case-insensitively
    QVERIFY(!create->isEnabled());
    QCOMPARE(problem->text(), QStringLiteral("A user with this name already exists."));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("dev ops"));
    QVERIFY(!create->isEnabled());
    QCOMPARE(problem->text(), QStringLiteral("The user name contains characters that are not allowed."));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("developer"));
    QVERIFY(create->isEnabled());
    QVERIFY(problem->isHidden());
    create->click();
    QTRY_VERIFY(!page.findChild<CreatePrincipalDialog *>());

    QVERIFY(doc.account().findUser("developer"));
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("User developer created successfully."));
    QCOMPARE(heading(page), QStringLiteral("Users (2)"));
    doc.undoStack()->undo();
    QVERIFY(!doc.account().findUser("developer"));
    QCOMPARE(heading(page), QStringLiteral("Users (1)"));
    doc.undoStack()->redo();
    QVERIFY(doc.account().findUser("developer"));
}

void tst_UsersPage::createUserDeniedForLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    Navigation nav;
    UsersPage page(doc, nav);
    page.show();
    CreatePrincipalDialog *dialog = openCreateDialog(page);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit")), QStringLiteral("developer"));
    dialog->findChild<QPushButton *>(QStringLiteral("createButton"))->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(page.messageBar()->text().startsWith(QStringLiteral(
        "User: arn:aws:iam::111122223333:user/lab-user is not authorized to perform: iam:CreateUser")));
    QVERIFY(!doc.account().findUser("developer"));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void tst_UsersPage::deleteRefusedThenAllowed()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("alice"))).ok);
    Navigation nav;
    UsersPage page(doc, nav);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    auto *remove = page.findChild<QPushButton *>(QStringLiteral("deleteButton"));
    select(table, QStringLiteral("lab-user"));   // holds an inline policy
    remove->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QCOMPARE(page.messageBar()->text(), QStringLiteral("Cannot delete entity, must delete policies first."));
    QVERIFY(doc.account().findUser("lab-user"));
    select(table, QStringLiteral("alice"));
    remove->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QVERIFY(!doc.account().findUser("alice"));
    doc.undoStack()->undo();
    QVERIFY(doc.account().findUser("alice"));
}

QTEST_MAIN(tst_UsersPage)
#include "tst_UsersPage.moc"
