// IAM > Policies > <name>: details, the policy summary and JSON, entities attached
// (Attach / Detach), editing a customer policy into a new default version (undo
// restores the old), Set as default, and the denial path as lab-user.

#include "AccountCommands.h"
#include "AttachEntitiesDialog.h"
#include "EditPolicyDialog.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PageFactory.h"
#include "PolicyDetailPage.h"
#include "PolicyEditor.h"
#include "PolicySummaryModel.h"
#include "WorkspaceDocument.h"

#include <Qsci/qsciscintilla.h>

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kCustomer = QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy");
const char *kV1 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})";
const char *kV2 = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";
const char *kTrustEc2 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

void createCustomerPolicy(WorkspaceDocument &doc)
{
    PolicyDraft draft{QStringLiteral("IAM-User-Policy"), QStringLiteral("/"), QStringLiteral("The lab user's policy"),
                      QString::fromLatin1(kV1), {}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
}

QString label(const QWidget &page, const char *name)
{
    auto *value = page.findChild<QLabel *>(QString::fromLatin1(name));
    return value ? value->text() : QStringLiteral("<missing %1>").arg(QString::fromLatin1(name));
}

QString versionText(const QWidget &page, int row)
{
    return page.findChild<QTableView *>(QStringLiteral("versionsTable"))->model()->index(row, 0).data().toString();
}

void selectRow(QTableView *table, int row)
{
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 1)).center());
}

// Opens Edit, replaces the JSON as a paste would, and clicks Save changes.
EditPolicyDialog *editTo(PolicyDetailPage &page, const QString &json)
{
    auto *edit = page.findChild<QPushButton *>(QStringLiteral("editButton"));
    if (!edit || !edit->isVisible())
        return nullptr;
    edit->click();
    auto *dialog = page.findChild<EditPolicyDialog *>();
    if (!dialog || !dialog->isVisible())
        return nullptr;
    dialog->editor()->textEdit()->selectAll();
    dialog->editor()->textEdit()->replaceSelectedText(json);
    dialog->findChild<QPushButton *>(QStringLiteral("saveChangesButton"))->click();
    return dialog;
}

} // namespace

class tst_PolicyDetailPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void awsManagedPolicyShowsItsSummaryAndJson();
    void entitiesAttachedFollowAttachAndDetach();
    void editCreatesANewDefaultVersionAndUndoRestores();
    void setAsDefault();
    void editIsDeniedToLabUser();
    void leavesWhenThePolicyIsGone();
    void pageFactory();
};

void tst_PolicyDetailPage::awsManagedPolicyShowsItsSummaryAndJson()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    PolicyDetailPage page(doc, navigation, kS3ReadOnly);
    page.show();
    QCOMPARE(page.heading(), QStringLiteral("AmazonS3ReadOnlyAccess"));
    QCOMPARE(page.crumbs().size(), 3);
    QCOMPARE(page.crumbs()[1].text, QStringLiteral("Policies"));
    QCOMPARE(page.crumbs()[2].text, QStringLiteral("AmazonS3ReadOnlyAccess"));
    QCOMPARE(label(page, "typeValue"), QStringLiteral("AWS managed"));
    QCOMPARE(label(page, "arnValue"), kS3ReadOnly);
    QCOMPARE(label(page, "createdValue"), QStringLiteral("February 06, 2015, 18:40 (UTC)"));
    QCOMPARE(label(page, "editedValue"), QStringLiteral("August 10, 2023, 21:31 (UTC)"));
    QCOMPARE(label(page, "descriptionValue"), QStringLiteral("Provides read only access to all buckets via the AWS Management Console."));
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Permissions"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Entities attached"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Policy versions"));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("editButton"))->isVisible());   // AWS's own

    // The summary, as the console shows it.
    auto *summaryView = page.findChild<QTreeView *>(QStringLiteral("summaryView"));
    QVERIFY(summaryView->isVisible());
    auto *summary = qobject_cast<PolicySummaryModel *>(summaryView->model());
    const QModelIndex s3 = summary->findService(QStringLiteral("S3"));
    QVERIFY(s3.isValid());
    QCOMPARE(s3.siblingAtColumn(PolicySummaryModel::AccessLevelColumn).data().toString(), QStringLiteral("Full: List; Limited: Read"));
    QCOMPARE(s3.siblingAtColumn(PolicySummaryModel::ResourceColumn).data().toString(), QStringLiteral("All resources"));
    QCOMPARE(s3.siblingAtColumn(PolicySummaryModel::ConditionColumn).data().toString(), QStringLiteral("None"));
    QVERIFY(summaryView->isExpanded(s3.parent()));

    // JSON: the document, four spaces a level, read-only.
    page.findChild<QToolButton *>(QStringLiteral("jsonButton"))->click();
    auto *json = page.findChild<QPlainTextEdit *>(QStringLiteral("jsonView"));
    QVERIFY(json->isVisible());
    QVERIFY(!summaryView->isVisible());
    QVERIFY(json->isReadOnly());
    QVERIFY2(json->toPlainText().startsWith(QStringLiteral("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [")),
             qPrintable(json->toPlainText()));
    QVERIFY(json->toPlainText().contains(QStringLiteral("\"s3-object-lambda:List*\"")));

    QCOMPARE(versionText(page, 0), QStringLiteral("Version 3 (Default)"));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("setDefaultButton"))->isVisible());
}

