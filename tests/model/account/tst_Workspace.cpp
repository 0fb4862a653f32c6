// Workspace files: every entity and the event log survive save -> load; malformed,
// newer and inconsistent files are refused at file:line:column with nothing built;
// a save killed at any moment leaves the old file or the new one, never a damaged one.

#include "Workspace.h"

#include "AccountComparison.h"
#include "AtomicFile.h"
#include "FakeAwsManagedPolicies.h"
#include "StdStringPrinting.h"

#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace iam;
using iam::testing::AccountComparison;
using iam::testing::FakeAwsManagedPolicies;

namespace {

const char *const kTrustEc2 =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

std::string documentAllowing(const std::string &action, const std::string &resource)
{
    return R"({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ")" + action + R"(", "Resource": ")" + resource + R"("}]
})";
}

// Every kind of entity and every field set to something other than its default.
std::unique_ptr<Account> richAccount(int extraRoles = 0, const std::string &variant = "a")
{
    auto account = std::make_unique<Account>("111122223333");
    Account &a = *account;
    a.setAlias("lab-" + variant);
    a.setClock("2024-06-01T12:00:00Z");

    ManagedPolicy boundary;
    boundary.name = "DeveloperBoundary";
    boundary.path = "/boundaries/";
    boundary.id = a.newId("ANPA");
    boundary.description = "What developers may ever do";
    boundary.createDate = "2024-01-02T03:04:05Z";
    boundary.versions = {{"v1", documentAllowing("s3:*", "*"), "2024-01-02T03:04:05Z"}};
    boundary.tags = {{"owner", "security"}};
    ManagedPolicy data;
    data.name = "AppDataAccess";
    data.id = a.newId("ANPA");
    data.createDate = "2024-01-03T00:00:00Z";
    data.defaultVersionId = "v2";
    data.versions = {{"v1", documentAllowing("s3:GetObject", "arn:aws:s3:::lab-bucket/*"), "2024-01-03T00:00:00Z"},
                     {"v2", documentAllowing("s3:*Object", "arn:aws:s3:::lab-bucket/*"), "2024-02-03T00:00:00Z"}};
    a.mutablePolicies() = {boundary, data};
    const std::string boundaryArn = a.policyArn(a.policies()[0]);
    const std::string dataArn = a.policyArn(a.policies()[1]);

    Group developers{"Developers", "/engineering/", a.newId("AGPA"), "2024-01-04T00:00:00Z", {dataArn},
                     {{"ReadLogs", documentAllowing("logs:Get*", "*")}}};
    Group admins{"Admins", "/", a.newId("AGPA"), "2024-01-04T00:00:01Z",
                 {"arn:aws:iam::aws:policy/AdministratorAccess"}, {}};
    a.mutableGroups() = {developers, admins};

    User alice;
    alice.name = "alice";
    alice.path = "/engineering/";
    alice.id = a.newId("AIDA");
    alice.createDate = "2024-01-05T00:00:00Z";
    alice.tags = {{"team", "data"}, {"cost-center", "42"}};
    alice.groups = {"Developers"};
    alice.attachedPolicies = {dataArn, "arn:aws:iam::aws:policy/ReadOnlyAccess"};
    alice.inlinePolicies = {{"Inline-Ünïcode ✓", documentAllowing("sqs:SendMessage", "*")}};
    alice.permissionsBoundary = boundaryArn;
    User bob;
    bob.name = "bob";
    bob.id = a.newId("AIDA");
    bob.createDate = "2024-01-06T00:00:00Z";
    bob.groups = {"Admins", "Developers"};
    a.mutableUsers() = {alice, bob};

    Role s3Access;
    s3Access.name = "S3Access";
    s3Access.id = a.newId("AROA");
    s3Access.createDate = "2024-01-07T00:00:00Z";
    s3Access.description = "Allows EC2 instances to call AWS services on your behalf.";
    s3Access.trustPolicy = kTrustEc2;
    s3Access.maxSessionDuration = 7200;
    s3Access.tags = {{"walkthrough", "passrole"}};
    s3Access.attachedPolicies = {"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"};
    Role reporting;
    reporting.name = "ReportingRole";
    reporting.path = "/service-role/";
    reporting.id = a.newId("AROA");
    reporting.trustPolicy = kTrustEc2;
    reporting.inlinePolicies = {{"Reports", documentAllowing("s3:PutObject", "arn:aws:s3:::lab-bucket/reports/*")}};
    reporting.permissionsBoundary = boundaryArn;
    a.mutableRoles() = {s3Access, reporting};
    for (int i = 0; i < extraRoles; ++i) {
        Role role;
        role.name = "GeneratedRole" + std::to_string(i);
        role.path = "/generated/";
        role.id = a.newId("AROA");
        role.trustPolicy = kTrustEc2;
        role.description = variant + std::string(200, 'x');
        role.inlinePolicies = {{"Inline", documentAllowing("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/T"
                                                                                    + std::to_string(i))}};
        role.attachedPolicies = {dataArn};
        a.mutableRoles().push_back(std::move(role));
    }

    a.mutableInstanceProfiles() = {{"S3Access", "/", a.newId("AIPA"), "2024-01-07T00:00:00Z", "S3Access"},
                                   {"Spare", "/spare/", a.newId("AIPA"), "2024-01-08T00:00:00Z", ""}};

    Ec2Instance running;
    running.id = "i-0abc1234def567890";
    running.name = "lab-instance";
    running.launchTime = "2024-01-09T00:00:00Z";
    running.instanceProfile = "S3Access";
    running.associationId = "iip-assoc-0123456789abcdef0";
    Ec2Instance stopped;
    stopped.id = "i-0fedcba9876543210";
    stopped.name = "old-box";
    stopped.state = "stopped";
    stopped.instanceType = "t3.small";
    stopped.imageId = "ami-0123456789abcdef0";
    stopped.region = "eu-west-1";
    a.mutableInstances() = {running, stopped};

    S3Bucket bucket;
    bucket.name = "lab-bucket";
    bucket.createDate = "2024-01-10T00:00:00Z";
    bucket.policy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::lab-bucket"}]})";
    bucket.objects = {{"binary.bin", std::string("\x00\xff\xfe\x01 not text", 14), "2024-01-10T00:00:01Z"},
                      {"notes.txt", "héllo ✓\n\"quoted\" \\ back\tslash", "2024-01-10T00:00:02Z"}};
    S3Bucket empty;
    empty.name = "empty-bucket";
    empty.region = "ap-southeast-2";
    a.mutableBuckets() = {bucket, empty};

    a.eventLog().append({0, "2024-06-01T12:00:00Z", "arn:aws:iam::111122223333:root", CallSource::Console,
                         "iam:CreateRole", {"arn:aws:iam::111122223333:role/S3Access"}, true, ""});
    a.eventLog().append({0, "2024-06-01T12:00:00Z", "arn:aws:iam::111122223333:user/engineering/alice",
                         CallSource::Terminal, "s3:ListAllMyBuckets", {"*"}, false, "AccessDenied"});
    a.eventLog().append({0, "2024-06-01T12:00:00Z", "arn:aws:sts::111122223333:assumed-role/S3Access/i-0abc1234def567890",
                         CallSource::Instance, "s3:ListAllMyBuckets", {}, true, ""});
    return account;
}

