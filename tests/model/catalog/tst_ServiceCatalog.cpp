// ServiceCatalog over the shipped resources/catalog/services.json: access levels,
// resource types, suggestions, condition keys, ARN formats, action patterns, and
// located errors for malformed files.

#include "ResourcePaths.h"
#include "ServiceCatalog.h"

#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace iam;

class tst_ServiceCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsEveryService();
    void accessLevel_data();
    void accessLevel();
    void hasAction_data();
    void hasAction();
    void resourceTypesOf_data();
    void resourceTypesOf();
    void suggestActions_data();
    void suggestActions();
    void hasConditionKey_data();
    void hasConditionKey();
    void tagKeysResolveToTheirTemplate();
    void arnMatchesResourceType_data();
    void arnMatchesResourceType();
    void expandActionPattern_data();
    void expandActionPattern();
    void expandStarCoversEveryAction();
    void serviceForTheVisualEditor();
    void smallCatalogReadsEscapesAndSkipsUnknownMembers();
    void everyTruncationIsASyntaxError();
    void corruptedBytesNeverCrash();
    void malformedFile_data();
    void malformedFile();
    void missingFileIsAnError();
    void resourcesFolderFromEnvironment();

private:
    std::shared_ptr<const ServiceCatalog> m_catalog;
};

static std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

void tst_ServiceCatalog::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::load(catalogFile("services.json"));
    // Reported, not asserted: sanitizer and debug builds are many times slower.
    qInfo("services.json loaded in %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY2(loaded.ok(), formatDiagnostic(loaded.error).c_str());
    m_catalog = loaded.catalog;
}

void tst_ServiceCatalog::loadsEveryService()
{
    QVERIFY(m_catalog->services().size() > 400);
    QVERIFY(m_catalog->actionCount() > 20000);
    for (const char *prefix : {"iam", "sts", "ec2", "s3", "lambda", "s3-object-lambda"})
        QVERIFY2(m_catalog->hasService(prefix), prefix);
    QVERIFY(!m_catalog->hasService("s4"));
    QVERIFY(!m_catalog->dataVersion().empty());
    // Sorted by prefix, so the visual editor lists services as the console does.
    const auto &services = m_catalog->services();
    QVERIFY(std::is_sorted(services.begin(), services.end(),
                           [](const CatalogService &a, const CatalogService &b) { return a.prefix < b.prefix; }));
}

void tst_ServiceCatalog::accessLevel_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected");   // "" for no such action

    QTest::newRow("s3:GetObject-is-read") << "s3:GetObject" << "Read";
    QTest::newRow("s3:ListAllMyBuckets-is-list") << "s3:ListAllMyBuckets" << "List";
    QTest::newRow("s3:PutObject-is-write") << "s3:PutObject" << "Write";
    QTest::newRow("iam:PassRole-is-write") << "iam:PassRole" << "Write";
    // The reference's specific level, not the "Write" iam-data lists beside it.
    QTest::newRow("iam:AttachRolePolicy-is-permissions-management") << "iam:AttachRolePolicy" << "Permissions management";
    QTest::newRow("iam:TagRole-is-tagging") << "iam:TagRole" << "Tagging";
    QTest::newRow("ec2:RunInstances-is-write") << "ec2:RunInstances" << "Write";
    QTest::newRow("names-ignore-case") << "S3:getobject" << "Read";
    QTest::newRow("unknown-action-has-none") << "s3:GetObjekt" << "";
    QTest::newRow("no-colon-has-none") << "GetObject" << "";
}

void tst_ServiceCatalog::accessLevel()
{
    QFETCH(QString, action);
    QFETCH(QString, expected);
    const std::optional<AccessLevel> level = m_catalog->accessLevel(action.toStdString());
    QCOMPARE(level ? QString(accessLevelName(*level)) : QString(), expected);
}

void tst_ServiceCatalog::hasAction_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("expected");

    QTest::newRow("s3-GetObject") << "s3" << "GetObject" << true;
    QTest::newRow("service-and-name-ignore-case") << "S3" << "getOBJECT" << true;
    QTest::newRow("ec2-AssociateIamInstanceProfile") << "ec2" << "AssociateIamInstanceProfile" << true;
    QTest::newRow("typo-is-unknown") << "s3" << "GetObjekt" << false;
    QTest::newRow("action-of-another-service") << "iam" << "GetObject" << false;
    QTest::newRow("unknown-service") << "s4" << "GetObject" << false;
}