void tst_PolicyDetailPage::entitiesAttachedFollowAttachAndDetach()
{
    WorkspaceDocument doc(Catalogs::bundled());
    RoleDraft role;
    role.name = QStringLiteral("S3Access");
    role.trustPolicy = QString::fromLatin1(kTrustEc2);
    QVERIFY(doc.execute(createRoleCommand(doc, role)).ok);
    Navigation navigation;
    PolicyDetailPage page(doc, navigation, kS3ReadOnly);
    page.resize(1000, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(1);
    auto *entities = page.findChild<QTableView *>(QStringLiteral("entitiesTable"));
    QCOMPARE(entities->model()->rowCount(), 0);

    page.findChild<QPushButton *>(QStringLiteral("attachButton"))->click();
    auto *dialog = page.findChild<AttachEntitiesDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    auto *attach = dialog->findChild<QPushButton *>(QStringLiteral("attachPolicyButton"));
    QVERIFY(!attach->isEnabled());   // nothing chosen yet
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("entityList"));
    const QList<QTreeWidgetItem *> found = list->findItems(QStringLiteral("S3Access"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(1), QStringLiteral("Role"));
    found.first()->setCheckState(0, Qt::Checked);
    QVERIFY(attach->isEnabled());
    attach->click();

    QCOMPARE(entities->model()->rowCount(), 1);
    QCOMPARE(entities->model()->index(0, 0).data().toString(), QStringLiteral("S3Access"));
    QCOMPARE(entities->model()->index(0, 1).data().toString(), QStringLiteral("Role"));
    QCOMPARE(entities->model()->index(0, 2).data().toString(), QStringLiteral("Permissions policy"));
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Attach AmazonS3ReadOnlyAccess to S3Access"));

    doc.undoStack()->undo();
    QCOMPARE(entities->model()->rowCount(), 0);
    doc.undoStack()->redo();
    QCOMPARE(entities->model()->rowCount(), 1);

    // The entity's name is a link to its page.
    QSignalSpy requested(&navigation, &Navigation::requested);
    QTest::mouseClick(entities->viewport(), Qt::LeftButton, {}, entities->visualRect(entities->model()->index(0, 0)).center());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().value<ConsoleLocation>(),
             (ConsoleLocation{ConsoleLocation::Page::Role, QStringLiteral("S3Access")}));

    auto *detach = page.findChild<QPushButton *>(QStringLiteral("detachButton"));
    QVERIFY(detach->isEnabled());   // the click selected the row
    entities->clearSelection();
    QVERIFY(!detach->isEnabled());
    selectRow(entities, 0);
    QVERIFY(detach->isEnabled());
    detach->click();
    QCOMPARE(entities->model()->rowCount(), 0);
    QVERIFY(doc.account().findRole("S3Access")->attachedPolicies.empty());
    QVERIFY(!detach->isEnabled());
}

