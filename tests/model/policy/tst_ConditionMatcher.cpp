// ConditionMatcher: one condition clause (operator, key, values) against the request
// context, for every operator family, with IfExists, the set qualifiers, Null,
// policy variables and missing keys. Each clause is compiled from a real one-statement
// policy, so the tests see what the evaluator sees.

#include "CompiledPolicy.h"
#include "ConditionMatcher.h"
#include "PolicyParser.h"

#include <QtTest>

#include <memory>
#include <string>

using namespace iam;

class tst_ConditionMatcher : public QObject
{
    Q_OBJECT

private slots:
    void operators_data();
    void operators();
    void variablesNeedVersion2012_data();
    void variablesNeedVersion2012();
    void missingKeyIsReported();
    void missingKeysAreReportedOnceInAnyCase();
    void missingVariableKeyIsReported();
    void nullDoesNotReportMissingKey();
    void nullContextIsAnEmptyContext();
    void detailSaysWhyTheClauseIsFalse();
};

// One compiled policy holding one statement with one condition clause.
struct Clause
{
    std::shared_ptr<const CompiledPolicy> policy;
    const CompiledCondition &condition() const { return policy->statements().at(0).conditions.at(0); }
};

// `values` is JSON as it would stand in the policy: ["a", "b"], "a", true.
static Clause compileClause(const std::string &op, const std::string &key, const std::string &values,
                            const std::string &version = "2012-10-17")
{
    const std::string text = R"({"Version": ")" + version + R"(", "Statement": [{"Effect": "Allow", "Action": "*",
        "Resource": "*", "Condition": {")" + op + R"(": {")" + key + R"(": )" + values + "}}}]}";
    // Grammar errors (an unknown operator) are allowed: the compiler is total.
    const ParseResult parsed = parsePolicy(text, "PolicyInputList.1");
    if (!parsed.document)
        qFatal("test policy is not JSON: %s", text.c_str());
    Clause clause{compilePolicy(*parsed.document, "PolicyInputList.1", PolicyType::Identity)};
    if (clause.policy->statements().size() != 1 || clause.policy->statements()[0].conditions.size() != 1)
        qFatal("test policy did not compile to one clause: %s", text.c_str());
    return clause;
}

// "key=v1|v2;other=v3": keys and their values; "key=[]" gives a key with no values,
// "key=" a key whose one value is the empty string.
static RequestContext contextFrom(const QString &spec)
{
    RequestContext context;
    for (const QString &entry : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        const QString key = entry.left(eq);
        const QString rest = entry.mid(eq + 1);
        std::vector<std::string> values;
        if (rest != QLatin1String("[]")) {
            for (const QString &value : rest.split(QLatin1Char('|')))
                values.push_back(value.toStdString());
        }
        context.set(key.toStdString(), std::move(values));
    }
    return context;
}

static QString outcomeWord(ConditionOutcome outcome)
{
    switch (outcome) {
    case ConditionOutcome::True: return QStringLiteral("true");
    case ConditionOutcome::False: return QStringLiteral("false");
    case ConditionOutcome::FalseMissingKey: return QStringLiteral("missing");
    }
    return {};
}

static void row(const char *name, const char *op, const char *key, const char *values, const char *context,
                const char *expected)
{
    QTest::newRow(name) << QString::fromUtf8(op) << QString::fromUtf8(key) << QString::fromUtf8(values)
                        << QString::fromUtf8(context) << QString::fromUtf8(expected);
}