void tst_ServiceCatalog::hasAction()
{
    QFETCH(QString, service);
    QFETCH(QString, action);
    QFETCH(bool, expected);
    QCOMPARE(m_catalog->hasAction(service.toStdString(), action.toStdString()), expected);
}

void tst_ServiceCatalog::resourceTypesOf_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<bool>("empty");

    QTest::newRow("s3:GetObject-takes-object") << "s3" << "GetObject" << QStringList{"object"} << false;
    QTest::newRow("s3:ListBucket-takes-bucket") << "s3" << "ListBucket" << QStringList{"bucket"} << false;
    QTest::newRow("iam:PassRole-takes-role") << "iam" << "PassRole" << QStringList{"role"} << false;
    QTest::newRow("ec2:RunInstances-takes-instance-and-image")
        << "ec2" << "RunInstances" << QStringList{"instance", "image"} << false;
    QTest::newRow("s3:ListAllMyBuckets-takes-only-star") << "s3" << "ListAllMyBuckets" << QStringList{} << true;
    QTest::newRow("unknown-action-takes-nothing") << "s3" << "GetObjekt" << QStringList{} << true;
}

void tst_ServiceCatalog::resourceTypesOf()
{
    QFETCH(QString, service);
    QFETCH(QString, action);
    QFETCH(QStringList, contains);
    QFETCH(bool, empty);
    const std::vector<std::string> types = m_catalog->resourceTypesOf(service.toStdString(), action.toStdString());
    QCOMPARE(types.empty(), empty);
    for (const std::string &type : toStd(contains))
        QVERIFY2(std::find(types.begin(), types.end(), type) != types.end(), type.c_str());
}

void tst_ServiceCatalog::suggestActions_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("best");   // "" for no suggestion

    QTest::newRow("s3:GetObjekt-suggests-GetObject") << "s3" << "GetObjekt" << "GetObject";
    QTest::newRow("swapped-letters-suggest-PassRole") << "iam" << "PasRsole" << "PassRole";
    QTest::newRow("missing-letter-suggests-PassRole") << "iam" << "PasRole" << "PassRole";
    QTest::newRow("plural-suggests-ListBucket") << "s3" << "ListBuckets" << "ListBucket";
    QTest::newRow("singular-suggests-RunInstances") << "ec2" << "RunInstance" << "RunInstances";
    QTest::newRow("case-is-ignored-but-spelling-kept") << "s3" << "getobjectacll" << "GetObjectAcl";
    QTest::newRow("prefix-suggests-the-shortest-completion") << "iam" << "CreateRo" << "CreateRole";
    QTest::newRow("nothing-close-suggests-nothing") << "s3" << "Xyzzy" << "";
    QTest::newRow("unknown-service-suggests-nothing") << "s4" << "GetObject" << "";
}

void tst_ServiceCatalog::suggestActions()
{
    QFETCH(QString, service);
    QFETCH(QString, action);
    QFETCH(QString, best);
    const std::vector<std::string> suggestions = m_catalog->suggestActions(service.toStdString(), action.toStdString());
    QVERIFY(suggestions.size() <= 3);
    QCOMPARE(suggestions.empty() ? QString() : QString::fromStdString(suggestions.front()), best);
}

