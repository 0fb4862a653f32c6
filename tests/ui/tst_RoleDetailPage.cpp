// IAM > Roles > S3Access driven as a learner would: the summary, Add permissions
// (AmazonS3ReadOnlyAccess), Remove, Create inline policy, the permissions
// boundary, Edit trust policy round trip; each checked on the account after the
// command, its undo and its redo; and the denial path signed in as lab-user.

#include "AccountCommands.h"
#include "AddPermissionsDialog.h"
#include "EditTrustPolicyDialog.h"
#include "InlinePolicyDialog.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PermissionsBoundaryDialog.h"
#include "PolicyPicker.h"
#include "PolicyPickerModel.h"
#include "PolicyTextField.h"
#include "PrincipalPoliciesModel.h"
#include "RoleDetailPage.h"
#include "WorkspaceDocument.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kEc2Trust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
const QString kAccountTrust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}]})");

void createRole(WorkspaceDocument &doc, const QStringList &policies = {})
{
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.description = QStringLiteral("Allows EC2 instances to call AWS services on your behalf.");
    draft.trustPolicy = kEc2Trust;
    draft.policyArns = policies;
    draft.createInstanceProfile = true;
    draft.tags = {{QStringLiteral("team"), QStringLiteral("data")}};
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
}

const iam::Role &role(const WorkspaceDocument &doc)
{
    return *doc.account().findRole("S3Access");
}

template <typename T>
T *child(const QObject &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s", name);
    return found;
}

// Checks `arn` in a policy picker the way a keyboard user does: search, then Space.
void checkPolicy(QWidget &dialog, const QString &arn)
{
    auto *search = child<QLineEdit>(dialog, "policySearchEdit");
    auto *table = child<QTableView>(dialog, "policyTable");
    QVERIFY(search && table);
    QTest::keyClicks(search, arn.section(QLatin1Char('/'), -1));
    int row = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(EntityListModel::KeyRole).toString() == arn)
            row = r;
    }
    QVERIFY(row >= 0);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, 0));
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(table->model()->index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void addPermissionsThroughTheDialog(RoleDetailPage &page, const QString &arn)
{
    child<QPushButton>(page, "addPermissionsButton")->click();
    auto *dialog = page.findChild<AddPermissionsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *add = child<QPushButton>(*dialog, "addPermissionsButton");
    QVERIFY(!add->isEnabled());
    checkPolicy(*dialog, arn);
    QVERIFY(add->isEnabled());
    add->click();
    QTRY_VERIFY(!page.findChild<AddPermissionsDialog *>());
}

void selectRow(QTableView *table, int row)
{
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, 1));
    table->selectRow(row);
}

} // namespace

class tst_RoleDetailPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void summaryAndCrumbs();
    void lastActivityFollowsTheSessions();
    void addPermissionsAttachesAndUndoes();
    void removeDetachesAndUndoes();
    void deniedForLabUserChangesNothing();
    void createInlinePolicy();
    void malformedInlinePolicyStaysInTheDialog();
    void permissionsBoundary();
    void editTrustPolicyRoundTrip();
    void invalidTrustPolicyStaysInTheDialog();
    void deleteIsRefusedWhileHeld();
    void tagsTab();
};

void tst_RoleDetailPage::summaryAndCrumbs()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    QVERIFY(RoleDetailPage::exists(doc, QStringLiteral("S3Access")));
    QVERIFY(!RoleDetailPage::exists(doc, QStringLiteral("Nope")));
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    QCOMPARE(page.heading(), QStringLiteral("S3Access"));
    QCOMPARE(child<QLabel>(page, "summaryArn")->text(), QStringLiteral("arn:aws:iam::111122223333:role/S3Access"));
    QCOMPARE(child<QLabel>(page, "summaryInstanceProfileArn")->text(),
             QStringLiteral("arn:aws:iam::111122223333:instance-profile/S3Access"));
    QCOMPARE(child<QLabel>(page, "summaryMaxSession")->text(), QStringLiteral("1 hour"));
    QCOMPARE(child<QLabel>(page, "summaryCreationDate")->text(), QStringLiteral("May 01, 2024, 09:00 (UTC)"));
    QCOMPARE(child<QLabel>(page, "summaryLastActivity")->text(), QStringLiteral("None"));
    QCOMPARE(child<QLabel>(page, "summaryDescription")->text(),
             QStringLiteral("Allows EC2 instances to call AWS services on your behalf."));
    auto *tabs = child<QTabWidget>(page, "tabs");
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Permissions"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Trust relationships"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Tags"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Access decisions"));

    const QList<Crumb> crumbs = page.crumbs();
    QCOMPARE(crumbs.size(), 3);
    QCOMPARE(crumbs[1].text, QStringLiteral("Roles"));
    QCOMPARE(crumbs[1].location.page, ConsoleLocation::Page::Roles);
    QCOMPARE(crumbs[2].text, QStringLiteral("S3Access"));

    // Undoing the role's creation empties the instance profile line, not the page.
    QVERIFY(doc.call("iam", "RemoveRoleFromInstanceProfile", {{"RoleName", "S3Access"}, {"InstanceProfileName", "S3Access"}}).ok());
    QCOMPARE(child<QLabel>(page, "summaryInstanceProfileArn")->text(), QStringLiteral("-"));
}