void tst_PolicyDetailPage::editCreatesANewDefaultVersionAndUndoRestores()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    Navigation navigation;
    PolicyDetailPage page(doc, navigation, kCustomer);
    page.show();
    QCOMPARE(label(page, "typeValue"), QStringLiteral("Customer managed"));
    QCOMPARE(label(page, "descriptionValue"), QStringLiteral("The lab user's policy"));
    auto *json = page.findChild<QPlainTextEdit *>(QStringLiteral("jsonView"));
    QVERIFY(!json->toPlainText().contains(QStringLiteral("iam:PassRole")));

    EditPolicyDialog *dialog = editTo(page, QString::fromLatin1(kV2));
    QVERIFY(dialog);
    QTRY_VERIFY(!page.findChild<EditPolicyDialog *>());   // accepted and gone
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Success);
    const iam::ManagedPolicy *policy = doc.account().findPolicy(kCustomer.toStdString());
    QCOMPARE(policy->versions.size(), std::size_t(2));
    QCOMPARE(policy->defaultVersionId, std::string("v2"));
    QCOMPARE(versionText(page, 0), QStringLiteral("Version 2 (Default)"));
    QCOMPARE(versionText(page, 1), QStringLiteral("Version 1"));
    QVERIFY(json->toPlainText().contains(QStringLiteral("\"iam:PassRole\"")));
    auto *summary = qobject_cast<PolicySummaryModel *>(page.findChild<QTreeView *>(QStringLiteral("summaryView"))->model());
    QVERIFY(summary->findService(QStringLiteral("IAM")).isValid());

    doc.undoStack()->undo();
    QCOMPARE(doc.account().findPolicy(kCustomer.toStdString())->defaultVersionId, std::string("v1"));
    QCOMPARE(page.findChild<QTableView *>(QStringLiteral("versionsTable"))->model()->rowCount(), 1);
    QCOMPARE(versionText(page, 0), QStringLiteral("Version 1 (Default)"));
    QVERIFY(!json->toPlainText().contains(QStringLiteral("iam:PassRole")));
    QVERIFY(!summary->findService(QStringLiteral("IAM")).isValid());
}

void tst_PolicyDetailPage::setAsDefault()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    QVERIFY(doc.execute(createPolicyVersionCommand(doc, kCustomer, QString::fromLatin1(kV2))).ok);
    Navigation navigation;
    PolicyDetailPage page(doc, navigation, kCustomer);
    page.resize(1000, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.findChild<QTabWidget *>(QStringLiteral("tabs"))->setCurrentIndex(2);
    auto *versions = page.findChild<QTableView *>(QStringLiteral("versionsTable"));
    auto *setDefault = page.findChild<QPushButton *>(QStringLiteral("setDefaultButton"));
    QVERIFY(setDefault->isVisible());
    selectRow(versions, 0);
    QVERIFY(!setDefault->isEnabled());   // already the default
    selectRow(versions, 1);
    QVERIFY(setDefault->isEnabled());
    setDefault->click();
    QCOMPARE(doc.account().findPolicy(kCustomer.toStdString())->defaultVersionId, std::string("v1"));
    QCOMPARE(versionText(page, 1), QStringLiteral("Version 1 (Default)"));
    QVERIFY(!setDefault->isEnabled());
    QVERIFY(!page.findChild<QPlainTextEdit *>(QStringLiteral("jsonView"))->toPlainText().contains(QStringLiteral("iam:PassRole")));
}

void tst_PolicyDetailPage::editIsDeniedToLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    Navigation navigation;
    PolicyDetailPage page(doc, navigation, kCustomer);
    page.show();
    const int steps = doc.undoStack()->count();
    EditPolicyDialog *dialog = editTo(page, QString::fromLatin1(kV2));
    QVERIFY(dialog);
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY2(page.messageBar()->text().contains(
                 QStringLiteral("User: arn:aws:iam::111122223333:user/lab-user is not authorized to perform: "
                                "iam:CreatePolicyVersion")),
             qPrintable(page.messageBar()->text()));
    // The dialog stays open with the same text, so the edit is not lost.
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<MessageBar *>(QStringLiteral("dialogMessageBar"))->text(), page.messageBar()->text());
    const iam::ManagedPolicy *policy = doc.account().findPolicy(kCustomer.toStdString());
    QCOMPARE(policy->versions.size(), std::size_t(1));
    QCOMPARE(doc.undoStack()->count(), steps);
    QCOMPARE(versionText(page, 0), QStringLiteral("Version 1 (Default)"));
    dialog->reject();
}

void tst_PolicyDetailPage::leavesWhenThePolicyIsGone()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    Navigation navigation;
    PolicyDetailPage page(doc, navigation, kCustomer);
    QSignalSpy requested(&navigation, &Navigation::requested);
    doc.undoStack()->undo();   // the policy's creation
    QTRY_COMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().value<ConsoleLocation>().page, ConsoleLocation::Page::Policies);
}

void tst_PolicyDetailPage::pageFactory()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    std::unique_ptr<ConsolePage> page(createPage({ConsoleLocation::Page::Policy, kS3ReadOnly}, doc, navigation, nullptr));
    QVERIFY(qobject_cast<PolicyDetailPage *>(page.get()));
    QVERIFY(!createPage({ConsoleLocation::Page::Policy, QStringLiteral("arn:aws:iam::aws:policy/NoSuchPolicy")}, doc,
                        navigation, nullptr));
}

QTEST_MAIN(tst_PolicyDetailPage)
#include "tst_PolicyDetailPage.moc"