std::string readFile(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const QString &path, const std::string &text)
{
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    out << text;
}

// "line:column" of the character `offset` bytes into the first `needle` of `text`,
// counted by hand, independently of JsonLocator.
std::string positionOf(const std::string &text, const std::string &needle, std::size_t offset = 0)
{
    const std::size_t at = text.find(needle);
    if (at == std::string::npos)
        return "needle-not-found";
    int line = 1, column = 1;
    for (std::size_t i = 0; i < at + offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

std::string errorsOf(const Diagnostics &diagnostics)
{
    std::string text;
    for (const Diagnostic &d : diagnostics)
        text += formatDiagnostic(d) + '\n';
    return text;
}

QStringList temporaryFilesIn(const QString &directory)
{
    return QDir(directory).entryList({"*.tmp-*"}, QDir::Files | QDir::Hidden);
}

// A valid workspace written by hand, as a user might: most fields left out.
const std::string kBase = R"({
  "formatVersion": 1,
  "accountId": "111122223333",
  "alias": "lab",
  "signedIn": {"kind": "user", "name": "alice"},
  "users": [
    {"name": "alice", "groups": ["Developers"], "attachedPolicies": ["arn:aws:iam::111122223333:policy/AppDataAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]}
  ],
  "groups": [
    {"name": "Developers", "path": "/engineering/"}
  ],
  "roles": [
    {"name": "S3Access", "trustPolicy": "{}", "attachedPolicies": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]}
  ],
  "policies": [
    {"name": "AppDataAccess", "defaultVersionId": "v2", "versions": [{"versionId": "v1", "document": "{}"}, {"versionId": "v2", "document": {"Version": "2012-10-17", "Statement": []}}]}
  ],
  "instanceProfiles": [
    {"name": "S3Access", "role": "S3Access"}
  ],
  "instances": [
    {"id": "i-0abc1234def567890", "instanceProfile": "S3Access"}
  ],
  "buckets": [
    {"name": "lab-bucket", "objects": [{"key": "notes.txt", "content": "hi"}]}
  ],
  "events": [
    {"sequence": 1, "action": "iam:GetUser"},
    {"sequence": 2, "action": "s3:ListBuckets"}
  ]
}
)";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const std::size_t at = text.find(from);
    if (at == std::string::npos)
        return "replacement-not-found: " + from;
    return text.replace(at, from.size(), to);
}

} // namespace

