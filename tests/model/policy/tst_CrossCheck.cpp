// The compiled engine against the slow ReferenceEvaluator on thousands of generated
// requests, and the reference itself against the decision cases kept as data (it
// must be right before it may judge). When the two disagree, the request is shrunk
// to the statements and keys that still make them disagree, and printed.

#include "ReferenceEvaluator.h"
#include "RequestGenerator.h"
#include "Simulation.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

using json = nlohmann::json;
using iam::reference::ReferenceEvaluator;
using iam::reference::RequestGenerator;

Q_DECLARE_METATYPE(std::string)

class tst_CrossCheck : public QObject
{
    Q_OBJECT

private slots:
    void referenceMatchesConformance_data();
    void referenceMatchesConformance();
    void referenceMatchesEngineEdges_data();
    void referenceMatchesEngineEdges();
    void generatorIsDeterministic();
    void engineAgreesWithReference();
};

namespace {

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream file(path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

// One row per case of every *.json file in `dir`, named after the case's id.
void addCases(const std::filesystem::path &dir)
{
    QTest::addColumn<std::string>("request");
    QTest::addColumn<std::string>("expected");
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".json")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto &file : files) {
        for (const json &c : json::parse(readFile(file))) {
            const std::string id = c["id"].get<std::string>();
            QTest::newRow(id.c_str()) << c["request"].dump() << c["expected"].get<std::string>();
        }
    }
}

void checkReference(const std::string &text, const std::string &expected)
{
    const ReferenceEvaluator reference(json::parse(text));
    QVERIFY2(reference.ok(), reference.error().c_str());
    const std::vector<std::string> decisions = reference.decisions();
    QCOMPARE(decisions.size(), std::size_t(1));
    QCOMPARE(decisions[0], expected);
}

std::uint64_t environmentNumber(const char *name, std::uint64_t fallback)
{
    const char *value = std::getenv(name);
    return value && *value ? std::strtoull(value, nullptr, 10) : fallback;
}

// The engine's decisions, or nullopt (with the diagnostics in `why`) when it does
// not load the request.
std::optional<std::vector<std::string>> engineDecisions(const json &request, std::string *why = nullptr)
{
    const iam::LoadedRequest loaded = iam::loadSimulationRequest(request.dump(), "generated");
    if (!loaded.ok()) {
        if (why) {
            for (const iam::Diagnostic &d : loaded.diagnostics)
                *why += iam::formatDiagnostic(d) + "\n";
        }
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const iam::EvaluationResult &result : iam::simulate(*loaded.request))
        out.push_back(iam::outcomeName(result.decision.outcome));
    return out;
}

// Whether the engine loads `request` and disagrees with the reference on some pair.
bool disagrees(const json &request)
{
    const ReferenceEvaluator reference(request);
    if (!reference.ok())
        return false;
    const auto engine = engineDecisions(request);
    const std::vector<std::string> expected = reference.decisions();
    // Same pairs (shrinking must not empty ActionNames or ResourceArns), other answers.
    return engine && !expected.empty() && engine->size() == expected.size() && *engine != expected;
}

// Policies given as strings, as objects, so that their statements can be shrunk too.
json withEmbeddedPolicies(json request)
{
    const auto embed = [](json &policy) {
        if (policy.is_string())
            policy = json::parse(policy.get<std::string>(), nullptr, false);
    };
    for (const char *list : {"PolicyInputList", "PermissionsBoundaryPolicyInputList", "SessionPolicyInputList"}) {
        if (request.contains(list)) {
            for (json &policy : request[list])
                embed(policy);
        }
    }
    if (request.contains("ResourcePolicy"))
        embed(request["ResourcePolicy"]);
    for (const char *levels : {"ServiceControlPolicies", "ResourceControlPolicies"}) {
        if (request.contains(levels)) {
            for (json &level : request[levels]) {
                for (json &policy : level)
                    embed(policy);
            }
        }
    }
    return request;
}

// Every JSON pointer below `at` whose removal might still leave a valid request.
void removablePaths(const json &value, const json::json_pointer &at, std::vector<json::json_pointer> &out)
{
    if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            out.push_back(at / i);
            removablePaths(value[i], at / i, out);
        }
    } else if (value.is_object()) {
        for (const auto &[name, member] : value.items()) {
            out.push_back(at / name);
            removablePaths(member, at / name, out);
        }
    }
}

// Greedy shrinking: drop any element whose removal keeps the disagreement, until
// nothing more can go (the reduction loop of delta debugging, one element at a time).
json shrink(json request)
{
    if (const json embedded = withEmbeddedPolicies(request); disagrees(embedded))
        request = embedded;
    for (bool progress = true; progress;) {
        progress = false;
        std::vector<json::json_pointer> paths;
        removablePaths(request, json::json_pointer(), paths);
        // Outermost first: dropping a whole policy beats dropping its statements one by one.
        for (const json::json_pointer &path : paths) {
            if (!request.contains(path))
                continue;
            json smaller = request;
            json &parent = smaller.at(path.parent_pointer());
            if (parent.is_array())
                parent.erase(parent.begin() + std::stol(path.back()));
            else
                parent.erase(path.back());
            if (disagrees(smaller)) {
                request = smaller;
                progress = true;
            }
        }
    }
    return request;
}

