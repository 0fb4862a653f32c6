#include "VisualPolicy.h"

#include <QTest>

namespace {

VisualStatement listBucket()
{
    VisualStatement s;
    s.sid = VisualPolicy::visualEditorSid(0);
    s.service = QStringLiteral("s3");
    s.actions = {QStringLiteral("ListBucket")};
    s.resources = {QStringLiteral("arn:aws:s3:::lab-bucket-111122223333")};
    return s;
}

VisualPolicy policyOf(QList<VisualStatement> statements)
{
    VisualPolicy p;
    p.statements = std::move(statements);
    return p;
}

// The walkthrough's IAM-User-Policy (DESIGN.md, "The PassRole walkthrough").
const char *const kUserPolicy = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
               {"Effect": "Allow", "Action": "iam:PassRole",
                "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";

} // namespace

class tst_VisualPolicy : public QObject
{
    Q_OBJECT

private slots:
    void writesTheConsoleJson();
    void severalValuesBecomeArrays();
    void allActionsAndAllResources();
    void conditionsAreGroupedByOperator();
    void sameKeyTwiceMergesItsValues();
    void noServiceYetWritesEmptyArrays();
    void readsTheWalkthroughPolicy();
    void roundTrip_data();
    void roundTrip();
    void refusesWhatItCannotShow_data();
    void refusesWhatItCannotShow();
    void keepsSidIdAndVersion();
    void conditionValuesOfOtherJsonTypesAreText();
};

void tst_VisualPolicy::writesTheConsoleJson()
{
    const QString expected = QStringLiteral(
        "{\n"
        "    \"Version\": \"2012-10-17\",\n"
        "    \"Statement\": [\n"
        "        {\n"
        "            \"Sid\": \"VisualEditor0\",\n"
        "            \"Effect\": \"Allow\",\n"
        "            \"Action\": \"s3:ListBucket\",\n"
        "            \"Resource\": \"arn:aws:s3:::lab-bucket-111122223333\"\n"
        "        }\n"
        "    ]\n"
        "}");
    QCOMPARE(policyOf({listBucket()}).toJson(), expected);
}

void tst_VisualPolicy::severalValuesBecomeArrays()
{
    VisualStatement s = listBucket();
    s.actions << QStringLiteral("GetObject");
    s.resources << QStringLiteral("arn:aws:s3:::lab-bucket-111122223333/*");
    s.allow = false;
    const QString json = policyOf({s}).toJson();
    QVERIFY(json.contains(QStringLiteral("\"Effect\": \"Deny\"")));
    QVERIFY(json.contains(QStringLiteral("\"Action\": [\n                \"s3:ListBucket\",\n                \"s3:GetObject\"\n            ]")));
    QVERIFY(json.contains(QStringLiteral("\"arn:aws:s3:::lab-bucket-111122223333/*\"")));
}

void tst_VisualPolicy::allActionsAndAllResources()
{
    VisualStatement s;
    s.service = QStringLiteral("ec2");
    s.allActions = true;
    s.allResources = true;
    QCOMPARE(s.actionNames(), QStringList{QStringLiteral("ec2:*")});
    const QString json = policyOf({s}).toJson();
    QVERIFY(json.contains(QStringLiteral("\"Action\": \"ec2:*\"")));
    QVERIFY(json.contains(QStringLiteral("\"Resource\": \"*\"")));
    QVERIFY(!json.contains(QStringLiteral("Sid")));
}

void tst_VisualPolicy::conditionsAreGroupedByOperator()
{
    VisualStatement s = listBucket();
    s.conditions = {{QStringLiteral("StringEquals"), QStringLiteral("aws:RequestedRegion"), {QStringLiteral("eu-west-1")}},
                    {QStringLiteral("Bool"), QStringLiteral("aws:SecureTransport"), {QStringLiteral("true")}},
                    {QStringLiteral("StringEquals"), QStringLiteral("s3:prefix"), {QStringLiteral("a"), QStringLiteral("b")}}};
    const QString json = policyOf({s}).toJson();
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(json);
    QVERIFY2(read.policy, qPrintable(read.problem));
    // Both StringEquals keys land in one block, in the order given.
    const QList<VisualCondition> back = read.policy->statements.first().conditions;
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(0).key, QStringLiteral("aws:RequestedRegion"));
    QCOMPARE(back.at(1).key, QStringLiteral("s3:prefix"));
    QCOMPARE(back.at(1).values, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(back.at(2).operatorName, QStringLiteral("Bool"));
    QCOMPARE(json.count(QStringLiteral("\"StringEquals\"")), 1);
}

void tst_VisualPolicy::sameKeyTwiceMergesItsValues()
{
    VisualStatement s = listBucket();
    s.conditions = {{QStringLiteral("StringLike"), QStringLiteral("s3:prefix"), {QStringLiteral("home/")}},
                    {QStringLiteral("StringLike"), QStringLiteral("s3:prefix"), {QStringLiteral("shared/")}}};
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(policyOf({s}).toJson());
    QVERIFY(read.policy);
    const QList<VisualCondition> back = read.policy->statements.first().conditions;
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().values, (QStringList{QStringLiteral("home/"), QStringLiteral("shared/")}));
}

void tst_VisualPolicy::noServiceYetWritesEmptyArrays()
{
    VisualStatement s;
    s.sid = QStringLiteral("Statement1");
    const QString json = policyOf({s}).toJson();
    QVERIFY(json.contains(QStringLiteral("\"Action\": []")));
    QVERIFY(json.contains(QStringLiteral("\"Resource\": []")));
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(json);
    QVERIFY(read.policy);
    QCOMPARE(read.policy->statements.first(), s);
}

