// Validate: findings in the shape of IAM Access Analyzer's validate-policy, by policy
// type, each at the element concerned. Checks: access-analyzer-reference-policy-checks.md;
// policy types: access_policies.md; grammar errors are tst_PolicyParser's.

#include "PolicyValidator.h"

#include "Wildcard.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <random>

using namespace iam;
using Severity = Diagnostic::Severity;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(iam::PolicyType)
Q_DECLARE_METATYPE(iam::Diagnostic::Severity)

namespace {

// A policy whose statements stand one to a line from line 4 (line 3 without a
// Version), each opening at column 5, so that a row's line:column reads off its text:
//   {
//     "Version": "2012-10-17",
//     "Statement": [
//       <statement 1>,
//       <statement 2>
//     ]
//   }
std::string policy(std::initializer_list<std::string_view> statements, const char *version = "2012-10-17")
{
    std::string text = "{\n";
    if (version)
        text += "  \"Version\": \"" + std::string(version) + "\",\n";
    text += "  \"Statement\": [\n";
    std::size_t i = 0;
    for (std::string_view statement : statements)
        text += "    " + std::string(statement) + (++i < statements.size() ? ",\n" : "\n");
    return text + "  ]\n}";
}

Diagnostics validate(const std::string &text, PolicyType type, const ActionCatalog *catalog = nullptr)
{
    return validatePolicy(parsePolicy(text, "p.json"), type, catalog);
}

std::string describe(const Diagnostics &findings)
{
    std::string out = "findings:";
    for (const Diagnostic &d : findings)
        out += "\n  " + formatDiagnostic(d) + " [" + d.code + "]";
    return out;
}

std::size_t countCode(const Diagnostics &findings, std::string_view code)
{
    return std::count_if(findings.begin(), findings.end(), [&](const Diagnostic &d) { return d.code == code; });
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A few s3, iam, ec2 and sts actions with their resource types and some condition
// keys, shaped like the service authorization reference.
class FakeCatalog : public ActionCatalog
{
public:
    FakeCatalog()
    {
        const auto add = [this](std::string service, std::string name, std::vector<std::string> types) {
            m_actions[service][lower(name)] = {name, std::move(types)};
        };
        add("s3", "GetObject", {"object"});
        add("s3", "PutObject", {"object"});
        add("s3", "ListBucket", {"bucket"});
        add("s3", "ListAllMyBuckets", {});
        add("iam", "PassRole", {"role"});
        add("iam", "GetRole", {"role"});
        add("iam", "CreateServiceLinkedRole", {"role"});
        add("ec2", "RunInstances", {"instance", "image", "subnet"});
        add("ec2", "StartInstances", {"instance"});
        add("ec2", "StopInstances", {"instance"});
        add("ec2", "DescribeInstances", {});
        add("sts", "AssumeRole", {"role"});
    }

    bool hasService(std::string_view service) const override { return m_actions.contains(lower(service)); }
    bool hasAction(std::string_view service, std::string_view name) const override
    {
        const auto it = m_actions.find(lower(service));
        return it != m_actions.end() && it->second.contains(lower(name));
    }
    // Names within two edits, closest first.
    std::vector<std::string> suggestActions(std::string_view service, std::string_view name) const override
    {
        std::vector<std::pair<std::size_t, std::string>> close;
        if (const auto it = m_actions.find(lower(service)); it != m_actions.end()) {
            for (const auto &[key, action] : it->second) {
                if (const std::size_t d = distance(lower(name), key); d <= 2)
                    close.emplace_back(d, action.name);
            }
        }
        std::sort(close.begin(), close.end());
        std::vector<std::string> names;
        for (auto &entry : close)
            names.push_back(std::move(entry.second));
        return names;
    }
    bool hasConditionKey(std::string_view key) const override
    {
        static const std::vector<std::string> kKeys{"aws:sourceip", "aws:requestedregion", "aws:principaltag/${tagkey}",
                                                    "aws:resourcetag/${tagkey}", "aws:tagkeys", "aws:securetransport",
                                                    "s3:prefix", "s3:max-keys", "iam:passedtoservice"};
        std::string k = lower(key);
        if (const std::size_t slash = k.find('/'); slash != std::string::npos)
            k = k.substr(0, slash) + "/${tagkey}";
        return std::find(kKeys.begin(), kKeys.end(), k) != kKeys.end();
    }
    std::vector<std::string> resourceTypesOf(std::string_view service, std::string_view name) const override
    {
        const auto it = m_actions.find(lower(service));
        if (it == m_actions.end() || !it->second.contains(lower(name)))
            return {};
        return it->second.at(lower(name)).types;
    }
    bool arnMatchesResourceType(std::string_view service, std::string_view type, std::string_view arn) const override
    {
        static const std::map<std::string, std::string> kFormats{
            {"s3/object", "arn:*:s3:::*/*"},         {"s3/bucket", "arn:*:s3:::*"},
            {"iam/role", "arn:*:iam::*:role/*"},     {"sts/role", "arn:*:iam::*:role/*"},
            {"ec2/instance", "arn:*:ec2:*:*:instance/*"}, {"ec2/image", "arn:*:ec2:*::image/*"},
            {"ec2/subnet", "arn:*:ec2:*:*:subnet/*"}};
        const auto format = kFormats.find(lower(service) + "/" + std::string(type));
        if (format == kFormats.end() || !wildcardMatch(format->second, arn))
            return false;
        // A bucket name holds no `/`.
        return type != "bucket" || arn.find('/') == std::string_view::npos;
    }

private:
    static std::size_t distance(const std::string &a, const std::string &b)
    {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j)
            row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t up = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = up;
            }
        }
        return row[b.size()];
    }

    struct Action
    {
        std::string name;
        std::vector<std::string> types;
    };
    std::map<std::string, std::map<std::string, Action>> m_actions;   // service -> lowercased name -> action
};

// STYLE.md, "Errors are values": lowercase start, no final period, one line.
bool followsStyle(const Diagnostic &d)
{
    const std::string &m = d.message;
    return !m.empty() && !std::isupper(static_cast<unsigned char>(m.front())) && m.back() != '.'
        && m.find('\n') == std::string::npos;
}

} // namespace

