// iam-sim driven in-process with in-memory streams (STYLE.md: CLI tested in-process).

#include "IamSimCli.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace iam;
using json = nlohmann::json;

Q_DECLARE_METATYPE(std::string)

class tst_IamSimCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void simulateFromFile();
    void simulateFromStdin();
    void explainGoesToStandardError();
    void textOutput();
    void badRequestExitsTwoWithPosition();
    void missingFileExitsTwo();
    void directoryIsNotARequest();
    void validateFindings();
    void validateInlineDocumentAndTypes_data();
    void validateInlineDocumentAndTypes();
    void validateMalformedIsAFinding();
    void validateUsesTheServiceCatalog();
    void helpTexts_data();
    void helpTexts();
    void usageErrors_data();
    void usageErrors();
    void decisionCasesThroughTheCli_data();
    void decisionCasesThroughTheCli();

private:
    struct Run
    {
        int code;
        std::string out;
        std::string err;
    };
    static Run run(const std::vector<std::string> &args, const std::string &input = {});
    std::string write(const char *name, const std::string &text);

    QTemporaryDir m_dir;
};

tst_IamSimCli::Run tst_IamSimCli::run(const std::vector<std::string> &args, const std::string &input)
{
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = runIamSim(args, in, out, err);
    return {code, out.str(), err.str()};
}

std::string tst_IamSimCli::write(const char *name, const std::string &text)
{
    const std::string path = m_dir.filePath(name).toStdString();
    std::ofstream(path) << text;
    return path;
}

static const char *kRequest = R"({
    "CallerArn": "arn:aws:iam::111122223333:user/lab-user",
    "ActionNames": ["iam:PassRole"],
    "ResourceArns": ["arn:aws:iam::111122223333:role/S3Access", "arn:aws:iam::111122223333:role/Admin"],
    "PolicyInputList": [{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/S3Access",
         "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}]}],
    "ContextEntries": [{"ContextKeyName": "iam:PassedToService", "ContextKeyValues": ["ec2.amazonaws.com"], "ContextKeyType": "string"}]
})";

void tst_IamSimCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_IamSimCli::simulateFromFile()
{
    const std::string path = write("req.json", kRequest);
    const Run r = run({"simulate-custom-policy", "--cli-input-json", "file://" + path});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.empty());
    const json result = json::parse(r.out);
    const json &list = result.at("EvaluationResults");
    QCOMPARE(list.size(), std::size_t(2));
    QCOMPARE(list[0]["EvalDecision"].get<std::string>(), std::string("allowed"));
    QCOMPARE(list[1]["EvalDecision"].get<std::string>(), std::string("implicitDeny"));
    const json &matched = list[0]["MatchedStatements"];
    QCOMPARE(matched.size(), std::size_t(1));
    QCOMPARE(matched[0]["SourcePolicyId"].get<std::string>(), std::string("PolicyInputList.1"));
    QCOMPARE(matched[0]["SourcePolicyType"].get<std::string>(), std::string("IAM Policy"));
    QCOMPARE(matched[0]["StartPosition"]["Line"].get<int>(), 6);   // the statement's line in req.json
    QVERIFY(list[1]["MissingContextValues"].empty());
}

void tst_IamSimCli::simulateFromStdin()
{
    const Run r = run({"simulate-custom-policy", "--cli-input-json", "-"}, kRequest);
    QCOMPARE(r.code, 0);
    QCOMPARE(json::parse(r.out)["EvaluationResults"].size(), std::size_t(2));
}

void tst_IamSimCli::explainGoesToStandardError()
{
    const Run r = run({"simulate-custom-policy", "--explain", "--cli-input-json", "-"}, kRequest);
    QCOMPARE(r.code, 0);
    QVERIFY(json::parse(r.out).contains("EvaluationResults"));   // stdout stays pure JSON
    QVERIFY2(r.err.find("iam:PassRole on arn:aws:iam::111122223333:role/Admin: implicitDeny") != std::string::npos,
             r.err.c_str());
    QVERIFY(r.err.find("because no identity-based policy allows the iam:PassRole action") != std::string::npos);
    QVERIFY(r.err.find("resource does not match") != std::string::npos);
}

void tst_IamSimCli::textOutput()
{
    const Run r = run({"simulate-custom-policy", "--output", "text", "--cli-input-json", "-"}, kRequest);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, std::string("iam:PassRole\tarn:aws:iam::111122223333:role/S3Access\tallowed\n"
                                "iam:PassRole\tarn:aws:iam::111122223333:role/Admin\timplicitDeny\n"));
}