class tst_Workspace : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEverything();
    void roundTripKeepsSignedIn_data();
    void roundTripKeepsSignedIn();
    void documentIsStableAndOrdered();
    void liveClockStaysLive();
    void idCounterIsDerivedWhenAbsent();
    void idCounterPassesEc2IdsAndCredentialDraws();
    void handWrittenWorkspaceLoads();
    void refuses_data();
    void refuses();
    void refusalLeavesOpenAccountUntouched();
    void reportsEveryErrorInOrder();
    void unknownFieldIsOnlyAWarning();
    void awsManagedArnsAreTrustedWithoutCatalog();
    void missingFileIsAnError();
    void saveIntoMissingDirectoryFails();
    void saveIntoReadOnlyDirectoryKeepsOldFile();
    void saveOnReadOnlyFileSystemFails();
    void failedRenameRemovesTemporaryFile();
    void saveKeepsFileMode();
    void killDuringSaveNeverDamagesFile();
};

void tst_Workspace::roundTripKeepsEverything()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("lab.iamstudio").toStdString();
    const std::unique_ptr<Account> original = richAccount();
    const CallerIdentity signedIn = CallerIdentity::user("alice");

    QCOMPARE(saveWorkspace(path, *original, signedIn), std::string());
    QVERIFY(temporaryFilesIn(dir.path()).isEmpty());
    const WorkspaceLoad load = loadWorkspace(path);
    QVERIFY2(load.ok(), errorsOf(load.diagnostics).c_str());
    QVERIFY2(load.diagnostics.empty(), errorsOf(load.diagnostics).c_str());
    const Account &loaded = *load.workspace->account;

    const AccountComparison comparison(*original, loaded);
    QVERIFY2(comparison.differences().empty(), comparison.summary().c_str());
    QCOMPARE(loaded.eventLog().events().size(), std::size_t(3));
    QCOMPARE(loaded.findBucket("lab-bucket")->objects[0].content, std::string("\x00\xff\xfe\x01 not text", 14));
    QVERIFY(load.workspace->signedIn == signedIn);
    QCOMPARE(loaded.now(), std::string("2024-06-01T12:00:00Z"));
    // The id counter carries over: the next id is the one the original would make.
    Account &mutableLoaded = *load.workspace->account;
    QCOMPARE(mutableLoaded.newId("AROA"), original->newId("AROA"));
    // A new event continues the numbering.
    QCOMPARE(mutableLoaded.eventLog().append({}).sequence, std::int64_t(4));
}

void tst_Workspace::roundTripKeepsSignedIn_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("instance");
    QTest::newRow("root") << int(CallerIdentity::Kind::Root) << "" << "" << "";
    QTest::newRow("user") << int(CallerIdentity::Kind::User) << "bob" << "" << "";
    QTest::newRow("role-session") << int(CallerIdentity::Kind::RoleSession) << "ReportingRole" << "console" << "";
    QTest::newRow("instance-session") << int(CallerIdentity::Kind::RoleSession) << "S3Access"
                                      << "i-0abc1234def567890" << "i-0abc1234def567890";
}

void tst_Workspace::roundTripKeepsSignedIn()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, session);
    QFETCH(QString, instance);
    const CallerIdentity signedIn{static_cast<CallerIdentity::Kind>(kind), name.toStdString(), session.toStdString(),
                                  instance.toStdString()};
    const std::unique_ptr<Account> account = richAccount();
    const WorkspaceLoad load = readWorkspace(workspaceJson(*account, signedIn), "lab.iamstudio");
    QVERIFY2(load.ok(), errorsOf(load.diagnostics).c_str());
    QVERIFY(load.workspace->signedIn == signedIn);
}

