// The reusable "Permissions policies" chooser: heading count, search, type filter,
// checking by keyboard, the selection signal a preview listens to, disabled rows.

#include "PolicyPicker.h"

#include "PolicyPickerModel.h"
#include "WorkspaceDocument.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kS3Full = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3FullAccess");

} // namespace

class tst_PolicyPicker : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void headingCountsCheckedOfAll();
    void searchAndCheckByKeyboard();
    void typeFilter();
    void selectionChangedNamesThePolicy();
    void disabledPoliciesCannotBeChecked();
};

void tst_PolicyPicker::cleanup()
{
    QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty());
}

void tst_PolicyPicker::headingCountsCheckedOfAll()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPicker picker(doc);
    picker.show();
    auto *count = picker.findChild<QLabel *>("policyCountLabel");
    QVERIFY(count);
    const int total = picker.model()->rowCount();
    QCOMPARE(count->text(), QStringLiteral("Permissions policies (Selected 0/%1)").arg(total));
    QSignalSpy changed(&picker, &PolicyPicker::checkedChanged);
    picker.setCheckedPolicyArns({kS3ReadOnly, kS3Full});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(picker.checkedPolicyArns(), (QStringList{kS3ReadOnly, kS3Full}));
    QCOMPARE(count->text(), QStringLiteral("Permissions policies (Selected 2/%1)").arg(total));
}

void tst_PolicyPicker::searchAndCheckByKeyboard()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPicker picker(doc);
    picker.show();
    auto *search = picker.findChild<QLineEdit *>("policySearchEdit");
    auto *table = picker.findChild<QTableView *>("policyTable");
    QVERIFY(search && table);
    QTest::keyClicks(search, "amazons3");
    QVERIFY(table->model()->rowCount() > 1);
    QVERIFY(table->model()->rowCount() < 20);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QVERIFY(table->model()->index(row, 0).data().toString().contains("AmazonS3", Qt::CaseInsensitive));
    QTest::keyClicks(search, "readonly");
    QCOMPARE(table->model()->rowCount(), 1);
    QSignalSpy changed(&picker, &PolicyPicker::checkedChanged);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(picker.checkedPolicyArns(), QStringList{kS3ReadOnly});
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(picker.checkedPolicyArns().isEmpty());
}

void tst_PolicyPicker::typeFilter()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPicker picker(doc);
    auto *filter = picker.findChild<QComboBox *>("policyTypeFilter");
    auto *table = picker.findChild<QTableView *>("policyTable");
    QVERIFY(filter && table);
    QCOMPARE(filter->count(), 4);
    QCOMPARE(filter->itemText(0), QStringLiteral("All types"));
    QCOMPARE(filter->itemText(1), QStringLiteral("AWS managed"));
    QCOMPARE(filter->itemText(2), QStringLiteral("Customer managed"));
    QCOMPARE(filter->itemText(3), QStringLiteral("AWS managed - job function"));
    filter->setCurrentIndex(3);
    QVERIFY(table->model()->rowCount() > 0);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QCOMPARE(table->model()->index(row, 1).data().toString(), QStringLiteral("AWS managed - job function"));
    filter->setCurrentIndex(0);
    QCOMPARE(table->model()->rowCount(), picker.model()->rowCount());
}

void tst_PolicyPicker::selectionChangedNamesThePolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPicker picker(doc);
    QSignalSpy selected(&picker, &PolicyPicker::selectionChanged);
    QTest::keyClicks(picker.findChild<QLineEdit *>("policySearchEdit"), "AmazonS3FullAccess");
    auto *table = picker.findChild<QTableView *>("policyTable");
    table->setCurrentIndex(table->model()->index(0, 1));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.front().front().toString(), kS3Full);
    QCOMPARE(picker.currentPolicyArn(), kS3Full);
}

void tst_PolicyPicker::disabledPoliciesCannotBeChecked()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPicker picker(doc);
    picker.setDisabledPolicyArns({kS3ReadOnly});
    QTest::keyClicks(picker.findChild<QLineEdit *>("policySearchEdit"), "AmazonS3ReadOnlyAccess");
    auto *table = picker.findChild<QTableView *>("policyTable");
    QCOMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Space);
    QVERIFY(picker.checkedPolicyArns().isEmpty());
}

QTEST_MAIN(tst_PolicyPicker)
#include "tst_PolicyPicker.moc"