void tst_ServiceCatalog::hasConditionKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("expected");

    QTest::newRow("aws:RequestTag/env-matches-its-template") << "aws:RequestTag/env" << true;
    QTest::newRow("aws:PrincipalTag/team-matches-its-template") << "aws:PrincipalTag/team" << true;
    QTest::newRow("aws:ResourceTag-with-slash-in-tag-key") << "aws:ResourceTag/cost/centre" << true;
    QTest::newRow("global-aws:SourceIp") << "aws:SourceIp" << true;
    QTest::newRow("global-keys-ignore-case") << "AWS:SOURCEIP" << true;
    QTest::newRow("global-aws:MultiFactorAuthPresent") << "aws:MultiFactorAuthPresent" << true;
    QTest::newRow("service-key-iam:PassedToService") << "iam:PassedToService" << true;
    QTest::newRow("service-key-s3:prefix") << "s3:prefix" << true;
    QTest::newRow("service-tag-key-ec2:ResourceTag/Name") << "ec2:ResourceTag/Name" << true;
    QTest::newRow("user-guide-tag-key-spelling-is-a-template") << "secretsmanager:ResourceTag/team" << true;
    QTest::newRow("tag-key-holding-colons") << "secretsmanager:ResourceTag/aws:secretsmanager:owningService" << true;
    QTest::newRow("angle-template-s3:ExistingObjectTag/class") << "s3:ExistingObjectTag/class" << true;
    QTest::newRow("placeholder-inside-a-domain") << "agent.example.buildkite.dev:build_branch" << true;
    QTest::newRow("empty-tag-key-is-unknown") << "aws:RequestTag/" << false;
    QTest::newRow("unknown-global-key") << "aws:SourceIpAddress" << false;
    QTest::newRow("unknown-service-key") << "s3:NoSuchKey" << false;
    QTest::newRow("unknown-service") << "s4:prefix" << false;
}

void tst_ServiceCatalog::hasConditionKey()
{
    QFETCH(QString, key);
    QFETCH(bool, expected);
    QCOMPARE(m_catalog->hasConditionKey(key.toStdString()), expected);
}

void tst_ServiceCatalog::tagKeysResolveToTheirTemplate()
{
    const CatalogConditionKey *requestTag = m_catalog->conditionKey("aws:RequestTag/env");
    QVERIFY(requestTag);
    QCOMPARE(requestTag->name, std::string("aws:RequestTag/${TagKey}"));
    QCOMPARE(requestTag->type, std::string("String"));
    const CatalogConditionKey *sourceIp = m_catalog->conditionKey("aws:sourceip");
    QVERIFY(sourceIp);
    QCOMPARE(sourceIp->name, std::string("aws:SourceIp"));
    QCOMPARE(sourceIp->type, std::string("IPAddress"));
    QCOMPARE(sourceIp->category, std::string("network"));
    QVERIFY(!sourceIp->description.empty());
}

void tst_ServiceCatalog::arnMatchesResourceType_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("arn");
    QTest::addColumn<bool>("expected");

    // object: arn:${Partition}:s3:::${BucketName}/${ObjectName}
    QTest::newRow("s3-object-arn-is-an-object") << "s3" << "object" << "arn:aws:s3:::my-bucket/photos/cat.jpg" << true;
    QTest::newRow("s3-object-arn-in-another-partition") << "s3" << "object" << "arn:aws-cn:s3:::my-bucket/a" << true;
    QTest::newRow("s3-bucket-arn-is-not-an-object") << "s3" << "object" << "arn:aws:s3:::my-bucket" << false;
    QTest::newRow("s3-object-needs-a-key") << "s3" << "object" << "arn:aws:s3:::my-bucket/" << false;
    QTest::newRow("s3-object-has-no-region") << "s3" << "object" << "arn:aws:s3:us-east-1::my-bucket/a" << false;
    QTest::newRow("s3-bucket-arn-is-a-bucket") << "s3" << "bucket" << "arn:aws:s3:::my-bucket" << true;
    QTest::newRow("s3-object-arn-is-not-an-access-point-object")
        << "s3" << "accesspointobject" << "arn:aws:s3:::my-bucket/a" << false;
    QTest::newRow("arns-are-case-sensitive") << "s3" << "object" << "arn:aws:S3:::my-bucket/a" << false;
    QTest::newRow("type-names-ignore-case") << "s3" << "OBJECT" << "arn:aws:s3:::my-bucket/a" << true;
    QTest::newRow("iam-role-arn-is-a-role") << "iam" << "role" << "arn:aws:iam::111122223333:role/S3Access" << true;
    QTest::newRow("iam-role-with-path") << "iam" << "role" << "arn:aws:iam::111122223333:role/service-role/x" << true;
    QTest::newRow("iam-user-arn-is-not-a-role") << "iam" << "role" << "arn:aws:iam::111122223333:user/alice" << false;
    QTest::newRow("ec2-instance-arn") << "ec2" << "instance"
                                      << "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0" << true;
    QTest::newRow("ec2-instance-needs-a-region") << "ec2" << "instance" << "arn:aws:ec2::111122223333:instance/i-1" << false;
    QTest::newRow("unknown-type") << "s3" << "shelf" << "arn:aws:s3:::my-bucket" << false;
    QTest::newRow("not-an-arn") << "s3" << "bucket" << "my-bucket" << false;
}