void tst_Workspace::documentIsStableAndOrdered()
{
    const std::unique_ptr<Account> account = richAccount();
    const std::string text = workspaceJson(*account, CallerIdentity::root());
    QVERIFY(text.starts_with("{\n  \"formatVersion\": 1,\n  \"accountId\": \"111122223333\",\n  \"alias\": \"lab-a\",\n"));
    QVERIFY(text.ends_with("}\n"));
    // Top-level keys in the documented order.
    std::size_t last = 0;
    for (const char *key : {"formatVersion", "accountId", "alias", "clock", "idCounter", "signedIn", "users",
                            "groups", "roles", "policies", "instanceProfiles", "instances", "buckets", "events"}) {
        const std::size_t at = text.find("\n  \"" + std::string(key) + "\":");
        QVERIFY2(at != std::string::npos && at >= last, key);
        last = at;
    }
    QVERIFY(text.find("\n    {\n      \"name\": \"alice\",\n      \"path\": \"/engineering/\",") != std::string::npos);
    // Saving what was loaded gives the same bytes.
    const WorkspaceLoad load = readWorkspace(text, "lab.iamstudio");
    QVERIFY(load.ok());
    QCOMPARE(workspaceJson(*load.workspace->account, load.workspace->signedIn), text);
    QCOMPARE(workspaceJson(*account, CallerIdentity::root()), text);
}

void tst_Workspace::liveClockStaysLive()
{
    Account account("111122223333");
    const std::string text = workspaceJson(account, CallerIdentity::root());
    QVERIFY(text.find("\"clock\": \"\"") != std::string::npos);
    const WorkspaceLoad load = readWorkspace(text, "live.iamstudio");
    QVERIFY(load.ok());
    QCOMPARE(workspaceJson(*load.workspace->account, CallerIdentity::root()), text);
}

void tst_Workspace::idCounterIsDerivedWhenAbsent()
{
    const std::unique_ptr<Account> original = richAccount();
    std::string text = workspaceJson(*original, CallerIdentity::root());
    const std::size_t at = text.find("  \"idCounter\":");
    QVERIFY(at != std::string::npos);
    text.erase(at, text.find('\n', at) + 1 - at);
    const WorkspaceLoad load = readWorkspace(text, "old.iamstudio");
    QVERIFY2(load.ok(), errorsOf(load.diagnostics).c_str());
    QCOMPARE(load.workspace->account->newId("AGPA"), original->newId("AGPA"));
}

void tst_Workspace::idCounterPassesEc2IdsAndCredentialDraws()
{
    // EC2 ids are the counter's characters as hex digits (Ec2Operations.cpp);
    // temporary credentials draw ids and keep none.
    const auto hexId = [](Account &account, const std::string &prefix) {
        static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        std::string id = prefix;
        for (char c : account.newId(""))
            id += "0123456789abcdef"[alphabet.find(c) % 16];
        return id;
    };
    Account original("111122223333");
    original.mutableRoles().push_back(Role{"R1", "/", original.newId("AROA"), "", "", "{}", 3600, {}, {}, {}, ""});
    for (int i = 0; i < 300; ++i)
        original.newId("");   // credentials for 300 calls from an instance, say
    Ec2Instance instance;
    instance.id = hexId(original, "i-");
    instance.associationId = hexId(original, "iip-assoc-");
    original.mutableInstances().push_back(instance);
    original.eventLog().append({0, "t", "arn", CallSource::Console, "ec2:RunInstances", {}, true, ""});

    const WorkspaceLoad load = readWorkspace(workspaceJson(original, CallerIdentity::root()), "ec2.iamstudio");
    QVERIFY2(load.ok(), errorsOf(load.diagnostics).c_str());
    QCOMPARE(hexId(*load.workspace->account, "i-"), hexId(original, "i-"));
    QCOMPARE(load.workspace->account->newId("AROA"), original.newId("AROA"));
}

void tst_Workspace::handWrittenWorkspaceLoads()
{
    FakeAwsManagedPolicies catalog;
    const WorkspaceLoad load = readWorkspace(kBase, "lab.iamstudio", &catalog);
    QVERIFY2(load.ok(), errorsOf(load.diagnostics).c_str());
    const Account &account = *load.workspace->account;
    QCOMPARE(account.awsManaged(), static_cast<const AwsManagedPolicies *>(&catalog));
    QCOMPARE(account.users().size(), std::size_t(1));
    QCOMPARE(account.users()[0].path, std::string("/"));
    QCOMPARE(account.roles()[0].maxSessionDuration, 3600);
    QCOMPARE(account.instances()[0].state, std::string("running"));
    // A document given as an object is kept as text, its keys in the author's order.
    const std::string document = *account.managedPolicyDocument("arn:aws:iam::111122223333:policy/AppDataAccess");
    QVERIFY(document.find("\"Version\"") < document.find("\"Statement\""));
    QVERIFY(load.workspace->signedIn == CallerIdentity::user("alice"));

    const WorkspaceLoad minimal = readWorkspace(R"({"formatVersion": 1, "accountId": "444455556666"})", "min");
    QVERIFY2(minimal.ok(), errorsOf(minimal.diagnostics).c_str());
    QCOMPARE(minimal.workspace->account->accountId(), std::string("444455556666"));
    QVERIFY(minimal.workspace->signedIn == CallerIdentity::root());
}

