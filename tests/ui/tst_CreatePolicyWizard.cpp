#include "CreatePolicyWizard.h"

#include "AccountCommands.h"
#include "Catalogs.h"
#include "MessageBar.h"
#include "PolicyEditor.h"
#include "PolicyFindingsModel.h"
#include "PolicySummaryModel.h"
#include "WorkspaceDocument.h"

#include <Qsci/qsciscintilla.h>

#include <QAbstractButton>
#include <QCheckBox>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <nlohmann/json.hpp>

namespace {

// DESIGN.md, "The PassRole walkthrough": the IAM user's policy.
const char *const kUserPolicy = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
               {"Effect": "Allow", "Action": "iam:PassRole",
                "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";

const char *const kPolicyArn = "arn:aws:iam::111122223333:policy/IAM-User-Policy";

} // namespace

class tst_CreatePolicyWizard : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void walkthroughCreatesTheUserPolicy();
    void invalidJsonKeepsNextDisabled();
    void badNameDisablesCreate();
    void visualEditorWritesListBucketOnOneBucket();
    void switchingWithoutEditsKeepsTheText();
    void policyTheVisualEditorCannotShowStaysInJson();
    void deniedCreateShowsAwsTextAndCreatesNothing();
    void undoAndRedoTheCreate();
    void cancelLeavesNoTrace();

private:
    // Step 1 as a learner does it: JSON, paste the policy over the skeleton.
    static void pastePolicy(CreatePolicyWizard &wizard, const QString &json);
    static void nameAndCreate(CreatePolicyWizard &wizard, const QString &name);
    static QsciScintilla *jsonEdit(CreatePolicyWizard &wizard)
    {
        return wizard.findChild<QsciScintilla *>(QStringLiteral("jsonEdit"));
    }
    static QAbstractButton *next(CreatePolicyWizard &wizard) { return wizard.button(QWizard::NextButton); }
    static QAbstractButton *create(CreatePolicyWizard &wizard) { return wizard.button(QWizard::FinishButton); }
};

void tst_CreatePolicyWizard::cleanup()
{
    QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty());
}

void tst_CreatePolicyWizard::pastePolicy(CreatePolicyWizard &wizard, const QString &json)
{
    wizard.findChild<QPushButton *>(QStringLiteral("jsonButton"))->click();
    QsciScintilla *edit = jsonEdit(wizard);
    QVERIFY(edit->isVisible());
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QApplication::clipboard()->setText(json);
    QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(edit->text(), json);
    // The findings follow after the editor's pause.
    QTRY_VERIFY(!wizard.findChild<PolicyEditor *>()->isValidationPending());
}

void tst_CreatePolicyWizard::nameAndCreate(CreatePolicyWizard &wizard, const QString &name)
{
    QCOMPARE(wizard.currentId(), int(CreatePolicyWizard::ReviewPageId));
    auto *nameEdit = wizard.findChild<QLineEdit *>(QStringLiteral("policyNameEdit"));
    QVERIFY(nameEdit);
    QTest::keyClicks(nameEdit, name);
    QVERIFY(create(wizard)->isEnabled());
    create(wizard)->click();
}

void tst_CreatePolicyWizard::walkthroughCreatesTheUserPolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePolicyWizard wizard(doc);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.windowTitle(), QStringLiteral("Create policy"));
    QCOMPARE(create(wizard)->text(), QStringLiteral("Create policy"));

    // Step 1: Specify permissions, JSON.
    pastePolicy(wizard, QString::fromUtf8(kUserPolicy));
    QTRY_VERIFY(next(wizard)->isEnabled());
    QCOMPARE(wizard.findChild<PolicyEditor *>()->findingsModel()->rowCount(), 0);
    next(wizard)->click();

    // Step 2: Review and create: a tag, the name, Create policy.
    QCOMPARE(wizard.currentId(), int(CreatePolicyWizard::ReviewPageId));
    QVERIFY(!create(wizard)->isEnabled());   // the name is required
    wizard.findChild<QPushButton *>(QStringLiteral("addTagButton"))->click();
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("tagKeyEdit")), QStringLiteral("Project"));
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("tagValueEdit")), QStringLiteral("PassRole lab"));
    QTest::keyClicks(wizard.findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit")),
                     QStringLiteral("Lets lab-user run EC2 and pass S3Access"));
    // The summary names both services.
    auto *summary = qobject_cast<PolicySummaryModel *>(
        wizard.findChild<QTreeView *>(QStringLiteral("permissionsSummary"))->model());
    QVERIFY(summary);
    QVERIFY(summary->findService(QStringLiteral("EC2")).isValid());
    QVERIFY(summary->findService(QStringLiteral("IAM")).isValid());
    nameAndCreate(wizard, QStringLiteral("IAM-User-Policy"));

    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    const iam::ManagedPolicy *policy = doc.account().findPolicy(kPolicyArn);
    QVERIFY(policy);
    QCOMPARE(QString::fromStdString(policy->description), QStringLiteral("Lets lab-user run EC2 and pass S3Access"));
    QCOMPARE(policy->tags.size(), std::size_t(1));
    QCOMPARE(policy->tags.front().key, std::string("Project"));
    QCOMPARE(policy->tags.front().value, std::string("PassRole lab"));
    const auto document = doc.account().managedPolicyDocument(kPolicyArn);
    QVERIFY(document);
    QVERIFY(nlohmann::json::parse(*document) == nlohmann::json::parse(kUserPolicy));

    // Step 4 of the walkthrough: attach it to lab-user.
    const CommandOutcome attached = doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"),
                                                                    QString::fromLatin1(kPolicyArn)));
    QVERIFY2(attached.ok, qPrintable(attached.message));
    const iam::User *labUser = doc.account().findUser("lab-user");
    QVERIFY(labUser);
    QCOMPARE(labUser->attachedPolicies, std::vector<std::string>{kPolicyArn});
}

