#include "PolicyFindingsModel.h"

#include "Catalogs.h"
#include "ServiceCatalog.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using Severity = iam::Diagnostic::Severity;

namespace {

const char *const kUserPolicy = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
               {"Effect": "Allow", "Action": "iam:PassRole",
                "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";

iam::Diagnostic finding(Severity severity, const char *code, int line, int column, const char *message = "m")
{
    return {severity, code, message, {"Policy", line, column}};
}

// A policy of about `bytes` characters: statements with actions, ARNs and conditions.
QString largePolicy(int bytes)
{
    QString text = QStringLiteral("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    for (int i = 0; text.size() < bytes; ++i) {
        if (i > 0)
            text += QStringLiteral(",\n");
        text += QStringLiteral("    {\"Sid\": \"S%1\", \"Effect\": \"Allow\",\n"
                               "      \"Action\": [\"s3:GetObject\", \"ec2:DescribeInstances\", \"s3:Get*\"],\n"
                               "      \"Resource\": [\"arn:aws:s3:::bucket-%1/*\", \"arn:aws:iam::111122223333:role/R%1\"],\n"
                               "      \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}}")
                    .arg(i);
    }
    return text + QStringLiteral("\n  ]\n}\n");
}

} // namespace

class tst_PolicyFindingsModel : public QObject
{
    Q_OBJECT

private slots:
    void validPolicyHasNoFindings();
    void malformedJsonIsAnErrorAtItsLine();
    void passRoleWithStarIsASecurityWarning();
    void unknownActionIsCheckedAgainstTheCatalog();
    void policyTypeDecidesWhatIsRequired();
    void columnsShowTheConsoleWords();
    void summaryCountsEachType();
    void movedFindingsKeepTheirRows();
    void newFindingIsInsertedWhereItBelongs();
    void goneFindingIsRemoved();
    void changedFindingsAreOverwrittenNotReset();
    void validationIsFastEnoughForTheGuiThread();

private:
    const iam::ServiceCatalog *catalog() const { return Catalogs::bundled().services; }
};

void tst_PolicyFindingsModel::validPolicyHasNoFindings()
{
    PolicyFindingsModel model(catalog());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy updated(&model, &PolicyFindingsModel::findingsUpdated);
    model.validate(QString::fromUtf8(kUserPolicy));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(model.summary(), QStringLiteral("No findings"));
}

void tst_PolicyFindingsModel::malformedJsonIsAnErrorAtItsLine()
{
    PolicyFindingsModel model(catalog());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The missing comma after "Allow" on line 3.
    model.validate(QStringLiteral("{\"Version\": \"2012-10-17\",\n \"Statement\": [\n  {\"Effect\": \"Allow\" \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, PolicyFindingsModel::TypeColumn)).toString(), QStringLiteral("Error"));
    QCOMPARE(model.data(model.index(0, 0), PolicyFindingsModel::FindingTypeRole).toString(), QStringLiteral("ERROR"));
    QCOMPARE(model.data(model.index(0, PolicyFindingsModel::IssueCodeColumn)).toString(), QStringLiteral("JSON_SYNTAX"));
    QCOMPARE(model.data(model.index(0, 0), PolicyFindingsModel::LineRole).toInt(), 3);
    QVERIFY(model.data(model.index(0, 0), PolicyFindingsModel::ColumnRole).toInt() > 1);
    QVERIFY(model.hasErrors());
}

void tst_PolicyFindingsModel::passRoleWithStarIsASecurityWarning()
{
    PolicyFindingsModel model(catalog());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.validate(QString::fromUtf8(R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]})"));
    QVERIFY(!model.hasErrors());
    const QModelIndexList hits = model.match(model.index(0, PolicyFindingsModel::IssueCodeColumn), Qt::DisplayRole,
                                             QStringLiteral("PASS_ROLE_WITH_STAR_IN_RESOURCE"), 1, Qt::MatchExactly);
    QCOMPARE(hits.size(), 1);
    const int row = hits.first().row();
    QCOMPARE(model.data(model.index(row, PolicyFindingsModel::TypeColumn)).toString(), QStringLiteral("Security"));
    QCOMPARE(model.data(model.index(row, 0), PolicyFindingsModel::SeverityRole).toInt(), int(Severity::SecurityWarning));
    QCOMPARE(model.data(model.index(row, 0), PolicyFindingsModel::LineRole).toInt(), 2);
}

void tst_PolicyFindingsModel::unknownActionIsCheckedAgainstTheCatalog()
{
    const QString text = QString::fromUtf8(R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "s3:GetObjct", "Resource": "*"}]})");
    PolicyFindingsModel withCatalog(catalog());
    withCatalog.validate(text);
    QVERIFY(withCatalog.rowCount() > 0);
    QVERIFY(withCatalog.data(withCatalog.index(0, PolicyFindingsModel::MessageColumn)).toString().contains(QStringLiteral("s3:GetObjct")));
    PolicyFindingsModel without;
    without.validate(text);
    QCOMPARE(without.rowCount(), 0);
}

void tst_PolicyFindingsModel::policyTypeDecidesWhatIsRequired()
{
    // A trust policy names a Principal and no Resource; as an identity policy it is wrong twice.
    const QString trust = QString::fromUtf8(R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})");
    PolicyFindingsModel model(catalog());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPolicyType(iam::PolicyType::Trust);
    model.validate(trust);
    QVERIFY(!model.hasErrors());
    model.setPolicyType(iam::PolicyType::Identity);
    QCOMPARE(model.policyType(), iam::PolicyType::Identity);
    model.validate(trust);
    QVERIFY(model.hasErrors());
}