void tst_ServiceCatalog::arnMatchesResourceType()
{
    QFETCH(QString, service);
    QFETCH(QString, type);
    QFETCH(QString, arn);
    QFETCH(bool, expected);
    QCOMPARE(m_catalog->arnMatchesResourceType(service.toStdString(), type.toStdString(), arn.toStdString()), expected);
}

void tst_ServiceCatalog::expandActionPattern_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("excludes");
    QTest::addColumn<QString>("everyOneStartsWith");

    QTest::newRow("s3:Get*-covers-GetObject-not-PutObject")
        << "s3:Get*" << QStringList{"s3:GetObject", "s3:GetBucketPolicy"} << QStringList{"s3:PutObject"} << "s3:Get";
    QTest::newRow("patterns-ignore-case-and-keep-catalog-spelling")
        << "S3:get*" << QStringList{"s3:GetObject"} << QStringList{"S3:GetObject", "s3:getobject"} << "s3:Get";
    QTest::newRow("question-mark-is-one-character") << "s3:Get?bject" << QStringList{"s3:GetObject"}
                                                    << QStringList{"s3:GetObjectAcl"} << "s3:GetObject";
    QTest::newRow("exact-name-is-itself") << "iam:passrole" << QStringList{"iam:PassRole"} << QStringList{} << "iam:PassRole";
    QTest::newRow("service-wildcard") << "*:ListBucket" << QStringList{"s3:ListBucket"} << QStringList{"s3:ListBuckets"}
                                      << "";
    QTest::newRow("unknown-service-covers-nothing") << "s4:*" << QStringList{} << QStringList{} << "";
    QTest::newRow("no-colon-covers-nothing") << "GetObject" << QStringList{} << QStringList{} << "";
}

void tst_ServiceCatalog::expandActionPattern()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, excludes);
    QFETCH(QString, everyOneStartsWith);
    const std::vector<std::string> actions = m_catalog->expandActionPattern(pattern.toStdString());
    for (const std::string &action : toStd(contains))
        QVERIFY2(std::find(actions.begin(), actions.end(), action) != actions.end(), action.c_str());
    for (const std::string &action : toStd(excludes))
        QVERIFY2(std::find(actions.begin(), actions.end(), action) == actions.end(), action.c_str());
    for (const std::string &action : actions)
        QVERIFY2(action.starts_with(everyOneStartsWith.toStdString()), action.c_str());
    if (contains.isEmpty())
        QVERIFY(actions.empty());
}

void tst_ServiceCatalog::expandStarCoversEveryAction()
{
    QCOMPARE(m_catalog->expandActionPattern("*").size(), m_catalog->actionCount());
    QCOMPARE(m_catalog->expandActionPattern("s3:*").size(), m_catalog->service("s3")->actions.size());
}

