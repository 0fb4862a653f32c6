// ManagedPolicyCatalog over the shipped resources/catalog/managed-policies.json:
// lookups by name and ARN, the documents as AWS wrote them, and located errors.

#include "ManagedPolicyCatalog.h"
#include "PolicyParser.h"
#include "ResourcePaths.h"

#include <QElapsedTimer>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <string>

using namespace iam;

class tst_ManagedPolicyCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsEveryPolicy();
    void find_data();
    void find();
    void pathComesFromTheArn_data();
    void pathComesFromTheArn();
    void s3ReadOnlyAllowsGetAndList();
    void documentKeepsAwsMemberOrder();
    void everyDocumentParses();
    void malformedFile_data();
    void malformedFile();
    void missingFileIsAnError();

private:
    std::shared_ptr<const ManagedPolicyCatalog> m_catalog;
};

void tst_ManagedPolicyCatalog::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    CatalogLoadResult<ManagedPolicyCatalog> loaded = ManagedPolicyCatalog::load(catalogFile("managed-policies.json"));
    // Reported, not asserted: sanitizer and debug builds are many times slower.
    qInfo("managed-policies.json loaded in %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY2(loaded.ok(), formatDiagnostic(loaded.error).c_str());
    m_catalog = loaded.catalog;
}

void tst_ManagedPolicyCatalog::loadsEveryPolicy()
{
    QVERIFY(m_catalog->policies().size() > 1000);
    QVERIFY(!m_catalog->dataVersion().empty());
    const auto &policies = m_catalog->policies();
    QVERIFY(std::is_sorted(policies.begin(), policies.end(),
                           [](const CatalogManagedPolicy &a, const CatalogManagedPolicy &b) { return a.name < b.name; }));
    // The policies the walkthrough, the labs and the role wizard name.
    for (const char *name : {"AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "AmazonEC2FullAccess",
                             "AmazonEC2ReadOnlyAccess", "AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess",
                             "IAMFullAccess", "IAMReadOnlyAccess", "AWSLambdaBasicExecutionRole"}) {
        const CatalogManagedPolicy *policy = m_catalog->findByName(name);
        QVERIFY2(policy, name);
        QVERIFY2(!policy->description.empty(), name);
        QVERIFY2(policy->defaultVersionId.starts_with("v"), name);
        QVERIFY2(!policy->document.empty(), name);
    }
}

void tst_ManagedPolicyCatalog::find_data()
{
    QTest::addColumn<QString>("nameOrArn");
    QTest::addColumn<QString>("expectedName");   // "" for none

    QTest::newRow("by-name") << "AmazonS3ReadOnlyAccess" << "AmazonS3ReadOnlyAccess";
    QTest::newRow("by-arn") << "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" << "AmazonS3ReadOnlyAccess";
    QTest::newRow("by-arn-with-path") << "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
                                      << "AWSLambdaBasicExecutionRole";
    // IAM policy names are unique regardless of case; ARNs compare exactly.
    QTest::newRow("names-ignore-case") << "amazons3readonlyaccess" << "AmazonS3ReadOnlyAccess";
    QTest::newRow("arns-are-case-sensitive") << "arn:aws:iam::aws:policy/amazons3readonlyaccess" << "";
    QTest::newRow("arn-without-its-path-is-unknown") << "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole" << "";
    QTest::newRow("unknown-name") << "AmazonS4ReadOnlyAccess" << "";
}

void tst_ManagedPolicyCatalog::find()
{
    QFETCH(QString, nameOrArn);
    QFETCH(QString, expectedName);
    const CatalogManagedPolicy *policy = m_catalog->find(nameOrArn.toStdString());
    QCOMPARE(policy ? QString::fromStdString(policy->name) : QString(), expectedName);
    QCOMPARE(m_catalog->documentText(nameOrArn.toStdString()).empty(), expectedName.isEmpty());
}

void tst_ManagedPolicyCatalog::pathComesFromTheArn_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("arn");

    QTest::newRow("top-level-policy") << "AdministratorAccess" << "/" << "arn:aws:iam::aws:policy/AdministratorAccess";
    QTest::newRow("service-role-policy") << "AWSLambdaBasicExecutionRole" << "/service-role/"
                                         << "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    QTest::newRow("job-function-policy") << "ViewOnlyAccess" << "/job-function/"
                                         << "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";
}

void tst_ManagedPolicyCatalog::pathComesFromTheArn()
{
    QFETCH(QString, name);
    QFETCH(QString, path);
    QFETCH(QString, arn);
    const CatalogManagedPolicy *policy = m_catalog->findByName(name.toStdString());
    QVERIFY(policy);
    QCOMPARE(QString::fromStdString(policy->path), path);
    QCOMPARE(QString::fromStdString(policy->arn), arn);
    QCOMPARE(m_catalog->findByArn(arn.toStdString()), policy);
}

