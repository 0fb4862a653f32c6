// EC2 > Instances and an instance's page, driven as a learner would: the heading
// and columns, the filter, actions enabled only with a selection, Stop and
// Terminate after their confirmation, Launch instances, Modify IAM role from the
// Actions › Security menu (the walkthrough's step, its flash on the page), the
// instance id link; the instance summary, its Security tab's role link and
// instance profile ARN, kept current.

#include "../model/qt/Ec2TestWorkspace.h"
#include "ConfirmActionDialog.h"
#include "EntityListModel.h"
#include "InstanceActions.h"
#include "InstanceDetailPage.h"
#include "InstancesModel.h"
#include "InstancesPage.h"
#include "LaunchInstanceDialog.h"
#include "MessageBar.h"
#include "ModifyIamRoleDialog.h"
#include "Navigation.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

using namespace ec2test;

namespace {

template <typename T>
T *child(QObject *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}

QString heading(const QWidget &page)
{
    return child<QLabel>(const_cast<QWidget *>(&page), "pageHeading")->text();
}

int rowOf(QTableView *table, const QString &id)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(EntityListModel::KeyRole).toString() == id)
            return row;
    }
    return -1;
}

void select(QTableView *table, const QString &id)
{
    const int row = rowOf(table, id);
    QVERIFY(row >= 0);
    const QRect cell = table->visualRect(table->model()->index(row, InstancesModel::StateColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
}

QString cellText(QTableView *table, const QString &id, int column)
{
    const int row = rowOf(table, id);
    return row < 0 ? QString() : table->model()->index(row, column).data().toString();
}

QAction *action(QWidget *page, const char *name)
{
    return child<QAction>(page, name);
}

// The open box of that name (a closed one lingers until its deferred delete).
template <typename T>
T *openChild(QObject *root, const char *name)
{
    for (T *candidate : root->findChildren<T *>(QString::fromLatin1(name)))
        if (candidate->isVisible())
            return candidate;
    return nullptr;
}

void chooseProfile(ModifyIamRoleDialog *dialog, const QString &text)
{
    auto *combo = child<QComboBox>(dialog, "iamRoleCombo");
    combo->setFocus();
    const int target = combo->findText(text);
    QVERIFY(target >= 0);
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
}

} // namespace

class tst_InstancesPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void headingColumnsAndCrumbs();
    void actionsNeedASelection();
    void filterMatchesAnyColumn();
    void instanceIdLinkOpensTheInstance();
    void stopAfterConfirmation();
    void terminateCancelledThenConfirmed();
    void refusedStopShowsAwsText();
    void launchInstancesAddsARow();
    void modifyIamRoleFromActionsSecurity();
    void detailSummaryAndCrumbs();
    void detailSecurityTabFollowsTheRole();
    void detailModifyIamRoleAndStates();
};

void tst_InstancesPage::headingColumnsAndCrumbs()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QCOMPARE(heading(page), QStringLiteral("Instances (1)"));
    auto *table = page.table();
    QStringList headers;
    for (int column = 0; column < table->model()->columnCount(); ++column)
        headers << table->model()->headerData(column, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{"Name", "Instance ID", "Instance state", "Instance type", "Availability zone",
                                   "IAM role"}));
    QCOMPARE(cellText(table, kInstanceId, InstancesModel::NameColumn), QStringLiteral("lab-instance"));
    QCOMPARE(cellText(table, kInstanceId, InstancesModel::IamRoleColumn), QStringLiteral("\u2013"));
    const QList<Crumb> crumbs = page.crumbs();
    QCOMPARE(crumbs.size(), 2);
    QCOMPARE(crumbs[0].text, QStringLiteral("EC2"));
    QCOMPARE(crumbs[1].text, QStringLiteral("Instances"));
    QCOMPARE(crumbs[1].location.page, ConsoleLocation::Page::Instances);
    QCOMPARE(child<QPushButton>(&page, "launchInstancesButton")->text(), QStringLiteral("Launch instances"));
    // Actions › Security › Modify IAM role, as in the console.
    QMenu *actions = child<QPushButton>(&page, "actionsButton")->menu();
    QVERIFY(actions);
    QMenu *security = child<QMenu>(actions, "securityMenu");
    QVERIFY(security);
    QCOMPARE(security->title(), QStringLiteral("Security"));
    QVERIFY(security->actions().contains(action(&page, "actionModifyIamRole")));
    QCOMPARE(action(&page, "actionModifyIamRole")->text(), QStringLiteral("Modify IAM role"));
}