void tst_Workspace::refuses_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");   // the one error, formatted
    QTest::addColumn<bool>("withCatalog");

    const auto row = [](const char *name, const std::string &text, const std::string &needle, std::size_t offset,
                        const std::string &message, bool withCatalog = false) {
        QTest::newRow(name) << text << "bad.iamstudio:" + positionOf(text, needle, offset) + ": error: " + message
                            << withCatalog;
    };
    const std::string missingComma = replaced(kBase, "\"alias\": \"lab\",", "\"alias\": \"lab\"");
    QTest::newRow("malformed-missing-comma")
        << missingComma
        << std::string("bad.iamstudio:5:12: error: invalid JSON while parsing object - unexpected string literal; "
                       "expected '}'")
        << false;
    // (nlohmann/json reports the last byte it read: the end of the offending token.)
    QTest::newRow("malformed-truncated")
        << kBase.substr(0, 200)
        << std::string("bad.iamstudio:7:66: error: invalid JSON while parsing object key - invalid string: missing "
                       "closing quote; last read: '\"attachedPolicies'; expected string literal")
        << false;
    QTest::newRow("not-an-object") << std::string("[1, 2]")
                                   << std::string("bad.iamstudio:1:1: error: a workspace must be an object, not an array")
                                   << false;
    const std::string future = replaced(kBase, "\"formatVersion\": 1", "\"formatVersion\": 2");
    row("future-version", future, "\"formatVersion\": 2", 17,
        "`formatVersion` 2 is newer than this IAM Studio reads (1)");
    row("no-format-version", replaced(kBase, "\"formatVersion\": 1,", ""), "{", 0,
        "missing `formatVersion`; this is not an IAM Studio workspace");
    row("missing-account-id", replaced(kBase, "\"accountId\": \"111122223333\",", ""), "{", 0, "missing `accountId`");
    const std::string shortId = replaced(kBase, "\"111122223333\",", "\"1111\",");
    row("account-id-not-digits", shortId, "\"1111\"", 0, "`accountId` must be 12 digits");
    const std::string numberName = replaced(kBase, "{\"name\": \"lab-bucket\"", "{\"name\": 42");
    row("name-not-a-string", numberName, "42", 0, "`name` must be a string");
    // (signed in as root: with no users, alice could not be signed in)
    std::string usersObject = replaced(kBase, "\"users\": [", "\"users\": {\"x\": [");
    usersObject = replaced(usersObject, "{\"kind\": \"user\", \"name\": \"alice\"}", "{\"kind\": \"root\"}");
    row("users-not-an-array", replaced(usersObject, "}\n  ],\n  \"groups\"", "}\n  ]},\n  \"groups\""),
        "{\"x\"", 0, "`users` must be an array");
    const std::string typo = replaced(kBase, "policy/AppDataAccess\"", "policy/AppDataAcess\"");
    row("unknown-customer-policy", typo, "\"arn:aws:iam::111122223333:policy/AppDataAcess\"", 0,
        "policy `arn:aws:iam::111122223333:policy/AppDataAcess` does not exist");
    const std::string awsTypo = replaced(kBase, "policy/ReadOnlyAccess\"", "policy/ReadOnlyAcces\"");
    row("unknown-aws-managed-policy", awsTypo, "\"arn:aws:iam::aws:policy/ReadOnlyAcces\"", 0,
        "`arn:aws:iam::aws:policy/ReadOnlyAcces` is not an AWS-managed policy", true);
    const std::string group = replaced(kBase, "[\"Developers\"]", "[\"Developer\"]");
    row("user-in-missing-group", group, "\"Developer\"", 0, "group `Developer` does not exist");
    const std::string role = replaced(kBase, "\"role\": \"S3Access\"", "\"role\": \"S3Acces\"");
    row("profile-with-missing-role", role, "\"S3Acces\"", 0, "role `S3Acces` does not exist");
    const std::string profile = replaced(kBase, "\"instanceProfile\": \"S3Access\"", "\"instanceProfile\": \"S3\"");
    row("instance-with-missing-profile", profile, "\"S3\"", 0, "instance profile `S3` does not exist");
    const std::string twoAlices = replaced(kBase, "\n  ],\n  \"groups\"", ",\n    {\"name\": \"ALICE\"}\n  ],\n  \"groups\"");
    row("duplicate-user-ignoring-case", twoAlices, "\"ALICE\"", 0, "duplicate user name `ALICE`");
    const std::string twoBuckets = replaced(kBase, "\n  ],\n  \"events\"", ",\n    {\"name\": \"lab-bucket\"}\n  ],\n  \"events\"");
    row("duplicate-bucket", twoBuckets, "\"lab-bucket\"}", 0, "duplicate bucket name `lab-bucket`");
    row("default-version-missing", replaced(kBase, "\"defaultVersionId\": \"v2\"", "\"defaultVersionId\": \"v3\""),
        "\"v3\"", 0, "default version `v3` is not one of the policy's versions");
    row("event-sequence-not-rising", replaced(kBase, "{\"sequence\": 2,", "{\"sequence\": 1,"),
        "1, \"action\": \"s3", 0, "`sequence` 1 does not follow 1");
    row("path-without-slashes", replaced(kBase, "\"/engineering/\"", "\"engineering\""), "\"engineering\"", 0,
        "`path` must begin and end with `/`");
    row("signed-in-user-missing", replaced(kBase, "\"name\": \"alice\"}", "\"name\": \"carol\"}"), "\"carol\"", 0,
        "signed-in user `carol` does not exist");
    row("unknown-caller-kind", replaced(kBase, "\"kind\": \"user\"", "\"kind\": \"admin\""), "\"admin\"", 0,
        "`kind` must be `root`, `user` or `roleSession`, not `admin`");
}

