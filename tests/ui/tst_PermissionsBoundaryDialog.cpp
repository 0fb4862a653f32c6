// Set permissions boundary: one policy at a time, the current one checked.

#include "PermissionsBoundaryDialog.h"
#include "PolicyPicker.h"
#include "WorkspaceDocument.h"

#include <QPushButton>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kReadOnly = QStringLiteral("arn:aws:iam::aws:policy/ReadOnlyAccess");

} // namespace

class tst_PermissionsBoundaryDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void onePolicyAtATime();
};

void tst_PermissionsBoundaryDialog::onePolicyAtATime()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PermissionsBoundaryDialog dialog(doc, QStringLiteral("S3Access"), kReadOnly);
    dialog.show();
    auto *set = dialog.findChild<QPushButton *>(QStringLiteral("setBoundaryButton"));
    QCOMPARE(dialog.policyArn(), kReadOnly);
    QVERIFY(!set->isEnabled());   // unchanged
    dialog.picker()->setCheckedPolicyArns({kReadOnly, kS3ReadOnly});
    QCOMPARE(dialog.picker()->checkedPolicyArns(), QStringList{kS3ReadOnly});
    QCOMPARE(dialog.policyArn(), kS3ReadOnly);
    QVERIFY(set->isEnabled());
    dialog.picker()->setCheckedPolicyArns({});
    QVERIFY(!set->isEnabled());
}

QTEST_MAIN(tst_PermissionsBoundaryDialog)
#include "tst_PermissionsBoundaryDialog.moc"
