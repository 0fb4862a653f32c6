// Edit trust policy: the policy pretty-printed and editable, submitted() rather
// than accept(), errors in its own flash.

#include "EditTrustPolicyDialog.h"
#include "MessageBar.h"
#include "PolicyTextField.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

class tst_EditTrustPolicyDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void editsAndSubmits();
};

void tst_EditTrustPolicyDialog::editsAndSubmits()
{
    EditTrustPolicyDialog dialog(QStringLiteral("S3Access"),
                                 QStringLiteral(R"({"Version":"2012-10-17","Statement":[]})"));
    dialog.show();
    auto *edit = dialog.findChild<PolicyTextField *>(QStringLiteral("trustPolicyEdit"));
    auto *update = dialog.findChild<QPushButton *>(QStringLiteral("updatePolicyButton"));
    QVERIFY(!edit->isReadOnly());
    QCOMPARE(dialog.document(), QStringLiteral("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": []\n}"));
    edit->editorWidget()->setFocus();
    QTest::keyClick(edit->editorWidget(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit->editorWidget(), Qt::Key_Delete);
    QVERIFY(!update->isEnabled());
    QTest::keyClicks(edit->editorWidget(), QStringLiteral("{}"));
    QVERIFY(update->isEnabled());
    QSignalSpy submitted(&dialog, &EditTrustPolicyDialog::submitted);
    update->click();
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(dialog.document(), QStringLiteral("{}"));
    dialog.showError(QStringLiteral("Failed to update trust policy"), QStringLiteral("bad"));
    auto *flash = dialog.findChild<MessageBar *>(QStringLiteral("dialogMessageBar"));
    QCOMPARE(flash->kind(), MessageBar::Kind::Error);
    QCOMPARE(flash->title(), QStringLiteral("Failed to update trust policy"));
}

QTEST_MAIN(tst_EditTrustPolicyDialog)
#include "tst_EditTrustPolicyDialog.moc"