void tst_ServiceCatalog::serviceForTheVisualEditor()
{
    const CatalogService *s3 = m_catalog->service("S3");
    QVERIFY(s3);
    QCOMPARE(s3->prefix, std::string("s3"));
    QCOMPARE(s3->name, std::string("Amazon S3"));
    const CatalogResourceType *object = m_catalog->resourceType("s3", "object");
    QVERIFY(object);
    QCOMPARE(object->arnFormat, std::string("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
    const auto hasKey = [&](const char *name) {
        return std::any_of(s3->conditionKeys.begin(), s3->conditionKeys.end(),
                           [&](const CatalogConditionKey &key) { return key.name == name; });
    };
    QVERIFY(hasKey("s3:prefix"));
    const CatalogAction *getObject = m_catalog->action("s3", "getobject");
    QVERIFY(getObject);
    QCOMPARE(getObject->name, std::string("GetObject"));
    QVERIFY(!getObject->description.empty());
    QVERIFY(!getObject->conditionKeys.empty());
    const CatalogAction *passRole = m_catalog->action("iam", "PassRole");
    QVERIFY(passRole);
    QCOMPARE(passRole->resourceTypes.size(), std::size_t(1));
    QVERIFY(passRole->resourceTypes.front().required);
    QVERIFY(std::find(passRole->conditionKeys.begin(), passRole->conditionKeys.end(), "iam:PassedToService")
            != passRole->conditionKeys.end());
}

// A small catalog written by hand, so that the reader and the indexes are checked
// apart from the shipped data: escapes, a member a newer generator might add, and
// every kind of JSON value in it.
static const std::string kSmallCatalog = R"({"format": 1, "source": {"version": "test", "license": "MIT"},
 "global": [{"c": "network", "d": "Filters access by the IP address of the requester", "n": "aws:SourceIp", "t": "IPAddress"}],
 "services": [
  {"a": [{"d": "Caf\u00e9 \"quoted\" \ud83d\ude00\ttab", "l": "Read", "n": "GetThing",
          "r": [{"n": "thing", "q": true}], "k": ["demo:Colour"]},
         {"l": "Tagging", "n": "TagThing", "future": [1, -2.5e3, null, {"x": false}, "\/"]}],
   "k": [{"d": "Filters access by colour", "n": "demo:Colour", "t": "String"},
         {"n": "demo:Label/${LabelKey}", "t": "String"}],
   "n": "Demo Service", "p": "demo",
   "r": [{"f": "arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}", "n": "thing"}]}
 ]})";

void tst_ServiceCatalog::smallCatalogReadsEscapesAndSkipsUnknownMembers()
{
    const CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::parse(kSmallCatalog, "small.json");
    QVERIFY2(loaded.ok(), formatDiagnostic(loaded.error).c_str());
    const ServiceCatalog &catalog = *loaded.catalog;
    QCOMPARE(catalog.dataVersion(), std::string("test"));
    QCOMPARE(catalog.actionCount(), std::size_t(2));
    const CatalogAction *getThing = catalog.action("DEMO", "getthing");
    QVERIFY(getThing);
    QCOMPARE(getThing->description, std::string("Caf\xC3\xA9 \"quoted\" \xF0\x9F\x98\x80\ttab"));
    QCOMPARE(getThing->resourceTypes.size(), std::size_t(1));
    QVERIFY(getThing->resourceTypes.front().required);
    QCOMPARE(catalog.accessLevel("demo:TagThing"), std::optional<AccessLevel>(AccessLevel::Tagging));
    QVERIFY(catalog.hasConditionKey("demo:colour"));
    QVERIFY(catalog.hasConditionKey("demo:Label/size"));
    QVERIFY(catalog.hasConditionKey("aws:SourceIp"));
    QVERIFY(!catalog.hasConditionKey("aws:RequestTag/env"));   // not in this catalog
    QVERIFY(catalog.arnMatchesResourceType("demo", "thing", "arn:aws:demo:eu-west-1:111122223333:thing/t-1"));
    QCOMPARE(catalog.expandActionPattern("demo:*"), (std::vector<std::string>{"demo:GetThing", "demo:TagThing"}));
}

void tst_ServiceCatalog::everyTruncationIsASyntaxError()
{
    for (std::size_t length = 0; length < kSmallCatalog.size(); ++length) {
        const CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::parse(kSmallCatalog.substr(0, length), "cut.json");
        QVERIFY2(!loaded.ok(), qPrintable(QString("prefix of %1 bytes loaded").arg(length)));
        QVERIFY2(loaded.error.code == "JSON_SYNTAX", formatDiagnostic(loaded.error).c_str());
        QVERIFY(loaded.error.where.line >= 1 && loaded.error.where.line <= 12);
        QVERIFY(loaded.error.where.column >= 1);
    }
}

