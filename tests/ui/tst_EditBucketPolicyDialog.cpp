// "Edit bucket policy" driven with the keyboard: the bucket's ARN shown, findings of
// a resource policy as you type (no Principal is an error, and Save waits), a save
// that is PutBucketPolicy as the signed-in caller (undoable), and lab-user's denial
// kept in the dialog with nothing changed.

#include "EditBucketPolicyDialog.h"
#include "MessageBar.h"
#include "PolicyEditor.h"
#include "PolicyFindingsModel.h"
#include "WorkspaceDocument.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kBucket = QStringLiteral("lab-bucket-111122223333");
// One line: typed as is, with no Enter for the completion list to take.
const QString kNoPrincipal = QStringLiteral("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                                            "\"Action\": \"s3:GetObject\", \"Resource\": "
                                            "\"arn:aws:s3:::lab-bucket-111122223333/report.csv\"}]}");

std::string policyOf(const WorkspaceDocument &doc)
{
    return doc.account().findBucket(kBucket.toStdString())->policy;
}

QPushButton *saveButton(const QDialog &dialog)
{
    return dialog.findChild<QPushButton *>(QStringLiteral("saveChangesButton"));
}

QsciScintilla *edit(const EditBucketPolicyDialog &dialog)
{
    return dialog.findChild<PolicyEditor *>(QStringLiteral("policyEditor"))->textEdit();
}

// Types `text` where `before` starts (the cursor put there as a click would).
void typeBefore(QsciScintilla *edit, const QString &before, const QString &text)
{
    const qsizetype at = edit->text().indexOf(before);
    QVERIFY(at >= 0);
    int line = 0;
    int index = 0;
    edit->lineIndexFromPosition(int(at), &line, &index);
    edit->setFocus();
    edit->setCursorPosition(line, index);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Escape);   // closes a completion list, if one opened
}

} // namespace

class tst_EditBucketPolicyDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void showsTheBucketArnAndAResourcePolicyEditor();
    void typingAPolicyWithoutPrincipalKeepsSaveDisabled();
    void savingPutsTheBucketPolicyUndoably();
    void existingPolicyIsShownPretty();
    void labUserIsDeniedAndNothingChanges();
};

void tst_EditBucketPolicyDialog::cleanup()
{
    QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty());
}

void tst_EditBucketPolicyDialog::showsTheBucketArnAndAResourcePolicyEditor()
{
    WorkspaceDocument doc(Catalogs::bundled());
    EditBucketPolicyDialog dialog(doc, kBucket, QString());
    dialog.open();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit bucket policy"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("bucketArnLabel"))->text(),
             QStringLiteral("arn:aws:s3:::lab-bucket-111122223333"));
    QCOMPARE(dialog.editor()->policyType(), iam::PolicyType::Resource);
    QCOMPARE(saveButton(dialog)->text(), QStringLiteral("Save changes"));
    // Nothing to save yet.
    QVERIFY(!saveButton(dialog)->isEnabled());
}

void tst_EditBucketPolicyDialog::typingAPolicyWithoutPrincipalKeepsSaveDisabled()
{
    WorkspaceDocument doc(Catalogs::bundled());
    EditBucketPolicyDialog dialog(doc, kBucket, QString());
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QsciScintilla *editor = edit(dialog);
    editor->setFocus();
    QTest::keyClicks(editor, kNoPrincipal);
    QTest::keyClick(editor, Qt::Key_Escape);
    QCOMPARE(editor->text(), kNoPrincipal);
    // While the findings are pending Save waits; then the missing Principal is an error.
    QVERIFY(!saveButton(dialog)->isEnabled());
    PolicyFindingsModel *findings = dialog.editor()->findingsModel();
    QTRY_VERIFY(!dialog.editor()->isValidationPending());
    QVERIFY(findings->hasErrors());
    QVERIFY(!saveButton(dialog)->isEnabled());
    bool namesPrincipal = false;
    for (int row = 0; row < findings->rowCount(); ++row)
        namesPrincipal |= findings->index(row, PolicyFindingsModel::MessageColumn).data().toString().contains(
            QStringLiteral("Principal"));
    QVERIFY(namesPrincipal);

    // The learner adds the Principal: the error goes, Save comes back.
    typeBefore(editor, QStringLiteral("\"Action\""),
               QStringLiteral("\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:user/lab-user\"}, "));
    QVERIFY(!saveButton(dialog)->isEnabled());
    QTRY_VERIFY(!dialog.editor()->isValidationPending());
    QVERIFY(!findings->hasErrors());
    QVERIFY(saveButton(dialog)->isEnabled());
    QCOMPARE(policyOf(doc), std::string());   // nothing saved until Save
}