void tst_IamSimCli::badRequestExitsTwoWithPosition()
{
    const std::string path = write("bad.json", "{\n  \"ActionNames\": [\"s3:GetObject\"],\n  \"PolicyInputList\": [{\"Statement\": {\"Effect\": \"Maybe\", \"Action\": \"*\", \"Resource\": \"*\"}}]\n}");
    const Run r = run({"simulate-custom-policy", "--cli-input-json", "file://" + path});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(r.err.starts_with(path + ":3:48: error: `Effect` must be `Allow` or `Deny`"), r.err.c_str());
}

void tst_IamSimCli::directoryIsNotARequest()
{
    const Run r = run({"simulate-custom-policy", "--cli-input-json", m_dir.path().toStdString()});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, "iam-sim: cannot read " + m_dir.path().toStdString() + ": Is a directory\n");
}

void tst_IamSimCli::missingFileExitsTwo()
{
    const Run r = run({"simulate-custom-policy", "--cli-input-json", "file:///no/such/req.json"});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, std::string("iam-sim: cannot read /no/such/req.json: No such file or directory\n"));
}

void tst_IamSimCli::validateFindings()
{
    const std::string path = write("p.json", R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]})");
    const Run r = run({"validate-policy", "--policy-document", "file://" + path});
    QCOMPARE(r.code, 0);
    const json findings = json::parse(r.out).at("findings");
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings[0]["findingType"].get<std::string>(), std::string("SECURITY_WARNING"));
    QCOMPARE(findings[0]["issueCode"].get<std::string>(), std::string("PASS_ROLE_WITH_STAR_IN_RESOURCE"));
    // Access Analyzer counts lines from 1, columns and offsets from 0.
    const json &start = findings[0]["locations"][0]["span"]["start"];
    QCOMPARE(start["line"].get<int>(), 2);
    QCOMPARE(start["column"].get<int>(), 60);
    QCOMPARE(start["offset"].get<int>(), 101);
}

void tst_IamSimCli::validateInlineDocumentAndTypes_data()
{
    QTest::addColumn<std::string>("type");
    QTest::addColumn<std::string>("document");
    QTest::addColumn<std::string>("code");
    QTest::newRow("identity-with-principal") << std::string("IDENTITY_POLICY")
        << std::string(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]})")
        << std::string("PRINCIPAL_NOT_ALLOWED");
    QTest::newRow("trust-with-resource") << std::string("TRUST_POLICY")
        << std::string(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"*"}]})")
        << std::string("RESOURCE_IN_TRUST_POLICY");
    QTest::newRow("trust-open-to-all") << std::string("TRUST_POLICY")
        << std::string(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]})")
        << std::string("TRUST_POLICY_OPEN_TO_ALL");
    QTest::newRow("resource-not-principal-allow") << std::string("RESOURCE_POLICY")
        << std::string(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]})")
        << std::string("ALLOW_WITH_NOT_PRINCIPAL");
    QTest::newRow("scp-unknown-operator") << std::string("SERVICE_CONTROL_POLICY")
        << std::string(R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEqualz":{"aws:RequestedRegion":"x"}}}]})")
        << std::string("UNKNOWN_OPERATOR");
}

void tst_IamSimCli::validateInlineDocumentAndTypes()
{
    QFETCH(std::string, type);
    QFETCH(std::string, document);
    QFETCH(std::string, code);
    const Run r = run({"validate-policy", "--policy-type", type, "--policy-document", document});
    QCOMPARE(r.code, 0);
    const json findings = json::parse(r.out).at("findings");
    const bool found = std::any_of(findings.begin(), findings.end(),
                                   [&](const json &f) { return f["issueCode"] == code; });
    QVERIFY2(found, r.out.c_str());
}

void tst_IamSimCli::validateUsesTheServiceCatalog()
{
    // The bundled service authorization reference knows s3:GetObject, not s3:GetObjekt.
    const Run r = run({"validate-policy", "--policy-document",
                       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"}]})"});
    QCOMPARE(r.code, 0);
    const json findings = json::parse(r.out).at("findings");
    const auto found = std::find_if(findings.begin(), findings.end(),
                                    [](const json &f) { return f["issueCode"] == "INVALID_ACTION"; });
    QVERIFY2(found != findings.end(), r.out.c_str());
    QVERIFY((*found)["findingDetails"].get<std::string>().find("did you mean `s3:GetObject`") != std::string::npos);
}