void tst_ConditionMatcher::operators_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("expected");   // "true", "false", or "missing" (false: key absent)

    // reference_policies_elements_condition_operators.md § "String condition operators":
    // StringEquals is exact and case-sensitive; values of one key are ORed.
    row("string-equals-match", "StringEquals", "aws:PrincipalTag/department", R"(["finance"])",
        "aws:PrincipalTag/department=finance", "true");
    row("string-equals-scalar-value", "StringEquals", "aws:PrincipalTag/department", R"("finance")",
        "aws:PrincipalTag/department=finance", "true");
    row("string-equals-value-case-sensitive", "StringEquals", "aws:PrincipalTag/department", R"(["finance"])",
        "aws:PrincipalTag/department=Finance", "false");
    row("string-equals-values-are-ored", "StringEquals", "aws:PrincipalTag/department", R"(["legal", "finance"])",
        "aws:PrincipalTag/department=finance", "true");
    row("string-equals-star-is-literal", "StringEquals", "s3:prefix", R"(["home/*"])", "s3:prefix=home/dana", "false");
    row("string-equals-star-matches-star-text", "StringEquals", "s3:prefix", R"(["home/*"])", "s3:prefix=home/*", "true");
    row("string-equals-question-is-literal", "StringEquals", "s3:prefix", R"(["a?c"])", "s3:prefix=abc", "false");
    row("string-equals-empty-policy-value", "StringEquals", "s3:prefix", R"([""])", "s3:prefix=home", "false");
    row("string-equals-empty-request-value", "StringEquals", "s3:prefix", R"([""])", "s3:prefix=", "true");
    row("string-not-equals-different", "StringNotEquals", "aws:PrincipalTag/department", R"(["finance"])",
        "aws:PrincipalTag/department=legal", "true");
    row("string-not-equals-same", "StringNotEquals", "aws:PrincipalTag/department", R"(["finance"])",
        "aws:PrincipalTag/department=finance", "false");
    row("string-not-equals-any-listed-value-fails", "StringNotEquals", "aws:PrincipalTag/department",
        R"(["legal", "finance"])", "aws:PrincipalTag/department=finance", "false");
    row("string-not-equals-case-sensitive", "StringNotEquals", "aws:PrincipalTag/department", R"(["finance"])",
        "aws:PrincipalTag/department=FINANCE", "true");
    row("string-equals-ignore-case-match", "StringEqualsIgnoreCase", "aws:PrincipalTag/department",
        R"(["FINANCE"])", "aws:PrincipalTag/department=Finance", "true");
    row("string-equals-ignore-case-still-compares-value", "StringEqualsIgnoreCase", "aws:PrincipalTag/department",
        R"(["Finance"])", "aws:PrincipalTag/department=legal", "false");
    row("string-equals-ignore-case-star-is-literal", "StringEqualsIgnoreCase", "s3:prefix", R"(["HOME/*"])",
        "s3:prefix=home/dana", "false");
    row("string-not-equals-ignore-case-same-but-case", "StringNotEqualsIgnoreCase", "aws:PrincipalTag/department",
        R"(["FINANCE"])", "aws:PrincipalTag/department=finance", "false");
    row("string-not-equals-ignore-case-different", "StringNotEqualsIgnoreCase", "aws:PrincipalTag/department",
        R"(["FINANCE"])", "aws:PrincipalTag/department=legal", "true");
    // StringLike: `*` and `?` anywhere, case-sensitive; partial matches need a wildcard.
    row("string-like-prefix", "StringLike", "s3:prefix", R"(["David/*"])", "s3:prefix=David/photos/", "true");
    row("string-like-star-matches-empty", "StringLike", "s3:prefix", R"(["home/*"])", "s3:prefix=home/", "true");
    row("string-like-partial-needs-wildcard", "StringLike", "s3:prefix", R"(["home/"])", "s3:prefix=home/dana", "false");
    row("string-like-case-sensitive", "StringLike", "s3:prefix", R"(["David/*"])", "s3:prefix=david/photos", "false");
    row("string-like-question-one-char", "StringLike", "ec2:InstanceType", R"(["t?.micro"])",
        "ec2:InstanceType=t2.micro", "true");
    row("string-like-question-not-two-chars", "StringLike", "ec2:InstanceType", R"(["t?.micro"])",
        "ec2:InstanceType=t20.micro", "false");
    row("string-like-any-of-the-patterns", "StringLike", "ec2:InstanceType", R"(["t1.*", "t2.*", "m3.*"])",
        "ec2:InstanceType=m3.medium", "true");
    row("string-like-none-of-the-patterns", "StringLike", "ec2:InstanceType", R"(["t1.*", "t2.*", "m3.*"])",
        "ec2:InstanceType=m5.large", "false");
    row("string-like-empty-pattern-matches-empty", "StringLike", "s3:prefix", R"(["", "home/"])", "s3:prefix=",
        "true");
    row("string-like-star-crosses-colons", "StringLike", "aws:SourceArn",
        R"(["arn:aws:someservice:*:111122223333:finance/*"])",
        "aws:SourceArn=arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", "true");
    row("string-not-like-outside", "StringNotLike", "ec2:InstanceType", R"(["t2.*"])", "ec2:InstanceType=m5.large",
        "true");
    row("string-not-like-inside", "StringNotLike", "ec2:InstanceType", R"(["t2.*"])", "ec2:InstanceType=t2.micro",
        "false");
    // reference_policies_elements_condition.md: condition key names are case-insensitive.
    row("key-name-case-insensitive", "StringEquals", "Aws:RequestedRegion", R"(["us-east-1"])",
        "aws:requestedregion=us-east-1", "true");
    row("key-name-case-insensitive-upper-context", "StringEquals", "aws:RequestedRegion", R"(["us-east-1"])",
        "AWS:REQUESTEDREGION=us-east-1", "true");

    // § "Numeric condition operators": integers and decimals, compared as numbers.
    row("numeric-equals", "NumericEquals", "s3:max-keys", R"(["10"])", "s3:max-keys=10", "true");
    row("numeric-equals-compares-numbers-not-text", "NumericEquals", "s3:max-keys", R"(["10"])", "s3:max-keys=10.0",
        "true");
    row("numeric-equals-json-number", "NumericEquals", "s3:max-keys", "10", "s3:max-keys=10", "true");
    row("numeric-equals-different", "NumericEquals", "s3:max-keys", R"(["10"])", "s3:max-keys=11", "false");
    row("numeric-equals-values-are-ored", "NumericEquals", "s3:max-keys", R"(["5", "10"])", "s3:max-keys=10", "true");
    row("numeric-not-equals-different", "NumericNotEquals", "s3:max-keys", R"(["10"])", "s3:max-keys=11", "true");
    row("numeric-not-equals-same", "NumericNotEquals", "s3:max-keys", R"(["10"])", "s3:max-keys=10.00", "false");
    row("numeric-less-than-below", "NumericLessThan", "s3:max-keys", R"(["10"])", "s3:max-keys=9", "true");
    row("numeric-less-than-equal-is-false", "NumericLessThan", "s3:max-keys", R"(["10"])", "s3:max-keys=10", "false");
    row("numeric-less-than-equals-equal", "NumericLessThanEquals", "s3:max-keys", R"(["10"])", "s3:max-keys=10", "true");
    row("numeric-less-than-equals-above", "NumericLessThanEquals", "aws:MultiFactorAuthAge", R"(["3600"])",
        "aws:MultiFactorAuthAge=7200", "false");
    row("numeric-greater-than-above", "NumericGreaterThan", "s3:max-keys", R"(["100"])", "s3:max-keys=250", "true");
    row("numeric-greater-than-equal-is-false", "NumericGreaterThan", "s3:max-keys", R"(["100"])", "s3:max-keys=100",
        "false");
    row("numeric-greater-than-equals-equal", "NumericGreaterThanEquals", "s3:max-keys", R"(["100"])",
        "s3:max-keys=100", "true");
    row("numeric-greater-than-equals-below", "NumericGreaterThanEquals", "s3:max-keys", R"(["100"])",
        "s3:max-keys=99", "false");
    row("numeric-decimals", "NumericLessThan", "lab:ratio", R"(["1.5"])", "lab:ratio=1.25", "true");
    row("numeric-decimals-not-text-order", "NumericLessThan", "lab:ratio", R"(["9"])", "lab:ratio=10", "false");
    row("numeric-negative", "NumericGreaterThan", "lab:delta", R"(["-1"])", "lab:delta=0", "true");
    row("numeric-request-not-a-number", "NumericEquals", "s3:max-keys", R"(["10"])", "s3:max-keys=ten", "false");
    row("numeric-request-not-a-number-greater", "NumericGreaterThanEquals", "s3:max-keys", R"(["0"])",
        "s3:max-keys=lots", "false");
    row("numeric-policy-not-a-number", "NumericEquals", "s3:max-keys", R"(["ten"])", "s3:max-keys=10", "false");
    row("numeric-no-wildcards", "NumericEquals", "s3:max-keys", R"(["1*"])", "s3:max-keys=10", "false");
    row("numeric-infinity-is-not-a-number", "NumericLessThan", "s3:max-keys", R"(["inf"])", "s3:max-keys=10", "false");
    row("numeric-minus-infinity-is-not-a-number", "NumericGreaterThan", "s3:max-keys", R"(["-infinity"])",
        "s3:max-keys=10", "false");

    // § "Date condition operators": W3C ISO 8601 or epoch time, on either side.
    row("date-less-than-before", "DateLessThan", "aws:CurrentTime", R"(["2030-01-01T00:00:00Z"])",
        "aws:CurrentTime=2029-12-31T23:59:59Z", "true");
    row("date-less-than-same-instant", "DateLessThan", "aws:CurrentTime", R"(["2030-01-01T00:00:00Z"])",
        "aws:CurrentTime=2030-01-01T00:00:00Z", "false");
    row("date-less-than-equals-same-instant", "DateLessThanEquals", "aws:CurrentTime", R"(["2030-01-01T00:00:00Z"])",
        "aws:CurrentTime=2030-01-01T00:00:00Z", "true");
    row("date-greater-than-token-issue-time", "DateGreaterThan", "aws:TokenIssueTime", R"(["2020-01-01T00:00:01Z"])",
        "aws:TokenIssueTime=2020-06-01T00:00:00Z", "true");
    row("date-greater-than-same-instant", "DateGreaterThan", "aws:TokenIssueTime", R"(["2020-01-01T00:00:01Z"])",
        "aws:TokenIssueTime=2020-01-01T00:00:01Z", "false");
    row("date-greater-than-equals-same-instant", "DateGreaterThanEquals", "aws:TokenIssueTime",
        R"(["2020-01-01T00:00:01Z"])", "aws:TokenIssueTime=2020-01-01T00:00:01Z", "true");
    row("date-epoch-request-iso-policy", "DateGreaterThan", "aws:EpochTime", R"(["2024-06-01T00:00:00Z"])",
        "aws:EpochTime=1735689600", "true");
    row("date-iso-request-epoch-policy", "DateLessThan", "aws:CurrentTime", R"(["1735689600"])",
        "aws:CurrentTime=2024-06-01T00:00:00Z", "true");
    row("date-equals-iso-and-epoch", "DateEquals", "aws:CurrentTime", R"(["1717200000"])",
        "aws:CurrentTime=2024-06-01T00:00:00Z", "true");
    row("date-equals-across-offsets", "DateEquals", "aws:CurrentTime", R"(["2024-06-01T10:00:00+02:00"])",
        "aws:CurrentTime=2024-06-01T08:00:00Z", "true");
    row("date-equals-date-only-is-midnight", "DateEquals", "aws:CurrentTime", R"(["2024-06-01"])",
        "aws:CurrentTime=2024-06-01T00:00:00Z", "true");
    row("date-not-equals-other-day", "DateNotEquals", "aws:CurrentTime", R"(["2024-06-01"])",
        "aws:CurrentTime=2024-06-02", "true");
    row("date-not-equals-same-instant", "DateNotEquals", "aws:CurrentTime", R"(["2024-06-01T00:00:00Z"])",
        "aws:CurrentTime=1717200000", "false");
    row("date-request-not-a-date", "DateLessThan", "aws:CurrentTime", R"(["2030-01-01T00:00:00Z"])",
        "aws:CurrentTime=tomorrow", "false");
    // "Wildcards are not permitted for date condition operators."
    row("date-no-wildcards", "DateEquals", "aws:CurrentTime", R"(["2024-06-*"])", "aws:CurrentTime=2024-06-01",
        "false");

    // § "Boolean condition operators"; "true"/"false" in any case (EVALUATION.md rule 11).
    row("bool-true-matches-true", "Bool", "aws:SecureTransport", R"(["true"])", "aws:SecureTransport=true", "true");
    row("bool-false-does-not-match-true", "Bool", "aws:SecureTransport", R"(["false"])", "aws:SecureTransport=true",
        "false");
    row("bool-false-matches-false", "Bool", "aws:SecureTransport", R"(["false"])", "aws:SecureTransport=false", "true");
    row("bool-json-literal", "Bool", "aws:MultiFactorAuthPresent", "true", "aws:MultiFactorAuthPresent=true", "true");
    row("bool-any-case", "Bool", "aws:MultiFactorAuthPresent", R"(["True"])", "aws:MultiFactorAuthPresent=TRUE",
        "true");
    row("bool-request-not-a-boolean", "Bool", "aws:SecureTransport", R"(["true"])", "aws:SecureTransport=yes", "false");
    row("bool-policy-not-a-boolean", "Bool", "aws:SecureTransport", R"(["1"])", "aws:SecureTransport=true", "false");

    // § "Binary condition operators": base-64 values compared byte for byte.
    row("binary-equals-same", "BinaryEquals", "lab:payload", R"(["QmluYXJ5VmFsdWVJbkJhc2U2NA=="])",
        "lab:payload=QmluYXJ5VmFsdWVJbkJhc2U2NA==", "true");
    row("binary-equals-different", "BinaryEquals", "lab:payload", R"(["QmluYXJ5VmFsdWVJbkJhc2U2NA=="])",
        "lab:payload=QmluYXJ5", "false");
    row("binary-equals-case-matters", "BinaryEquals", "lab:payload", R"(["QmluYXJ5VmFsdWVJbkJhc2U2NA=="])",
        "lab:payload=qmluyxj5vmfsdwvjbkjhc2u2na==", "false");

    // § "IP address condition operators": IPv4 and IPv6 CIDR; a bare address is /32.
    row("ip-v4-inside", "IpAddress", "aws:SourceIp", R"(["203.0.113.0/24"])", "aws:SourceIp=203.0.113.77", "true");
    row("ip-v4-outside", "IpAddress", "aws:SourceIp", R"(["203.0.113.0/24"])", "aws:SourceIp=203.0.114.1", "false");
    row("ip-bare-address-is-slash-32", "IpAddress", "aws:SourceIp", R"(["192.0.2.7"])", "aws:SourceIp=192.0.2.7",
        "true");
    row("ip-bare-address-neighbour", "IpAddress", "aws:SourceIp", R"(["192.0.2.7"])", "aws:SourceIp=192.0.2.8",
        "false");
    row("ip-mixed-list-v6-inside", "IpAddress", "aws:SourceIp", R"(["203.0.113.0/24", "2001:DB8:1234:5678::/64"])",
        "aws:SourceIp=2001:db8:1234:5678:1::9", "true");
    row("ip-mixed-list-v6-outside", "IpAddress", "aws:SourceIp", R"(["203.0.113.0/24", "2001:DB8:1234:5678::/64"])",
        "aws:SourceIp=2001:db8:1234:5679::1", "false");
    row("ip-request-not-an-address", "IpAddress", "aws:SourceIp", R"(["203.0.113.0/24"])", "aws:SourceIp=localhost",
        "false");
    row("not-ip-address-outside", "NotIpAddress", "aws:SourceIp", R"(["192.0.2.0/24"])", "aws:SourceIp=192.0.3.1",
        "true");
    row("not-ip-address-inside", "NotIpAddress", "aws:SourceIp", R"(["192.0.2.0/24"])", "aws:SourceIp=192.0.2.5",
        "false");
    row("not-ip-address-v6-inside", "NotIpAddress", "aws:SourceIp", R"(["2001:db8::/32"])",
        "aws:SourceIp=2001:db8:ffff::1", "false");
    row("not-ip-address-v6-outside", "NotIpAddress", "aws:SourceIp", R"(["2001:db8::/32"])",
        "aws:SourceIp=2001:db9::1", "true");

    // § "Amazon Resource Name (ARN) condition operators": case-sensitive, part by part,
    // wildcards allowed; ArnEquals and ArnLike behave identically.
    row("arn-equals-exact", "ArnEquals", "aws:SourceArn", R"(["arn:aws:sns:us-east-2:111122223333:lab-topic"])",
        "aws:SourceArn=arn:aws:sns:us-east-2:111122223333:lab-topic", "true");
    row("arn-equals-takes-wildcards-like-arn-like", "ArnEquals", "aws:SourceArn", R"(["arn:aws:sns:*:111122223333:*"])",
        "aws:SourceArn=arn:aws:sns:us-east-2:111122223333:lab-topic", "true");
    row("arn-like-wildcards", "ArnLike", "aws:SourceArn", R"(["arn:aws:sns:*:111122223333:*"])",
        "aws:SourceArn=arn:aws:sns:us-east-2:111122223333:lab-topic", "true");
    row("arn-like-star-stays-in-its-part", "ArnLike", "aws:SourceArn",
        R"(["arn:aws:someservice:*:111122223333:finance/*"])",
        "aws:SourceArn=arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", "false");
    row("arn-equals-star-stays-in-its-part", "ArnEquals", "aws:SourceArn",
        R"(["arn:aws:someservice:*:111122223333:finance/*"])",
        "aws:SourceArn=arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", "false");
    row("arn-like-case-sensitive", "ArnLike", "aws:PrincipalArn", R"(["arn:aws:iam::111122223333:role/Ops*"])",
        "aws:PrincipalArn=arn:aws:iam::111122223333:role/ops-admin", "false");
    row("arn-like-question", "ArnLike", "aws:PrincipalArn", R"(["arn:aws:iam::111122223333:role/Ops?"])",
        "aws:PrincipalArn=arn:aws:iam::111122223333:role/Ops1", "true");
    row("arn-not-like-user-outside-role-pattern", "ArnNotLike", "aws:PrincipalArn",
        R"(["arn:aws:iam::111122223333:role/Ops*"])", "aws:PrincipalArn=arn:aws:iam::111122223333:user/dana", "true");
    row("arn-not-like-inside", "ArnNotLike", "aws:PrincipalArn", R"(["arn:aws:iam::111122223333:role/Ops*"])",
        "aws:PrincipalArn=arn:aws:iam::111122223333:role/OpsAdmin", "false");
    row("arn-not-equals-inside", "ArnNotEquals", "aws:PrincipalArn", R"(["arn:aws:iam::111122223333:role/Ops*"])",
        "aws:PrincipalArn=arn:aws:iam::111122223333:role/OpsAdmin", "false");
    row("arn-like-request-not-an-arn", "ArnLike", "aws:SourceArn", R"(["arn:aws:s3:::*"])", "aws:SourceArn=lab-bucket",
        "false");
    row("arn-like-lone-star", "ArnLike", "aws:SourceArn", R"(["*"])",
        "aws:SourceArn=arn:aws:sns:us-east-2:111122223333:lab-topic", "true");
    row("arn-like-service-part-exact", "ArnLike", "aws:SourceArn", R"(["arn:aws:sns:*:*:*"])",
        "aws:SourceArn=arn:aws:sqs:us-east-2:111122223333:queue1", "false");

    // § "Condition operator to check existence of condition keys": Null "true" means the
    // key is absent, "false" that it is present.
    row("null-true-key-absent", "Null", "aws:TokenIssueTime", R"(["true"])", "", "true");
    row("null-true-key-present", "Null", "aws:TokenIssueTime", R"(["true"])", "aws:TokenIssueTime=2024-06-01", "false");
    row("null-false-key-present", "Null", "aws:PrincipalTag/team", R"(["false"])", "aws:PrincipalTag/team=blue", "true");
    row("null-false-key-absent", "Null", "aws:PrincipalTag/team", R"(["false"])", "", "false");
    row("null-json-literal", "Null", "aws:TokenIssueTime", "true", "", "true");
    row("null-key-without-values-is-absent", "Null", "aws:TagKeys", R"(["true"])", "aws:TagKeys=[]", "true");
    row("null-key-name-case-insensitive", "Null", "AWS:TokenIssueTime", R"(["false"])",
        "aws:tokenissuetime=2024-06-01", "true");

    // The page's opening note (Important): an absent key matches no value, so a positive
    // operator is false and a negated one ("the key is not matched") is true.
    row("missing-key-string-equals", "StringEquals", "aws:PrincipalTag/team", R"(["blue"])", "", "missing");
    row("missing-key-string-like", "StringLike", "s3:prefix", R"(["*"])", "", "missing");
    row("missing-key-numeric", "NumericLessThan", "s3:max-keys", R"(["10"])", "", "missing");
    row("missing-key-date", "DateGreaterThan", "aws:TokenIssueTime", R"(["2020-01-01T00:00:01Z"])", "", "missing");
    row("missing-key-bool", "Bool", "aws:MultiFactorAuthPresent", R"(["true"])", "", "missing");
    row("missing-key-binary", "BinaryEquals", "lab:payload", R"(["QQ=="])", "", "missing");
    row("missing-key-ip", "IpAddress", "aws:SourceIp", R"(["0.0.0.0/0"])", "", "missing");
    row("missing-key-arn", "ArnLike", "aws:SourceArn", R"(["*"])", "", "missing");
    row("missing-key-other-key-present", "StringEquals", "aws:PrincipalTag/team", R"(["blue"])",
        "aws:PrincipalTag/department=blue", "missing");
    row("key-without-values-is-missing", "StringEquals", "aws:TagKeys", R"(["team"])", "aws:TagKeys=[]", "missing");
    row("missing-key-string-not-equals", "StringNotEquals", "aws:PrincipalTag/team", R"(["blue"])", "", "true");
    row("missing-key-string-not-equals-ignore-case", "StringNotEqualsIgnoreCase", "aws:PrincipalTag/team",
        R"(["blue"])", "", "true");
    row("missing-key-string-not-like", "StringNotLike", "s3:prefix", R"(["home/*"])", "", "true");
    row("missing-key-numeric-not-equals", "NumericNotEquals", "s3:max-keys", R"(["10"])", "", "true");
    row("missing-key-date-not-equals", "DateNotEquals", "aws:CurrentTime", R"(["2024-06-01"])", "", "true");
    row("missing-key-not-ip-address", "NotIpAddress", "aws:SourceIp", R"(["192.0.2.0/24"])", "", "true");
    row("missing-key-arn-not-like", "ArnNotLike", "aws:SourceArn", R"(["arn:aws:sns:*:*:*"])", "", "true");
    row("missing-key-arn-not-equals", "ArnNotEquals", "aws:SourceArn", R"(["arn:aws:sns:*:*:*"])", "", "true");

    // § "...IfExists condition operators": an absent key makes the clause true; a present
    // one is checked as usual.
    row("ifexists-absent-is-true", "StringLikeIfExists", "ec2:InstanceType", R"(["t1.*", "t2.*", "m3.*"])", "", "true");
    row("ifexists-present-matching", "StringLikeIfExists", "ec2:InstanceType", R"(["t1.*", "t2.*", "m3.*"])",
        "ec2:InstanceType=m3.medium", "true");
    row("ifexists-present-not-matching", "StringLikeIfExists", "ec2:InstanceType", R"(["t1.*", "t2.*", "m3.*"])",
        "ec2:InstanceType=m5.large", "false");
    row("ifexists-negated-absent-is-true", "StringNotEqualsIfExists", "aws:PrincipalTag/team", R"(["blue"])", "",
        "true");
    row("ifexists-negated-present-same", "StringNotEqualsIfExists", "aws:PrincipalTag/team", R"(["blue"])",
        "aws:PrincipalTag/team=blue", "false");
    row("ifexists-numeric-absent", "NumericLessThanIfExists", "s3:max-keys", R"(["10"])", "", "true");
    row("ifexists-numeric-present-too-big", "NumericLessThanIfExists", "s3:max-keys", R"(["10"])", "s3:max-keys=11",
        "false");
    row("ifexists-bool-absent", "BoolIfExists", "aws:MultiFactorAuthPresent", R"(["false"])", "", "true");
    row("ifexists-bool-present-true", "BoolIfExists", "aws:MultiFactorAuthPresent", R"(["false"])",
        "aws:MultiFactorAuthPresent=true", "false");
    row("ifexists-ip-absent", "IpAddressIfExists", "aws:SourceIp", R"(["192.0.2.0/24"])", "", "true");
    row("ifexists-ip-present-outside", "IpAddressIfExists", "aws:SourceIp", R"(["192.0.2.0/24"])",
        "aws:SourceIp=198.51.100.1", "false");
    row("ifexists-date-absent", "DateLessThanIfExists", "aws:TokenIssueTime", R"(["2020-01-01"])", "", "true");
    row("ifexists-arn-absent", "ArnLikeIfExists", "aws:SourceArn", R"(["arn:aws:sns:*:*:*"])", "", "true");
    row("ifexists-binary-absent", "BinaryEqualsIfExists", "lab:payload", R"(["QQ=="])", "", "true");

    // reference_policies_multi-value-conditions.md § "Evaluation Logic for Condition Set
    // Operators" and reference_policies_condition-single-vs-multi-valued-context-keys.md
    // (current AWS docs) § "Set operators for multivalued context keys": ForAllValues
    // holds when every request value matches some policy value, and also when the key is
    // absent; ForAnyValue when some request value matches, never when the key is absent.
    row("forallvalues-subset", "ForAllValues:StringEquals", "dynamodb:Attributes", R"(["ID", "Message", "Tags"])",
        "dynamodb:Attributes=ID|Message", "true");
    row("forallvalues-one-value-outside", "ForAllValues:StringEquals", "dynamodb:Attributes",
        R"(["ID", "Message", "Tags"])", "dynamodb:Attributes=ID|UserName", "false");
    row("forallvalues-single-value", "ForAllValues:StringEquals", "dynamodb:Attributes", R"(["ID", "Message", "Tags"])",
        "dynamodb:Attributes=Tags", "true");
    row("forallvalues-missing-key-is-true", "ForAllValues:StringEquals", "dynamodb:Attributes", R"(["ID"])", "", "true");
    row("forallvalues-key-without-values-is-true", "ForAllValues:StringEquals", "aws:TagKeys", R"(["team"])",
        "aws:TagKeys=[]", "true");
    row("forallvalues-like", "ForAllValues:StringLike", "aws:TagKeys", R"(["Created*"])",
        "aws:TagKeys=CreatedBy|CreatedAt", "true");
    row("forallvalues-like-one-outside", "ForAllValues:StringLike", "aws:TagKeys", R"(["Created*"])",
        "aws:TagKeys=CreatedBy|Owner", "false");
    row("forallvalues-numeric", "ForAllValues:NumericLessThan", "lab:sizes", R"(["10"])", "lab:sizes=1|5|9", "true");
    row("forallvalues-numeric-one-too-big", "ForAllValues:NumericLessThan", "lab:sizes", R"(["10"])",
        "lab:sizes=1|50", "false");
    row("forallvalues-negated-none-listed", "ForAllValues:StringNotEquals", "aws:TagKeys", R"(["ID", "UserName"])",
        "aws:TagKeys=Message|Tags", "true");
    row("forallvalues-negated-one-listed", "ForAllValues:StringNotEquals", "aws:TagKeys", R"(["ID", "UserName"])",
        "aws:TagKeys=Message|ID", "false");
    row("forallvalues-negated-missing-key-is-true", "ForAllValues:StringNotLike", "aws:TagKeys", R"(["ID*"])", "",
        "true");
    row("foranyvalue-one-matches", "ForAnyValue:StringEquals", "dynamodb:Attributes", R"(["ID", "PostDateTime"])",
        "dynamodb:Attributes=UserName|Message|PostDateTime", "true");
    row("foranyvalue-none-matches", "ForAnyValue:StringEquals", "dynamodb:Attributes", R"(["ID", "PostDateTime"])",
        "dynamodb:Attributes=UserName", "false");
    row("foranyvalue-missing-key-is-false", "ForAnyValue:StringEquals", "dynamodb:Attributes", R"(["ID"])", "",
        "missing");
    row("foranyvalue-key-without-values-is-false", "ForAnyValue:StringEquals", "aws:TagKeys", R"(["team"])",
        "aws:TagKeys=[]", "missing");
    row("foranyvalue-like", "ForAnyValue:StringLike", "aws:TagKeys", R"(["cost*"])", "aws:TagKeys=owner|cost-center",
        "true");
    row("foranyvalue-ip", "ForAnyValue:IpAddress", "lab:addresses", R"(["10.0.0.0/8"])",
        "lab:addresses=192.0.2.1|10.1.2.3", "true");
    row("foranyvalue-negated-some-unlisted", "ForAnyValue:StringNotEquals", "aws:TagKeys", R"(["ID"])",
        "aws:TagKeys=ID|Message", "true");
    row("foranyvalue-negated-all-listed", "ForAnyValue:StringNotEquals", "aws:TagKeys", R"(["ID", "Message"])",
        "aws:TagKeys=ID|Message", "false");
    row("foranyvalue-negated-missing-key-is-false", "ForAnyValue:StringNotEquals", "aws:TagKeys", R"(["ID"])", "",
        "missing");
    row("forallvalues-ifexists-missing", "ForAllValues:StringEqualsIfExists", "aws:TagKeys", R"(["team"])", "", "true");
    row("foranyvalue-ifexists-missing", "ForAnyValue:StringEqualsIfExists", "aws:TagKeys", R"(["team"])", "", "true");
    row("foranyvalue-ifexists-present-no-match", "ForAnyValue:StringEqualsIfExists", "aws:TagKeys", R"(["team"])",
        "aws:TagKeys=owner", "false");
    // Without a qualifier, several request values: a positive operator holds when any
    // value matches, a negated one when none does (EVALUATION.md rule 11).
    row("no-qualifier-multivalued-any-matches", "StringEquals", "aws:TagKeys", R"(["team"])", "aws:TagKeys=owner|team",
        "true");
    row("no-qualifier-multivalued-negated-one-matches", "StringNotEquals", "aws:TagKeys", R"(["team"])",
        "aws:TagKeys=owner|team", "false");
    row("no-qualifier-multivalued-negated-none-matches", "StringNotEquals", "aws:TagKeys", R"(["team"])",
        "aws:TagKeys=owner|cost", "true");

    // reference_policies_variables.md § "Condition element", "Specifying default values",
    // "Special characters": variables in string and ARN condition values.
    row("variable-in-string-like", "StringLike", "s3:prefix", R"(["${aws:username}/*"])",
        "aws:username=dana;s3:prefix=dana/photos", "true");
    row("variable-other-users-prefix", "StringLike", "s3:prefix", R"(["${aws:username}/*"])",
        "aws:username=dana;s3:prefix=erin/photos", "false");
    row("variable-in-string-equals", "StringEquals", "s3:prefix", R"(["home/${aws:username}/"])",
        "aws:username=dana;s3:prefix=home/dana/", "true");
    row("variable-key-name-case-insensitive", "StringEquals", "s3:prefix", R"(["${AWS:UserName}"])",
        "aws:username=dana;s3:prefix=dana", "true");
    row("variable-value-case-sensitive", "StringEquals", "s3:prefix", R"(["${aws:username}"])",
        "aws:username=Dana;s3:prefix=dana", "false");
    row("variable-in-ignore-case", "StringEqualsIgnoreCase", "s3:prefix", R"(["${aws:username}"])",
        "aws:username=Dana;s3:prefix=dana", "true");
    // An unresolved variable invalidates the statement, whatever the other values
    // (reference_policies_variables.md: "any attempt to match it fails and causes the
    // statement to be invalid"): the clause is false for a missing key.
    row("variable-absent-no-default", "StringLike", "s3:prefix", R"(["${aws:username}/*"])", "s3:prefix=dana/photos",
        "missing");
    row("variable-absent-other-value-does-not-rescue", "StringLike", "s3:prefix", R"(["${aws:username}/*", "public/*"])",
        "s3:prefix=public/x", "missing");
    row("variable-absent-negated-operator-still-false", "StringNotLike", "s3:prefix", R"(["${aws:username}/*"])",
        "s3:prefix=public/x", "missing");
    row("variable-multivalued-key-has-no-value", "StringEquals", "s3:prefix", R"(["${aws:TagKeys}"])",
        "aws:TagKeys=a|b;s3:prefix=a", "missing");
    row("variable-default-when-absent", "StringEquals", "s3:prefix", R"(["${aws:PrincipalTag/team, 'company-wide'}"])",
        "s3:prefix=company-wide", "true");
    row("variable-default-ignored-when-present", "StringEquals", "s3:prefix",
        R"(["${aws:PrincipalTag/team, 'company-wide'}"])", "aws:PrincipalTag/team=yellow;s3:prefix=company-wide",
        "false");
    row("variable-present-value-used", "StringEquals", "s3:prefix", R"(["${aws:PrincipalTag/team, 'company-wide'}"])",
        "aws:PrincipalTag/team=yellow;s3:prefix=yellow", "true");
    row("variable-substituted-star-is-literal", "StringLike", "s3:prefix", R"(["${aws:username}/*"])",
        "aws:username=*;s3:prefix=dana/photos", "false");
    row("variable-substituted-star-matches-itself", "StringLike", "s3:prefix", R"(["${aws:username}/*"])",
        "aws:username=*;s3:prefix=*/photos", "true");
    row("variable-substituted-question-is-literal", "StringLike", "s3:prefix", R"(["${aws:username}"])",
        "aws:username=a?;s3:prefix=ab", "false");
    row("variable-special-star-in-like", "StringLike", "s3:prefix", R"(["a${*}b"])", "s3:prefix=axb", "false");
    row("variable-special-star-literal", "StringLike", "s3:prefix", R"(["a${*}b"])", "s3:prefix=a*b", "true");
    row("variable-special-star-in-equals", "StringEquals", "s3:prefix", R"(["a${*}b"])", "s3:prefix=a*b", "true");
    row("variable-special-question", "StringLike", "s3:prefix", R"(["what${?}.txt"])", "s3:prefix=what?.txt", "true");
    row("variable-special-question-not-wildcard", "StringLike", "s3:prefix", R"(["what${?}.txt"])",
        "s3:prefix=whatX.txt", "false");
    row("variable-special-dollar", "StringEquals", "lab:price", R"(["${$}100"])", "lab:price=$100", "true");
    row("variable-in-arn-like", "ArnLike", "aws:PrincipalArn", R"(["arn:aws:iam::111122223333:user/${aws:username}"])",
        "aws:username=dana;aws:PrincipalArn=arn:aws:iam::111122223333:user/dana", "true");
    row("variable-in-arn-like-other-user", "ArnLike", "aws:PrincipalArn",
        R"(["arn:aws:iam::111122223333:user/${aws:username}"])",
        "aws:username=dana;aws:PrincipalArn=arn:aws:iam::111122223333:user/erin", "false");
    // "You can't use a policy variable with other operators, such as Numeric, Date,
    // Boolean, Binary, IP Address, or Null operators."
    row("variable-not-substituted-in-numeric", "NumericEquals", "s3:max-keys", R"(["${lab:limit}"])",
        "lab:limit=10;s3:max-keys=10", "false");
    row("variable-not-substituted-in-ip", "IpAddress", "aws:SourceIp", R"(["${lab:range}"])",
        "lab:range=192.0.2.0/24;aws:SourceIp=192.0.2.1", "false");

    // reference_policies_elements_condition_operators.md lists the operators; one IAM does
    // not know (misspelt, lowercased - names are case-sensitive per ConditionOperator.h -, a
    // Null with IfExists, which § "...IfExists condition operators" rules out, or with a set
    // qualifier) never makes a clause true, not even by the absent-key rule of negated ones.
    row("unknown-operator", "StringEqualz", "aws:PrincipalTag/team", R"(["blue"])", "aws:PrincipalTag/team=blue",
        "false");
    row("unknown-negated-looking-operator-absent-key", "StringNotEqualz", "aws:PrincipalTag/team", R"(["blue"])", "",
        "false");
    row("unknown-ifexists-looking-operator-absent-key", "StringEqualzIfExists", "aws:PrincipalTag/team",
        R"(["blue"])", "", "false");
    row("operator-names-case-sensitive", "stringequals", "aws:PrincipalTag/team", R"(["blue"])",
        "aws:PrincipalTag/team=blue", "false");
    row("null-has-no-ifexists", "NullIfExists", "aws:TokenIssueTime", R"(["true"])", "", "false");
    row("null-takes-no-set-qualifier", "ForAllValues:Null", "aws:TokenIssueTime", R"(["true"])", "", "false");
    row("unknown-set-qualifier", "ForSomeValues:StringEquals", "aws:TagKeys", R"(["team"])", "aws:TagKeys=team",
        "false");
}

