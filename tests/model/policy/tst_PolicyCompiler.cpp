// Compile: the immutable, indexed form of a policy.

#include "CompiledPolicy.h"
#include "PolicyParser.h"

#include <QtTest>

using namespace iam;

class tst_PolicyCompiler : public QObject
{
    Q_OBJECT

private slots:
    void actionsLowercasedAndIndexed();
    void statementsForActionKeepsOrder_data();
    void statementsForActionKeepsOrder();
    void resourcePatternsSplitIntoParts();
    void variablesOnlyUnder2012();
    void conditionValuesPreParsed();
};

static std::shared_ptr<const CompiledPolicy> compileText(const std::string &text, PolicyType type = PolicyType::Identity)
{
    // Grammar errors are allowed here: the compiler must be total on any document.
    const ParseResult parsed = parsePolicy(text, "p");
    if (!parsed.document)
        qFatal("test policy is not JSON: %s", formatDiagnostic(parsed.diagnostics.at(0)).c_str());
    return compilePolicy(*parsed.document, "PolicyInputList.1", type);
}

static const char *kMixed = R"({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["S3:GetObject", "s3:List*"], "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*"},
    {"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"},
    {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
    {"Effect": "Allow", "Action": ["s3:PutObject", "ec2:RunInstances", "s3:Get*"], "Resource": "*"},
    {"Effect": "Allow", "Action": "s?:GetObject", "Resource": "*"}
]})";

void tst_PolicyCompiler::actionsLowercasedAndIndexed()
{
    const auto policy = compileText(kMixed);
    QCOMPARE(policy->sourceId(), std::string("PolicyInputList.1"));
    QCOMPARE(policy->statements().size(), std::size_t(6));
    // INVARIANT: actions are lowercased at compile time.
    QCOMPARE(policy->statements()[0].actions[0].pattern(), std::string("s3:getobject"));
    QVERIFY(policy->statements()[0].actions[0].kind() == Wildcard::Kind::Exact);
    QVERIFY(policy->statements()[0].actions[1].kind() == Wildcard::Kind::Prefix);
    QVERIFY(policy->statements()[1].actions[0].kind() == Wildcard::Kind::Any);
}

void tst_PolicyCompiler::statementsForActionKeepsOrder_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QList<int>>("statements");
    QTest::newRow("s3-getobject") << "s3:getobject" << QList<int>{0, 1, 3, 4, 5};
    QTest::newRow("s3-putobject") << "s3:putobject" << QList<int>{1, 3, 4};
    QTest::newRow("ec2-describe") << "ec2:describeinstances" << QList<int>{1, 2, 3};
    QTest::newRow("iam-excluded-by-notaction") << "iam:passrole" << QList<int>{1};
    QTest::newRow("no-colon") << "garbage" << QList<int>{1, 3};
}

void tst_PolicyCompiler::statementsForActionKeepsOrder()
{
    QFETCH(QString, action);
    QFETCH(QList<int>, statements);
    const auto policy = compileText(kMixed);
    std::vector<std::uint32_t> out{99};
    const std::string lower = action.toStdString();
    policy->statementsForAction(lower, lower.find(':'), out);
    QList<int> got;
    for (std::uint32_t i : out)
        got.append(static_cast<int>(i));
    QCOMPARE(got, statements);
}

void tst_PolicyCompiler::resourcePatternsSplitIntoParts()
{
    const auto policy = compileText(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*",
        "Resource": ["*", "arn:aws:s3:::bucket/*/x:y", "not-an-arn*"]}]})");
    const auto &resources = policy->statements()[0].resources;
    QVERIFY(resources[0].any);
    QVERIFY(resources[1].arn);
    QCOMPARE(resources[1].parts[1].pattern(), std::string("s3"));
    QCOMPARE(resources[1].parts[4].pattern(), std::string("bucket/*/x:y"));
    QVERIFY(!resources[2].arn);
    QVERIFY(resources[2].whole.kind() == Wildcard::Kind::Prefix);
}

void tst_PolicyCompiler::variablesOnlyUnder2012()
{
    // reference_policies_variables.md: variables need "Version": "2012-10-17".
    const std::string statement = R"("Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:iam::1:user/${aws:username}-${*}"}])";
    const auto modern = compileText("{\"Version\": \"2012-10-17\", " + statement + "}");
    const auto old = compileText("{\"Version\": \"2008-10-17\", " + statement + "}");
    const auto &pattern = modern->statements()[0].resources[0];
    QVERIFY(pattern.variables.has_value());
    QCOMPARE(pattern.variables->pieces.size(), std::size_t(3));
    QVERIFY(pattern.variables->pieces[1].variable);
    QCOMPARE(pattern.variables->pieces[1].text, std::string("aws:username"));
    QCOMPARE(pattern.variables->pieces[2].text, std::string("-") + kLiteralEscape + "*");
    QVERIFY(!old->statements()[0].resources[0].variables.has_value());
    QVERIFY(!old->variablesEnabled());
}

void tst_PolicyCompiler::conditionValuesPreParsed()
{
    const auto policy = compileText(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
        "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
                      "NumericEquals": {"s3:max-keys": "10"}, "FooBar": {"k": "v"}}}]})");
    const auto &conditions = policy->statements()[0].conditions;
    QCOMPARE(conditions.size(), std::size_t(4));
    for (const CompiledCondition &condition : conditions) {
        if (condition.operatorName == "IpAddress") {
            QVERIFY(condition.values[0].ip.has_value());
            QCOMPARE(condition.lowerKey, std::string("aws:sourceip"));
        } else if (condition.operatorName == "DateLessThan") {
            QCOMPARE(*condition.values[0].date, 1893456000.0);
        } else if (condition.operatorName == "NumericEquals") {
            QCOMPARE(*condition.values[0].number, 10.0);
        } else {
            QVERIFY(!condition.known);   // an unknown operator compiles to "never true"
        }
    }
}

QTEST_APPLESS_MAIN(tst_PolicyCompiler)
#include "tst_PolicyCompiler.moc"