// What kind of disagreement a shrunk request shows, roughly: the caller's kind and
// some policy elements left in it.
std::string shape(const json &request)
{
    const std::string caller = request.value("CallerArn", "");
    std::string out = caller.rfind("arn:", 0) != 0               ? "service"
        : caller.size() > 5 && caller.ends_with(":root")          ? "root"
        : caller.find(":assumed-role/") != std::string::npos      ? "session"
        : caller.find(":role/") != std::string::npos              ? "role"
                                                                  : "user";
    const std::string text = request.dump();
    for (const char *element : {"NotPrincipal", "Condition", "${"}) {
        if (text.find(element) != std::string::npos)
            out += std::string(" ") + element;
    }
    return out;
}

} // namespace

void tst_CrossCheck::referenceMatchesConformance_data()
{
    const std::filesystem::path dir = IAMSTUDIO_SOURCE_DIR "/../shared/conformance";
    if (!std::filesystem::exists(dir))
        QSKIP("../shared/conformance not found");
    addCases(dir);
}

void tst_CrossCheck::referenceMatchesConformance()
{
    QFETCH(std::string, request);
    QFETCH(std::string, expected);
    checkReference(request, expected);
}

void tst_CrossCheck::referenceMatchesEngineEdges_data()
{
    // The engine's own cases of the choices EVALUATION.md makes; the reference
    // follows the same rules, so it must decide them alike.
    addCases(IAMSTUDIO_TESTDATA_DIR "/decisions");
}

void tst_CrossCheck::referenceMatchesEngineEdges()
{
    QFETCH(std::string, request);
    QFETCH(std::string, expected);
    checkReference(request, expected);
}

void tst_CrossCheck::generatorIsDeterministic()
{
    RequestGenerator first(7), second(7);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(first.next().dump(), second.next().dump());
}

void tst_CrossCheck::engineAgreesWithReference()
{
    // IAMSTUDIO_XCHECK_COUNT / _SEED run more requests or another sequence (the
    // defaults keep the suite to seconds); _SHOW prints more than 8 kinds of failure.
    const std::uint64_t count = environmentNumber("IAMSTUDIO_XCHECK_COUNT", 5000);
    const std::uint64_t seed = environmentNumber("IAMSTUDIO_XCHECK_SEED", 20240601);
    RequestGenerator generator(seed);
    std::map<std::string, int> outcomes;
    int pairs = 0, disagreements = 0, loadFailures = 0, shrunk = 0;
    std::set<std::string> shownKinds;
    const int shown = int(environmentNumber("IAMSTUDIO_XCHECK_SHOW", 8));

    for (std::uint64_t i = 0; i < count; ++i) {
        const json request = generator.next();
        const ReferenceEvaluator reference(request);
        QVERIFY2(reference.ok(), (reference.error() + "\n" + request.dump(2)).c_str());
        const std::vector<std::string> expected = reference.decisions();

        std::string why;
        const auto engine = engineDecisions(request, &why);
        if (!engine) {
            if (++loadFailures <= shown)
                qWarning("request %llu is refused by the engine:\n%s%s", static_cast<unsigned long long>(i), why.c_str(),
                         request.dump(2).c_str());
            continue;
        }
        QCOMPARE(engine->size(), expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            ++pairs;
            ++outcomes[expected[k]];
            if ((*engine)[k] == expected[k])
                continue;
            ++disagreements;
            // Shrink a bounded number of them and show one of each kind, so that one
            // frequent cause does not hide the others.
            if (int(shownKinds.size()) >= shown || shrunk >= 50)
                continue;
            ++shrunk;
            const json minimal = shrink(request);
            if (!shownKinds.insert((*engine)[k] + "/" + expected[k] + " " + shape(minimal)).second)
                continue;
            const std::size_t resources = request.contains("ResourceArns") ? request["ResourceArns"].size() : 1;
            qWarning("request %llu, %s on %s: engine %s, reference %s\n"
                     "shrunk (still disagreeing, perhaps on another pair):\n%s\noriginal:\n%s",
                     static_cast<unsigned long long>(i),
                     request["ActionNames"][k / resources].get<std::string>().c_str(),
                     request.contains("ResourceArns") ? request["ResourceArns"][k % resources].get<std::string>().c_str() : "*",
                     (*engine)[k].c_str(), expected[k].c_str(), minimal.dump(2).c_str(), request.dump().c_str());
        }
    }

    qInfo("%llu requests (seed %llu), %d pairs: %d allowed, %d explicitDeny, %d implicitDeny; "
          "%d disagreements, %d refused by the engine",
          static_cast<unsigned long long>(count), static_cast<unsigned long long>(seed), pairs, outcomes["allowed"],
          outcomes["explicitDeny"], outcomes["implicitDeny"], disagreements, loadFailures);
    QCOMPARE(loadFailures, 0);
    QCOMPARE(disagreements, 0);
    // A generator that drifts into one outcome tests little: keep every outcome common.
    for (const char *outcome : {"allowed", "explicitDeny", "implicitDeny"})
        QVERIFY2(outcomes[outcome] * 10 >= pairs, outcome);
}

QTEST_APPLESS_MAIN(tst_CrossCheck)
#include "tst_CrossCheck.moc"