void tst_RoleDetailPage::lastActivityFollowsTheSessions()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, {kS3ReadOnly});
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    QVERIFY(doc.api().call(iam::CallerIdentity::instance("S3Access", "i-0abc1234def567890"), "s3", "ListBuckets").ok());
    QCOMPARE(child<QLabel>(page, "summaryLastActivity")->text(), QStringLiteral("Now"));
}

void tst_RoleDetailPage::addPermissionsAttachesAndUndoes()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    auto *table = child<QTableView>(page, "policiesTable");
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(child<QLabel>(page, "policiesHeading")->text(), QStringLiteral("Permissions policies (0)"));

    addPermissionsThroughTheDialog(page, kS3ReadOnly);
    QCOMPARE(role(doc).attachedPolicies, std::vector<std::string>{kS3ReadOnly.toStdString()});
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Policy was successfully attached to role."));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("AmazonS3ReadOnlyAccess"));
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("AWS managed"));
    QCOMPARE(child<QLabel>(page, "policiesHeading")->text(), QStringLiteral("Permissions policies (1)"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Attach AmazonS3ReadOnlyAccess to S3Access"));

    doc.undoStack()->undo();
    QVERIFY(role(doc).attachedPolicies.empty());
    QCOMPARE(table->model()->rowCount(), 0);
    doc.undoStack()->redo();
    QCOMPARE(role(doc).attachedPolicies.size(), std::size_t(1));
    QCOMPARE(table->model()->rowCount(), 1);

    // Already attached: greyed in the next Add permissions.
    child<QPushButton>(page, "addPermissionsButton")->click();
    auto *dialog = page.findChild<AddPermissionsDialog *>();
    QVERIFY(dialog);
    const int row = dialog->picker()->model()->rowOf(kS3ReadOnly);
    QVERIFY(!(dialog->picker()->model()->flags(dialog->picker()->model()->index(row, 0)) & Qt::ItemIsUserCheckable));
    dialog->reject();
    QTRY_VERIFY(!page.findChild<AddPermissionsDialog *>());
}

void tst_RoleDetailPage::removeDetachesAndUndoes()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, {kS3ReadOnly});
    QVERIFY(doc.execute(putInlinePolicyCommand(doc, PrincipalKind::Role, QStringLiteral("S3Access"), QStringLiteral("Extra"),
        QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]})"))).ok);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    auto *table = child<QTableView>(page, "policiesTable");
    auto *remove = child<QPushButton>(page, "removePolicyButton");
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(!remove->isEnabled());

    selectRow(table, 0);
    QVERIFY(remove->isEnabled());
    remove->click();
    QVERIFY(role(doc).attachedPolicies.empty());
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Policy was successfully removed from role."));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Detach AmazonS3ReadOnlyAccess from S3Access"));

    // The inline one is deleted, not detached.
    selectRow(table, 0);
    remove->click();
    QVERIFY(role(doc).inlinePolicies.empty());
    QCOMPARE(table->model()->rowCount(), 0);

    doc.undoStack()->undo();
    QCOMPARE(role(doc).inlinePolicies.size(), std::size_t(1));
    doc.undoStack()->undo();
    QCOMPARE(role(doc).attachedPolicies.size(), std::size_t(1));
    QCOMPARE(table->model()->rowCount(), 2);
    doc.undoStack()->redo();
    QVERIFY(role(doc).attachedPolicies.empty());
}