void tst_InstancesPage::actionsNeedASelection()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *state = child<QPushButton>(&page, "instanceStateButton");
    auto *actions = child<QPushButton>(&page, "actionsButton");
    QVERIFY(!state->isEnabled());
    QVERIFY(!actions->isEnabled());
    select(page.table(), kInstanceId);
    QCOMPARE(page.selectedInstanceId(), kInstanceId);
    QVERIFY(state->isEnabled());
    QVERIFY(actions->isEnabled());
    // A running instance can be stopped or terminated, not started.
    QVERIFY(!action(&page, "actionStartInstance")->isEnabled());
    QVERIFY(action(&page, "actionStopInstance")->isEnabled());
    QVERIFY(action(&page, "actionTerminateInstance")->isEnabled());
    QVERIFY(action(&page, "actionModifyIamRole")->isEnabled());
    // Filtering the selected row away leaves nothing to act on, even with another row left.
    LaunchDraft draft;
    draft.name = QStringLiteral("web-server");
    QVERIFY(doc.execute(launchInstanceCommand(doc, draft)).ok);
    QTest::keyClicks(child<QLineEdit>(&page, "searchEdit"), QStringLiteral("web-server"));
    QCOMPARE(page.table()->model()->rowCount(), 1);
    QVERIFY(page.selectedInstanceId().isEmpty());
    QVERIFY(!state->isEnabled());
}

void tst_InstancesPage::filterMatchesAnyColumn()
{
    WorkspaceDocument doc(Catalogs::bundled());
    LaunchDraft draft;
    draft.name = QStringLiteral("web-server");
    draft.instanceType = QStringLiteral("t3.small");
    QVERIFY(doc.execute(launchInstanceCommand(doc, draft)).ok);
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    auto *search = child<QLineEdit>(&page, "searchEdit");
    QCOMPARE(page.table()->model()->rowCount(), 2);
    QTest::keyClicks(search, QStringLiteral("WEB"));
    QCOMPARE(page.table()->model()->rowCount(), 1);
    QCOMPARE(page.table()->model()->index(0, 0).data().toString(), QStringLiteral("web-server"));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("i-0abc"));   // on the instance id
    QCOMPARE(page.table()->model()->rowCount(), 1);
    QCOMPARE(page.table()->model()->index(0, 0).data().toString(), QStringLiteral("lab-instance"));
    search->clear();
    QCOMPARE(page.table()->model()->rowCount(), 2);
}

void tst_InstancesPage::instanceIdLinkOpensTheInstance()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy requested(&nav, &Navigation::requested);
    auto *table = page.table();
    // A click on the name selects; a click on the instance id opens it.
    const int row = rowOf(table, kInstanceId);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(row, InstancesModel::NameColumn)).center());
    QCOMPARE(requested.count(), 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(row, InstancesModel::InstanceIdColumn)).center());
    QCOMPARE(requested.count(), 1);
    const auto location = qvariant_cast<ConsoleLocation>(requested.at(0).at(0));
    QCOMPARE(location.page, ConsoleLocation::Page::Instance);
    QCOMPARE(location.key, kInstanceId);
}

void tst_InstancesPage::stopAfterConfirmation()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    select(page.table(), kInstanceId);
    action(&page, "actionStopInstance")->trigger();
    auto *box = openChild<ConfirmActionDialog>(&page, "stopConfirmDialog");
    QVERIFY(box);
    QCOMPARE(box->windowTitle(), QStringLiteral("Stop instance?"));
    QCOMPARE(instance(doc).state, std::string("running"));   // nothing before the confirmation
    QTest::mouseClick(child<QPushButton>(box, "confirmButton"), Qt::LeftButton);
    QCOMPARE(instance(doc).state, std::string("stopped"));
    QCOMPARE(cellText(page.table(), kInstanceId, InstancesModel::StateColumn), QStringLiteral("Stopped"));
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully stopped i-0abc1234def567890"));
    QVERIFY(action(&page, "actionStartInstance")->isEnabled());
    QVERIFY(!action(&page, "actionStopInstance")->isEnabled());
    action(&page, "actionStartInstance")->trigger();   // Start asks nothing
    QCOMPARE(instance(doc).state, std::string("running"));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully started i-0abc1234def567890"));
    doc.undoStack()->undo();
    QCOMPARE(cellText(page.table(), kInstanceId, InstancesModel::StateColumn), QStringLiteral("Stopped"));
}

