// What the policy chooser shows: the search box and "Filter by Type" over the
// policy model, fast enough for the ~1300 AWS-managed policies.

#include "PolicyPickerFilterModel.h"

#include "AccountCommands.h"
#include "Catalogs.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QtTest>

namespace {

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data().toString();
    return result;
}

} // namespace

class tst_PolicyPickerFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void searchMatchesNamesCaseInsensitively();
    void filterByType_data();
    void filterByType();
    void newCustomerPolicyShowsUnderItsType();
    void filteringIsFast();
};

void tst_PolicyPickerFilterModel::searchMatchesNamesCaseInsensitively()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    PolicyPickerFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(filter.rowCount(), model.rowCount());
    filter.setSearchText(QStringLiteral("amazons3readonly"));
    QCOMPARE(names(filter), QStringList{QStringLiteral("AmazonS3ReadOnlyAccess")});
    filter.setSearchText(QStringLiteral("  AmazonS3ReadOnly "));
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearchText(QStringLiteral("no policy is called this"));
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearchText({});
    QCOMPARE(filter.rowCount(), model.rowCount());
}

void tst_PolicyPickerFilterModel::filterByType_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("typeText");
    QTest::newRow("aws-managed") << int(PolicyPickerModel::PolicyKind::AwsManaged) << "AWS managed";
    QTest::newRow("job-function") << int(PolicyPickerModel::PolicyKind::JobFunction) << "AWS managed - job function";
    QTest::newRow("customer-managed") << int(PolicyPickerModel::PolicyKind::CustomerManaged) << "Customer managed";
}

void tst_PolicyPickerFilterModel::filterByType()
{
    QFETCH(int, kind);
    QFETCH(QString, typeText);
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyDraft draft{QStringLiteral("IAM-User-Policy"), QStringLiteral("/"), {},
                      QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})"),
                      {}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
    PolicyPickerModel model(doc);
    PolicyPickerFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setKindFilter(PolicyPickerModel::PolicyKind(kind));
    QVERIFY(filter.rowCount() > 0);
    QVERIFY(filter.rowCount() < model.rowCount());
    for (int row = 0; row < filter.rowCount(); ++row)
        QCOMPARE(filter.index(row, PolicyPickerModel::TypeColumn).data().toString(), typeText);
    filter.setKindFilter(std::nullopt);
    QCOMPARE(filter.rowCount(), model.rowCount());
}

void tst_PolicyPickerFilterModel::newCustomerPolicyShowsUnderItsType()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    PolicyPickerFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setKindFilter(PolicyPickerModel::PolicyKind::CustomerManaged);
    QCOMPARE(filter.rowCount(), 0);
    PolicyDraft draft{QStringLiteral("IAM-User-Policy"), QStringLiteral("/"), {},
                      QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})"),
                      {}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
    QCOMPARE(names(filter), QStringList{QStringLiteral("IAM-User-Policy")});
}

void tst_PolicyPickerFilterModel::filteringIsFast()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyPickerModel model(doc);
    PolicyPickerFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(PolicyPickerModel::NameColumn);
    // A keystroke refilters every row; typing must not wait on it (a frame is ~16 ms,
    // the bound is generous for a debug build on a busy machine).
    QElapsedTimer timer;
    timer.start();
    const QString typed = QStringLiteral("AmazonS3");
    for (int length = 1; length <= typed.size(); ++length)
        filter.setSearchText(typed.left(length));
    const qint64 perKeystroke = timer.elapsed() / typed.size();
    qInfo("filtering %d policies: %lld ms per keystroke", model.rowCount(), perKeystroke);
    QVERIFY2(perKeystroke < 100, qPrintable(QString::number(perKeystroke)));
}

QTEST_GUILESS_MAIN(tst_PolicyPickerFilterModel)
#include "tst_PolicyPickerFilterModel.moc"
