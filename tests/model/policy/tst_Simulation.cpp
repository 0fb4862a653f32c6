// The simulation request and result of ../shared/spec/simulation-request.md, and the
// decision cases kept as data: tests/data/decisions/*.json and, when it is beside the
// project, ../shared/conformance/*.json, one row per case named after its id.

#include "Simulation.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace iam;
using json = nlohmann::json;

Q_DECLARE_METATYPE(std::string)

class tst_Simulation : public QObject
{
    Q_OBJECT

private slots:
    void decisionCases_data();
    void decisionCases();
    void resultShape();
    void matchedStatementsPointAtTheStatement();
    void missingContextValuesReported();
    void policyGivenAsStringIsNamedInErrors();
    void badRequests_data();
    void badRequests();
};

static std::string readFile(const std::filesystem::path &path)
{
    std::ifstream file(path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
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
        for (const json &c : json::parse(readFile(file))) {
            const std::string name = std::string(prefix) + c["id"].get<std::string>();
            QTest::newRow(name.c_str()) << c["request"].dump(2) << c["expected"].get<std::string>();
        }
    }
}

void tst_Simulation::decisionCases_data()
{
    QTest::addColumn<std::string>("request");
    QTest::addColumn<std::string>("expected");
    addCases(IAMSTUDIO_TESTDATA_DIR "/decisions", "");
    const std::filesystem::path shared = IAMSTUDIO_SOURCE_DIR "/../shared/conformance";
    if (std::filesystem::exists(shared))
        addCases(shared, "conformance/");
    else
        qInfo("../shared/conformance not found: only tests/data cases run");
}

void tst_Simulation::decisionCases()
{
    QFETCH(std::string, request);
    QFETCH(std::string, expected);
    const LoadedRequest loaded = loadSimulationRequest(request, "case.json");
    for (const Diagnostic &d : loaded.diagnostics)
        qWarning("%s", formatDiagnostic(d).c_str());
    QVERIFY(loaded.ok());
    const auto results = simulate(*loaded.request);
    QCOMPARE(results.size(), std::size_t(1));
    QCOMPARE(std::string(outcomeName(results[0].decision.outcome)), expected);
    // The same answer with a trace: explaining never changes a decision.
    const auto traced = simulate(*loaded.request, {.trace = true});
    QCOMPARE(traced[0].decision.outcome, results[0].decision.outcome);
    QVERIFY(!traced[0].decision.trace.steps.empty() || loaded.request->policies.identity.empty());
}

static const char *kWalkthrough = R"({
    "CallerArn": "arn:aws:iam::111122223333:user/lab-user",
    "ActionNames": ["iam:PassRole", "s3:ListAllMyBuckets"],
    "ResourceArns": ["arn:aws:iam::111122223333:role/S3Access", "arn:aws:iam::111122223333:role/Admin"],
    "PolicyInputList": [
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"},\n{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::111122223333:role/S3Access\"}]}"
    ]
})";

void tst_Simulation::resultShape()
{
    const LoadedRequest loaded = loadSimulationRequest(kWalkthrough, "walkthrough.json");
    QVERIFY(loaded.ok());
    const json result = simulationResultJson(simulate(*loaded.request));
    const json &list = result.at("EvaluationResults");
    QCOMPARE(list.size(), std::size_t(4));
    // ActionNames outer, ResourceArns inner, as the AWS simulator orders them.
    QCOMPARE(list[0]["EvalActionName"].get<std::string>(), std::string("iam:PassRole"));
    QCOMPARE(list[0]["EvalResourceName"].get<std::string>(), std::string("arn:aws:iam::111122223333:role/S3Access"));
    QCOMPARE(list[0]["EvalDecision"].get<std::string>(), std::string("allowed"));
    QCOMPARE(list[1]["EvalDecision"].get<std::string>(), std::string("implicitDeny"));
    QCOMPARE(list[2]["EvalActionName"].get<std::string>(), std::string("s3:ListAllMyBuckets"));
    QCOMPARE(list[2]["EvalDecision"].get<std::string>(), std::string("implicitDeny"));
    QVERIFY(list[1]["MatchedStatements"].empty());
    QVERIFY(list[3]["MissingContextValues"].is_array());
}