void tst_RoleDetailPage::deniedForLabUserChangesNothing()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const int steps = doc.undoStack()->count();
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    addPermissionsThroughTheDialog(page, kS3ReadOnly);
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(page.messageBar()->isVisible());
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Failed to attach policy"));
    QVERIFY2(page.messageBar()->text().startsWith(QStringLiteral(
                 "User: arn:aws:iam::111122223333:user/lab-user is not authorized to perform: iam:AttachRolePolicy")),
             qPrintable(page.messageBar()->text()));
    QVERIFY(role(doc).attachedPolicies.empty());
    QCOMPARE(child<QTableView>(page, "policiesTable")->model()->rowCount(), 0);
    QCOMPARE(doc.undoStack()->count(), steps);
}

void tst_RoleDetailPage::createInlinePolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    child<QPushButton>(page, "createInlinePolicyButton")->click();
    auto *dialog = page.findChild<InlinePolicyDialog *>();
    QVERIFY(dialog);
    auto *create = child<QPushButton>(*dialog, "createPolicyButton");
    QVERIFY(!create->isEnabled());   // no name yet
    QTest::keyClicks(child<QLineEdit>(*dialog, "policyNameEdit"), QStringLiteral("ListBuckets"));
    QWidget *editor = child<PolicyTextField>(*dialog, "policyDocumentEdit")->editorWidget();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]})"));
    QVERIFY(create->isEnabled());
    create->click();
    QTRY_VERIFY(!page.findChild<InlinePolicyDialog *>());
    QCOMPARE(role(doc).inlinePolicies.size(), std::size_t(1));
    QCOMPARE(role(doc).inlinePolicies.front().name, std::string("ListBuckets"));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Policy ListBuckets was successfully created."));
    auto *table = child<QTableView>(page, "policiesTable");
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("Customer inline"));
    doc.undoStack()->undo();
    QVERIFY(role(doc).inlinePolicies.empty());
    doc.undoStack()->redo();
    QCOMPARE(role(doc).inlinePolicies.size(), std::size_t(1));
}

void tst_RoleDetailPage::malformedInlinePolicyStaysInTheDialog()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    child<QPushButton>(page, "createInlinePolicyButton")->click();
    auto *dialog = page.findChild<InlinePolicyDialog *>();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(*dialog, "policyNameEdit"), QStringLiteral("Broken"));
    QWidget *editor = child<PolicyTextField>(*dialog, "policyDocumentEdit")->editorWidget();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",)"));
    child<QPushButton>(*dialog, "createPolicyButton")->click();
    QVERIFY(dialog->isVisible());
    auto *flash = child<MessageBar>(*dialog, "dialogMessageBar");
    QCOMPARE(flash->kind(), MessageBar::Kind::Error);
    QVERIFY(flash->isVisible());
    QVERIFY(!flash->text().isEmpty());
    QVERIFY(!page.messageBar()->isVisible());
    QVERIFY(role(doc).inlinePolicies.empty());
    dialog->reject();
}

void tst_RoleDetailPage::permissionsBoundary()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    auto *box = child<QGroupBox>(page, "boundaryBox");
    auto *remove = child<QPushButton>(page, "removeBoundaryButton");
    QCOMPARE(box->title(), QStringLiteral("Permissions boundary (not set)"));
    QVERIFY(remove->isHidden());

    child<QPushButton>(page, "setBoundaryButton")->click();
    auto *dialog = page.findChild<PermissionsBoundaryDialog *>();
    QVERIFY(dialog);
    auto *set = child<QPushButton>(*dialog, "setBoundaryButton");
    QVERIFY(!set->isEnabled());
    checkPolicy(*dialog, kS3ReadOnly);
    QVERIFY(set->isEnabled());
    set->click();
    QTRY_VERIFY(!page.findChild<PermissionsBoundaryDialog *>());
    QCOMPARE(role(doc).permissionsBoundary, kS3ReadOnly.toStdString());
    QCOMPARE(box->title(), QStringLiteral("Permissions boundary (set)"));
    QVERIFY(child<QLabel>(page, "boundaryLabel")->text().contains(QStringLiteral("AmazonS3ReadOnlyAccess")));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Permissions boundary was successfully set."));

    QVERIFY(!remove->isHidden());
    remove->click();
    QVERIFY(role(doc).permissionsBoundary.empty());
    QCOMPARE(box->title(), QStringLiteral("Permissions boundary (not set)"));
    doc.undoStack()->undo();
    QCOMPARE(role(doc).permissionsBoundary, kS3ReadOnly.toStdString());
    QCOMPARE(box->title(), QStringLiteral("Permissions boundary (set)"));
    doc.undoStack()->undo();
    QVERIFY(role(doc).permissionsBoundary.empty());
    doc.undoStack()->redo();
    QCOMPARE(role(doc).permissionsBoundary, kS3ReadOnly.toStdString());
}