void tst_ManagedPolicyCatalog::s3ReadOnlyAllowsGetAndList()
{
    const CatalogManagedPolicy *policy = m_catalog->findByName("AmazonS3ReadOnlyAccess");
    QVERIFY(policy);
    const nlohmann::json document = nlohmann::json::parse(policy->document);
    bool get = false, list = false;
    for (const nlohmann::json &statement : document.at("Statement")) {
        if (statement.at("Effect") != "Allow" || statement.value("Resource", nlohmann::json()) != "*")
            continue;
        const nlohmann::json actions = statement.at("Action");
        for (const nlohmann::json &action : actions.is_array() ? actions : nlohmann::json::array({actions})) {
            get = get || action == "s3:Get*";
            list = list || action == "s3:List*";
        }
    }
    QVERIFY(get);
    QVERIFY(list);
}

void tst_ManagedPolicyCatalog::documentKeepsAwsMemberOrder()
{
    // The console shows a document as AWS stores it: Version before Statement, and
    // Effect before Action; the editor's form has four-space indentation.
    const std::string stored = m_catalog->documentText("AmazonS3ReadOnlyAccess");
    QCOMPARE(stored, m_catalog->findByName("AmazonS3ReadOnlyAccess")->document);
    QVERIFY2(stored.starts_with(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[)"), stored.c_str());
    const std::string indented = m_catalog->documentText("AmazonS3ReadOnlyAccess", 4);
    QVERIFY2(indented.starts_with("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": ["), indented.c_str());
    const std::size_t effect = indented.find("\"Effect\"");
    const std::size_t action = indented.find("\"Action\"");
    QVERIFY(effect != std::string::npos && action != std::string::npos);
    QVERIFY(effect < action);
    QCOMPARE(nlohmann::json::parse(indented), nlohmann::json::parse(stored));
}

void tst_ManagedPolicyCatalog::everyDocumentParses()
{
    // Every AWS-managed document is a policy the engine accepts without grammar
    // errors. Debug and sanitizer builds parse ~50 times slower: they take a sample.
#ifdef NDEBUG
    constexpr std::size_t stride = 1;
#else
    constexpr std::size_t stride = 16;
#endif
    QStringList rejected;
    const auto &policies = m_catalog->policies();
    for (std::size_t i = 0; i < policies.size(); i += stride) {
        const ParseResult parsed = parsePolicy(policies[i].document, policies[i].name);
        if (!parsed.ok())
            rejected << QString::fromStdString(policies[i].name + ": " + formatDiagnostic(parsed.diagnostics.front()));
    }
    QVERIFY2(rejected.isEmpty(), qPrintable(rejected.join('\n')));
}

void tst_ManagedPolicyCatalog::malformedFile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("empty-file-is-a-syntax-error") << "" << "JSON_SYNTAX" << 1 << 1;
    QTest::newRow("unterminated-string-at-its-opening-quote")
        << "{\"format\": 1,\n \"policies\": [{\"n\": \"Admin" << "JSON_SYNTAX" << 2 << 21;
    QTest::newRow("missing-document-at-the-policy")
        << "{\"format\": 1,\n \"policies\": [\n  {\"n\": \"X\", \"a\": \"arn:aws:iam::aws:policy/X\", \"p\": \"/\", \"v\": \"v1\"}]}"
        << "CATALOG_FORMAT" << 3 << 3;
    QTest::newRow("document-that-is-not-an-object-at-its-value")
        << "{\"format\": 1, \"policies\": [{\"n\": \"X\", \"a\": \"arn:aws:iam::aws:policy/X\", \"p\": \"/\", \"v\": \"v1\", \"doc\": 5}]}"
        << "CATALOG_FORMAT" << 1 << 101;
    QTest::newRow("policy-listed-twice")
        << "{\"format\": 1, \"policies\": [\n{\"n\": \"X\", \"a\": \"arn:aws:iam::aws:policy/X\", \"p\": \"/\", \"v\": \"v1\", \"doc\": {}},\n"
           "{\"n\": \"x\", \"a\": \"arn:aws:iam::aws:policy/x\", \"p\": \"/\", \"v\": \"v1\", \"doc\": {}}]}"
        << "CATALOG_FORMAT" << 3 << 1;
}

void tst_ManagedPolicyCatalog::malformedFile()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const CatalogLoadResult<ManagedPolicyCatalog> loaded =
        ManagedPolicyCatalog::parse(text.toStdString(), "managed-policies.json");
    QVERIFY(!loaded.ok());
    QCOMPARE(QString::fromStdString(loaded.error.code), code);
    QCOMPARE(loaded.error.where.line, line);
    QCOMPARE(loaded.error.where.column, column);
    const std::string printed = formatDiagnostic(loaded.error);
    const std::string expectedStart =
        "managed-policies.json:" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
    QVERIFY2(printed.starts_with(expectedStart), printed.c_str());
}

void tst_ManagedPolicyCatalog::missingFileIsAnError()
{
    const CatalogLoadResult<ManagedPolicyCatalog> loaded = ManagedPolicyCatalog::load("/nonexistent/managed-policies.json");
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error.code, std::string("CATALOG_IO"));
}

QTEST_APPLESS_MAIN(tst_ManagedPolicyCatalog)
#include "tst_ManagedPolicyCatalog.moc"