void tst_InstancesPage::terminateCancelledThenConfirmed()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    select(page.table(), kInstanceId);
    action(&page, "actionTerminateInstance")->trigger();
    auto *box = openChild<ConfirmActionDialog>(&page, "terminateConfirmDialog");
    QVERIFY(box);
    QCOMPARE(box->windowTitle(), QStringLiteral("Terminate instance?"));
    QTest::mouseClick(child<QPushButton>(box, "cancelButton"), Qt::LeftButton);
    QCOMPARE(instance(doc).state, std::string("running"));

    action(&page, "actionTerminateInstance")->trigger();
    box = openChild<ConfirmActionDialog>(&page, "terminateConfirmDialog");
    QVERIFY(box);
    QCOMPARE(child<QPushButton>(box, "confirmButton")->text(), QStringLiteral("Terminate"));
    QTest::mouseClick(child<QPushButton>(box, "confirmButton"), Qt::LeftButton);
    QCOMPARE(instance(doc).state, std::string("terminated"));
    QCOMPARE(cellText(page.table(), kInstanceId, InstancesModel::StateColumn), QStringLiteral("Terminated"));
    // Nothing more to do to a terminated instance.
    QVERIFY(!action(&page, "actionTerminateInstance")->isEnabled());
    QVERIFY(!action(&page, "actionStartInstance")->isEnabled());
    QVERIFY(!action(&page, "actionModifyIamRole")->isEnabled());
}

void tst_InstancesPage::refusedStopShowsAwsText()
{
    WorkspaceDocument doc(Catalogs::bundled());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));   // no EC2 permission yet
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    select(page.table(), kInstanceId);
    action(&page, "actionStopInstance")->trigger();
    QTest::mouseClick(child<QPushButton>(openChild<ConfirmActionDialog>(&page, "stopConfirmDialog"), "confirmButton"),
                      Qt::LeftButton);
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Failed to stop the instance i-0abc1234def567890"));
    QVERIFY2(page.messageBar()->text().contains(QStringLiteral("ec2:StopInstances")),
             qPrintable(page.messageBar()->text()));
    QCOMPARE(instance(doc).state, std::string("running"));
}

void tst_InstancesPage::launchInstancesAddsARow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QTest::mouseClick(child<QPushButton>(&page, "launchInstancesButton"), Qt::LeftButton);
    auto *dialog = openChild<LaunchInstanceDialog>(&page, "launchInstanceDialog");
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("web-1"));
    QTest::mouseClick(child<QPushButton>(dialog, "launchInstanceButton"), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(heading(page), QStringLiteral("Instances (2)"));
    const QString id = page.selectedInstanceId();   // the new one is selected
    QVERIFY(id != kInstanceId && id.startsWith(QStringLiteral("i-")));
    QCOMPARE(cellText(page.table(), id, InstancesModel::NameColumn), QStringLiteral("web-1"));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully initiated launch of instance (%1)").arg(id));
    doc.undoStack()->undo();
    QCOMPARE(heading(page), QStringLiteral("Instances (1)"));
    QVERIFY(page.selectedInstanceId().isEmpty());
    QVERIFY(!child<QPushButton>(&page, "instanceStateButton")->isEnabled());
}

void tst_InstancesPage::modifyIamRoleFromActionsSecurity()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    Navigation nav;
    InstancesPage page(doc, nav);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    select(page.table(), kInstanceId);
    action(&page, "actionModifyIamRole")->trigger();
    auto *dialog = openChild<ModifyIamRoleDialog>(&page, "modifyIamRoleDialog");
    QVERIFY(dialog);
    QCOMPARE(dialog->instanceId(), kInstanceId);
    chooseProfile(dialog, QStringLiteral("S3Access"));
    QTest::mouseClick(child<QPushButton>(dialog, "updateIamRoleButton"), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully attached S3Access to instance i-0abc1234def567890"));
    QCOMPARE(cellText(page.table(), kInstanceId, InstancesModel::IamRoleColumn), QStringLiteral("S3Access"));
    doc.undoStack()->undo();
    QCOMPARE(cellText(page.table(), kInstanceId, InstancesModel::IamRoleColumn), QStringLiteral("\u2013"));
}

