// Parse: policy text into a PolicyDocument with positions; grammar errors as values.
// Grammar: reference_policies_grammar.md; elements: reference_policies_elements.md.

#include "PolicyParser.h"

#include "Evaluator.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace iam;

Q_DECLARE_METATYPE(std::string)

class tst_PolicyParser : public QObject
{
    Q_OBJECT

private slots:
    void walkthroughPolicy();
    void statementAsObject();
    void principalForms();
    void conditionValues();
    void grammarErrors_data();
    void grammarErrors();
    void jsonSyntaxPosition_data();
    void jsonSyntaxPosition();
    void duplicateKeyWarning();
    void originShiftsPositions();
    void hostileInputNeverCrashes_data();
    void hostileInputNeverCrashes();
    void jsonValueOverload();
    void mutatedPoliciesNeverCrash();
};

static const char *kUserPolicy = R"({
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
        {
            "Sid": "PassS3Access",
            "Effect": "Allow",
            "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::111122223333:role/S3Access"
        }
    ]
})";

void tst_PolicyParser::walkthroughPolicy()
{
    const ParseResult parsed = parsePolicy(kUserPolicy, "IAM-User-Policy");
    QVERIFY(parsed.ok());
    QVERIFY(parsed.diagnostics.empty());
    const PolicyDocument &doc = *parsed.document;
    QCOMPARE(doc.version, std::string("2012-10-17"));
    QVERIFY(doc.supportsPolicyVariables());
    QCOMPARE(doc.statements.size(), std::size_t(2));

    const Statement &first = doc.statements[0];
    QCOMPARE(first.range.start.line, 4);
    QCOMPARE(first.range.start.column, 9);
    QCOMPARE(first.range.end.line, 4);
    QCOMPARE(first.range.end.column, 63);
    QCOMPARE(first.actions.at(0).text, std::string("ec2:*"));
    QCOMPARE(first.actions.at(0).where.column, 39);

    const Statement &second = doc.statements[1];
    QCOMPARE(second.sid, std::string("PassS3Access"));
    QCOMPARE(second.index, 1);
    QCOMPARE(second.range.start.line, 5);
    QCOMPARE(second.range.end.line, 10);
    QCOMPARE(second.resources.at(0).where.line, 9);
    QCOMPARE(second.range.start.source, std::string("IAM-User-Policy"));
}