void tst_PolicyFindingsModel::columnsShowTheConsoleWords()
{
    PolicyFindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Type"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Issue code"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Message"));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("Line:Column"));
    model.setFindings({finding(Severity::Suggestion, "S", 9, 2), finding(Severity::Warning, "W", 4, 7, "a warning")});
    // Sorted by location.
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Warning"));
    QCOMPARE(model.data(model.index(0, 2)).toString(), QStringLiteral("a warning"));
    QCOMPARE(model.data(model.index(0, 3)).toString(), QStringLiteral("4:7"));
    QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("Suggestion"));
    QCOMPARE(model.data(model.index(1, 0), PolicyFindingsModel::ColumnRole).toInt(), 2);
}

void tst_PolicyFindingsModel::summaryCountsEachType()
{
    PolicyFindingsModel model;
    model.setFindings({finding(Severity::Error, "E", 1, 1), finding(Severity::Warning, "W", 2, 1),
                       finding(Severity::Warning, "W2", 3, 1)});
    QCOMPARE(model.summary(), QStringLiteral("1 error, 2 warnings"));
    model.setFindings({finding(Severity::SecurityWarning, "P", 1, 1), finding(Severity::Suggestion, "S", 2, 1),
                       finding(Severity::Error, "E", 3, 1), finding(Severity::Error, "E2", 4, 1)});
    QCOMPARE(model.summary(), QStringLiteral("2 errors, 1 security warning, 1 suggestion"));
    QCOMPARE(model.count(Severity::Error), 2);
}

void tst_PolicyFindingsModel::movedFindingsKeepTheirRows()
{
    PolicyFindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings({finding(Severity::Error, "A", 2, 5), finding(Severity::Warning, "B", 3, 1)});
    const QPersistentModelIndex second = model.index(1, 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // A line typed above both: they move down; nothing is added or removed.
    model.setFindings({finding(Severity::Error, "A", 3, 5), finding(Severity::Warning, "B", 4, 1)});
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(PolicyFindingsModel::LocationColumn));
    QCOMPARE(second.row(), 1);
    QCOMPARE(model.data(second, PolicyFindingsModel::LineRole).toInt(), 4);
    // Unchanged findings: no signal at all but findingsUpdated.
    changed.clear();
    model.setFindings({finding(Severity::Error, "A", 3, 5), finding(Severity::Warning, "B", 4, 1)});
    QCOMPARE(changed.count(), 0);
}

void tst_PolicyFindingsModel::newFindingIsInsertedWhereItBelongs()
{
    PolicyFindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings({finding(Severity::Error, "A", 1, 1), finding(Severity::Error, "C", 5, 1)});
    const QPersistentModelIndex last = model.index(1, 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setFindings({finding(Severity::Error, "A", 1, 1), finding(Severity::Warning, "B", 3, 1),
                       finding(Severity::Error, "C", 5, 1)});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(last.row(), 2);
    QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("B"));
}

void tst_PolicyFindingsModel::goneFindingIsRemoved()
{
    PolicyFindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings({finding(Severity::Error, "A", 1, 1), finding(Severity::Warning, "B", 3, 1),
                       finding(Severity::Error, "C", 5, 1)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setFindings({finding(Severity::Error, "A", 1, 1), finding(Severity::Error, "C", 5, 1)});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("C"));
    model.setFindings({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_PolicyFindingsModel::changedFindingsAreOverwrittenNotReset()
{
    PolicyFindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Typing inside an action name changes the message of its finding at each keystroke.
    model.setFindings({finding(Severity::Error, "INVALID_ACTION", 3, 20, "`s3:Ge`"),
                       finding(Severity::Warning, "W", 6, 1)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFindings({finding(Severity::Error, "INVALID_ACTION", 3, 20, "`s3:Get`"),
                       finding(Severity::Warning, "W", 6, 1)});
    QCOMPARE(inserted.count() + removed.count() + reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(model.index(0, 2)).toString(), QStringLiteral("`s3:Get`"));
    // Everything different, fewer rows: overwrite one, remove one.
    changed.clear();
    model.setFindings({finding(Severity::Suggestion, "X", 1, 1)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("X"));
}

void tst_PolicyFindingsModel::validationIsFastEnoughForTheGuiThread()
{
    // The figures in PolicyFindingsModel.h come from this; the bound is loose (Debug
    // builds, a shared machine) and only guards against a regression by an order of magnitude.
    const QString big = largePolicy(5 * 1024);
    QVERIFY(big.size() >= 5 * 1024);
    PolicyFindingsModel::findingsFor(big, iam::PolicyType::Identity, catalog());   // warm up
    QElapsedTimer timer;
    timer.start();
    constexpr int kRuns = 10;
    for (int i = 0; i < kRuns; ++i)
        PolicyFindingsModel::findingsFor(big, iam::PolicyType::Identity, catalog());
    const double perRun = double(timer.nsecsElapsed()) / 1e6 / kRuns;
    timer.restart();
    for (int i = 0; i < kRuns; ++i)
        PolicyFindingsModel::findingsFor(QString::fromUtf8(kUserPolicy), iam::PolicyType::Identity, catalog());
    const double walkthrough = double(timer.nsecsElapsed()) / 1e6 / kRuns;
    qInfo("validate: walkthrough policy %.2f ms, 5 KB policy %.2f ms", walkthrough, perRun);
    QVERIFY2(perRun < 100.0, qPrintable(QString::number(perRun)));
}

QTEST_GUILESS_MAIN(tst_PolicyFindingsModel)
#include "tst_PolicyFindingsModel.moc"