void tst_ServiceCatalog::corruptedBytesNeverCrash()
{
    // Each byte replaced by each of a few troublemakers: a value or a located error,
    // never a throw or a crash.
    int errors = 0;
    for (std::size_t i = 0; i < kSmallCatalog.size(); ++i) {
        for (char bad : {'"', '\\', '{', ']', ',', '\x01', '\xFF', '9'}) {
            std::string text = kSmallCatalog;
            text[i] = bad;
            const CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::parse(text, "bad.json");
            if (!loaded.ok()) {
                ++errors;
                QVERIFY(loaded.error.where.line >= 1);
            }
        }
    }
    QVERIFY(errors > 0);
}

void tst_ServiceCatalog::malformedFile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("truncated-file-is-a-syntax-error") << "{\"format\": 1,\n \"services\": [" << "JSON_SYNTAX" << 2 << 15;
    QTest::newRow("trailing-comma-is-a-syntax-error")
        << "{\"format\": 1,\n \"services\": [\n  {\"p\": \"s3\", \"n\": \"Amazon S3\",}\n ]}" << "JSON_SYNTAX" << 3 << 32;
    QTest::newRow("other-format-is-refused-at-its-value")
        << "{\"format\": 2,\n \"services\": []}" << "CATALOG_FORMAT" << 1 << 12;
    QTest::newRow("array-instead-of-object") << "[]" << "CATALOG_FORMAT" << 1 << 1;
    QTest::newRow("missing-services") << "{\"format\": 1}" << "CATALOG_FORMAT" << 1 << 1;
    QTest::newRow("missing-action-name-at-the-action")
        << "{\"format\": 1,\n \"services\": [\n  {\"p\": \"s3\", \"n\": \"Amazon S3\",\n   \"a\": [{\"l\": \"Read\"}]}]}"
        << "CATALOG_FORMAT" << 4 << 10;
    QTest::newRow("unknown-access-level-at-its-value")
        << "{\"format\": 1,\n \"services\": [\n  {\"p\": \"s3\", \"n\": \"Amazon S3\",\n   \"a\": [{\"n\": \"GetObject\", \"l\": \"Reed\"}]}]}"
        << "CATALOG_FORMAT" << 4 << 34;
    QTest::newRow("number-where-a-string-belongs-at-the-number")
        << "{\"format\": 1, \"services\": [{\"p\": 3, \"n\": \"x\"}]}" << "CATALOG_FORMAT" << 1 << 34;
}

void tst_ServiceCatalog::malformedFile()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::parse(text.toStdString(), "services.json");
    QVERIFY(!loaded.ok());
    QCOMPARE(QString::fromStdString(loaded.error.code), code);
    QCOMPARE(loaded.error.where.source, std::string("services.json"));
    QCOMPARE(loaded.error.where.line, line);
    QCOMPARE(loaded.error.where.column, column);
    const std::string printed = formatDiagnostic(loaded.error);
    const std::string expectedStart =
        "services.json:" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
    QVERIFY2(printed.starts_with(expectedStart), printed.c_str());
}

void tst_ServiceCatalog::missingFileIsAnError()
{
    const CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::load("/nonexistent/services.json");
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error.code, std::string("CATALOG_IO"));
    QCOMPARE(loaded.error.where.source, std::string("/nonexistent/services.json"));
    // A directory opens like a file on Linux; it must not load as an empty catalog.
    QVERIFY(!ServiceCatalog::load(resourcesDirectory()).ok());
}

void tst_ServiceCatalog::resourcesFolderFromEnvironment()
{
    const QByteArray original = qgetenv("IAMSTUDIO_RESOURCES");
    qunsetenv("IAMSTUDIO_RESOURCES");
    const std::filesystem::path compiledIn = resourcesDirectory();
    QVERIFY(std::filesystem::exists(compiledIn / "catalog" / "services.json"));
    qputenv("IAMSTUDIO_RESOURCES", "/opt/iam-studio/resources");
    QCOMPARE(catalogFile("services.json"), std::filesystem::path("/opt/iam-studio/resources/catalog/services.json"));
    qputenv("IAMSTUDIO_RESOURCES", "");   // empty counts as unset
    QCOMPARE(resourcesDirectory(), compiledIn);
    if (original.isNull())
        qunsetenv("IAMSTUDIO_RESOURCES");
    else
        qputenv("IAMSTUDIO_RESOURCES", original);
}

QTEST_APPLESS_MAIN(tst_ServiceCatalog)
#include "tst_ServiceCatalog.moc"