void tst_PolicyParser::statementAsObject()
{
    // "Statement" may be a single object instead of an array (reference_policies_grammar.md).
    const ParseResult parsed = parsePolicy(R"({"Statement": {"Effect": "Deny", "NotAction": ["iam:*"], "NotResource": "arn:aws:s3:::b/*"}})", "p");
    QVERIFY(parsed.ok());
    const Statement &s = parsed.document->statements.at(0);
    QVERIFY(s.effect == Statement::Effect::Deny);
    QVERIFY(s.notAction);
    QVERIFY(s.notResource);
    QVERIFY(!parsed.document->hasVersion);
    QVERIFY(!parsed.document->supportsPolicyVariables());
}

void tst_PolicyParser::principalForms()
{
    const ParseResult parsed = parsePolicy(R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"},
        {"Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::444455556666:root"], "Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},
        {"Effect": "Deny", "NotPrincipal": {"Federated": "cognito-identity.amazonaws.com", "CanonicalUser": "79a59df9"}, "Action": "*", "Resource": "*"}
    ]})", "trust");
    QVERIFY(parsed.ok());
    const auto &statements = parsed.document->statements;
    QVERIFY(statements[0].principal.wildcard);
    QCOMPARE(statements[1].principal.aws.size(), std::size_t(2));
    QCOMPARE(statements[1].principal.service.at(0).text, std::string("ec2.amazonaws.com"));
    QVERIFY(!statements[1].hasResource);
    QVERIFY(statements[2].notPrincipal.present);
    QVERIFY(!statements[2].principal.present);
    QCOMPARE(statements[2].notPrincipal.federated.size(), std::size_t(1));
    QCOMPARE(statements[2].notPrincipal.canonicalUser.size(), std::size_t(1));
}

void tst_PolicyParser::conditionValues()
{
    // Numbers and booleans are accepted as condition values and kept as their text.
    const ParseResult parsed = parsePolicy(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
        "Condition": {"NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": true},
                      "ForAnyValue:StringLike": {"aws:TagKeys": ["team", "cost-*"]}}}]})", "p");
    QVERIFY(parsed.ok());
    const auto &conditions = parsed.document->statements.at(0).conditions;
    QCOMPARE(conditions.size(), std::size_t(3));
    std::map<std::string, std::vector<std::string>> byOperator;
    for (const ConditionClause &clause : conditions)
        byOperator[clause.operatorName] = clause.values;
    QCOMPARE(byOperator["NumericLessThan"], std::vector<std::string>{"10"});
    QCOMPARE(byOperator["Bool"], std::vector<std::string>{"true"});
    QCOMPARE(byOperator["ForAnyValue:StringLike"], (std::vector<std::string>{"team", "cost-*"}));
}

void tst_PolicyParser::grammarErrors_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("effect-lowercase-element") << R"({"Statement": [{"effect": "Allow", "Action": "*", "Resource": "*"}]})"
                                              << "UNKNOWN_ELEMENT" << 1 << 17;
    QTest::newRow("effect-value-wrong") << "{\"Statement\": {\n  \"Effect\": \"Permit\", \"Action\": \"*\", \"Resource\": \"*\"}}"
                                        << "INVALID_EFFECT" << 2 << 13;
    QTest::newRow("missing-effect") << R"({"Statement": [{"Action": "*", "Resource": "*"}]})" << "MISSING_EFFECT" << 1 << 16;
    QTest::newRow("missing-action") << R"({"Statement": [{"Effect": "Allow", "Resource": "*"}]})" << "MISSING_ACTION" << 1 << 16;
    QTest::newRow("action-and-not-action") << R"({"Statement": [{"Effect": "Allow", "Action": "*", "NotAction": "s3:*", "Resource": "*"}]})"
                                           << "ACTION_AND_NOT_ACTION" << 1 << 16;
    QTest::newRow("resource-and-not-resource") << R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "NotResource": "x"}]})"
                                               << "RESOURCE_AND_NOT_RESOURCE" << 1 << 16;
    QTest::newRow("principal-and-not-principal") << R"({"Statement": [{"Effect": "Allow", "Action": "*", "Principal": "*", "NotPrincipal": "*"}]})"
                                                 << "PRINCIPAL_AND_NOT_PRINCIPAL" << 1 << 16;
    QTest::newRow("unknown-operator") << "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\",\n \"Condition\": {\"StringEqualz\": {\"aws:username\": \"x\"}}}]}"
                                      << "UNKNOWN_OPERATOR" << 2 << 16;
    QTest::newRow("null-has-no-ifexists") << R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NullIfExists": {"k": "true"}}}]})"
                                          << "UNKNOWN_OPERATOR" << 1 << 82;
    QTest::newRow("invalid-version") << R"({"Version": "2012-10-18", "Statement": []})" << "INVALID_VERSION" << 1 << 13;
    QTest::newRow("version-not-string") << R"({"Version": 2012, "Statement": []})" << "INVALID_ELEMENT_TYPE" << 1 << 13;
    QTest::newRow("missing-statement") << R"({"Version": "2012-10-17"})" << "MISSING_STATEMENT" << 1 << 1;
    QTest::newRow("unknown-top-level") << R"({"Statement": [], "Statements": []})" << "UNKNOWN_ELEMENT" << 1 << 19;
    QTest::newRow("action-number") << R"({"Statement": [{"Effect": "Allow", "Action": 5, "Resource": "*"}]})" << "INVALID_ELEMENT_TYPE" << 1 << 46;
    QTest::newRow("action-array-with-object") << R"({"Statement": [{"Effect": "Allow", "Action": ["s3:*", {}], "Resource": "*"}]})"
                                              << "INVALID_ELEMENT_TYPE" << 1 << 55;
    QTest::newRow("principal-bad-string") << R"({"Statement": [{"Effect": "Allow", "Action": "*", "Principal": "everyone"}]})"
                                          << "INVALID_ELEMENT_TYPE" << 1 << 64;
    QTest::newRow("principal-unknown-type") << R"({"Statement": [{"Effect": "Allow", "Action": "*", "Principal": {"Users": "x"}}]})"
                                            << "UNKNOWN_PRINCIPAL_TYPE" << 1 << 65;
    QTest::newRow("condition-not-object") << R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": []}]})"
                                          << "INVALID_ELEMENT_TYPE" << 1 << 81;
    QTest::newRow("statement-not-object") << R"({"Statement": ["Allow"]})" << "NOT_AN_OBJECT" << 1 << 16;
    QTest::newRow("policy-not-object") << R"(["Allow"])" << "NOT_AN_OBJECT" << 1 << 1;
}

void tst_PolicyParser::grammarErrors()
{
    QFETCH(QString, policy);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const ParseResult parsed = parsePolicy(policy.toStdString(), "policy.json");
    QVERIFY(!parsed.ok());
    const auto found = std::find_if(parsed.diagnostics.begin(), parsed.diagnostics.end(),
                                    [&](const Diagnostic &d) { return d.code == code.toStdString(); });
    QVERIFY2(found != parsed.diagnostics.end(), qPrintable("no " + code));
    QCOMPARE(found->severity, Diagnostic::Severity::Error);
    QCOMPARE(found->where.line, line);
    QCOMPARE(found->where.column, column);
    // Printed as file:line:column: error: message, the message in the house voice.
    const std::string printed = formatDiagnostic(*found);
    QVERIFY(printed.starts_with("policy.json:" + std::to_string(line) + ":" + std::to_string(column) + ": error: "));
    QVERIFY(std::islower(static_cast<unsigned char>(found->message.front())) || found->message.front() == '`');
    QVERIFY(found->message.back() != '.');
}

void tst_PolicyParser::jsonSyntaxPosition_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("missing-comma") << "{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}" << 3 << 13;
    QTest::newRow("trailing-comma") << "{\"Statement\": [],}" << 1 << 18;
    QTest::newRow("unterminated-string") << "{\"Version\": \"2012" << 1 << 18;
    QTest::newRow("empty") << "" << 1 << 1;
    QTest::newRow("utf8-counts-characters") << "{\"Sid\": \"é\", x}" << 1 << 14;
}

void tst_PolicyParser::jsonSyntaxPosition()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const ParseResult parsed = parsePolicy(text.toStdString(), "p.json");
    QVERIFY(!parsed.document);
    QCOMPARE(parsed.diagnostics.size(), std::size_t(1));
    QCOMPARE(parsed.diagnostics[0].code, std::string("JSON_SYNTAX"));
    QCOMPARE(parsed.diagnostics[0].where.line, line);
    QCOMPARE(parsed.diagnostics[0].where.column, column);
    QVERIFY(parsed.diagnostics[0].message.find("json.exception") == std::string::npos);
}

void tst_PolicyParser::duplicateKeyWarning()
{
    // JSON lets a key repeat and nlohmann/json keeps the last; IAM users deserve a warning.
    const ParseResult parsed = parsePolicy("{\"Statement\": [{\"Effect\": \"Allow\", \"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}]}", "p");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.diagnostics.size(), std::size_t(1));
    QCOMPARE(parsed.diagnostics[0].code, std::string("DUPLICATE_KEY"));
    QCOMPARE(parsed.diagnostics[0].severity, Diagnostic::Severity::Warning);
    QCOMPARE(parsed.diagnostics[0].where.column, 36);
    QVERIFY(parsed.document->statements[0].effect == Statement::Effect::Deny);
}

void tst_PolicyParser::originShiftsPositions()
{
    // A policy embedded in a request file is reported where it stands in that file.
    const ParseResult parsed = parsePolicy("{\"Statement\": [\n  {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}", "req.json",
                                           TextOrigin{10, 7});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.document->range.start.line, 10);
    QCOMPARE(parsed.document->range.start.column, 7);
    QCOMPARE(parsed.document->statements[0].range.start.line, 11);
    QCOMPARE(parsed.document->statements[0].range.start.column, 3);
}

void tst_PolicyParser::hostileInputNeverCrashes_data()
{
    QTest::addColumn<std::string>("text");
    QTest::newRow("deep-nesting") << std::string(100000, '[');
    QTest::newRow("deep-nesting-closed") << std::string(5000, '[') + std::string(5000, ']');
    QTest::newRow("nul-bytes") << std::string("{\"Statement\": \0}", 16);
    QTest::newRow("invalid-utf8") << std::string("{\"Sid\": \"\xff\xfe\"}");
    QTest::newRow("huge-number") << std::string("{\"Version\": 1e999999}");
    QTest::newRow("only-whitespace") << std::string("  \n\t ");
    QTest::newRow("bare-string") << std::string("\"policy\"");
    QTest::newRow("condition-null-value") << std::string(R"({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {"k": null}}}]})");
    QTest::newRow("escaped-keys") << std::string(R"({"St\u0061tement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})");
}

void tst_PolicyParser::hostileInputNeverCrashes()
{
    QFETCH(std::string, text);
    const ParseResult parsed = parsePolicy(text, "hostile");
    if (!parsed.ok())
        QVERIFY(!parsed.diagnostics.empty());
    for (const Diagnostic &d : parsed.diagnostics)
        QVERIFY(d.where.line >= 1 && d.where.column >= 1);
}

void tst_PolicyParser::jsonValueOverload()
{
    // The AWS API takes a policy as a string; iam-sim also takes an embedded object.
    const nlohmann::json asObject = nlohmann::json::parse(kUserPolicy);
    const ParseResult fromObject = parsePolicyValue(asObject, "obj");
    const ParseResult fromString = parsePolicyValue(nlohmann::json(std::string(kUserPolicy)), "str");
    QVERIFY(fromObject.ok());
    QVERIFY(fromString.ok());
    QCOMPARE(fromObject.document->statements.size(), fromString.document->statements.size());
    QCOMPARE(fromString.document->statements[1].range.start.line, 5);
}

void tst_PolicyParser::mutatedPoliciesNeverCrash()
{
    // A small deterministic fuzzer: flip, drop, repeat and splice bytes of a real
    // policy thousands of times; every result must come back as a document or as
    // diagnostics with positions, and whatever parses must compile and evaluate.
    const std::string seeds[] = {kUserPolicy, R"({"Statement": [{"Effect": "Deny", "Principal": {"AWS": ["*"]},
        "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b/${aws:username}/*",
        "Condition": {"ForAnyValue:StringLike": {"aws:TagKeys": ["a*", 1, true]}, "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]})"};
    std::uint64_t state = 0x1A3570D02026ull;
    const auto next = [&state] {
        state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    const char alphabet[] = "{}[]\":,*?$ \n\\aZ09-/";
    int parsedCount = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = seeds[next() % 2];
        for (int edits = 1 + static_cast<int>(next() % 3); edits > 0 && !text.empty(); --edits) {
            const std::size_t at = next() % text.size();
            switch (next() % 4) {
            case 0: text[at] = alphabet[next() % (sizeof alphabet - 1)]; break;
            case 1: text.erase(at, 1 + next() % 8); break;
            case 2: text.insert(at, text.substr(at, next() % 16)); break;
            case 3: text.insert(at, 1, static_cast<char>(next() % 256)); break;
            }
        }
        const ParseResult parsed = parsePolicy(text, "fuzz");
        for (const Diagnostic &d : parsed.diagnostics)
            QVERIFY(d.where.line >= 1 && d.where.column >= 1);
        if (!parsed.ok())
            continue;
        ++parsedCount;
        const auto policy = compilePolicy(*parsed.document, "fuzz", PolicyType::Resource);
        PolicySet set;
        set.resource = policy;
        set.identity.push_back(policy);
        RequestContext context;
        context.set("aws:username", {"dana"});
        const Decision decision = evaluate(set, Request{"arn:aws:iam::111122223333:user/dana", "s3:GetObject",
                                                        "arn:aws:s3:::b/dana/x", "", &context},
                                           {.trace = true});
        QVERIFY(decision.outcome == Outcome::Allowed || decision.outcome == Outcome::ExplicitDeny
                || decision.outcome == Outcome::ImplicitDeny);
    }
    QVERIFY(parsedCount > 100);   // the fuzzer must also reach the compiler and evaluator
}

QTEST_APPLESS_MAIN(tst_PolicyParser)
#include "tst_PolicyParser.moc"