void tst_VisualPolicy::readsTheWalkthroughPolicy()
{
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(QString::fromUtf8(kUserPolicy));
    QVERIFY2(read.policy, qPrintable(read.problem));
    const VisualPolicy &p = *read.policy;
    QCOMPARE(p.statements.size(), 2);
    QCOMPARE(p.statements[0].service, QStringLiteral("ec2"));
    QVERIFY(p.statements[0].allActions);
    QVERIFY(p.statements[0].allResources);
    QCOMPARE(p.statements[1].service, QStringLiteral("iam"));
    QCOMPARE(p.statements[1].actions, QStringList{QStringLiteral("PassRole")});
    QCOMPARE(p.statements[1].resources, QStringList{QStringLiteral("arn:aws:iam::111122223333:role/S3Access")});
    QVERIFY(p.statements[1].sid.isEmpty());
    // Written back, it reads as the same policy.
    QCOMPARE(VisualPolicy::fromJson(p.toJson()).policy, std::optional<VisualPolicy>(p));
}

void tst_VisualPolicy::roundTrip_data()
{
    QTest::addColumn<VisualPolicy>("policy");
    VisualStatement a = listBucket();
    VisualStatement b;
    b.service = QStringLiteral("iam");
    b.actions = {QStringLiteral("PassRole"), QStringLiteral("GetRole")};
    b.resources = {QStringLiteral("arn:aws:iam::111122223333:role/S3Access"), QStringLiteral("arn:aws:iam::111122223333:role/Other")};
    b.conditions = {{QStringLiteral("StringEquals"), QStringLiteral("iam:PassedToService"), {QStringLiteral("ec2.amazonaws.com")}}};
    VisualStatement c;
    c.sid = QStringLiteral("DenyAll");
    c.allow = false;
    c.service = QStringLiteral("s3");
    c.allActions = true;
    c.allResources = true;
    c.conditions = {{QStringLiteral("Bool"), QStringLiteral("aws:SecureTransport"), {QStringLiteral("false")}}};
    QTest::newRow("one-statement") << policyOf({a});
    QTest::newRow("several-statements") << policyOf({a, b, c});
    QTest::newRow("empty-statement") << policyOf({VisualStatement{}});
    VisualPolicy noVersion = policyOf({b});
    noVersion.version.clear();
    QTest::newRow("no-version") << noVersion;
}

void tst_VisualPolicy::roundTrip()
{
    QFETCH(VisualPolicy, policy);
    const QString json = policy.toJson();
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(json);
    QVERIFY2(read.policy, qPrintable(read.problem));
    QVERIFY(*read.policy == policy);
    QCOMPARE(read.policy->toJson(), json);
}

void tst_VisualPolicy::refusesWhatItCannotShow_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not-action") << QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]})")
                                << QStringLiteral("NotAction");
    QTest::newRow("not-resource") << QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::a"}]})")
                                  << QStringLiteral("NotResource");
    QTest::newRow("principal") << QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})")
                               << QStringLiteral("Principal");
    QTest::newRow("two-services") << QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "ec2:RunInstances"], "Resource": "*"}]})")
                                  << QStringLiteral("more than one service");
    QTest::newRow("action-wildcard") << QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})")
                                     << QStringLiteral("s3:Get*");
    QTest::newRow("every-action") << QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})")
                                  << QStringLiteral("`*`");
    QTest::newRow("malformed") << QStringLiteral(R"({"Version": "2012-10-17", "Statement": [)")
                               << QStringLiteral("errors");
}

void tst_VisualPolicy::refusesWhatItCannotShow()
{
    QFETCH(QString, json);
    QFETCH(QString, mentions);
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(json);
    QVERIFY(!read.policy);
    QVERIFY2(read.problem.contains(mentions), qPrintable(read.problem));
}

void tst_VisualPolicy::keepsSidIdAndVersion()
{
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(QStringLiteral(
        R"({"Version": "2008-10-17", "Id": "policy-1", "Statement": {"Sid": "One", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}})"));
    QVERIFY2(read.policy, qPrintable(read.problem));
    QCOMPARE(read.policy->version, QStringLiteral("2008-10-17"));
    QCOMPARE(read.policy->id, QStringLiteral("policy-1"));
    QCOMPARE(read.policy->statements.first().sid, QStringLiteral("One"));
    QVERIFY(!read.policy->statements.first().allow);
    const QString json = read.policy->toJson();
    QVERIFY(json.indexOf(QStringLiteral("\"Version\"")) < json.indexOf(QStringLiteral("\"Id\"")));
    QVERIFY(json.contains(QStringLiteral("\"Id\": \"policy-1\"")));
}

void tst_VisualPolicy::conditionValuesOfOtherJsonTypesAreText()
{
    const VisualPolicy::ReadResult read = VisualPolicy::fromJson(QStringLiteral(
        R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"s3:max-keys": 10}}}]})"));
    QVERIFY2(read.policy, qPrintable(read.problem));
    const QList<VisualCondition> conditions = read.policy->statements.first().conditions;
    QCOMPARE(conditions.size(), 2);
    QCOMPARE(conditions.at(0).values, QStringList{QStringLiteral("true")});
    QCOMPARE(conditions.at(1).values, QStringList{QStringLiteral("10")});
}

QTEST_GUILESS_MAIN(tst_VisualPolicy)
#include "tst_VisualPolicy.moc"