class tst_PolicyValidator : public QObject
{
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void noFinding_data();
    void noFinding();
    void cleanPolicies_data();
    void cleanPolicies();
    void catalogFindings_data();
    void catalogFindings();
    void catalogNoFinding_data();
    void catalogNoFinding();
    void unknownActionSuggestsCatalogSpelling();
    void catalogChecksNeedACatalog();
    void onePassRoleFindingPerStatement();
    void redundancyNeverOverclaims();
    void parserDiagnosticsIncludedAndSorted();
    void grammarErrorsNotRepeated_data();
    void grammarErrorsNotRepeated();
    void validateDocumentLeavesGrammarToParser();
    void positionsFollowTextOrigin();
    void hostileInputNeverThrows();

private:
    static void addColumns(bool withPosition);
    static void expectFinding(const ActionCatalog *catalog);
    static void expectNoFinding(const ActionCatalog *catalog);
};

void tst_PolicyValidator::addColumns(bool withPosition)
{
    QTest::addColumn<PolicyType>("type");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QByteArray>("code");
    if (withPosition) {
        QTest::addColumn<Severity>("severity");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
    }
}

// The row's finding is there, with its severity, at its line:column; every finding
// names the source and reads as STYLE.md asks.
void tst_PolicyValidator::expectFinding(const ActionCatalog *catalog)
{
    QFETCH(PolicyType, type);
    QFETCH(std::string, text);
    QFETCH(QByteArray, code);
    QFETCH(Severity, severity);
    QFETCH(int, line);
    QFETCH(int, column);
    const Diagnostics found = validate(text, type, catalog);
    const auto it = std::find_if(found.begin(), found.end(), [&](const Diagnostic &d) {
        return d.code == code.toStdString() && d.where.line == line && d.where.column == column;
    });
    QVERIFY2(it != found.end(), (code.toStdString() + " at " + std::to_string(line) + ":" + std::to_string(column)
                                 + " expected; " + describe(found)).c_str());
    QCOMPARE(QByteArray(findingTypeName(it->severity)), QByteArray(findingTypeName(severity)));
    for (const Diagnostic &d : found) {
        QCOMPARE(d.where.source, std::string("p.json"));
        QVERIFY2(followsStyle(d), d.message.c_str());
    }
}

void tst_PolicyValidator::expectNoFinding(const ActionCatalog *catalog)
{
    QFETCH(PolicyType, type);
    QFETCH(std::string, text);
    QFETCH(QByteArray, code);
    const Diagnostics found = validate(text, type, catalog);
    QVERIFY2(countCode(found, code.toStdString()) == 0, describe(found).c_str());
}

