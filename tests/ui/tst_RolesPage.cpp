// IAM > Roles driven as a learner would: the count in the heading, search over
// every column, a row opening the role, Create role, and Delete refused while the
// role holds policies (DeleteConflict in the red flash), undone otherwise.

#include "AccountCommands.h"
#include "EntityListModel.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "RolesPage.h"
#include "WorkspaceDocument.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

namespace {

QString trust(const char *service)
{
    return QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "sts:AssumeRole", "Principal": {"Service": "%1.amazonaws.com"}}]})").arg(QLatin1String(service));
}

bool createRole(WorkspaceDocument &doc, const QString &name, const char *service, const QStringList &policies = {})
{
    RoleDraft draft;
    draft.name = name;
    draft.trustPolicy = trust(service);
    draft.policyArns = policies;
    return doc.execute(createRoleCommand(doc, draft)).ok;
}

QString heading(const QWidget &page)
{
    return page.findChild<QLabel *>(QStringLiteral("pageHeading"))->text();
}

// The row of the table showing `name`, or -1.
int rowOf(QTableView *table, const QString &name)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(EntityListModel::KeyRole).toString() == name)
            return row;
    }
    return -1;
}

void select(QTableView *table, const QString &name)
{
    const int row = rowOf(table, name);
    QVERIFY(row >= 0);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, 1));
    table->selectRow(row);
}

} // namespace

class tst_RolesPage : public QObject
{
    Q_OBJECT

private slots:
    void headingCountsTheRoles();
    void searchFiltersOnEveryColumn();
    void sortsByColumn();
    void activatingARowOpensTheRole();
    void createRoleOpensTheWizard();
    void deleteIsRefusedWhileThePolicyIsAttached();
    void deleteAndUndo();
};

void tst_RolesPage::headingCountsTheRoles()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    RolesPage page(doc, nav);
    page.show();
    QCOMPARE(heading(page), QStringLiteral("Roles (0)"));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("pageSubtitle"))->text().startsWith(QStringLiteral("An IAM role")));
    QVERIFY(createRole(doc, QStringLiteral("S3Access"), "ec2"));
    QVERIFY(createRole(doc, QStringLiteral("Builder"), "codebuild"));
    QCOMPARE(heading(page), QStringLiteral("Roles (2)"));
    doc.undoStack()->undo();
    QCOMPARE(heading(page), QStringLiteral("Roles (1)"));
    QCOMPARE(page.crumbs().size(), 2);
    QCOMPARE(page.crumbs().back().location.page, ConsoleLocation::Page::Roles);
}

void tst_RolesPage::searchFiltersOnEveryColumn()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("S3Access"), "ec2"));
    QVERIFY(createRole(doc, QStringLiteral("Builder"), "codebuild"));
    QVERIFY(createRole(doc, QStringLiteral("Runner"), "lambda"));
    Navigation nav;
    RolesPage page(doc, nav);
    page.show();
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QVERIFY(search && table);
    QCOMPARE(table->model()->rowCount(), 3);
    QTest::keyClicks(search, QStringLiteral("s3acc"));   // case-insensitive, on the name
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("S3Access"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("LAMBDA"));   // on Trusted entities
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Runner"));
    // A role created while filtering shows if it matches.
    QVERIFY(createRole(doc, QStringLiteral("Other"), "lambda"));
    QCOMPARE(table->model()->rowCount(), 2);
    search->clear();
    QCOMPARE(table->model()->rowCount(), 4);
}

void tst_RolesPage::sortsByColumn()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("b-role"), "ec2"));
    QVERIFY(createRole(doc, QStringLiteral("A-role"), "ec2"));
    QVERIFY(createRole(doc, QStringLiteral("c-role"), "ec2"));
    Navigation nav;
    RolesPage page(doc, nav);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QVERIFY(table->isSortingEnabled());
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("A-role"));
    table->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("c-role"));
}

void tst_RolesPage::activatingARowOpensTheRole()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("S3Access"), "ec2"));
    QVERIFY(createRole(doc, QStringLiteral("Builder"), "codebuild"));
    Navigation nav;
    RolesPage page(doc, nav);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QSignalSpy requested(&nav, &Navigation::requested);

    select(table, QStringLiteral("S3Access"));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    auto location = qvariant_cast<ConsoleLocation>(requested.at(0).at(0));
    QCOMPARE(location.page, ConsoleLocation::Page::Role);
    QCOMPARE(location.key, QStringLiteral("S3Access"));

    // Double-click on another column of the other row.
    const int row = rowOf(table, QStringLiteral("Builder"));
    const QRect cell = table->visualRect(table->model()->index(row, 2));
    // A real double-click starts with a press (the view activates the row it pressed).
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(requested.count(), 2);
    location = qvariant_cast<ConsoleLocation>(requested.back().at(0));
    QCOMPARE(location.key, QStringLiteral("Builder"));

    // The name reads as a link: one click on it is enough.
    requested.clear();
    const QRect name = table->visualRect(table->model()->index(rowOf(table, QStringLiteral("S3Access")), 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, name.center());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(qvariant_cast<ConsoleLocation>(requested.at(0).at(0)).key, QStringLiteral("S3Access"));
}

void tst_RolesPage::createRoleOpensTheWizard()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    RolesPage page(doc, nav);
    page.show();
    QSignalSpy wizard(&nav, &Navigation::createRoleRequested);
    auto *create = page.findChild<QPushButton *>(QStringLiteral("createRoleButton"));
    QVERIFY(create);
    QCOMPARE(create->property("primary").toBool(), true);
    create->click();
    QCOMPARE(wizard.count(), 1);
}

void tst_RolesPage::deleteIsRefusedWhileThePolicyIsAttached()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("S3Access"), "ec2", {QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")}));
    Navigation nav;
    RolesPage page(doc, nav);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    auto *remove = page.findChild<QPushButton *>(QStringLiteral("deleteButton"));
    QVERIFY(!remove->isEnabled());
    select(table, QStringLiteral("S3Access"));
    QVERIFY(remove->isEnabled());
    const int steps = doc.undoStack()->count();
    remove->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(page.messageBar()->isVisible());
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Failed to delete role S3Access"));
    QCOMPARE(page.messageBar()->text(), QStringLiteral("Cannot delete entity, must detach all policies first."));
    QVERIFY(doc.account().findRole("S3Access"));
    QCOMPARE(doc.undoStack()->count(), steps);
    QCOMPARE(table->model()->rowCount(), 1);
}

void tst_RolesPage::deleteAndUndo()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createRole(doc, QStringLiteral("S3Access"), "ec2"));
    Navigation nav;
    RolesPage page(doc, nav);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    select(table, QStringLiteral("S3Access"));
    page.findChild<QPushButton *>(QStringLiteral("deleteButton"))->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Role S3Access deleted."));
    QVERIFY(!doc.account().findRole("S3Access"));
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(heading(page), QStringLiteral("Roles (0)"));
    doc.undoStack()->undo();
    QVERIFY(doc.account().findRole("S3Access"));
    QCOMPARE(table->model()->rowCount(), 1);
    doc.undoStack()->redo();
    QVERIFY(!doc.account().findRole("S3Access"));
}

QTEST_MAIN(tst_RolesPage)
#include "tst_RolesPage.moc"
