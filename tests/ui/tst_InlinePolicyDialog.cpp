// Create / edit inline policy: the console's starting JSON, submitted() rather
// than accept() (the page closes it), errors in its own flash.

#include "InlinePolicyDialog.h"
#include "MessageBar.h"
#include "PolicyTextField.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

class tst_InlinePolicyDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void createStartsFromTheConsolesStatement();
    void editKeepsTheName();
};

void tst_InlinePolicyDialog::createStartsFromTheConsolesStatement()
{
    InlinePolicyDialog dialog(QStringLiteral("S3Access"));
    dialog.show();
    auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createPolicyButton"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Create inline policy"));
    QVERIFY(dialog.document().contains(QStringLiteral("\"Sid\": \"Statement1\"")));
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("policyNameEdit")), QStringLiteral("ListBuckets"));
    QVERIFY(create->isEnabled());
    QSignalSpy submitted(&dialog, &InlinePolicyDialog::submitted);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    create->click();
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    dialog.showError(QStringLiteral("Failed"), QStringLiteral("MalformedPolicyDocument"));
    QCOMPARE(dialog.findChild<MessageBar *>(QStringLiteral("dialogMessageBar"))->text(), QStringLiteral("MalformedPolicyDocument"));
}

void tst_InlinePolicyDialog::editKeepsTheName()
{
    InlinePolicyDialog dialog(QStringLiteral("S3Access"), QStringLiteral("Extra"),
                              QStringLiteral(R"({"Version":"2012-10-17","Statement":[]})"));
    dialog.show();
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("policyNameEdit"))->isReadOnly());
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("createPolicyButton"))->text(), QStringLiteral("Save changes"));
    QCOMPARE(dialog.document(), QStringLiteral("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": []\n}"));
}

QTEST_MAIN(tst_InlinePolicyDialog)
#include "tst_InlinePolicyDialog.moc"
