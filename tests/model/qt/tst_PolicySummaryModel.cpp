// The console's policy summary of a document: services by section, access levels
// worded from the catalog, resources and request conditions.

#include "Catalogs.h"
#include "PolicySummaryModel.h"
#include "ServiceCatalog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

using Section = PolicySummaryService::Section;

// AmazonS3ReadOnlyAccess as the catalog has it (v3).
const char *kS3ReadOnly = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"],
    "Resource": "*"}]})";

QString cell(const PolicySummaryModel &model, const QModelIndex &service, int column)
{
    return model.index(service.row(), column, service.parent()).data().toString();
}

} // namespace

class tst_PolicySummaryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readOnlyPolicyIsLimitedRead();
    void administratorAccessIsFullAccessEverywhere();
    void denyStatementsFormTheExplicitDenySection();
    void resourcesAreDescribedByResourceType();
    void conditionsAreListed();
    void notActionCoversEverythingElse();
    void unknownServiceIsUncategorized();
    void serviceRowsHoldTheirActions();
    void malformedDocumentGivesAnError();
    void settingADocumentResetsOnce();

private:
    const iam::ServiceCatalog *m_catalog = nullptr;
};

void tst_PolicySummaryModel::initTestCase()
{
    m_catalog = Catalogs::bundled().services;
    QVERIFY2(m_catalog, qPrintable(Catalogs::bundled().error));
}

void tst_PolicySummaryModel::readOnlyPolicyIsLimitedRead()
{
    PolicySummaryModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QString::fromLatin1(kS3ReadOnly));
    QVERIFY(model.error().isEmpty());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(),
             QStringLiteral("Allow (2 of %1 services)").arg(m_catalog->services().size()));
    const QModelIndex s3 = model.findService(QStringLiteral("S3"));
    QVERIFY(s3.isValid());
    // Every S3 List action starts with List; one Read action of the catalog
    // (AllowVendedLogDeliveryForResource) matches none of Get*, List*, Describe*.
    QCOMPARE(cell(model, s3, PolicySummaryModel::AccessLevelColumn), QStringLiteral("Full: List; Limited: Read"));
    QCOMPARE(cell(model, s3, PolicySummaryModel::ResourceColumn), QStringLiteral("All resources"));
    QCOMPARE(cell(model, s3, PolicySummaryModel::ConditionColumn), QStringLiteral("None"));
    const QModelIndex lambda = model.findService(QStringLiteral("S3 Object Lambda"));
    QVERIFY(lambda.isValid());
    QCOMPARE(cell(model, lambda, PolicySummaryModel::AccessLevelColumn), QStringLiteral("Full: List, Read"));
    QVERIFY(lambda.row() > s3.row());   // by name
}

void tst_PolicySummaryModel::administratorAccessIsFullAccessEverywhere()
{
    PolicySummaryModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})"));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex allow = model.index(0, 0);
    QCOMPARE(model.rowCount(allow), int(m_catalog->services().size()));
    for (int row = 0; row < model.rowCount(allow); ++row)
        QCOMPARE(model.index(row, PolicySummaryModel::AccessLevelColumn, allow).data().toString(), QStringLiteral("Full access"));
    const QModelIndex iam = model.findService(QStringLiteral("IAM"));
    QVERIFY(iam.isValid());
    QCOMPARE(iam.data(PolicySummaryModel::PrefixRole).toString(), QStringLiteral("iam"));
}