void tst_CreatePolicyWizard::invalidJsonKeepsNextDisabled()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePolicyWizard wizard(doc);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // The console's skeleton is valid (an empty statement is only a suggestion).
    QVERIFY(next(wizard)->isEnabled());
    pastePolicy(wizard, QStringLiteral("{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\" \"Action\": \"s3:*\"}]}"));
    QTRY_VERIFY(!next(wizard)->isEnabled());
    // Still disabled after the findings settle, and the error is listed.
    QTest::qWait(PolicyEditor::kDebounceMs * 2);
    QVERIFY(!next(wizard)->isEnabled());
    QVERIFY(wizard.findChild<PolicyEditor *>()->findingsModel()->hasErrors());
    // Next cannot be forced either (Enter, a stale click): the page re-validates.
    QVERIFY(!wizard.validateCurrentPage());
    QCOMPARE(wizard.currentId(), int(CreatePolicyWizard::SpecifyPermissionsPageId));
    // Fix it: Next comes back.
    pastePolicy(wizard, QString::fromUtf8(kUserPolicy));
    QTRY_VERIFY(next(wizard)->isEnabled());
}

void tst_CreatePolicyWizard::badNameDisablesCreate()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePolicyWizard wizard(doc);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    pastePolicy(wizard, QString::fromUtf8(kUserPolicy));
    QTRY_VERIFY(next(wizard)->isEnabled());
    next(wizard)->click();
    auto *nameEdit = wizard.findChild<QLineEdit *>(QStringLiteral("policyNameEdit"));
    auto *message = wizard.findChild<QLabel *>(QStringLiteral("policyNameMessage"));
    QVERIFY(message->isHidden());
    QTest::keyClicks(nameEdit, QStringLiteral("IAM User Policy!"));
    QVERIFY(!create(wizard)->isEnabled());
    QVERIFY(!message->isHidden());
    QCOMPARE(message->text(), QStringLiteral("Use alphanumeric and '+=,.@-_' characters. Maximum 128 characters."));
    nameEdit->clear();
    QTest::keyClicks(nameEdit, QString(129, QLatin1Char('p')));
    QVERIFY(!create(wizard)->isEnabled());
    QVERIFY(!message->isHidden());
    nameEdit->clear();
    QTest::keyClicks(nameEdit, QStringLiteral("IAM-User-Policy"));
    QVERIFY(create(wizard)->isEnabled());
    QVERIFY(message->isHidden());
    // A tag without a key blocks Create too.
    wizard.findChild<QPushButton *>(QStringLiteral("addTagButton"))->click();
    QVERIFY(!create(wizard)->isEnabled());
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("tagKeyEdit")), QStringLiteral("Project"));
    QVERIFY(create(wizard)->isEnabled());
    wizard.reject();
}

