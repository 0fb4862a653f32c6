// Actions > Security > Modify IAM role driven as a learner would: the dropdown of
// instance profiles preselected with the instance's own; Update IAM role as
// lab-user attaching S3Access (the walkthrough), refused without iam:PassRole
// with AWS's text in the dialog; Replace; Detach only after typing "Detach";
// "Create new IAM role" opening the Create role wizard whose role then appears.

#include "../model/qt/Ec2TestWorkspace.h"
#include "ConfirmActionDialog.h"
#include "CreateRoleWizard.h"
#include "MessageBar.h"
#include "ModifyIamRoleDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace ec2test;

namespace {

template <typename T>
T *child(QObject *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}

QStringList comboItems(QComboBox *combo)
{
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    return items;
}

// Picks `text` with the keyboard, as a user would with the dropdown focused.
void choose(QComboBox *combo, const QString &text)
{
    const int target = combo->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    combo->setFocus();
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentText(), text);
}

void attachAsRoot(WorkspaceDocument &doc, const QString &profile)
{
    const iam::CallerIdentity caller = doc.signedIn();
    doc.setSignedIn(iam::CallerIdentity::root());
    QVERIFY(doc.execute(modifyIamRoleCommand(doc, planIamRoleChange(doc.account(), kInstanceId, profile))).ok);
    doc.setSignedIn(caller);
}

} // namespace

class tst_ModifyIamRoleDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void showsTheInstanceAndItsRole();
    void walkthroughAttachesS3Access();
    void withoutPassRoleTheDialogSaysWhy();
    void replaceWithAnotherRole();
    void detachOnlyAfterTypingDetach();
    void detachCancelledChangesNothing();
    void createNewIamRoleAddsItsProfile();
    void escapeCancels();
};

void tst_ModifyIamRoleDialog::showsTheInstanceAndItsRole()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    QVERIFY(createEc2Role(doc, QStringLiteral("Other")));
    {
        ModifyIamRoleDialog dialog(doc, kInstanceId);
        dialog.open();
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Modify IAM role"));
        QCOMPARE(child<QLabel>(&dialog, "instanceIdLabel")->text(), QStringLiteral("i-0abc1234def567890 (lab-instance)"));
        auto *combo = child<QComboBox>(&dialog, "iamRoleCombo");
        QCOMPARE(comboItems(combo), (QStringList{"No IAM Role", "S3Access", "Other"}));
        QCOMPARE(combo->currentText(), QStringLiteral("No IAM Role"));
        // Nothing to update until another choice is made.
        auto *update = child<QPushButton>(&dialog, "updateIamRoleButton");
        QCOMPARE(update->text(), QStringLiteral("Update IAM role"));
        QVERIFY(!update->isEnabled());
        choose(combo, QStringLiteral("S3Access"));
        QVERIFY(update->isEnabled());
        QVERIFY(child<QPushButton>(&dialog, "createRoleButton"));
        QVERIFY(child<QToolButton>(&dialog, "refreshButton"));
    }
    attachAsRoot(doc, QStringLiteral("Other"));
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    dialog.open();
    QCOMPARE(child<QComboBox>(&dialog, "iamRoleCombo")->currentText(), QStringLiteral("Other"));
    QCOMPARE(dialog.plan().change, IamRolePlan::Change::None);
}

void tst_ModifyIamRoleDialog::walkthroughAttachesS3Access()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    QSignalSpy modified(&dialog, &ModifyIamRoleDialog::iamRoleModified);
    dialog.open();
    choose(child<QComboBox>(&dialog, "iamRoleCombo"), QStringLiteral("S3Access"));
    QTest::mouseClick(child<QPushButton>(&dialog, "updateIamRoleButton"), Qt::LeftButton);
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toString(),
             QStringLiteral("Successfully attached S3Access to instance i-0abc1234def567890"));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Attach IAM role S3Access to i-0abc1234def567890"));
    // The call was lab-user's.
    const iam::Event &last = doc.account().eventLog().events().back();
    QCOMPARE(last.callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    doc.undoStack()->undo();
    QVERIFY(instance(doc).instanceProfile.empty());
}

void tst_ModifyIamRoleDialog::withoutPassRoleTheDialogSaysWhy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc, false));
    const int steps = doc.undoStack()->count();
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    QSignalSpy modified(&dialog, &ModifyIamRoleDialog::iamRoleModified);
    dialog.open();
    choose(child<QComboBox>(&dialog, "iamRoleCombo"), QStringLiteral("S3Access"));
    QTest::mouseClick(child<QPushButton>(&dialog, "updateIamRoleButton"), Qt::LeftButton);
    auto *bar = child<MessageBar>(&dialog, "dialogMessageBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY2(bar->text().contains(QStringLiteral("iam:PassRole")), qPrintable(bar->text()));
    QVERIFY(bar->text().contains(kS3AccessArn));
    QVERIFY(bar->title().contains(QStringLiteral("S3Access")));
    // Nothing changed, the dialog stays open with the choice kept, to try again.
    QVERIFY(dialog.isVisible());
    QCOMPARE(modified.count(), 0);
    QVERIFY(instance(doc).instanceProfile.empty());
    QCOMPARE(doc.undoStack()->count(), steps);
    QCOMPARE(child<QComboBox>(&dialog, "iamRoleCombo")->currentText(), QStringLiteral("S3Access"));
    // Refresh re-reads the list and clears the stale error, keeping the choice.
    QTest::mouseClick(child<QToolButton>(&dialog, "refreshButton"), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QCOMPARE(child<QComboBox>(&dialog, "iamRoleCombo")->currentText(), QStringLiteral("S3Access"));
}

void tst_ModifyIamRoleDialog::replaceWithAnotherRole()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Write")));
    attachAsRoot(doc, QStringLiteral("S3Access"));
    const std::string before = instance(doc).associationId;
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    QSignalSpy modified(&dialog, &ModifyIamRoleDialog::iamRoleModified);
    dialog.open();
    auto *combo = child<QComboBox>(&dialog, "iamRoleCombo");
    QCOMPARE(combo->currentText(), QStringLiteral("S3Access"));
    choose(combo, QStringLiteral("S3Write"));
    QCOMPARE(dialog.plan().change, IamRolePlan::Change::Replace);
    QTest::mouseClick(child<QPushButton>(&dialog, "updateIamRoleButton"), Qt::LeftButton);
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toString(),
             QStringLiteral("Successfully attached S3Write to instance i-0abc1234def567890"));
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Write"));
    QVERIFY(instance(doc).associationId != before);
    doc.undoStack()->undo();
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
}

