// IAM > Policies: filter by type and search over every managed policy, open a
// policy, Create policy, and Delete (refused while attached, with AWS's text).

#include "AccountCommands.h"
#include "AwsManagedPolicies.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PageFactory.h"
#include "PoliciesModel.h"
#include "PoliciesPage.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kCustomer = QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy");
const char *kUserPolicy = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";

void createCustomerPolicy(WorkspaceDocument &doc)
{
    PolicyDraft draft{QStringLiteral("IAM-User-Policy"), QStringLiteral("/"), {}, QString::fromLatin1(kUserPolicy), {}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
}

// The table's row showing `arn`, or -1.
int rowOf(QTableView *table, const QString &arn)
{
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (table->model()->index(row, 0).data(EntityListModel::KeyRole).toString() == arn)
            return row;
    return -1;
}

void selectRow(QTableView *table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, PoliciesModel::TypeColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class tst_PoliciesPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void headingCountsEveryPolicy();
    void filterByType();
    void searchIsInstant();
    void activatingARowOpensThePolicy();
    void createPolicyOpensTheWizard();
    void deleteIsRefusedWhileAttached();
    void pageFactoryMakesIt();
};

void tst_PoliciesPage::headingCountsEveryPolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    PoliciesPage page(doc, navigation);
    const int aws = int(doc.account().awsManaged()->all().size());
    QCOMPARE(page.heading(), QStringLiteral("Policies (%1)").arg(QLocale(QLocale::English).toString(aws)));
    createCustomerPolicy(doc);
    QCOMPARE(page.heading(), QStringLiteral("Policies (%1)").arg(QLocale(QLocale::English).toString(aws + 1)));
    QCOMPARE(page.crumbs().size(), 2);
    QCOMPARE(page.crumbs().last().text, QStringLiteral("Policies"));
}

void tst_PoliciesPage::filterByType()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    PoliciesPage page(doc, navigation);
    page.show();
    auto *combo = page.findChild<QComboBox *>(QStringLiteral("typeFilter"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QVERIFY(combo && table);
    QCOMPARE(combo->itemText(0), QStringLiteral("All types"));
    const int all = table->model()->rowCount();

    combo->setCurrentIndex(combo->findText(QStringLiteral("Customer managed")));
    QCOMPARE(table->model()->rowCount(), 0);
    createCustomerPolicy(doc);   // appears under the filter as it is created
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, PoliciesModel::NameColumn).data().toString(), QStringLiteral("IAM-User-Policy"));

    combo->setCurrentIndex(combo->findText(QStringLiteral("AWS managed - job function")));
    QVERIFY(table->model()->rowCount() > 0);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QCOMPARE(table->model()->index(row, PoliciesModel::TypeColumn).data().toString(),
                 QStringLiteral("AWS managed - job function"));
    const int jobFunctions = table->model()->rowCount();

    combo->setCurrentIndex(combo->findText(QStringLiteral("AWS managed")));
    QCOMPARE(table->model()->rowCount(), all - jobFunctions);
    QCOMPARE(rowOf(table, kCustomer), -1);

    combo->setCurrentIndex(0);
    QCOMPARE(table->model()->rowCount(), all + 1);
}

void tst_PoliciesPage::searchIsInstant()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    PoliciesPage page(doc, navigation);
    page.show();
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QVERIFY(search && table);
    QElapsedTimer timer;
    timer.start();
    QTest::keyClicks(search, QStringLiteral("s3readonly"));
    const qint64 perKey = timer.elapsed() / 10;
    // Each keystroke filters every row; a debug build on a busy machine still does
    // it well under a frame or two.
    qInfo("%lld ms per keystroke", perKey);
    QVERIFY2(perKey < 100, qPrintable(QStringLiteral("%1 ms per keystroke").arg(perKey)));
    QVERIFY(table->model()->rowCount() >= 1);
    QVERIFY(rowOf(table, QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")) >= 0);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QVERIFY(table->model()->index(row, 0).data().toString().contains(QStringLiteral("S3ReadOnly"), Qt::CaseInsensitive));

    // Search and type filter combine.
    auto *combo = page.findChild<QComboBox *>(QStringLiteral("typeFilter"));
    combo->setCurrentIndex(combo->findText(QStringLiteral("Customer managed")));
    QCOMPARE(table->model()->rowCount(), 0);
}

void tst_PoliciesPage::activatingARowOpensThePolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    PoliciesPage page(doc, navigation);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("AmazonS3ReadOnlyAccess"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    const int row = rowOf(table, QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    QVERIFY(row >= 0);
    QSignalSpy requested(&navigation, &Navigation::requested);
    // Click the row, then Enter: the keyboard's way to open it (a double click does the same).
    selectRow(table, row);
    QCOMPARE(requested.count(), 0);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    const auto location = requested.first().first().value<ConsoleLocation>();
    QCOMPARE(location.page, ConsoleLocation::Page::Policy);
    QCOMPARE(location.key, QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));

    // The name is a link: one click opens the policy.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 0)).center());
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.last().first().value<ConsoleLocation>(), location);
}

void tst_PoliciesPage::createPolicyOpensTheWizard()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    PoliciesPage page(doc, navigation);
    QSignalSpy wizard(&navigation, &Navigation::createPolicyRequested);
    page.findChild<QPushButton *>(QStringLiteral("createPolicyButton"))->click();
    QCOMPARE(wizard.count(), 1);
}

void tst_PoliciesPage::deleteIsRefusedWhileAttached()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kCustomer)).ok);
    Navigation navigation;
    PoliciesPage page(doc, navigation);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *deleteButton = page.findChild<QPushButton *>(QStringLiteral("deleteButton"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    QVERIFY(!deleteButton->isEnabled());
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("AmazonS3ReadOnly"));
    selectRow(table, 0);
    QVERIFY(!deleteButton->isEnabled());   // AWS-managed policies cannot be deleted

    page.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->clear();
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("IAM-User"));
    QCOMPARE(table->model()->rowCount(), 1);
    selectRow(table, 0);
    QVERIFY(deleteButton->isEnabled());
    const int steps = doc.undoStack()->count();
    deleteButton->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Failed to delete policy IAM-User-Policy"));
    QCOMPARE(page.messageBar()->text(), QStringLiteral("Cannot delete a policy attached to entities."));
    QVERIFY(doc.account().findPolicy(kCustomer.toStdString()));
    QCOMPARE(doc.undoStack()->count(), steps);
    QCOMPARE(table->model()->rowCount(), 1);

    QVERIFY(doc.execute(detachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kCustomer)).ok);
    deleteButton->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QVERIFY(!doc.account().findPolicy(kCustomer.toStdString()));
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!deleteButton->isEnabled());
    doc.undoStack()->undo();
    QCOMPARE(table->model()->rowCount(), 1);
}

void tst_PoliciesPage::pageFactoryMakesIt()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    std::unique_ptr<ConsolePage> page(createPage({ConsoleLocation::Page::Policies, {}}, doc, navigation, nullptr));
    QVERIFY(qobject_cast<PoliciesPage *>(page.get()));
}

QTEST_MAIN(tst_PoliciesPage)
#include "tst_PoliciesPage.moc"