void tst_Workspace::refuses()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QFETCH(bool, withCatalog);
    FakeAwsManagedPolicies catalog;
    const WorkspaceLoad load = readWorkspace(text, "bad.iamstudio", withCatalog ? &catalog : nullptr);
    QVERIFY(!load.workspace);
    QVERIFY(!load.ok());
    Diagnostics errors;
    std::copy_if(load.diagnostics.begin(), load.diagnostics.end(), std::back_inserter(errors),
                 [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    QVERIFY2(errors.size() == 1, errorsOf(load.diagnostics).c_str());
    QCOMPARE(formatDiagnostic(errors[0]), expected);
}

void tst_Workspace::refusalLeavesOpenAccountUntouched()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("lab.iamstudio").toStdString();
    QCOMPARE(saveWorkspace(path, *richAccount(), CallerIdentity::root()), std::string());
    WorkspaceLoad open = loadWorkspace(path);
    QVERIFY(open.ok());
    const std::string before = workspaceJson(*open.workspace->account, open.workspace->signedIn);

    // Someone damages the file on disk; reopening it is refused.
    std::string damaged = readFile(QString::fromStdString(path));
    damaged.resize(damaged.size() / 2);
    writeFile(QString::fromStdString(path), damaged);
    const WorkspaceLoad reopened = loadWorkspace(path);
    QVERIFY(!reopened.workspace);
    QVERIFY(formatDiagnostic(reopened.diagnostics.at(0)).starts_with(path + ":"));

    // The open one is as it was, and saving it repairs the file.
    QCOMPARE(workspaceJson(*open.workspace->account, open.workspace->signedIn), before);
    QCOMPARE(saveWorkspace(path, *open.workspace->account, open.workspace->signedIn), std::string());
    QCOMPARE(readFile(QString::fromStdString(path)), before);
}

void tst_Workspace::reportsEveryErrorInOrder()
{
    std::string text = replaced(kBase, "[\"Developers\"]", "[\"Nope\"]");
    text = replaced(text, "\"role\": \"S3Access\"", "\"role\": \"Gone\"");
    text = replaced(text, "{\"name\": \"lab-bucket\"", "{\"name\": true");
    const WorkspaceLoad load = readWorkspace(text, "bad.iamstudio");
    QVERIFY(!load.workspace);
    QCOMPARE(load.diagnostics.size(), std::size_t(3));
    QCOMPARE(load.diagnostics[0].code, std::string("UNKNOWN_GROUP"));
    QCOMPARE(load.diagnostics[1].code, std::string("UNKNOWN_ROLE"));
    QCOMPARE(load.diagnostics[2].code, std::string("INVALID_FIELD_TYPE"));
    QVERIFY(load.diagnostics[0].where.line < load.diagnostics[1].where.line);
    QVERIFY(load.diagnostics[1].where.line < load.diagnostics[2].where.line);
}