void tst_ModifyIamRoleDialog::detachOnlyAfterTypingDetach()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    attachAsRoot(doc, QStringLiteral("S3Access"));
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    QSignalSpy modified(&dialog, &ModifyIamRoleDialog::iamRoleModified);
    dialog.open();
    choose(child<QComboBox>(&dialog, "iamRoleCombo"), QStringLiteral("No IAM Role"));
    QTest::mouseClick(child<QPushButton>(&dialog, "updateIamRoleButton"), Qt::LeftButton);
    ConfirmActionDialog *box = dialog.detachConfirmation();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->objectName(), QStringLiteral("detachConfirmDialog"));
    auto *confirm = child<QPushButton>(box, "confirmButton");
    auto *edit = child<QLineEdit>(box, "confirmEdit");
    QCOMPARE(confirm->text(), QStringLiteral("Detach"));
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("detach"));   // the word is compared exactly
    QVERIFY(!confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(!instance(doc).instanceProfile.empty());
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("Detach"));
    QVERIFY(confirm->isEnabled());
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toString(),
             QStringLiteral("Successfully detached S3Access from instance i-0abc1234def567890"));
    QVERIFY(instance(doc).instanceProfile.empty());
    QVERIFY(!dialog.isVisible());
    doc.undoStack()->undo();
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
}

void tst_ModifyIamRoleDialog::detachCancelledChangesNothing()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    attachAsRoot(doc, QStringLiteral("S3Access"));
    const int steps = doc.undoStack()->count();
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    dialog.open();
    choose(child<QComboBox>(&dialog, "iamRoleCombo"), QStringLiteral("No IAM Role"));
    QTest::mouseClick(child<QPushButton>(&dialog, "updateIamRoleButton"), Qt::LeftButton);
    ConfirmActionDialog *box = dialog.detachConfirmation();
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(box, "cancelButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog.detachConfirmation());
    QVERIFY(dialog.isVisible());
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
    QCOMPARE(doc.undoStack()->count(), steps);
}

void tst_ModifyIamRoleDialog::createNewIamRoleAddsItsProfile()
{
    WorkspaceDocument doc(Catalogs::bundled());
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    dialog.open();
    auto *combo = child<QComboBox>(&dialog, "iamRoleCombo");
    QTest::mouseClick(child<QPushButton>(&dialog, "createRoleButton"), Qt::LeftButton);
    auto *wizard = dialog.findChild<CreateRoleWizard *>();
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    // Create role: AWS service, EC2, no policies, the name; Create role.
    child<QRadioButton>(wizard, "awsServiceRadio")->click();
    auto *services = child<QComboBox>(wizard, "serviceCombo");
    services->setCurrentIndex(services->findText(QStringLiteral("EC2")));
    const QList<QRadioButton *> useCases = child<QWidget>(wizard, "useCaseList")->findChildren<QRadioButton *>();
    QVERIFY(!useCases.isEmpty());
    useCases.front()->click();
    wizard->button(QWizard::NextButton)->click();
    wizard->button(QWizard::NextButton)->click();
    child<QLineEdit>(wizard, "roleNameEdit")->setText(QStringLiteral("S3Access"));
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!wizard->isVisible());
    // Its instance profile is in the dropdown, and chosen.
    QVERIFY(doc.account().findInstanceProfile("S3Access"));
    QCOMPARE(comboItems(combo), (QStringList{"No IAM Role", "S3Access"}));
    QCOMPARE(combo->currentText(), QStringLiteral("S3Access"));
    QVERIFY(child<QPushButton>(&dialog, "updateIamRoleButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(&dialog, "updateIamRoleButton"), Qt::LeftButton);
    QCOMPARE(instance(doc).instanceProfile, std::string("S3Access"));
}

void tst_ModifyIamRoleDialog::escapeCancels()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    ModifyIamRoleDialog dialog(doc, kInstanceId);
    dialog.open();
    choose(child<QComboBox>(&dialog, "iamRoleCombo"), QStringLiteral("S3Access"));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(instance(doc).instanceProfile.empty());
}

QTEST_MAIN(tst_ModifyIamRoleDialog)
#include "tst_ModifyIamRoleDialog.moc"