void tst_EditBucketPolicyDialog::savingPutsTheBucketPolicyUndoably()
{
    WorkspaceDocument doc(Catalogs::bundled());
    auto *dialog = new EditBucketPolicyDialog(doc, kBucket, QString());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QSignalSpy saved(dialog, &EditBucketPolicyDialog::saved);
    dialog->open();
    QsciScintilla *editor = edit(*dialog);
    editor->setFocus();
    QTest::keyClicks(editor, kNoPrincipal);
    typeBefore(editor, QStringLiteral("\"Action\""), QStringLiteral("\"Principal\": \"*\", "));
    QTRY_VERIFY(saveButton(*dialog)->isEnabled());
    const QString typed = editor->text();
    QTest::mouseClick(saveButton(*dialog), Qt::LeftButton);

    QCOMPARE(saved.count(), 1);
    QCOMPARE(policyOf(doc), typed.toStdString());
    QCOMPARE(doc.account().eventLog().events().back().action, std::string("s3:PutBucketPolicy"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Edit bucket policy of lab-bucket-111122223333"));
    doc.undoStack()->undo();
    QCOMPARE(policyOf(doc), std::string());
    doc.undoStack()->redo();
    QCOMPARE(policyOf(doc), typed.toStdString());
}

void tst_EditBucketPolicyDialog::existingPolicyIsShownPretty()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const QString compact = QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                                           "\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":"
                                           "\"arn:aws:s3:::lab-bucket-111122223333/notes.txt\"}]}");
    EditBucketPolicyDialog dialog(doc, kBucket, compact);
    dialog.open();
    QVERIFY(edit(dialog)->text().startsWith(QStringLiteral("{\n    \"Version\": \"2012-10-17\",")));
    QVERIFY(!dialog.editor()->findingsModel()->hasErrors());
    QVERIFY(saveButton(dialog)->isEnabled());
}

void tst_EditBucketPolicyDialog::labUserIsDeniedAndNothingChanges()
{
    WorkspaceDocument doc(Catalogs::bundled());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    EditBucketPolicyDialog dialog(doc, kBucket, QString());
    QSignalSpy saved(&dialog, &EditBucketPolicyDialog::saved);
    dialog.open();
    QsciScintilla *editor = edit(dialog);
    editor->setFocus();
    QTest::keyClicks(editor, kNoPrincipal);
    typeBefore(editor, QStringLiteral("\"Action\""), QStringLiteral("\"Principal\": \"*\", "));
    QTRY_VERIFY(saveButton(dialog)->isEnabled());
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);

    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog.isVisible());   // the edit is kept, to fix or to cancel
    MessageBar *bar = dialog.dialogMessageBar();
    QVERIFY(bar->isVisibleTo(&dialog));
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QCOMPARE(bar->text(), QStringLiteral("AccessDenied: Access Denied"));
    QCOMPARE(policyOf(doc), std::string());
    QCOMPARE(doc.undoStack()->count(), 0);
    const iam::Event &denied = doc.account().eventLog().events().back();
    QCOMPARE(denied.action, std::string("s3:PutBucketPolicy"));
    QCOMPARE(denied.callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    QVERIFY(!denied.allowed);
}

QTEST_MAIN(tst_EditBucketPolicyDialog)
#include "tst_EditBucketPolicyDialog.moc"