void tst_Workspace::unknownFieldIsOnlyAWarning()
{
    const std::string text = replaced(kBase, "\"alias\": \"lab\",", "\"alias\": \"lab\", \"colour\": \"blue\",");
    const WorkspaceLoad load = readWorkspace(text, "lab.iamstudio");
    QVERIFY(load.ok());
    QCOMPARE(load.diagnostics.size(), std::size_t(1));
    QCOMPARE(formatDiagnostic(load.diagnostics[0]),
             "lab.iamstudio:" + positionOf(text, "\"colour\"") + ": warning: unknown field `colour` is ignored");
}

void tst_Workspace::awsManagedArnsAreTrustedWithoutCatalog()
{
    const std::string text = replaced(kBase, "policy/ReadOnlyAccess\"", "policy/SomethingNew\"");
    QVERIFY(readWorkspace(text, "lab.iamstudio").ok());
    FakeAwsManagedPolicies catalog;
    QVERIFY(!readWorkspace(text, "lab.iamstudio", &catalog).ok());
}

void tst_Workspace::missingFileIsAnError()
{
    const WorkspaceLoad load = loadWorkspace("/nonexistent/lab.iamstudio");
    QVERIFY(!load.workspace);
    QCOMPARE(load.diagnostics.size(), std::size_t(1));
    QCOMPARE(formatDiagnostic(load.diagnostics[0]),
             std::string("/nonexistent/lab.iamstudio:0:0: error: cannot read `/nonexistent/lab.iamstudio`: "
                         "No such file or directory"));
}

void tst_Workspace::saveIntoMissingDirectoryFails()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("missing/lab.iamstudio").toStdString();
    const std::string message = saveWorkspace(path, *richAccount(), CallerIdentity::root());
    QCOMPARE(message, "cannot save " + path + ": No such file or directory");
    QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

void tst_Workspace::saveIntoReadOnlyDirectoryKeepsOldFile()
{
    if (::geteuid() == 0)
        QSKIP("root writes into read-only directories; saveOnReadOnlyFileSystemFails covers this case");
    QTemporaryDir dir;
    const QString path = dir.filePath("lab.iamstudio");
    QCOMPARE(saveWorkspace(path.toStdString(), *richAccount(0, "old"), CallerIdentity::root()), std::string());
    const std::string old = readFile(path);
    QVERIFY(::chmod(dir.path().toLocal8Bit().constData(), 0555) == 0);
    const std::string message = saveWorkspace(path.toStdString(), *richAccount(0, "new"), CallerIdentity::root());
    ::chmod(dir.path().toLocal8Bit().constData(), 0755);
    QCOMPARE(message, "cannot save " + path.toStdString() + ": Permission denied");
    QCOMPARE(readFile(path), old);
    QVERIFY(temporaryFilesIn(dir.path()).isEmpty());
}

void tst_Workspace::saveOnReadOnlyFileSystemFails()
{
    // /proc takes no new files, whoever asks.
    const std::string message = saveWorkspace("/proc/lab.iamstudio", *richAccount(), CallerIdentity::root());
    QVERIFY2(message.starts_with("cannot save /proc/lab.iamstudio: "), message.c_str());
    QVERIFY(!QFile::exists("/proc/lab.iamstudio"));
}

void tst_Workspace::failedRenameRemovesTemporaryFile()
{
    // The temporary file is written, then cannot replace the target (a directory
    // that is not empty): the target stays, the temporary file goes.
    QTemporaryDir dir;
    const QString path = dir.filePath("lab.iamstudio");
    QVERIFY(QDir(dir.path()).mkpath("lab.iamstudio/inside"));
    const std::string message = saveWorkspace(path.toStdString(), *richAccount(), CallerIdentity::root());
    QVERIFY2(message.starts_with("cannot save " + path.toStdString() + ": "), message.c_str());
    QVERIFY(QFileInfo(dir.filePath("lab.iamstudio/inside")).isDir());
    QVERIFY(temporaryFilesIn(dir.path()).isEmpty());
}