void tst_PolicyValidator::findings_data()
{
    addColumns(true);
    QTest::newRow("missing-version") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})"}, nullptr)
        << QByteArray("MISSING_VERSION") << Severity::Warning << 1 << 1;
    QTest::newRow("old-version") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})"}, "2008-10-17")
        << QByteArray("OLD_VERSION") << Severity::Suggestion << 1 << 1;
    QTest::newRow("variable-in-2008-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"})"}, "2008-10-17")
        << QByteArray("VARIABLE_UNSUPPORTED_IN_VERSION") << Severity::Warning << 4 << 63;
    QTest::newRow("variable-without-version-in-condition") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "${aws:username}/*"}}})"}, nullptr)
        << QByteArray("VARIABLE_UNSUPPORTED_IN_VERSION") << Severity::Warning << 3 << 98;
    QTest::newRow("duplicate-sid-identity") << PolicyType::Identity << policy({R"({"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})", R"({"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"})"})
        << QByteArray("UNIQUE_SIDS_REQUIRED") << Severity::Error << 5 << 5;
    QTest::newRow("duplicate-sid-resource-policy") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Sid": "Read", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})", R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Sid": "Read", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"})"})
        << QByteArray("UNIQUE_SIDS_RECOMMENDED") << Severity::Warning << 5 << 5;
    QTest::newRow("sid-not-alphanumeric") << PolicyType::Identity << policy({R"({"Sid": "read-objects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})"})
        << QByteArray("UNSUPPORTED_SID") << Severity::Error << 4 << 5;
    QTest::newRow("empty-sid") << PolicyType::Identity << policy({R"({"Sid": "", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})"})
        << QByteArray("EMPTY_SID_VALUE") << Severity::Suggestion << 4 << 5;
    QTest::newRow("redundant-statement-apart-from-sid") << PolicyType::Identity << policy({R"({"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"})", R"({"Sid": "B", "Effect": "Allow", "Action": ["s3:putobject", "s3:GetObject"], "Resource": "*"})"})
        << QByteArray("REDUNDANT_STATEMENT") << Severity::Suggestion << 5 << 5;
    QTest::newRow("redundant-statement-same-principal") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})", R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("REDUNDANT_STATEMENT") << Severity::Suggestion << 5 << 5;
    QTest::newRow("identity-with-principal") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("PRINCIPAL_NOT_ALLOWED") << Severity::Error << 4 << 38;
    QTest::newRow("boundary-with-not-principal") << PolicyType::PermissionsBoundary << policy({R"({"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("PRINCIPAL_NOT_ALLOWED") << Severity::Error << 4 << 40;
    QTest::newRow("session-with-principal") << PolicyType::Session << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("PRINCIPAL_NOT_ALLOWED") << Severity::Error << 4 << 38;
    QTest::newRow("scp-with-principal") << PolicyType::ServiceControl << policy({R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("SCP_SYNTAX_ERROR_PRINCIPAL") << Severity::Error << 4 << 37;
    QTest::newRow("resource-policy-without-principal") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("MISSING_PRINCIPAL") << Severity::Error << 4 << 5;
    QTest::newRow("trust-without-principal") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Action": "sts:AssumeRole"})"})
        << QByteArray("MISSING_PRINCIPAL") << Severity::Error << 4 << 5;
    QTest::newRow("rcp-without-principal") << PolicyType::ResourceControl << policy({R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("MISSING_PRINCIPAL") << Severity::Error << 4 << 5;
    QTest::newRow("rcp-principal-account") << PolicyType::ResourceControl << policy({R"({"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("RCP_PRINCIPAL_NOT_STAR") << Severity::Error << 4 << 37;
    QTest::newRow("rcp-principal-aws-star") << PolicyType::ResourceControl << policy({R"({"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("RCP_PRINCIPAL_NOT_STAR") << Severity::Error << 4 << 37;
    QTest::newRow("empty-principal-object") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("EMPTY_OBJECT_PRINCIPAL") << Severity::Suggestion << 4 << 38;
    QTest::newRow("identity-missing-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject"})"})
        << QByteArray("MISSING_RESOURCE") << Severity::Error << 4 << 5;
    QTest::newRow("boundary-missing-resource") << PolicyType::PermissionsBoundary << policy({R"({"Effect": "Allow", "Action": "s3:GetObject"})"})
        << QByteArray("MISSING_RESOURCE") << Severity::Error << 4 << 5;
    QTest::newRow("session-missing-resource") << PolicyType::Session << policy({R"({"Effect": "Allow", "Action": "s3:GetObject"})"})
        << QByteArray("MISSING_RESOURCE") << Severity::Error << 4 << 5;
    QTest::newRow("scp-missing-resource") << PolicyType::ServiceControl << policy({R"({"Effect": "Deny", "Action": "s3:*"})"})
        << QByteArray("MISSING_RESOURCE") << Severity::Error << 4 << 5;
    QTest::newRow("resource-policy-missing-resource") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject"})"})
        << QByteArray("MISSING_RESOURCE") << Severity::Error << 4 << 5;
    QTest::newRow("resource-policy-sts-and-s3-missing-resource") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "s3:GetObject"]})"})
        << QByteArray("MISSING_RESOURCE") << Severity::Error << 4 << 5;
    QTest::newRow("trust-with-resource") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"})"})
        << QByteArray("RESOURCE_IN_TRUST_POLICY") << Severity::Error << 4 << 112;
    QTest::newRow("empty-resource-array") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": []})"})
        << QByteArray("EMPTY_ARRAY_RESOURCE") << Severity::Suggestion << 4 << 5;
    QTest::newRow("empty-action-array") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": [], "Resource": "*"})"})
        << QByteArray("EMPTY_ARRAY_ACTION") << Severity::Suggestion << 4 << 5;
    QTest::newRow("allow-with-not-principal") << PolicyType::Resource << policy({R"({"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("ALLOW_WITH_NOT_PRINCIPAL") << Severity::SecurityWarning << 4 << 41;
    QTest::newRow("allow-with-not-action") << PolicyType::Identity << policy({R"({"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"})"})
        << QByteArray("ALLOW_WITH_NOT_ACTION") << Severity::Warning << 4 << 39;
    QTest::newRow("allow-with-not-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "sqs:*", "NotResource": "arn:aws:sqs:us-east-1:111122223333:payroll"})"})
        << QByteArray("ALLOW_WITH_NOT_RESOURCE") << Severity::Warning << 4 << 59;
    QTest::newRow("trust-open-to-star") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"})"})
        << QByteArray("TRUST_POLICY_OPEN_TO_ALL") << Severity::SecurityWarning << 4 << 38;
    QTest::newRow("trust-open-to-aws-star") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"})"})
        << QByteArray("TRUST_POLICY_OPEN_TO_ALL") << Severity::SecurityWarning << 4 << 38;
    QTest::newRow("bucket-policy-open-to-star") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("TRUST_POLICY_OPEN_TO_ALL") << Severity::SecurityWarning << 4 << 38;
    QTest::newRow("passrole-star-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE") << Severity::SecurityWarning << 4 << 63;
    QTest::newRow("passrole-action-in-other-case") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "IAM:passrole", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE") << Severity::SecurityWarning << 4 << 63;
    QTest::newRow("passrole-every-role-of-account") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE") << Severity::SecurityWarning << 4 << 63;
    QTest::newRow("passrole-every-role-of-any-account") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE") << Severity::SecurityWarning << 4 << 63;
    QTest::newRow("passrole-second-resource-star") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["arn:aws:iam::111122223333:role/S3Access", "*"]})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE") << Severity::SecurityWarning << 4 << 107;
    QTest::newRow("passrole-in-boundary") << PolicyType::PermissionsBoundary << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE") << Severity::SecurityWarning << 4 << 63;
    QTest::newRow("passrole-iam-star") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:*", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE") << Severity::SecurityWarning << 4 << 56;
    QTest::newRow("passrole-iam-pass-star") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:Pass*", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE") << Severity::SecurityWarning << 4 << 60;
    QTest::newRow("passrole-star-action") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE") << Severity::SecurityWarning << 4 << 52;
    QTest::newRow("passrole-not-action-star-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION") << Severity::SecurityWarning << 4 << 58;
    QTest::newRow("passrole-not-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/Admin"})"})
        << QByteArray("PASS_ROLE_WITH_NOT_RESOURCE") << Severity::SecurityWarning << 4 << 66;
    QTest::newRow("passrole-star-action-not-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:*", "NotResource": "arn:aws:iam::111122223333:role/Admin"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE") << Severity::SecurityWarning << 4 << 59;
    QTest::newRow("passrole-not-action-not-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b"})"})
        << QByteArray("PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE") << Severity::SecurityWarning << 4 << 61;
    QTest::newRow("create-slr-star-resource") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*"})"})
        << QByteArray("CREATE_SLR_WITH_STAR_IN_RESOURCE") << Severity::Warning << 4 << 78;
    QTest::newRow("create-slr-every-service-linked-role") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::111122223333:role/aws-service-role/*"})"})
        << QByteArray("CREATE_SLR_WITH_STAR_IN_RESOURCE") << Severity::Warning << 4 << 78;
    QTest::newRow("create-slr-iam-create-star") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:Create*", "Resource": "*"})"})
        << QByteArray("CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE") << Severity::Warning << 4 << 62;
    QTest::newRow("action-without-service") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "GetObject", "Resource": "*"})"})
        << QByteArray("INVALID_ACTION_FORMAT") << Severity::Error << 4 << 35;
    QTest::newRow("action-with-space") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3: GetObject", "Resource": "*"})"})
        << QByteArray("INVALID_ACTION_FORMAT") << Severity::Error << 4 << 35;
    QTest::newRow("action-with-two-colons") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:Get:Object", "Resource": "*"})"})
        << QByteArray("INVALID_ACTION_FORMAT") << Severity::Error << 4 << 35;
    QTest::newRow("action-with-wildcard-service") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3*:GetObject", "Resource": "*"})"})
        << QByteArray("WILDCARD_IN_SERVICE_NAME") << Severity::Suggestion << 4 << 35;
    QTest::newRow("action-covered-by-pattern") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "*"})"})
        << QByteArray("REDUNDANT_ACTION") << Severity::Suggestion << 4 << 47;
    QTest::newRow("action-listed-twice-in-other-case") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": ["s3:GetObject", "S3:getobject"], "Resource": "*"})"})
        << QByteArray("REDUNDANT_ACTION") << Severity::Suggestion << 4 << 52;
    QTest::newRow("action-covered-by-star") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": ["*", "ec2:RunInstances"], "Resource": "*"})"})
        << QByteArray("REDUNDANT_ACTION") << Severity::Suggestion << 4 << 41;
    QTest::newRow("action-with-variable") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:${aws:username}", "Resource": "*"})"})
        << QByteArray("VARIABLE_UNSUPPORTED_IN_ELEMENT") << Severity::Warning << 4 << 35;
    QTest::newRow("resource-not-an-arn") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "my-bucket/*"})"})
        << QByteArray("INVALID_ARN_PREFIX") << Severity::Error << 4 << 63;
    QTest::newRow("resource-missing-fields") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:my-bucket"})"})
        << QByteArray("MISSING_ARN_FIELD") << Severity::Error << 4 << 63;
    QTest::newRow("resource-unknown-partition") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:amazon:s3:::b/*"})"})
        << QByteArray("INVALID_PARTITION") << Severity::Error << 4 << 63;
    QTest::newRow("resource-service-in-uppercase") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:S3:::b/*"})"})
        << QByteArray("INVALID_ARN_SERVICE_CASE") << Severity::Error << 4 << 63;
    QTest::newRow("resource-short-account") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::1111:role/Admin"})"})
        << QByteArray("INVALID_ARN_ACCOUNT") << Severity::Error << 4 << 62;
    QTest::newRow("resource-wildcard-service") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:*code*::111122223333:*"})"})
        << QByteArray("WILDCARD_IN_SERVICE_NAME") << Severity::Suggestion << 4 << 52;
    QTest::newRow("resource-covered-by-pattern") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:GetRole", "Resource": ["arn:aws:iam::111122223333:role/jane*", "arn:aws:iam::111122223333:role/jane-admin"]})"})
        << QByteArray("REDUNDANT_RESOURCE") << Severity::Suggestion << 4 << 103;
    QTest::newRow("resource-listed-twice") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/*"]})"})
        << QByteArray("REDUNDANT_RESOURCE") << Severity::Suggestion << 4 << 84;
    QTest::newRow("resource-with-variable-listed-twice") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/${aws:username}/*"]})"})
        << QByteArray("REDUNDANT_RESOURCE") << Severity::Suggestion << 4 << 103;
    QTest::newRow("resource-covered-by-star") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "*"]})"})
        << QByteArray("REDUNDANT_RESOURCE") << Severity::Suggestion << 4 << 64;
    QTest::newRow("variable-missing-brace") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username/*"})"})
        << QByteArray("MISSING_BRACE_IN_VARIABLE") << Severity::Warning << 4 << 63;
    QTest::newRow("variable-empty") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${}/*"})"})
        << QByteArray("EMPTY_VARIABLE") << Severity::Warning << 4 << 63;
    QTest::newRow("variable-with-space") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws: username}/*"})"})
        << QByteArray("UNSUPPORTED_SPACE_IN_VARIABLE") << Severity::Warning << 4 << 63;
    QTest::newRow("variable-default-unquoted") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username, anonymous}/*"})"})
        << QByteArray("MISSING_QUOTE_IN_VARIABLE") << Severity::Warning << 4 << 63;
    QTest::newRow("variable-in-numeric-condition") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": "${aws:PrincipalTag/limit}"}}})"})
        << QByteArray("INVALID_VARIABLE_FOR_OPERATOR") << Severity::Warning << 4 << 102;
    QTest::newRow("variable-in-principal") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/${aws:username}"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("VARIABLE_UNSUPPORTED_IN_ELEMENT") << Severity::Warning << 4 << 46;
    QTest::newRow("principal-partial-wildcard") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("UNSUPPORTED_WILDCARD_IN_PRINCIPAL") << Severity::Error << 4 << 46;
    QTest::newRow("principal-service-wildcard") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Principal": {"Service": "*.amazonaws.com"}, "Action": "sts:AssumeRole"})"})
        << QByteArray("UNSUPPORTED_WILDCARD_IN_PRINCIPAL") << Severity::Error << 4 << 50;
    QTest::newRow("principal-role-id") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "AROADBQP57FF2AEXAMPLE"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("INVALID_ROLE_REFERENCE") << Severity::Warning << 4 << 46;
    QTest::newRow("principal-user-id") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "AIDACKCEVSQ6C2EXAMPLE"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("INVALID_USER_REFERENCE") << Severity::Warning << 4 << 46;
    QTest::newRow("principal-service-not-a-service") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Principal": {"Service": "ec2"}, "Action": "sts:AssumeRole"})"})
        << QByteArray("INVALID_SERVICE_PRINCIPAL_FORMAT") << Severity::Warning << 4 << 50;
    QTest::newRow("numeric-not-a-number") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::111122223333:user/dana", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "one hour"}}})"})
        << QByteArray("TYPE_MISMATCH_NUMBER") << Severity::Warning << 4 << 129;
    QTest::newRow("date-not-a-date") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "tomorrow"}}})"})
        << QByteArray("TYPE_MISMATCH_DATE") << Severity::Warning << 4 << 99;
    QTest::newRow("date-as-epoch-seconds") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "1735689600"}}})"})
        << QByteArray("INVALID_DATE_VALUE") << Severity::Warning << 4 << 99;
    QTest::newRow("bool-not-a-boolean") << PolicyType::Identity << policy({R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "no"}}})"})
        << QByteArray("TYPE_MISMATCH_BOOLEAN") << Severity::Warning << 4 << 82;
    QTest::newRow("null-not-a-boolean") << PolicyType::Identity << policy({R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Null": {"aws:TokenIssueTime": "absent"}}})"})
        << QByteArray("TYPE_MISMATCH_BOOLEAN") << Severity::Warning << 4 << 82;
    QTest::newRow("ip-prefix-too-long") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}})"})
        << QByteArray("TYPE_MISMATCH_IP_RANGE") << Severity::Warning << 4 << 96;
    QTest::newRow("binary-not-base64") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"BinaryEquals": {"lab:payload": "not base64!"}}})"})
        << QByteArray("TYPE_MISMATCH_STRING") << Severity::Warning << 4 << 99;
    QTest::newRow("ip-host-bits-set") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.7/24"}}})"})
        << QByteArray("IMPROVE_IP_RANGE") << Severity::Suggestion << 4 << 96;
    QTest::newRow("source-ip-private") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}})"})
        << QByteArray("PRIVATE_IP_ADDRESS") << Severity::Warning << 4 << 96;
    QTest::newRow("source-ip-private-negated") << PolicyType::Identity << policy({R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"NotIpAddress": {"aws:SourceIp": ["192.168.0.0/16", "fd00::/8"]}}})"})
        << QByteArray("PRIVATE_NOT_IP_ADDRESS") << Severity::Warning << 4 << 90;
    QTest::newRow("source-ip-partly-private") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["172.16.0.0/12", "203.0.113.0/24"]}}})"})
        << QByteArray("PRIVATE_IP_ADDRESS_SUBSET") << Severity::Suggestion << 4 << 96;
    QTest::newRow("string-equals-with-wildcard") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "dev*"}}})"})
        << QByteArray("WILDCARD_WITHOUT_LIKE_OPERATOR") << Severity::Warning << 4 << 99;
    QTest::newRow("forallvalues-single-valued-key") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:RequestedRegion": ["eu-west-1"]}}})"})
        << QByteArray("FORALLVALUES_WITH_SINGLE_VALUED_KEY") << Severity::SecurityWarning << 4 << 105;
    QTest::newRow("forallvalues-without-null-check") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}})"})
        << QByteArray("MISSING_NULL_CONDITION") << Severity::SecurityWarning << 4 << 114;
    QTest::newRow("multivalued-key-without-qualifier") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"StringEquals": {"aws:TagKeys": "env"}}})"})
        << QByteArray("MISSING_QUALIFIER") << Severity::Warning << 4 << 101;
    QTest::newRow("condition-without-values") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": []}}})"})
        << QByteArray("EMPTY_ARRAY_CONDITION") << Severity::Suggestion << 4 << 92;
    QTest::newRow("forallvalues-without-values") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": []}}})"})
        << QByteArray("EMPTY_ARRAY_CONDITION_FORALLVALUES") << Severity::Suggestion << 4 << 105;
    QTest::newRow("foranyvalue-without-values") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": []}}})"})
        << QByteArray("EMPTY_ARRAY_CONDITION_FORANYVALUE") << Severity::Suggestion << 4 << 104;
    QTest::newRow("ifexists-without-values") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:RequestedRegion": []}}})"})
        << QByteArray("EMPTY_ARRAY_CONDITION_IFEXISTS") << Severity::Suggestion << 4 << 100;
    QTest::newRow("empty-condition-block") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {}})"})
        << QByteArray("EMPTY_OBJECT_CONDITION") << Severity::Suggestion << 4 << 5;
    QTest::newRow("deprecated-aws-arn-key") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnLike": {"aws:ARN": "arn:aws:iam::111122223333:role/*"}}})"})
        << QByteArray("DEPRECATED_GLOBAL_CONDITION_KEY") << Severity::Warning << 4 << 94;
    QTest::newRow("tag-key-missing") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag": "dev"}}})"})
        << QByteArray("MISSING_TAG_KEY_IN_CONDITION") << Severity::Error << 4 << 92;
    QTest::newRow("tag-key-empty") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/": "dev"}}})"})
        << QByteArray("MISSING_TAG_KEY_IN_CONDITION") << Severity::Error << 4 << 92;
    QTest::newRow("condition-keys-differ-in-case") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1", "aws:requestedregion": "us-east-1"}}})"})
        << QByteArray("DUPLICATE_KEYS_WITH_DIFFERENT_CASE") << Severity::Error << 4 << 128;
    QTest::newRow("condition-key-without-service") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"RequestedRegion": "eu-west-1"}}})"})
        << QByteArray("INVALID_CONDITION_KEY_FORMAT") << Severity::Warning << 4 << 92;

}

void tst_PolicyValidator::findings()
{
    expectFinding(nullptr);
}

// What must not be flagged: the near misses of each check.
void tst_PolicyValidator::noFinding_data()
{
    addColumns(false);
    QTest::newRow("passrole-named-role") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/S3Access"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE");
    QTest::newRow("passrole-naming-scheme") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/Service*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE");
    QTest::newRow("passrole-narrowed-to-a-service") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE");
    QTest::newRow("passrole-denied") << PolicyType::Identity << policy({R"({"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE");
    QTest::newRow("passrole-named-and-wildcard-one-finding") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": ["iam:PassRole", "iam:*"], "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
    QTest::newRow("passrole-not-action-excludes-iam") << PolicyType::Identity << policy({R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION");
    QTest::newRow("passrole-not-resource-excludes-roles") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::*:role/*"})"})
        << QByteArray("PASS_ROLE_WITH_NOT_RESOURCE");
    QTest::newRow("scp-full-aws-access") << PolicyType::ServiceControl << policy({R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"})
        << QByteArray("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE");
    QTest::newRow("scp-allow-not-action") << PolicyType::ServiceControl << policy({R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})"})
        << QByteArray("ALLOW_WITH_NOT_ACTION");
    QTest::newRow("resource-policy-only-sts") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"})"})
        << QByteArray("MISSING_RESOURCE");
    QTest::newRow("trust-open-with-condition") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})"})
        << QByteArray("TRUST_POLICY_OPEN_TO_ALL");
    QTest::newRow("deny-with-not-principal") << PolicyType::Resource << policy({R"({"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("ALLOW_WITH_NOT_PRINCIPAL");
    QTest::newRow("rcp-principal-star") << PolicyType::ResourceControl << policy({R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"})"})
        << QByteArray("RCP_PRINCIPAL_NOT_STAR");
    QTest::newRow("sids-differ-in-case") << PolicyType::Identity << policy({R"({"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})", R"({"Sid": "READ", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"})"})
        << QByteArray("UNIQUE_SIDS_REQUIRED");
    QTest::newRow("sid-with-hyphen-in-bucket-policy") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Sid": "read-objects", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("UNSUPPORTED_SID");
    QTest::newRow("statements-differ-in-condition") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}})", R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}})"})
        << QByteArray("REDUNDANT_STATEMENT");
    QTest::newRow("statements-differ-in-principal") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})", R"({"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("REDUNDANT_STATEMENT");
    QTest::newRow("resource-case-matters") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/A*", "arn:aws:s3:::b/a1"]})"})
        << QByteArray("REDUNDANT_RESOURCE");
    QTest::newRow("string-like-with-wildcard") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalTag/team": "dev*"}}})"})
        << QByteArray("WILDCARD_WITHOUT_LIKE_OPERATOR");
    QTest::newRow("string-equals-with-literal-star-variable") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "a${*}b"}}})"})
        << QByteArray("WILDCARD_WITHOUT_LIKE_OPERATOR");
    QTest::newRow("arn-equals-with-wildcard") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}})"})
        << QByteArray("WILDCARD_WITHOUT_LIKE_OPERATOR");
    QTest::newRow("forallvalues-with-null-check") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}, "Null": {"aws:TagKeys": "false"}}})"})
        << QByteArray("MISSING_NULL_CONDITION");
    QTest::newRow("forallvalues-with-foranyvalue-on-key") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}, "ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}})"})
        << QByteArray("MISSING_NULL_CONDITION");
    QTest::newRow("forallvalues-in-deny") << PolicyType::Identity << policy({R"({"Effect": "Deny", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}})"})
        << QByteArray("MISSING_NULL_CONDITION");
    QTest::newRow("foranyvalue-on-multivalued-key") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}})"})
        << QByteArray("MISSING_QUALIFIER");
    QTest::newRow("null-on-multivalued-key") << PolicyType::Identity << policy({R"({"Effect": "Deny", "Action": "ec2:CreateTags", "Resource": "*", "Condition": {"Null": {"aws:TagKeys": "true"}}})"})
        << QByteArray("MISSING_QUALIFIER");
    QTest::newRow("public-source-ip") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}})"})
        << QByteArray("PRIVATE_IP_ADDRESS");
    QTest::newRow("private-range-on-vpc-source-ip") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/8"}}})"})
        << QByteArray("PRIVATE_IP_ADDRESS");
    QTest::newRow("ip-network-address") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7"]}}})"})
        << QByteArray("IMPROVE_IP_RANGE");
    QTest::newRow("date-iso-8601") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": ["2030-01-01T00:00:00Z", "2030-01-01"]}}})"})
        << QByteArray("TYPE_MISMATCH_DATE");
    QTest::newRow("numeric-decimal") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": ["-1.5", 10]}}})"})
        << QByteArray("TYPE_MISMATCH_NUMBER");
    QTest::newRow("bool-in-any-case") << PolicyType::Identity << policy({R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": ["FALSE", false]}}})"})
        << QByteArray("TYPE_MISMATCH_BOOLEAN");
    QTest::newRow("variable-default-quoted") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b-${aws:PrincipalTag/team, 'company-wide'}"})"})
        << QByteArray("MISSING_QUOTE_IN_VARIABLE");
    QTest::newRow("variable-special-characters") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/what${?}${*}${$}.txt"})"})
        << QByteArray("EMPTY_VARIABLE");
    QTest::newRow("variable-in-2012") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"})"})
        << QByteArray("VARIABLE_UNSUPPORTED_IN_VERSION");
    QTest::newRow("managed-policy-arn") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:GetPolicy", "Resource": "arn:aws:iam::aws:policy/ReadOnlyAccess"})"})
        << QByteArray("INVALID_ARN_ACCOUNT");
    QTest::newRow("account-from-variable") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::${aws:PrincipalAccount}:role/x"})"})
        << QByteArray("INVALID_ARN_ACCOUNT");
    QTest::newRow("principal-aws-star") << PolicyType::Resource << policy({R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})"})
        << QByteArray("UNSUPPORTED_WILDCARD_IN_PRINCIPAL");
    QTest::newRow("service-principal-china") << PolicyType::Trust << policy({R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com.cn"}, "Action": "sts:AssumeRole"})"})
        << QByteArray("INVALID_SERVICE_PRINCIPAL_FORMAT");

}

void tst_PolicyValidator::noFinding()
{
    expectNoFinding(nullptr);
}

void tst_PolicyValidator::cleanPolicies_data()
{
    QTest::addColumn<PolicyType>("type");
    QTest::addColumn<std::string>("text");
    // DESIGN.md's walkthrough: the user's policy and the EC2 role's trust policy.
    QTest::newRow("walkthrough-user-policy") << PolicyType::Identity << policy({
        R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*"})",
        R"({"Sid": "PassS3Access", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/S3Access"})"});
    QTest::newRow("ec2-trust-policy") << PolicyType::Trust << policy({
        R"({"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]}, "Action": ["sts:AssumeRole"]})"});
    QTest::newRow("trust-policy-as-resource-policy") << PolicyType::Resource << policy({
        R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"})"});
    QTest::newRow("bucket-policy-for-an-account") << PolicyType::Resource << policy({
        R"({"Sid": "Read Reports", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]})"});
    QTest::newRow("scp-full-aws-access") << PolicyType::ServiceControl << policy({
        R"({"Effect": "Allow", "Action": "*", "Resource": "*"})"});
    QTest::newRow("scp-deny-outside-regions") << PolicyType::ServiceControl << policy({
        R"({"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}})"});
    QTest::newRow("rcp-full-aws-access") << PolicyType::ResourceControl << policy({
        R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"})"});
    QTest::newRow("rcp-deny-insecure-transport") << PolicyType::ResourceControl << policy({
        R"({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}})"});
    QTest::newRow("home-folder-with-variables") << PolicyType::Identity << policy({
        R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home", "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*"]}}})",
        R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::home/home/${aws:username}/*"})"});
    QTest::newRow("abac-by-tag") << PolicyType::Identity << policy({
        R"({"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"], "Resource": "arn:aws:ec2:*:111122223333:instance/*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}})"});
    QTest::newRow("deny-without-mfa") << PolicyType::Identity << policy({
        R"({"Effect": "Deny", "NotAction": ["iam:ListMFADevices", "sts:GetSessionToken"], "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})"});
    QTest::newRow("boundary") << PolicyType::PermissionsBoundary << policy({
        R"({"Effect": "Allow", "Action": ["s3:*", "cloudwatch:*", "ec2:Describe*"], "Resource": "*"})"});
    QTest::newRow("session-policy") << PolicyType::Session << policy({
        R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"})"});
}

// Policies as AWS's own examples write them: no finding at all.
void tst_PolicyValidator::cleanPolicies()
{
    QFETCH(PolicyType, type);
    QFETCH(std::string, text);
    const Diagnostics found = validate(text, type);
    QVERIFY2(found.empty(), describe(found).c_str());
}

void tst_PolicyValidator::catalogFindings_data()
{
    addColumns(true);
    QTest::newRow("unknown-service") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s4:GetObject", "Resource": "*"})"})
        << QByteArray("INVALID_SERVICE_IN_ACTION") << Severity::Error << 4 << 35;
    QTest::newRow("unknown-action") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"})"})
        << QByteArray("INVALID_ACTION") << Severity::Error << 4 << 35;
    QTest::newRow("unknown-action-in-not-action") << PolicyType::Identity << policy({R"({"Effect": "Deny", "NotAction": ["s3:GetObject", "iam:PasRole"], "Resource": "*"})"})
        << QByteArray("INVALID_ACTION") << Severity::Error << 4 << 54;
    QTest::newRow("unknown-global-key") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIpAddress": "203.0.113.0/24"}}})"})
        << QByteArray("INVALID_GLOBAL_CONDITION_KEY") << Severity::Warning << 4 << 96;
    QTest::newRow("unknown-service-key") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefixes": "home/*"}}})"})
        << QByteArray("INVALID_SERVICE_CONDITION_KEY") << Severity::Warning << 4 << 98;
    QTest::newRow("object-action-on-bucket") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports"})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH") << Severity::Warning << 4 << 63;
    QTest::newRow("bucket-action-on-object") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/2024/q1.csv"]})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH") << Severity::Warning << 4 << 89;
    QTest::newRow("instance-action-on-role") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"], "Resource": "arn:aws:iam::111122223333:role/S3Access"})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH") << Severity::Warning << 4 << 92;

}

void tst_PolicyValidator::catalogFindings()
{
    const FakeCatalog catalog;
    expectFinding(&catalog);
}

void tst_PolicyValidator::catalogNoFinding_data()
{
    addColumns(false);
    QTest::newRow("known-action-in-other-case") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "S3:getobject", "Resource": "*"})"})
        << QByteArray("INVALID_ACTION");
    QTest::newRow("action-pattern-taken-as-written") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"})"})
        << QByteArray("INVALID_ACTION");
    QTest::newRow("service-wildcard-taken-as-written") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s*:GetObject", "Resource": "*"})"})
        << QByteArray("INVALID_SERVICE_IN_ACTION");
    QTest::newRow("tag-key-matches-template") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "dev"}}})"})
        << QByteArray("INVALID_GLOBAL_CONDITION_KEY");
    QTest::newRow("condition-key-in-other-case") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"AWS:SOURCEIP": "203.0.113.0/24"}}})"})
        << QByteArray("INVALID_GLOBAL_CONDITION_KEY");
    QTest::newRow("each-arn-fits-one-action") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH");
    QTest::newRow("wildcard-action-not-typed") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports"})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH");
    QTest::newRow("wildcard-arn-not-typed") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::rep*"})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH");
    QTest::newRow("action-taking-only-star") << PolicyType::Identity << policy({R"({"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::reports"})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH");
    QTest::newRow("not-action-not-typed") << PolicyType::Identity << policy({R"({"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "arn:aws:s3:::reports"})"})
        << QByteArray("RESOURCE_TYPE_MISMATCH");

}

void tst_PolicyValidator::catalogNoFinding()
{
    const FakeCatalog catalog;
    expectNoFinding(&catalog);
}

void tst_PolicyValidator::unknownActionSuggestsCatalogSpelling()
{
    const FakeCatalog catalog;
    const Diagnostics found = validate(policy({R"({"Effect": "Allow", "Action": "s3:getobjekt", "Resource": "*"})"}),
                                       PolicyType::Identity, &catalog);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found[0].message, std::string("`s3:getobjekt` is not an action of `s3`; did you mean `s3:GetObject`?"));
}

void tst_PolicyValidator::catalogChecksNeedACatalog()
{
    const std::string text = policy({R"({"Effect": "Allow", "Action": "s4:GetObjekt", "Resource": "arn:aws:s3:::reports", "Condition": {"StringEquals": {"s4:key": "x"}}})"});
    const Diagnostics found = validate(text, PolicyType::Identity);
    QVERIFY2(found.empty(), describe(found).c_str());
}

// Access Analyzer names a statement's PassRole risk once, by its broadest cause.
void tst_PolicyValidator::onePassRoleFindingPerStatement()
{
    const Diagnostics found = validate(
        policy({R"({"Effect": "Allow", "Action": ["iam:*", "iam:PassRole", "*"], "Resource": ["arn:aws:iam::*:role/*", "*"]})"}),
        PolicyType::Identity);
    const auto passRole = std::count_if(found.begin(), found.end(), [](const Diagnostic &d) { return d.code.starts_with("PASS_ROLE_"); });
    QVERIFY2(passRole == 1, describe(found).c_str());
    QCOMPARE(countCode(found, "PASS_ROLE_WITH_STAR_IN_RESOURCE"), std::size_t(1));
}

// A `?` stands for one character, so `s3:?t` does not cover `s3:*t`; the other way round it does.
void tst_PolicyValidator::redundancyNeverOverclaims()
{
    const Diagnostics found = validate(policy({R"({"Effect": "Allow", "Action": ["s3:?t", "s3:*t"], "Resource": "*"})"}),
                                       PolicyType::Identity);
    QCOMPARE(countCode(found, "REDUNDANT_ACTION"), std::size_t(1));
    const Diagnostic &redundant = found.at(0);
    QCOMPARE(redundant.code, std::string("REDUNDANT_ACTION"));
    QCOMPARE(redundant.where.column, 36);
    QCOMPARE(redundant.message, std::string("the action `s3:?t` is already covered by `s3:*t`"));
}

void tst_PolicyValidator::parserDiagnosticsIncludedAndSorted()
{
    // A grammar error on line 5, findings on lines 1 and 4.
    const std::string text = "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"},\n"
                             "    {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\",\n"
                             "     \"Conditions\": {}}\n  ]\n}";
    const Diagnostics found = validatePolicy(parsePolicy(text, "p.json"), PolicyType::Identity);
    std::vector<std::string> codes;
    for (const Diagnostic &d : found)
        codes.push_back(d.code + "@" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column));
    const std::vector<std::string> expected{"MISSING_VERSION@1:1", "PASS_ROLE_WITH_STAR_IN_RESOURCE@3:63",
                                            "UNKNOWN_ELEMENT@5:6"};
    QVERIFY2(codes == expected, describe(found).c_str());
}

void tst_PolicyValidator::grammarErrorsNotRepeated_data()
{
    QTest::addColumn<PolicyType>("type");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QByteArray>("grammarError");
    QTest::addColumn<QByteArray>("repeat");
    QTest::newRow("resource-not-a-string") << PolicyType::Identity
        << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": 5})"}) << QByteArray("INVALID_ELEMENT_TYPE")
        << QByteArray("MISSING_RESOURCE");
    QTest::newRow("resource-of-numbers") << PolicyType::Identity
        << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": [5]})"}) << QByteArray("INVALID_ELEMENT_TYPE")
        << QByteArray("EMPTY_ARRAY_RESOURCE");
    QTest::newRow("principal-a-name") << PolicyType::Resource
        << policy({R"({"Effect": "Allow", "Principal": "bob", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"})"})
        << QByteArray("INVALID_ELEMENT_TYPE") << QByteArray("EMPTY_OBJECT_PRINCIPAL");
    QTest::newRow("condition-an-array") << PolicyType::Identity
        << policy({R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": []})"})
        << QByteArray("INVALID_ELEMENT_TYPE") << QByteArray("EMPTY_OBJECT_CONDITION");
    QTest::newRow("json-syntax") << PolicyType::Identity << std::string(R"({"Version": "2012-10-17",,})")
        << QByteArray("JSON_SYNTAX") << QByteArray("MISSING_VERSION");
}

// The parser's error is the one to fix; the validator does not say it again in other words.
void tst_PolicyValidator::grammarErrorsNotRepeated()
{
    QFETCH(PolicyType, type);
    QFETCH(std::string, text);
    QFETCH(QByteArray, grammarError);
    QFETCH(QByteArray, repeat);
    const Diagnostics found = validate(text, type);
    QVERIFY2(countCode(found, grammarError.toStdString()) == 1, describe(found).c_str());
    QVERIFY2(countCode(found, repeat.toStdString()) == 0, describe(found).c_str());
}

void tst_PolicyValidator::validateDocumentLeavesGrammarToParser()
{
    const ParseResult parsed = parsePolicy(R"({"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Extra": 1}})", "p.json");
    QVERIFY(parsed.document);
    QCOMPARE(countCode(parsed.diagnostics, "UNKNOWN_ELEMENT"), std::size_t(1));
    const Diagnostics found = validateDocument(*parsed.document, PolicyType::Identity);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found[0].code, std::string("MISSING_VERSION"));
}

// A policy embedded in a request file is reported at its place in that file.
void tst_PolicyValidator::positionsFollowTextOrigin()
{
    const ParseResult parsed = parsePolicy(R"({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}})",
                                           "request.json", TextOrigin{12, 9});
    const Diagnostics found = validatePolicy(parsed, PolicyType::Identity);
    QCOMPARE(found.size(), std::size_t(1));
    // The `"*"` stands 97 characters into the text, which starts at 12:9.
    QCOMPARE(found[0].where.source, std::string("request.json"));
    QCOMPARE(found[0].where.line, 12);
    QCOMPARE(found[0].where.column, 9 + 97);
}

// Validation never throws and never crashes, whatever the parser lets through.
void tst_PolicyValidator::hostileInputNeverThrows()
{
    const std::string seed = policy({
        R"({"Sid": "A", "Effect": "Allow", "Principal": {"AWS": ["*", "AROADBQP57FF2AEXAMPLE"], "Service": "s.amazonaws.com"}, "Action": ["iam:Pass*", "s3:?t", "*"], "NotResource": ["arn:aws:iam::*:role/${aws:username", "arn:aws:s3:::b/${}"]})",
        R"({"Sid": "A", "Effect": "Deny", "NotAction": "iam:*", "Resource": ["*", "arn:x"], "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": [], "aws:tagkeys": ["a*"]}, "IpAddress": {"aws:SourceIp": ["10.1.2.3/8", "fe80::1/200"]}, "Null": {"aws:ResourceTag/": "x"}, "DateLessThan": {"aws:CurrentTime": "1"}}})"});
    const FakeCatalog catalog;
    std::mt19937 random(20121017);
    const std::string alphabet = "{}[]\":,*?$/ aA0\\";
    for (int round = 0; round < 400; ++round) {
        std::string text = seed;
        for (int edit = 0; edit < 1 + round % 6; ++edit) {
            const std::size_t at = random() % text.size();
            switch (random() % 3) {
            case 0: text.erase(at, 1 + random() % 4); break;
            case 1: text.insert(at, 1, alphabet[random() % alphabet.size()]); break;
            default: text[at] = alphabet[random() % alphabet.size()]; break;
            }
        }
        for (PolicyType type : {PolicyType::Identity, PolicyType::Resource, PolicyType::Trust, PolicyType::PermissionsBoundary,
                                PolicyType::Session, PolicyType::ServiceControl, PolicyType::ResourceControl}) {
            const Diagnostics found = validate(text, type, round % 2 ? &catalog : nullptr);
            QVERIFY(std::is_sorted(found.begin(), found.end(), [](const Diagnostic &a, const Diagnostic &b) {
                return a.where.line < b.where.line || (a.where.line == b.where.line && a.where.column < b.where.column);
            }));
        }
    }
}

QTEST_APPLESS_MAIN(tst_PolicyValidator)
#include "tst_PolicyValidator.moc"