void tst_CreatePolicyWizard::visualEditorWritesListBucketOnOneBucket()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePolicyWizard wizard(doc);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // The visual editor comes first, as in the console.
    QVERIFY(wizard.findChild<QPushButton *>(QStringLiteral("visualButton"))->isChecked());

    // Service: search, pick S3.
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("serviceSearch")), QStringLiteral("s3"));
    auto *services = wizard.findChild<QListWidget *>(QStringLiteral("serviceList"));
    QListWidgetItem *s3 = nullptr;
    for (int row = 0; row < services->count(); ++row)
        if (services->item(row)->data(Qt::UserRole).toString() == QLatin1String("s3"))
            s3 = services->item(row);
    QVERIFY(s3);
    QVERIFY(!s3->isHidden());
    services->scrollToItem(s3);
    QTest::mouseClick(services->viewport(), Qt::LeftButton, {}, services->visualItemRect(s3).center());

    // Actions: "List" group, ListBucket.
    auto *all = wizard.findChild<QCheckBox *>(QStringLiteral("allActionsCheck"));
    QCOMPARE(all->text(), QStringLiteral("All S3 actions (s3:*)"));
    auto *tree = wizard.findChild<QTreeWidget *>(QStringLiteral("actionTree"));
    QVERIFY(tree->isVisible());
    QCOMPARE(tree->topLevelItem(0)->data(0, Qt::UserRole).toString(), QStringLiteral("List"));
    const QList<QTreeWidgetItem *> found = tree->findItems(QStringLiteral("ListBucket"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->parent(), tree->topLevelItem(0));
    found.first()->setCheckState(0, Qt::Checked);
    QCOMPARE(tree->topLevelItem(0)->checkState(0), Qt::PartiallyChecked);

    // Resources: Specific, the bucket's ARN from its format.
    wizard.findChild<QRadioButton *>(QStringLiteral("specificResourcesRadio"))->click();
    QWidget *bucket = wizard.findChild<QWidget *>(QStringLiteral("arnBuilder_bucket"));
    QVERIFY(bucket);
    QVERIFY(!wizard.findChild<QWidget *>(QStringLiteral("arnBuilder_object")));   // ListBucket takes buckets only
    auto *add = bucket->findChild<QPushButton *>(QStringLiteral("addArnButton"));
    QVERIFY(!add->isEnabled());
    QTest::keyClicks(bucket->findChild<QLineEdit *>(QStringLiteral("arnField_BucketName")),
                     QStringLiteral("lab-bucket-111122223333"));
    QCOMPARE(bucket->findChild<QLabel *>(QStringLiteral("arnPreview"))->text(),
             QStringLiteral("arn:aws:s3:::lab-bucket-111122223333"));
    add->click();

    wizard.findChild<QPushButton *>(QStringLiteral("jsonButton"))->click();
    const QString expected = QStringLiteral(
        "{\n"
        "    \"Version\": \"2012-10-17\",\n"
        "    \"Statement\": [\n"
        "        {\n"
        "            \"Sid\": \"Statement1\",\n"
        "            \"Effect\": \"Allow\",\n"
        "            \"Action\": \"s3:ListBucket\",\n"
        "            \"Resource\": \"arn:aws:s3:::lab-bucket-111122223333\"\n"
        "        }\n"
        "    ]\n"
        "}");
    QCOMPARE(jsonEdit(wizard)->text(), expected);
    QVERIFY(next(wizard)->isEnabled());
    next(wizard)->click();
    nameAndCreate(wizard, QStringLiteral("ListLabBucket"));
    QTRY_VERIFY(!wizard.isVisible());
    const auto document = doc.account().managedPolicyDocument("arn:aws:iam::111122223333:policy/ListLabBucket");
    QVERIFY(document);
    QCOMPARE(QString::fromStdString(*document), expected);
}

void tst_CreatePolicyWizard::switchingWithoutEditsKeepsTheText()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePolicyWizard wizard(doc);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // Written by hand, compact: the visual editor can show it, and must not rewrite it.
    const QString handWritten = QString::fromUtf8(kUserPolicy);
    pastePolicy(wizard, handWritten);
    auto *visual = wizard.findChild<QPushButton *>(QStringLiteral("visualButton"));
    auto *json = wizard.findChild<QPushButton *>(QStringLiteral("jsonButton"));
    auto *stack = wizard.findChild<QStackedWidget *>(QStringLiteral("editorStack"));
    visual->click();
    QCOMPARE(stack->currentIndex(), 0);
    QCOMPARE(wizard.findChildren<QObject *>(QStringLiteral("statementEditor")).size(), 2);
    json->click();
    QCOMPARE(jsonEdit(wizard)->text(), handWritten);
    visual->click();
    json->click();
    QCOMPARE(jsonEdit(wizard)->text(), handWritten);
    // An edit in the visual editor does rewrite it: Deny on the first statement.
    visual->click();
    wizard.findChild<QRadioButton *>(QStringLiteral("denyRadio"))->click();
    json->click();
    QVERIFY(jsonEdit(wizard)->text() != handWritten);
    QVERIFY(jsonEdit(wizard)->text().contains(QStringLiteral("\"Effect\": \"Deny\"")));
    QVERIFY(jsonEdit(wizard)->text().contains(QStringLiteral("\"Resource\": \"arn:aws:iam::111122223333:role/S3Access\"")));
}