void tst_Workspace::saveKeepsFileMode()
{
    QTemporaryDir dir;
    const std::string fresh = dir.filePath("fresh.iamstudio").toStdString();
    const std::string kept = dir.filePath("kept.iamstudio").toStdString();
    const std::unique_ptr<Account> account = richAccount();
    QCOMPARE(saveWorkspace(fresh, *account, CallerIdentity::root()), std::string());
    writeFile(QString::fromStdString(kept), "old");
    QVERIFY(::chmod(kept.c_str(), 0600) == 0);
    QCOMPARE(saveWorkspace(kept, *account, CallerIdentity::root()), std::string());
    struct stat status {};
    QVERIFY(::stat(fresh.c_str(), &status) == 0);
    QCOMPARE(status.st_mode & 0777, mode_t(0644));
    QVERIFY(::stat(kept.c_str(), &status) == 0);
    QCOMPARE(status.st_mode & 0777, mode_t(0600));
}

void tst_Workspace::killDuringSaveNeverDamagesFile()
{
    // Two large states, saved in turn by a child process that is SIGKILLed at a
    // random moment. After every kill the file must be exactly one of the two
    // documents. Odd rounds run saveWorkspace() whole; even rounds only its writing
    // half (the documents made beforehand), so that many kills land mid-write.
    QTemporaryDir dir;
    const std::string path = dir.filePath("lab.iamstudio").toStdString();
    const std::unique_ptr<Account> first = richAccount(3000, "first");
    const std::unique_ptr<Account> second = richAccount(3000, "second");
    const CallerIdentity signedIn = CallerIdentity::user("alice");
    const std::string texts[2] = {workspaceJson(*first, signedIn), workspaceJson(*second, signedIn)};
    QVERIFY(texts[0] != texts[1]);
    QVERIFY(texts[0].size() > 2'000'000);

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(saveWorkspace(path, *first, signedIn), std::string());
    const qint64 saveMicroseconds = std::max<qint64>(timer.nsecsElapsed() / 1000, 1);
    timer.restart();
    QCOMPARE(writeFileAtomically(path, texts[0]), std::string());
    const qint64 writeMicroseconds = std::max<qint64>(timer.nsecsElapsed() / 1000, 1);

    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    int rounds = 0, killedMidWrite = 0, sawFirst = 0, sawSecond = 0;
    // At least 16 rounds, and on until kills have landed mid-write a few times.
    for (; rounds < 16 || (killedMidWrite < 4 && rounds < 200); ++rounds) {
        const bool wholeSave = rounds % 2;
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            for (int i = 1;; ++i) {
                const std::string error = wholeSave ? saveWorkspace(path, i % 2 ? *second : *first, signedIn)
                                                    : writeFileAtomically(path, texts[i % 2]);
                if (!error.empty())
                    ::_exit(1);
            }
        }
        // Anywhere within the first three saves, the very start included.
        const qint64 window = 3 * (wholeSave ? saveMicroseconds : writeMicroseconds);
        ::usleep(static_cast<useconds_t>(random.bounded(quint32(window + 1))));
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status), "the saving child stopped by itself: a save failed");

        const std::string onDisk = readFile(QString::fromStdString(path));
        const QByteArray context = QByteArray("seed ") + QByteArray::number(seed) + " round "
            + QByteArray::number(rounds) + ", file of " + QByteArray::number(qulonglong(onDisk.size())) + " bytes";
        QVERIFY2(onDisk == texts[0] || onDisk == texts[1], context.constData());
        (onDisk == texts[0] ? sawFirst : sawSecond)++;
        if (rounds < 16) {
            const WorkspaceLoad load = readWorkspace(onDisk, path);
            QVERIFY2(load.ok(), context.constData());
            const AccountComparison comparison(onDisk == texts[0] ? *first : *second, *load.workspace->account);
            QVERIFY2(comparison.differences().empty(), comparison.summary().c_str());
        }

        // A kill mid-write leaves its temporary file behind (nothing can remove it);
        // it never stands in for the workspace.
        const QStringList leftovers = temporaryFilesIn(dir.path());
        killedMidWrite += leftovers.isEmpty() ? 0 : 1;
        for (const QString &leftover : leftovers)
            QVERIFY(QFile::remove(dir.filePath(leftover)));
    }
    qInfo("seed %u: a save takes ~%lld us, its writing ~%lld us; %d of %d kills landed mid-write; the file held "
          "the first state %d times, the second %d times",
          seed, saveMicroseconds, writeMicroseconds, killedMidWrite, rounds, sawFirst, sawSecond);
    QVERIFY2(killedMidWrite > 0, "no kill landed mid-write: the test proved nothing");
    QVERIFY(sawFirst > 0 && sawSecond > 0);
}

QTEST_APPLESS_MAIN(tst_Workspace)
#include "tst_Workspace.moc"