void tst_InstancesPage::detailSummaryAndCrumbs()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(InstanceDetailPage::exists(doc, kInstanceId));
    QVERIFY(!InstanceDetailPage::exists(doc, QStringLiteral("i-00000000000000000")));
    Navigation nav;
    InstanceDetailPage page(doc, nav, kInstanceId);
    page.show();
    QCOMPARE(heading(page), QStringLiteral("Instance summary for i-0abc1234def567890 (lab-instance)"));
    QCOMPARE(child<QLabel>(&page, "summaryInstanceId")->text(), kInstanceId);
    QCOMPARE(child<QLabel>(&page, "summaryState")->text(), QStringLiteral("Running"));
    QCOMPARE(child<QLabel>(&page, "summaryType")->text(), QStringLiteral("t2.micro"));
    QCOMPARE(child<QLabel>(&page, "summaryIamRole")->text(), QStringLiteral("\u2013"));
    QCOMPARE(child<QLabel>(&page, "summaryAmiId")->text(), QStringLiteral("ami-0abcdef1234567890"));
    QVERIFY(child<QLabel>(&page, "summaryLaunchTime")->text().contains(QStringLiteral("2024")));
    QCOMPARE(child<QLabel>(&page, "detailsImageName")->text(), QStringLiteral("Amazon Linux 2023 AMI"));
    QCOMPARE(child<QLabel>(&page, "detailsZone")->text(), QStringLiteral("us-east-1a"));
    auto *tabs = child<QTabWidget>(&page, "tabs");
    QCOMPARE(tabs->tabText(0), QStringLiteral("Details"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Security"));
    const QList<Crumb> crumbs = page.crumbs();
    QCOMPARE(crumbs.size(), 3);
    QCOMPARE(crumbs[1].location.page, ConsoleLocation::Page::Instances);
    QCOMPARE(crumbs[2].text, kInstanceId);
    QCOMPARE(crumbs[2].location.page, ConsoleLocation::Page::Instance);
    // A state change shows at once.
    QVERIFY(doc.execute(stopInstancesCommand(doc, {kInstanceId})).ok);
    QCOMPARE(child<QLabel>(&page, "summaryState")->text(), QStringLiteral("Stopped"));
}

void tst_InstancesPage::detailSecurityTabFollowsTheRole()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    Navigation nav;
    InstanceDetailPage page(doc, nav, kInstanceId);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *tabs = child<QTabWidget>(&page, "tabs");
    tabs->setCurrentIndex(1);
    auto *role = child<QLabel>(&page, "securityIamRole");
    auto *profileArn = child<QLabel>(&page, "securityInstanceProfileArn");
    QCOMPARE(role->text(), QStringLiteral("\u2013"));
    QCOMPARE(profileArn->text(), QStringLiteral("\u2013"));
    QCOMPARE(child<QLabel>(&page, "securityOwnerId")->text(), QStringLiteral("111122223333"));

    QVERIFY(doc.execute(modifyIamRoleCommand(doc, planIamRoleChange(doc.account(), kInstanceId,
                                                                    QStringLiteral("S3Access"))))
                .ok);
    QVERIFY(role->text().contains(QStringLiteral(">S3Access</a>")));
    QCOMPARE(profileArn->text(), QStringLiteral("arn:aws:iam::111122223333:instance-profile/S3Access"));
    QVERIFY(child<QLabel>(&page, "summaryIamRole")->text().contains(QStringLiteral(">S3Access</a>")));

    // The role's name is a link to its IAM page.
    QSignalSpy requested(&nav, &Navigation::requested);
    QTRY_VERIFY(role->isVisible() && role->width() > 0);
    QTest::mouseClick(role, Qt::LeftButton, {}, QPoint(4, role->height() / 2));
    QTRY_COMPARE(requested.count(), 1);
    const auto location = qvariant_cast<ConsoleLocation>(requested.at(0).at(0));
    QCOMPARE(location.page, ConsoleLocation::Page::Role);
    QCOMPARE(location.key, QStringLiteral("S3Access"));

    doc.undoStack()->undo();
    QCOMPARE(role->text(), QStringLiteral("\u2013"));
}

void tst_InstancesPage::detailModifyIamRoleAndStates()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    Navigation nav;
    InstanceDetailPage page(doc, nav, kInstanceId);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(child<QPushButton>(&page, "instanceStateButton")->isEnabled());
    QVERIFY(!action(&page, "actionStartInstance")->isEnabled());
    action(&page, "actionModifyIamRole")->trigger();
    auto *dialog = openChild<ModifyIamRoleDialog>(&page, "modifyIamRoleDialog");
    QVERIFY(dialog);
    chooseProfile(dialog, QStringLiteral("S3Access"));
    QTest::mouseClick(child<QPushButton>(dialog, "updateIamRoleButton"), Qt::LeftButton);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully attached S3Access to instance i-0abc1234def567890"));
    QVERIFY(child<QLabel>(&page, "summaryIamRole")->text().contains(QStringLiteral("S3Access")));
    action(&page, "actionStopInstance")->trigger();
    QTest::mouseClick(child<QPushButton>(openChild<ConfirmActionDialog>(&page, "stopConfirmDialog"), "confirmButton"),
                      Qt::LeftButton);
    QCOMPARE(child<QLabel>(&page, "summaryState")->text(), QStringLiteral("Stopped"));
    QVERIFY(action(&page, "actionStartInstance")->isEnabled());
}

QTEST_MAIN(tst_InstancesPage)
#include "tst_InstancesPage.moc"