void tst_CreatePolicyWizard::policyTheVisualEditorCannotShowStaysInJson()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePolicyWizard wizard(doc);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const QString notAction = QStringLiteral(
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}]}");
    pastePolicy(wizard, notAction);
    wizard.findChild<QPushButton *>(QStringLiteral("visualButton"))->click();
    auto *message = wizard.findChild<MessageBar *>(QStringLiteral("editorMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("NotAction")), qPrintable(message->text()));
    QVERIFY(wizard.findChild<QPushButton *>(QStringLiteral("jsonButton"))->isChecked());
    QCOMPARE(wizard.findChild<QStackedWidget *>(QStringLiteral("editorStack"))->currentIndex(), 1);
    QCOMPARE(jsonEdit(wizard)->text(), notAction);
    // Malformed JSON: the same, nothing lost.
    pastePolicy(wizard, QStringLiteral("{\"Version\": "));
    wizard.findChild<QPushButton *>(QStringLiteral("visualButton"))->click();
    QVERIFY(message->isVisible());
    QCOMPARE(jsonEdit(wizard)->text(), QStringLiteral("{\"Version\": "));
}

void tst_CreatePolicyWizard::deniedCreateShowsAwsTextAndCreatesNothing()
{
    WorkspaceDocument doc(Catalogs::bundled());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const int stackBefore = doc.undoStack()->count();
    CreatePolicyWizard wizard(doc);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    pastePolicy(wizard, QString::fromUtf8(kUserPolicy));
    QTRY_VERIFY(next(wizard)->isEnabled());
    next(wizard)->click();
    nameAndCreate(wizard, QStringLiteral("IAM-User-Policy"));

    // Still open, on the review page, with AWS's words.
    QVERIFY(wizard.isVisible());
    QCOMPARE(wizard.currentId(), int(CreatePolicyWizard::ReviewPageId));
    auto *bar = wizard.findChild<MessageBar *>(QStringLiteral("messageBar"));
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY2(bar->text().startsWith(QStringLiteral(
                 "User: arn:aws:iam::111122223333:user/lab-user is not authorized to perform: iam:CreatePolicy")),
             qPrintable(bar->text()));
    QVERIFY(doc.account().policies().empty());
    QCOMPARE(doc.undoStack()->count(), stackBefore);
    wizard.reject();
}

void tst_CreatePolicyWizard::undoAndRedoTheCreate()
{
    WorkspaceDocument doc(Catalogs::bundled());
    {
        CreatePolicyWizard wizard(doc);
        wizard.show();
        pastePolicy(wizard, QString::fromUtf8(kUserPolicy));
        QTRY_VERIFY(next(wizard)->isEnabled());
        next(wizard)->click();
        nameAndCreate(wizard, QStringLiteral("IAM-User-Policy"));
        QTRY_VERIFY(!wizard.isVisible());
    }
    QVERIFY(doc.account().findPolicy(kPolicyArn));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Create policy IAM-User-Policy"));
    doc.undoStack()->undo();
    QVERIFY(!doc.account().findPolicy(kPolicyArn));
    QVERIFY(doc.account().policies().empty());
    doc.undoStack()->redo();
    QVERIFY(doc.account().findPolicy(kPolicyArn));
    QVERIFY(nlohmann::json::parse(*doc.account().managedPolicyDocument(kPolicyArn)) == nlohmann::json::parse(kUserPolicy));
}

void tst_CreatePolicyWizard::cancelLeavesNoTrace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const std::size_t events = doc.account().eventLog().events().size();
    CreatePolicyWizard wizard(doc);
    wizard.show();
    pastePolicy(wizard, QString::fromUtf8(kUserPolicy));
    QTRY_VERIFY(next(wizard)->isEnabled());
    next(wizard)->click();
    QTest::keyClicks(wizard.findChild<QLineEdit *>(QStringLiteral("policyNameEdit")), QStringLiteral("IAM-User-Policy"));
    wizard.button(QWizard::CancelButton)->click();
    QVERIFY(!wizard.isVisible());
    QVERIFY(doc.account().policies().empty());
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(doc.account().eventLog().events().size(), events);
}

QTEST_MAIN(tst_CreatePolicyWizard)
#include "tst_CreatePolicyWizard.moc"
