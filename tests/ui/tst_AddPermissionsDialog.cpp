// Add permissions: attached policies greyed, the type filter, the button waiting
// for a check, and the checked ARNs in the order checked.

#include "AccountCommands.h"
#include "AddPermissionsDialog.h"
#include "PolicyPicker.h"
#include "PolicyPickerModel.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kReadOnly = QStringLiteral("arn:aws:iam::aws:policy/ReadOnlyAccess");

} // namespace

class tst_AddPermissionsDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void checksAndFilters();
};

void tst_AddPermissionsDialog::checksAndFilters()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyDraft policy;
    policy.name = QStringLiteral("ListBuckets");
    policy.document = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]})");
    QVERIFY(doc.execute(createPolicyCommand(doc, policy)).ok);
    AddPermissionsDialog dialog(doc, QStringLiteral("S3Access"), {kReadOnly});
    dialog.show();
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("dialogHeading"))->text(), QStringLiteral("Attach policy to S3Access"));
    auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addPermissionsButton"));
    auto *table = dialog.findChild<QTableView *>(QStringLiteral("policyTable"));
    auto *type = dialog.findChild<QComboBox *>(QStringLiteral("policyTypeFilter"));
    QVERIFY(add && table && type);
    QVERIFY(!add->isEnabled());

    PolicyPickerModel *model = dialog.picker()->model();
    QVERIFY(!(model->flags(model->index(model->rowOf(kReadOnly), 0)) & Qt::ItemIsUserCheckable));

    // Customer managed only: the account's one policy.
    type->setCurrentIndex(type->findText(QStringLiteral("Customer managed")));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(PolicyPickerModel::PolicyNameRole).toString(), QStringLiteral("ListBuckets"));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(add->isEnabled());

    type->setCurrentIndex(0);   // All types
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("policySearchEdit")), QStringLiteral("amazons3readonly"));
    QCOMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(dialog.policyArns(), (QStringList{QStringLiteral("arn:aws:iam::111122223333:policy/ListBuckets"), kS3ReadOnly}));
}

QTEST_MAIN(tst_AddPermissionsDialog)
#include "tst_AddPermissionsDialog.moc"