void tst_ConditionMatcher::operators()
{
    QFETCH(QString, op);
    QFETCH(QString, key);
    QFETCH(QString, values);
    QFETCH(QString, context);
    QFETCH(QString, expected);
    const Clause clause = compileClause(op.toStdString(), key.toStdString(), values.toStdString());
    const RequestContext requestContext = contextFrom(context);
    Decision decision;
    std::string detail;
    const ConditionOutcome outcome = evaluateCondition(clause.condition(), &requestContext, decision, &detail);
    QCOMPARE(outcomeWord(outcome), expected);
    // A false clause always says why.
    QCOMPARE(detail.empty(), outcome == ConditionOutcome::True);
    // Evaluating twice into the same decision gives the same answer.
    QCOMPARE(outcomeWord(evaluateCondition(clause.condition(), &requestContext, decision, nullptr)), expected);
}

void tst_ConditionMatcher::variablesNeedVersion2012_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("expected");

    // reference_policies_variables.md § "Introduction" (Note): variables were introduced
    // in 2012-10-17; under earlier versions `${aws:username}` is a literal string.
    QTest::newRow("2012-substitutes") << "2012-10-17" << "dana/x" << true;
    QTest::newRow("2012-no-literal-text") << "2012-10-17" << "${aws:username}/x" << false;
    QTest::newRow("2008-literal-text") << "2008-10-17" << "${aws:username}/x" << true;
    QTest::newRow("2008-no-substitution") << "2008-10-17" << "dana/x" << false;
}