void tst_RoleDetailPage::editTrustPolicyRoundTrip()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    child<QTabWidget>(page, "tabs")->setCurrentIndex(1);
    auto *view = child<PolicyTextField>(page, "trustPolicyView");
    QVERIFY(view->isReadOnly());
    QVERIFY(view->text().startsWith(QStringLiteral("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [")));

    child<QPushButton>(page, "editTrustPolicyButton")->click();
    auto *dialog = page.findChild<EditTrustPolicyDialog *>();
    QVERIFY(dialog);
    auto *edit = child<PolicyTextField>(*dialog, "trustPolicyEdit");
    QCOMPARE(edit->text(), view->text());
    QWidget *editor = edit->editorWidget();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, kAccountTrust);
    child<QPushButton>(*dialog, "updatePolicyButton")->click();
    QTRY_VERIFY(!page.findChild<EditTrustPolicyDialog *>());

    QCOMPARE(QString::fromStdString(role(doc).trustPolicy), kAccountTrust);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Trust policy updated."));
    QVERIFY(view->text().contains(QStringLiteral("\"AWS\": \"arn:aws:iam::111122223333:root\"")));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Edit trust policy of S3Access"));
    doc.undoStack()->undo();
    QCOMPARE(QString::fromStdString(role(doc).trustPolicy), kEc2Trust);
    QVERIFY(view->text().contains(QStringLiteral("ec2.amazonaws.com")));
    doc.undoStack()->redo();
    QCOMPARE(QString::fromStdString(role(doc).trustPolicy), kAccountTrust);
}

void tst_RoleDetailPage::invalidTrustPolicyStaysInTheDialog()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    const int steps = doc.undoStack()->count();
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    child<QPushButton>(page, "editTrustPolicyButton")->click();
    auto *dialog = page.findChild<EditTrustPolicyDialog *>();
    QVERIFY(dialog);
    QWidget *editor = child<PolicyTextField>(*dialog, "trustPolicyEdit")->editorWidget();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral(R"({"Version": "2012-10-17", "Statement": [)"));
    child<QPushButton>(*dialog, "updatePolicyButton")->click();
    QVERIFY(dialog->isVisible());
    auto *flash = child<MessageBar>(*dialog, "dialogMessageBar");
    QCOMPARE(flash->kind(), MessageBar::Kind::Error);
    QCOMPARE(flash->title(), QStringLiteral("Failed to update trust policy"));
    QVERIFY(!flash->text().isEmpty());
    QVERIFY(!page.messageBar()->isVisible());
    QCOMPARE(QString::fromStdString(role(doc).trustPolicy), kEc2Trust);
    QCOMPARE(doc.undoStack()->count(), steps);
    dialog->reject();
}

void tst_RoleDetailPage::deleteIsRefusedWhileHeld()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    child<QPushButton>(page, "deleteRoleButton")->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QCOMPARE(page.messageBar()->text(), QStringLiteral("Cannot delete entity, must remove roles from instance profile first."));
    QVERIFY(doc.account().findRole("S3Access"));
}

void tst_RoleDetailPage::tagsTab()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    Navigation nav;
    RoleDetailPage page(doc, nav, QStringLiteral("S3Access"));
    page.show();
    auto *tags = child<QTableView>(page, "tagsTable");
    QCOMPARE(tags->model()->rowCount(), 1);
    QCOMPARE(tags->model()->index(0, 0).data().toString(), QStringLiteral("team"));
    QCOMPARE(tags->model()->index(0, 1).data().toString(), QStringLiteral("data"));
}

QTEST_MAIN(tst_RoleDetailPage)
#include "tst_RoleDetailPage.moc"
