// "Launch an instance" driven as a learner would: its defaults (Amazon Linux 2023,
// t2.micro, Advanced details collapsed, "Select" for the IAM instance profile);
// a launch without a profile; a launch with S3Access as lab-user (RunInstances
// with IamInstanceProfile, so iam:PassRole applies); refused without PassRole,
// with AWS's text in the dialog and nothing created.

#include "../model/qt/Ec2TestWorkspace.h"
#include "LaunchInstanceDialog.h"
#include "MessageBar.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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

void expandAdvancedDetails(LaunchInstanceDialog &dialog)
{
    QTest::mouseClick(child<QToolButton>(&dialog, "advancedDetailsToggle"), Qt::LeftButton);
    QVERIFY(child<QWidget>(&dialog, "advancedDetails")->isVisible());
}

} // namespace

class tst_LaunchInstanceDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void defaultsAreTheConsoles();
    void launchWithoutProfile();
    void launchWithS3AccessAsLabUser();
    void withoutPassRoleNothingIsLaunched();
    void newProfileAppearsWhileOpen();
};

void tst_LaunchInstanceDialog::defaultsAreTheConsoles()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    LaunchInstanceDialog dialog(doc);
    dialog.open();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Launch an instance"));
    QVERIFY(child<QLineEdit>(&dialog, "nameEdit")->text().isEmpty());
    QCOMPARE(child<QComboBox>(&dialog, "imageCombo")->currentText(), QStringLiteral("Amazon Linux 2023 AMI"));
    QVERIFY(child<QLabel>(&dialog, "imageIdLabel")->text().startsWith(QStringLiteral("ami-0abcdef1234567890")));
    auto *images = child<QComboBox>(&dialog, "imageCombo");
    QVERIFY(images->findText(QStringLiteral("Ubuntu Server 22.04 LTS (HVM), SSD Volume Type")) >= 0);
    QCOMPARE(child<QComboBox>(&dialog, "instanceTypeCombo")->currentText(), QStringLiteral("t2.micro"));
    QVERIFY(child<QComboBox>(&dialog, "instanceTypeCombo")->count() > 1);
    // Advanced details starts collapsed; its profile dropdown lists profiles after "Select".
    QVERIFY(!child<QWidget>(&dialog, "advancedDetails")->isVisible());
    expandAdvancedDetails(dialog);
    auto *profiles = child<QComboBox>(&dialog, "iamInstanceProfileCombo");
    QCOMPARE(profiles->currentText(), QStringLiteral("Select"));
    QCOMPARE(profiles->count(), 2);
    QCOMPARE(profiles->itemText(1), QStringLiteral("S3Access"));
    QCOMPARE(child<QPushButton>(&dialog, "launchInstanceButton")->text(), QStringLiteral("Launch instance"));
    QTest::mouseClick(child<QToolButton>(&dialog, "advancedDetailsToggle"), Qt::LeftButton);
    QVERIFY(!child<QWidget>(&dialog, "advancedDetails")->isVisible());
}

void tst_LaunchInstanceDialog::launchWithoutProfile()
{
    WorkspaceDocument doc(Catalogs::bundled());
    LaunchInstanceDialog dialog(doc);
    QSignalSpy launched(&dialog, &LaunchInstanceDialog::launched);
    dialog.open();
    QTest::keyClicks(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("web-server"));
    choose(child<QComboBox>(&dialog, "imageCombo"), QStringLiteral("Ubuntu Server 22.04 LTS (HVM), SSD Volume Type"));
    QVERIFY(child<QLabel>(&dialog, "imageIdLabel")->text().startsWith(QStringLiteral("ami-0e001c9271cf7f3b9")));
    choose(child<QComboBox>(&dialog, "instanceTypeCombo"), QStringLiteral("t3.micro"));
    QTest::mouseClick(child<QPushButton>(&dialog, "launchInstanceButton"), Qt::LeftButton);

    QCOMPARE(launched.count(), 1);
    const QStringList ids = launched.at(0).at(0).toStringList();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(launched.at(0).at(1).toString(),
             QStringLiteral("Successfully initiated launch of instance (%1)").arg(ids.front()));
    QVERIFY(!dialog.isVisible());
    const iam::Ec2Instance &created = instance(doc, ids.front());
    QCOMPARE(created.name, std::string("web-server"));
    QCOMPARE(created.imageId, std::string("ami-0e001c9271cf7f3b9"));
    QCOMPARE(created.instanceType, std::string("t3.micro"));
    QVERIFY(created.instanceProfile.empty());
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Launch instance web-server"));
}