void tst_PolicySummaryModel::denyStatementsFormTheExplicitDenySection()
{
    PolicySummaryModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::customer", "arn:aws:s3:::customer/*"]}]})"));
    QCOMPARE(model.rowCount(), 2);
    // The console lists the explicit denies first.
    QVERIFY(model.index(0, 0).data().toString().startsWith(QStringLiteral("Explicit deny (1 of ")));
    QCOMPARE(model.index(0, 0).data(PolicySummaryModel::SectionRole).toInt(), int(Section::ExplicitDeny));
    QVERIFY(model.index(1, 0).data().toString().startsWith(QStringLiteral("Allow (1 of ")));
    const QModelIndex denied = model.findService(QStringLiteral("S3"), Section::ExplicitDeny);
    QVERIFY(denied.isValid());
    QCOMPARE(cell(model, denied, PolicySummaryModel::AccessLevelColumn), QStringLiteral("Full access"));
    QCOMPARE(cell(model, denied, PolicySummaryModel::ResourceColumn),
             QStringLiteral("BucketName | string like | customer; BucketName | string like | customer, "
                            "ObjectName | string like | All"));
    QCOMPARE(cell(model, model.findService(QStringLiteral("S3")), PolicySummaryModel::ResourceColumn),
             QStringLiteral("All resources"));
}

void tst_PolicySummaryModel::resourcesAreDescribedByResourceType()
{
    PolicySummaryModel model(m_catalog);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::lab-bucket-111122223333/data/*"},
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/S3Access"},
        {"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "arn:aws:unknown:::thing"}]})"));
    const QModelIndex s3 = model.findService(QStringLiteral("S3"));
    QCOMPARE(cell(model, s3, PolicySummaryModel::ResourceColumn),
             QStringLiteral("BucketName | string like | lab-bucket-111122223333, ObjectName | string like | data/*"));
    QCOMPARE(cell(model, s3, PolicySummaryModel::AccessLevelColumn), QStringLiteral("Limited: Read, Write"));
    QCOMPARE(cell(model, model.findService(QStringLiteral("IAM")), PolicySummaryModel::ResourceColumn),
             QStringLiteral("RoleNameWithPath | string like | S3Access"));
    // An ARN of another service is shown as written.
    QCOMPARE(cell(model, model.findService(QStringLiteral("EC2")), PolicySummaryModel::ResourceColumn),
             QStringLiteral("arn:aws:unknown:::thing"));
}

void tst_PolicySummaryModel::conditionsAreListed()
{
    PolicySummaryModel model(m_catalog);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
         "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.7/32"]},
                       "ForAnyValue:StringLike": {"s3:prefix": "home/"}}}]})"));
    const QString condition = cell(model, model.findService(QStringLiteral("S3")), PolicySummaryModel::ConditionColumn);
    QVERIFY2(condition.contains(QStringLiteral("aws:SourceIp | ip address | 203.0.113.0/24, 198.51.100.7/32")),
             qPrintable(condition));
    QVERIFY2(condition.contains(QStringLiteral("s3:prefix | for any value: string like | home/")), qPrintable(condition));
}

void tst_PolicySummaryModel::notActionCoversEverythingElse()
{
    PolicySummaryModel model(m_catalog);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "NotAction": ["iam:*", "s3:Delete*"], "Resource": "*"}]})"));
    QVERIFY(!model.findService(QStringLiteral("IAM")).isValid());
    QCOMPARE(cell(model, model.findService(QStringLiteral("EC2")), PolicySummaryModel::AccessLevelColumn),
             QStringLiteral("Full access"));
    const QString s3 = cell(model, model.findService(QStringLiteral("S3")), PolicySummaryModel::AccessLevelColumn);
    QVERIFY2(s3.contains(QStringLiteral("Limited: Write")), qPrintable(s3));
}

void tst_PolicySummaryModel::unknownServiceIsUncategorized()
{
    PolicySummaryModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["codedeployy:List*", "s3:GetObject"], "Resource": "*"}]})"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Uncategorized services (1)"));
    const QModelIndex unknown = model.findService(QStringLiteral("codedeployy"), Section::Uncategorized);
    QVERIFY(unknown.isValid());
    QCOMPARE(model.rowCount(unknown), 1);
    QCOMPARE(model.index(0, 0, unknown).data().toString(), QStringLiteral("List*"));
}

void tst_PolicySummaryModel::serviceRowsHoldTheirActions()
{
    PolicySummaryModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}]})"));
    const QModelIndex s3 = model.findService(QStringLiteral("S3"));
    QCOMPARE(cell(model, s3, PolicySummaryModel::AccessLevelColumn), QStringLiteral("Limited: List, Read"));
    QCOMPARE(model.rowCount(s3), 2);
    QCOMPARE(model.index(0, 0, s3).data().toString(), QStringLiteral("GetObject"));
    QCOMPARE(model.index(0, PolicySummaryModel::AccessLevelColumn, s3).data().toString(), QStringLiteral("Read"));
    QCOMPARE(model.index(1, 0, s3).data().toString(), QStringLiteral("ListBucket"));
    QCOMPARE(model.parent(model.index(1, 0, s3)), s3.siblingAtColumn(0));
}

void tst_PolicySummaryModel::malformedDocumentGivesAnError()
{
    PolicySummaryModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(QString::fromLatin1(kS3ReadOnly));
    QCOMPARE(model.rowCount(), 1);
    model.setDocument(QString::fromUtf8(R"({"Version": "2012-10-17", "Statement": [)"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY2(model.error().startsWith(QStringLiteral("policy:1:")), qPrintable(model.error()));
}

void tst_PolicySummaryModel::settingADocumentResetsOnce()
{
    PolicySummaryModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setDocument(QString::fromLatin1(kS3ReadOnly));
    model.setDocument(QString::fromLatin1(kS3ReadOnly));   // the same text: nothing to redo
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.document(), QString::fromLatin1(kS3ReadOnly));
}

QTEST_GUILESS_MAIN(tst_PolicySummaryModel)
#include "tst_PolicySummaryModel.moc"