void tst_Simulation::matchedStatementsPointAtTheStatement()
{
    const LoadedRequest loaded = loadSimulationRequest(kWalkthrough, "walkthrough.json");
    const json result = simulationResultJson(simulate(*loaded.request));
    const json &matched = result["EvaluationResults"][0]["MatchedStatements"];
    QCOMPARE(matched.size(), std::size_t(1));
    QCOMPARE(matched[0]["SourcePolicyId"].get<std::string>(), std::string("PolicyInputList.1"));
    QCOMPARE(matched[0]["SourcePolicyType"].get<std::string>(), std::string("IAM Policy"));
    // The second statement starts the policy text's second line.
    QCOMPARE(matched[0]["StartPosition"]["Line"].get<int>(), 2);
    QCOMPARE(matched[0]["StartPosition"]["Column"].get<int>(), 1);
    QCOMPARE(matched[0]["EndPosition"]["Line"].get<int>(), 2);
}

void tst_Simulation::missingContextValuesReported()
{
    // "Missing context keys are reported, not silently treated as matches."
    const LoadedRequest loaded = loadSimulationRequest(R"({
        "ActionNames": ["iam:PassRole"], "ResourceArns": ["arn:aws:iam::111122223333:role/S3Access"],
        "PolicyInputList": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
            "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}]}]})", "r.json");
    QVERIFY(loaded.ok());
    const auto results = simulate(*loaded.request);
    QCOMPARE(results[0].decision.outcome, Outcome::ImplicitDeny);
    QCOMPARE(results[0].decision.missingContextKeys.size(), std::size_t(1));
    QCOMPARE(std::string(results[0].decision.missingContextKeys[0]), std::string("iam:PassedToService"));
}

void tst_Simulation::policyGivenAsStringIsNamedInErrors()
{
    const LoadedRequest loaded = loadSimulationRequest(R"({"ActionNames": ["s3:GetObject"],
        "PolicyInputList": ["{\"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"*\", \"Resource\": \"*\"}]}"]})", "req.json");
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.diagnostics.at(0).code, std::string("INVALID_EFFECT"));
    QVERIFY(formatDiagnostic(loaded.diagnostics[0]).starts_with("req.json:PolicyInputList.1:1:27: error: "));
}

void tst_Simulation::badRequests_data()
{
    QTest::addColumn<std::string>("request");
    QTest::addColumn<std::string>("where");   // the printed position prefix
    QTest::addColumn<std::string>("says");    // a fragment of the message

    QTest::newRow("malformed-json") << std::string("{\n  \"ActionNames\": [\"s3:GetObject\"\n}") << std::string("r.json:3:1:")
                                    << std::string("invalid JSON");
    QTest::newRow("unknown-key-type") << std::string("{\"ActionNames\": [\"a:b\"],\n \"ContextEntries\": [{\"ContextKeyName\": \"k\", \"ContextKeyValues\": [\"v\"], \"ContextKeyType\": \"text\"}]}")
                                      << std::string("r.json:2:90:") << std::string("`text`");
    QTest::newRow("missing-action-names") << std::string("{\"CallerArn\": \"arn:aws:iam::111122223333:user/a\"}")
                                          << std::string("r.json:1:1:") << std::string("ActionNames");
    QTest::newRow("unknown-parameter") << std::string("{\"ActionNames\": [\"a:b\"], \"Callerarn\": \"x\"}")
                                       << std::string("r.json:1:26:") << std::string("`Callerarn`");
    QTest::newRow("embedded-policy-error-in-file") << std::string("{\"ActionNames\": [\"a:b\"],\n \"PolicyInputList\": [\n   {\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\"}]}]}")
                                                   << std::string("r.json:3:19:") << std::string("no `Action`");
    QTest::newRow("scp-level-not-a-list") << std::string("{\"ActionNames\": [\"a:b\"], \"ServiceControlPolicies\": [{}]}")
                                          << std::string("r.json:1:53:") << std::string("each level");
    QTest::newRow("not-an-object") << std::string("[]") << std::string("r.json:1:1:") << std::string("JSON object");
}

void tst_Simulation::badRequests()
{
    QFETCH(std::string, request);
    QFETCH(std::string, where);
    QFETCH(std::string, says);
    const LoadedRequest loaded = loadSimulationRequest(request, "r.json");
    QVERIFY(!loaded.ok());
    QVERIFY(!loaded.request);
    const std::string printed = formatDiagnostic(loaded.diagnostics.at(0));
    QVERIFY2(printed.starts_with(where), printed.c_str());
    QVERIFY2(printed.find(says) != std::string::npos, printed.c_str());
}

QTEST_APPLESS_MAIN(tst_Simulation)
#include "tst_Simulation.moc"