void tst_LaunchInstanceDialog::launchWithS3AccessAsLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc));
    LaunchInstanceDialog dialog(doc);
    QSignalSpy launched(&dialog, &LaunchInstanceDialog::launched);
    dialog.open();
    QTest::keyClicks(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("reader"));
    expandAdvancedDetails(dialog);
    choose(child<QComboBox>(&dialog, "iamInstanceProfileCombo"), QStringLiteral("S3Access"));
    QCOMPARE(dialog.draft().instanceProfile, QStringLiteral("S3Access"));
    QTest::mouseClick(child<QPushButton>(&dialog, "launchInstanceButton"), Qt::LeftButton);
    QCOMPARE(launched.count(), 1);
    const QString id = launched.at(0).at(0).toStringList().value(0);
    QCOMPARE(instance(doc, id).instanceProfile, std::string("S3Access"));
    QVERIFY(!instance(doc, id).associationId.empty());
    QCOMPARE(doc.account().eventLog().events().back().callerArn,
             std::string("arn:aws:iam::111122223333:user/lab-user"));
}

void tst_LaunchInstanceDialog::withoutPassRoleNothingIsLaunched()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(prepareWalkthrough(doc, false));
    const int steps = doc.undoStack()->count();
    LaunchInstanceDialog dialog(doc);
    QSignalSpy launched(&dialog, &LaunchInstanceDialog::launched);
    dialog.open();
    expandAdvancedDetails(dialog);
    choose(child<QComboBox>(&dialog, "iamInstanceProfileCombo"), QStringLiteral("S3Access"));
    QTest::mouseClick(child<QPushButton>(&dialog, "launchInstanceButton"), Qt::LeftButton);
    auto *bar = child<MessageBar>(&dialog, "dialogMessageBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QCOMPARE(bar->title(), QStringLiteral("Instance launch failed"));
    QVERIFY2(bar->text().contains(QStringLiteral("iam:PassRole")), qPrintable(bar->text()));
    QVERIFY(bar->text().contains(kS3AccessArn));
    QVERIFY(dialog.isVisible());
    QCOMPARE(launched.count(), 0);
    QCOMPARE(doc.account().instances().size(), std::size_t(1));
    QCOMPARE(doc.undoStack()->count(), steps);

    // Without the role, the same user may launch (ec2:* is enough).
    choose(child<QComboBox>(&dialog, "iamInstanceProfileCombo"), QStringLiteral("Select"));
    QTest::mouseClick(child<QPushButton>(&dialog, "launchInstanceButton"), Qt::LeftButton);
    QCOMPARE(launched.count(), 1);
    QCOMPARE(doc.account().instances().size(), std::size_t(2));
}

void tst_LaunchInstanceDialog::newProfileAppearsWhileOpen()
{
    WorkspaceDocument doc(Catalogs::bundled());
    LaunchInstanceDialog dialog(doc);
    dialog.open();
    expandAdvancedDetails(dialog);
    auto *profiles = child<QComboBox>(&dialog, "iamInstanceProfileCombo");
    QCOMPARE(profiles->count(), 1);
    QVERIFY(createEc2Role(doc, QStringLiteral("S3Access")));
    QCOMPARE(profiles->count(), 2);
    QCOMPARE(profiles->currentText(), QStringLiteral("Select"));   // the choice is kept
    dialog.reject();
}

QTEST_MAIN(tst_LaunchInstanceDialog)
#include "tst_LaunchInstanceDialog.moc"