void tst_ConditionMatcher::variablesNeedVersion2012()
{
    QFETCH(QString, version);
    QFETCH(QString, prefix);
    QFETCH(bool, expected);
    const Clause clause = compileClause("StringLike", "s3:prefix", R"(["${aws:username}/*"])", version.toStdString());
    RequestContext context;
    context.set("aws:username", {"dana"});
    context.set("s3:prefix", {prefix.toStdString()});
    Decision decision;
    QCOMPARE(evaluateCondition(clause.condition(), &context, decision, nullptr) == ConditionOutcome::True, expected);
}

void tst_ConditionMatcher::missingKeyIsReported()
{
    // Decision.missingContextKeys: the keys a clause referred to that the request lacked,
    // spelled as the policy spells them.
    const Clause clause = compileClause("StringEquals", "aws:PrincipalTag/Team", R"(["blue"])");
    const RequestContext context = contextFrom("aws:username=dana");
    Decision decision;
    QCOMPARE(evaluateCondition(clause.condition(), &context, decision, nullptr), ConditionOutcome::FalseMissingKey);
    QCOMPARE(decision.missingContextKeys.size(), std::size_t(1));
    QCOMPARE(std::string(decision.missingContextKeys[0]), std::string("aws:PrincipalTag/Team"));

    // A present key is not reported, whether the clause holds or not.
    Decision present;
    const RequestContext withTag = contextFrom("aws:principaltag/team=red");
    QCOMPARE(evaluateCondition(clause.condition(), &withTag, present, nullptr), ConditionOutcome::False);
    QVERIFY(present.missingContextKeys.empty());

    // The clause that holds because the key is absent still names the key: the answer
    // depends on it.
    const Clause ifExists = compileClause("StringEqualsIfExists", "aws:PrincipalTag/Team", R"(["blue"])");
    Decision absent;
    QCOMPARE(evaluateCondition(ifExists.condition(), &context, absent, nullptr), ConditionOutcome::True);
    QCOMPARE(absent.missingContextKeys.size(), std::size_t(1));
}

void tst_ConditionMatcher::missingKeysAreReportedOnceInAnyCase()
{
    const Clause lower = compileClause("StringEquals", "aws:sourcevpc", R"(["vpc-1"])");
    const Clause mixed = compileClause("StringNotEquals", "AWS:SourceVpc", R"(["vpc-2"])");
    const Clause other = compileClause("Bool", "aws:SecureTransport", R"(["true"])");
    Decision decision;
    evaluateCondition(lower.condition(), nullptr, decision, nullptr);
    evaluateCondition(mixed.condition(), nullptr, decision, nullptr);
    evaluateCondition(lower.condition(), nullptr, decision, nullptr);
    evaluateCondition(other.condition(), nullptr, decision, nullptr);
    QCOMPARE(decision.missingContextKeys.size(), std::size_t(2));
    QCOMPARE(std::string(decision.missingContextKeys[0]), std::string("aws:sourcevpc"));
    QCOMPARE(std::string(decision.missingContextKeys[1]), std::string("aws:SecureTransport"));

    // noteMissingKey() is the same rule, callable on its own.
    noteMissingKey(decision, "AWS:SECURETRANSPORT");
    QCOMPARE(decision.missingContextKeys.size(), std::size_t(2));
}

void tst_ConditionMatcher::missingVariableKeyIsReported()
{
    // reference_policies_variables.md: a variable whose key is absent matches nothing;
    // its key (lowercased by the compiler) is reported as missing.
    const Clause clause = compileClause("StringLike", "s3:prefix", R"(["${aws:username}/*"])");
    const RequestContext context = contextFrom("s3:prefix=dana/x");
    Decision decision;
    QCOMPARE(evaluateCondition(clause.condition(), &context, decision, nullptr), ConditionOutcome::FalseMissingKey);
    QCOMPARE(decision.missingContextKeys.size(), std::size_t(1));
    QCOMPARE(std::string(decision.missingContextKeys[0]), std::string("aws:username"));

    // A default value fills in: nothing is missing.
    const Clause defaulted = compileClause("StringLike", "s3:prefix", R"(["${aws:username, 'dana'}/*"])");
    Decision filled;
    QCOMPARE(evaluateCondition(defaulted.condition(), &context, filled, nullptr), ConditionOutcome::True);
    QVERIFY(filled.missingContextKeys.empty());
}

void tst_ConditionMatcher::nullDoesNotReportMissingKey()
{
    // Null asks about presence itself: an absent key is its answer, not a gap.
    const Clause clause = compileClause("Null", "aws:TokenIssueTime", R"(["true"])");
    Decision decision;
    QCOMPARE(evaluateCondition(clause.condition(), nullptr, decision, nullptr), ConditionOutcome::True);
    QVERIFY(decision.missingContextKeys.empty());
}

void tst_ConditionMatcher::nullContextIsAnEmptyContext()
{
    const Clause positive = compileClause("StringEquals", "aws:username", R"(["dana"])");
    const Clause negated = compileClause("StringNotEquals", "aws:username", R"(["dana"])");
    const Clause forAll = compileClause("ForAllValues:StringEquals", "aws:TagKeys", R"(["team"])");
    const Clause forAny = compileClause("ForAnyValue:StringEquals", "aws:TagKeys", R"(["team"])");
    Decision decision;
    QCOMPARE(evaluateCondition(positive.condition(), nullptr, decision, nullptr), ConditionOutcome::FalseMissingKey);
    QCOMPARE(evaluateCondition(negated.condition(), nullptr, decision, nullptr), ConditionOutcome::True);
    QCOMPARE(evaluateCondition(forAll.condition(), nullptr, decision, nullptr), ConditionOutcome::True);
    QCOMPARE(evaluateCondition(forAny.condition(), nullptr, decision, nullptr), ConditionOutcome::FalseMissingKey);
}

void tst_ConditionMatcher::detailSaysWhyTheClauseIsFalse()
{
    Decision decision;
    std::string detail;

    const Clause ip = compileClause("IpAddress", "aws:SourceIp", R"(["192.0.2.0/24"])");
    const RequestContext outside = contextFrom("aws:SourceIp=192.0.3.1");
    QCOMPARE(evaluateCondition(ip.condition(), &outside, decision, &detail), ConditionOutcome::False);
    QVERIFY2(detail.find("aws:SourceIp") != std::string::npos, detail.c_str());
    QVERIFY2(detail.find("192.0.3.1") != std::string::npos, detail.c_str());
    QVERIFY2(detail.find("192.0.2.0/24") != std::string::npos, detail.c_str());

    detail.clear();
    const Clause tag = compileClause("StringEquals", "aws:PrincipalTag/team", R"(["blue"])");
    QCOMPARE(evaluateCondition(tag.condition(), nullptr, decision, &detail), ConditionOutcome::FalseMissingKey);
    QVERIFY2(detail.find("aws:PrincipalTag/team") != std::string::npos, detail.c_str());
    QVERIFY2(detail.find("StringEquals") != std::string::npos, detail.c_str());

    detail.clear();
    const Clause null = compileClause("Null", "aws:TokenIssueTime", R"(["false"])");
    QCOMPARE(evaluateCondition(null.condition(), nullptr, decision, &detail), ConditionOutcome::False);
    QVERIFY2(detail.find("aws:TokenIssueTime") != std::string::npos, detail.c_str());
    QVERIFY2(detail.find("absent") != std::string::npos, detail.c_str());

    detail.clear();
    const Clause unknown = compileClause("StringEqualz", "aws:username", R"(["dana"])");
    QCOMPARE(evaluateCondition(unknown.condition(), nullptr, decision, &detail), ConditionOutcome::False);
    QVERIFY2(detail.find("StringEqualz") != std::string::npos, detail.c_str());

    // A clause that holds leaves the detail alone.
    detail = "untouched";
    const RequestContext inside = contextFrom("aws:SourceIp=192.0.2.9");
    QCOMPARE(evaluateCondition(ip.condition(), &inside, decision, &detail), ConditionOutcome::True);
    QCOMPARE(detail, std::string("untouched"));
}

QTEST_APPLESS_MAIN(tst_ConditionMatcher)
#include "tst_ConditionMatcher.moc"