void tst_IamSimCli::validateMalformedIsAFinding()
{
    const Run r = run({"validate-policy", "--policy-document", "-"}, "{\"Version\": \"2012-10-17\",,}");
    QCOMPARE(r.code, 0);
    const json findings = json::parse(r.out).at("findings");
    QCOMPARE(findings[0]["issueCode"].get<std::string>(), std::string("JSON_SYNTAX"));
    QCOMPARE(findings[0]["findingType"].get<std::string>(), std::string("ERROR"));
}

void tst_IamSimCli::helpTexts_data()
{
    QTest::addColumn<std::vector<std::string>>("args");
    QTest::addColumn<std::string>("expected");
    QTest::newRow("overview") << std::vector<std::string>{"help"} << std::string("o simulate-custom-policy");
    QTest::newRow("dash-dash-help") << std::vector<std::string>{"--help"} << std::string("AVAILABLE COMMANDS");
    QTest::newRow("command-help") << std::vector<std::string>{"simulate-custom-policy", "help"} << std::string("--cli-input-json (string)");
    QTest::newRow("help-command") << std::vector<std::string>{"help", "validate-policy"} << std::string("--policy-type (string)");
    QTest::newRow("version") << std::vector<std::string>{"--version"} << std::string("iam-sim 0.1.0");
}

void tst_IamSimCli::helpTexts()
{
    QFETCH(std::vector<std::string>, args);
    QFETCH(std::string, expected);
    const Run r = run(args);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.find(expected) != std::string::npos, r.out.c_str());
    if (args.size() > 1 || args[0] != "--version") {
        for (const char *section : {"NAME", "DESCRIPTION", "SYNOPSIS"})
            QVERIFY(r.out.find(section) != std::string::npos);
    }
}

void tst_IamSimCli::usageErrors_data()
{
    QTest::addColumn<std::vector<std::string>>("args");
    QTest::addColumn<std::string>("expected");
    QTest::newRow("unknown-command") << std::vector<std::string>{"simulate-principal-policyy"}
                                     << std::string("Invalid choice, valid choices are:\n\nsimulate-custom-policy | validate-policy | simulate-principal-policy");
    QTest::newRow("no-command") << std::vector<std::string>{} << std::string("required: command");
    QTest::newRow("option-without-value") << std::vector<std::string>{"simulate-custom-policy", "--cli-input-json"}
                                          << std::string("argument --cli-input-json: expected one argument");
    QTest::newRow("missing-input") << std::vector<std::string>{"simulate-custom-policy"}
                                   << std::string("required: --cli-input-json");
    QTest::newRow("unknown-option") << std::vector<std::string>{"validate-policy", "--policy-document", "{}", "--frobnicate"}
                                    << std::string("Unknown options: --frobnicate");
    QTest::newRow("bad-policy-type") << std::vector<std::string>{"validate-policy", "--policy-document", "{}", "--policy-type", "USER_POLICY"}
                                     << std::string("Invalid choice: 'USER_POLICY'");
}

void tst_IamSimCli::usageErrors()
{
    QFETCH(std::vector<std::string>, args);
    QFETCH(std::string, expected);
    const Run r = run(args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.empty());
    QVERIFY(r.err.starts_with("usage: iam-sim <command> [parameters]\n"));
    QVERIFY2(r.err.find(expected) != std::string::npos, r.err.c_str());
}

static void addCases(const std::filesystem::path &dir, const char *prefix)
{
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto &file : files) {
        std::ifstream stream(file);
        for (const json &c : json::parse(stream)) {
            const std::string name = prefix + c["id"].get<std::string>();
            QTest::newRow(name.c_str()) << c["request"].dump() << c["expected"].get<std::string>();
        }
    }
}

void tst_IamSimCli::decisionCasesThroughTheCli_data()
{
    QTest::addColumn<std::string>("request");
    QTest::addColumn<std::string>("expected");
    addCases(IAMSTUDIO_TESTDATA_DIR "/decisions", "");
    const std::filesystem::path shared = IAMSTUDIO_SOURCE_DIR "/../shared/conformance";
    if (std::filesystem::exists(shared))
        addCases(shared, "conformance/");
}

void tst_IamSimCli::decisionCasesThroughTheCli()
{
    QFETCH(std::string, request);
    QFETCH(std::string, expected);
    const Run r = run({"simulate-custom-policy", "--cli-input-json", "-"}, request);
    QVERIFY2(r.code == 0, r.err.c_str());
    QCOMPARE(json::parse(r.out)["EvaluationResults"][0]["EvalDecision"].get<std::string>(), expected);
}

QTEST_APPLESS_MAIN(tst_IamSimCli)
#include "tst_IamSimCli.moc"
