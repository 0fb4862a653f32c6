// `aws iam get-account-authorization-details` in and out: a realistic listing
// (tests/data/account/authorization-details.json) imports whole, exports back to
// the same entities, and a faulty one is refused at file:line:column with the
// account untouched.

#include "AuthorizationDetails.h"

#include "AccountComparison.h"
#include "Authorizer.h"
#include "DefaultWorkspace.h"
#include "FakeAwsManagedPolicies.h"
#include "StdStringPrinting.h"
#include "Workspace.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace iam;
using iam::testing::AccountComparison;
using iam::testing::FakeAwsManagedPolicies;
using Json = nlohmann::ordered_json;

namespace {

const std::string kListingPath = IAMSTUDIO_TESTDATA_DIR "/account/authorization-details.json";

std::string readListing()
{
    std::ifstream in(kListingPath, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string errorsOf(const Diagnostics &diagnostics)
{
    std::string text;
    for (const Diagnostic &d : diagnostics)
        text += formatDiagnostic(d) + '\n';
    return text;
}

std::string urlDecoded(const std::string &text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// The listing as the entities it describes: documents decoded and parsed, absent
// lists empty, and what IAM derives and the import does not keep (RoleLastUsed)
// left out. AWS-managed Policies entries are dropped unless `keepAwsManaged`.
Json canonical(Json listing, bool keepAwsManaged = false)
{
    const auto document = [](Json &value) {
        if (value.is_string())
            value = Json::parse(value.get<std::string>().starts_with("{") ? value.get<std::string>()
                                                                          : urlDecoded(value.get<std::string>()));
    };
    const auto inlineList = [&](Json &entity, const char *key) {
        if (!entity.contains(key))
            entity[key] = Json::array();
        for (Json &policy : entity[key])
            document(policy["PolicyDocument"]);
    };
    for (Json &user : listing["UserDetailList"]) {
        inlineList(user, "UserPolicyList");
        if (!user.contains("Tags"))
            user["Tags"] = Json::array();
    }
    for (Json &group : listing["GroupDetailList"])
        inlineList(group, "GroupPolicyList");
    for (Json &role : listing["RoleDetailList"]) {
        inlineList(role, "RolePolicyList");
        document(role["AssumeRolePolicyDocument"]);
        role.erase("RoleLastUsed");
        for (Json &profile : role["InstanceProfileList"])
            for (Json &summary : profile["Roles"])
                document(summary["AssumeRolePolicyDocument"]);
    }
    Json policies = Json::array();
    for (Json &policy : listing["Policies"]) {
        for (Json &version : policy["PolicyVersionList"])
            document(version["Document"]);
        if (keepAwsManaged || !policy["Arn"].get<std::string>().starts_with("arn:aws:iam::aws:policy/"))
            policies.push_back(policy);
    }
    listing["Policies"] = policies;
    // Key order is not part of the format.
    return Json::parse(nlohmann::json::parse(listing.dump()).dump());
}

// A listing of one user, one group and one policy, for the refusal cases. (No
// backslash escapes inside: moc 6.4 misreads raw strings holding them.)
const std::string kSmall = R"({
  "UserDetailList": [
    {"UserName": "alice", "Path": "/", "Arn": "arn:aws:iam::444455556666:user/alice",
     "GroupList": ["Developers"],
     "AttachedManagedPolicies": [{"PolicyName": "AppData", "PolicyArn": "arn:aws:iam::444455556666:policy/AppData"},
                                 {"PolicyName": "ReadOnlyAccess", "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}],
     "UserPolicyList": [{"PolicyName": "Inline", "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%7D"}]}
  ],
  "GroupDetailList": [
    {"GroupName": "Developers", "Path": "/"}
  ],
  "RoleDetailList": [
    {"RoleName": "S3Access", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
     "InstanceProfileList": [{"InstanceProfileName": "S3Access", "Path": "/"}]},
    {"RoleName": "Other", "AssumeRolePolicyDocument": "{}"}
  ],
  "Policies": [
    {"PolicyName": "AppData", "Path": "/", "Arn": "arn:aws:iam::444455556666:policy/AppData", "DefaultVersionId": "v1",
     "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17"}}]}
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
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

class ResetCounter : public AccountObserver
{
public:
    void accountChanged(const AccountChange &change) override { resets += change.kind == AccountChange::Kind::Reset; }
    int resets = 0;
};

} // namespace

class tst_AuthorizationDetails : public QObject
{
    Q_OBJECT

private slots:
    void accountIdOfListing();
    void importsTheListing();
    void importedPoliciesDecide();
    void exportGivesBackTheListing();
    void exportListsAwsManagedPoliciesInUse();
    void reimportGivesSameEntities();
    void documentFormsAreEquivalent();
    void refuses_data();
    void refuses();
    void otherAccountIsRewrittenWithWarning();
    void truncatedListingWarns();
    void importReplacesIamAndKeepsTheRest();
    void exportTakesRoleLastUsedFromEvents();
};

void tst_AuthorizationDetails::accountIdOfListing()
{
    QCOMPARE(authorizationDetailsAccountId(readListing()), std::optional<std::string>("444455556666"));
    QCOMPARE(authorizationDetailsAccountId("{}"), std::optional<std::string>());
    QCOMPARE(authorizationDetailsAccountId("not json"), std::optional<std::string>());
}

void tst_AuthorizationDetails::importsTheListing()
{
    const std::string listing = readListing();
    Account account("444455556666");
    const Diagnostics diagnostics = importAuthorizationDetails(listing, "details.json", account);
    QVERIFY2(diagnostics.empty(), errorsOf(diagnostics).c_str());

    QCOMPARE(account.users().size(), std::size_t(4));
    QCOMPARE(account.groups().size(), std::size_t(2));
    QCOMPARE(account.roles().size(), std::size_t(4));
    // AWS-managed entries of Policies are references, not customer policies.
    QCOMPARE(account.policies().size(), std::size_t(3));
    QVERIFY(!account.findPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));

    const User *alice = account.findUser("alice");
    QVERIFY(alice);
    QCOMPARE(alice->path, std::string("/engineering/"));
    QCOMPARE(alice->id, std::string("AIDAWXYZALICE0000001"));
    QCOMPARE(alice->createDate, std::string("2022-05-10T12:00:00Z"));
    QCOMPARE(alice->groups, std::vector<std::string>{"Developers"});
    QCOMPARE(alice->attachedPolicies,
             std::vector<std::string>{"arn:aws:iam::444455556666:policy/application/AppDataAccess"});
    QCOMPARE(alice->permissionsBoundary, std::string("arn:aws:iam::444455556666:policy/boundaries/DeveloperBoundary"));
    QCOMPARE(alice->tags.size(), std::size_t(2));
    QCOMPARE(alice->tags[1].key, std::string("cost-center"));
    QCOMPARE(alice->inlinePolicies.size(), std::size_t(1));
    QVERIFY(alice->inlinePolicies[0].document.find("${aws:username}") != std::string::npos);
    QCOMPARE(account.userArn(*alice), std::string("arn:aws:iam::444455556666:user/engineering/alice"));

    // The raw API's URL-encoded documents are decoded.
    const Role *reporting = account.findRole("ReportingLambda");
    QVERIFY(reporting);
    QCOMPARE(reporting->path, std::string("/service-role/reporting/"));
    QCOMPARE(Json::parse(reporting->trustPolicy)["Statement"][0]["Principal"]["Service"],
             Json("lambda.amazonaws.com"));
    QCOMPARE(Json::parse(reporting->inlinePolicies.at(0).document)["Statement"][0]["Action"], Json("s3:PutObject"));
    // Documents given as objects keep their author's key order.
    QVERIFY(account.findRole("S3Access")->trustPolicy.find("\"Version\"")
            < account.findRole("S3Access")->trustPolicy.find("\"Statement\""));

    QCOMPARE(account.instanceProfiles().size(), std::size_t(2));
    const InstanceProfile *batch = account.findInstanceProfile("BatchWorkerProfile");
    QVERIFY(batch);
    QCOMPARE(batch->role, std::string("BatchWorker"));
    QCOMPARE(batch->path, std::string("/workers/"));
    QCOMPARE(batch->id, std::string("AIPAWXYZBATCHWORKER1"));

    const ManagedPolicy *data = account.findPolicy("arn:aws:iam::444455556666:policy/application/AppDataAccess");
    QVERIFY(data);
    QCOMPARE(data->defaultVersionId, std::string("v2"));
    QCOMPARE(data->versions.size(), std::size_t(2));
    QCOMPARE(data->description, std::string("Read and write the application's data bucket"));
    QVERIFY(account.managedPolicyDocument(account.policyArn(*data))->find("ReadWriteData") != std::string::npos);
}

void tst_AuthorizationDetails::importedPoliciesDecide()
{
    // The imported entities are ones the engine can decide for: alice's policies
    // through her group and attachment, limited by her boundary.
    Account account("444455556666");
    QVERIFY(!hasErrors(importAuthorizationDetails(readListing(), "details.json", account)));
    const Authorizer authorizer(account);
    const CallerIdentity alice = CallerIdentity::user("alice");
    QCOMPARE(authorizer.authorize(alice, "s3:PutObject", "arn:aws:s3:::app-data-444455556666/x.csv").outcome,
             Outcome::Allowed);
    QCOMPARE(authorizer.authorize(alice, "s3:DeleteObject", "arn:aws:s3:::app-data-444455556666/x.csv").outcome,
             Outcome::ExplicitDeny);
    // Her inline policy allows her own access keys, but the boundary denies iam:*.
    QCOMPARE(authorizer.authorize(alice, "iam:CreateAccessKey", "arn:aws:iam::444455556666:user/engineering/alice")
                 .outcome,
             Outcome::ExplicitDeny);
    QCOMPARE(authorizer.authorize(alice, "logs:GetLogEvents", "*").outcome, Outcome::Allowed);
    QCOMPARE(authorizer.authorize(CallerIdentity::user("lab-user"), "iam:PassRole",
                                  "arn:aws:iam::444455556666:role/S3Access")
                 .outcome,
             Outcome::Allowed);
}

void tst_AuthorizationDetails::exportGivesBackTheListing()
{
    const std::string listing = readListing();
    Account account("444455556666");
    QVERIFY(!hasErrors(importAuthorizationDetails(listing, "details.json", account)));
    const std::string exported = exportAuthorizationDetails(account);
    QVERIFY(exported.starts_with("{\n  \"UserDetailList\": [\n"));
    const Json expected = canonical(Json::parse(listing));
    const Json actual = canonical(Json::parse(exported));
    for (const char *list : {"UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"}) {
        QCOMPARE(actual[list].size(), expected[list].size());
        for (std::size_t i = 0; i < expected[list].size(); ++i)
            QVERIFY2(actual[list][i] == expected[list][i],
                     (std::string(list) + "[" + std::to_string(i) + "]\nexported: " + actual[list][i].dump()
                      + "\nlisting:  " + expected[list][i].dump())
                         .c_str());
    }
    // Documents go out as JSON objects, as the CLI prints them.
    const Json out = Json::parse(exported);
    QVERIFY(out["RoleDetailList"][1]["AssumeRolePolicyDocument"].is_object());
    QVERIFY(out["Policies"][0]["PolicyVersionList"][0]["Document"].is_object());
}

void tst_AuthorizationDetails::exportListsAwsManagedPoliciesInUse()
{
    FakeAwsManagedPolicies catalog;
    Account account("444455556666", &catalog);
    QVERIFY(!hasErrors(importAuthorizationDetails(readListing(), "details.json", account)));
    const Json out = Json::parse(exportAuthorizationDetails(account));
    std::map<std::string, Json> byArn;
    for (const Json &policy : out["Policies"])
        byArn[policy["Arn"].get<std::string>()] = policy;
    QCOMPARE(byArn.size(), std::size_t(6));   // three customer, three AWS-managed in use
    const Json &readOnly = byArn["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"];
    QCOMPARE(readOnly["AttachmentCount"], Json(2));
    QCOMPARE(readOnly["DefaultVersionId"], Json("v3"));
    QVERIFY(readOnly["PolicyVersionList"][0]["Document"].is_object());
    QCOMPARE(byArn["arn:aws:iam::444455556666:policy/boundaries/DeveloperBoundary"]["PermissionsBoundaryUsageCount"],
             Json(2));
    QCOMPARE(byArn["arn:aws:iam::444455556666:policy/application/AppDataAccess"]["AttachmentCount"], Json(4));
    // Read back, they are references again.
    Account again("444455556666", &catalog);
    QVERIFY(!hasErrors(importAuthorizationDetails(out.dump(), "again.json", again)));
    QCOMPARE(again.policies().size(), std::size_t(3));
}

void tst_AuthorizationDetails::reimportGivesSameEntities()
{
    Account first("444455556666");
    QVERIFY(!hasErrors(importAuthorizationDetails(readListing(), "details.json", first)));
    const std::string exported = exportAuthorizationDetails(first);
    Account second("444455556666");
    const Diagnostics diagnostics = importAuthorizationDetails(exported, "exported.json", second);
    QVERIFY2(diagnostics.empty(), errorsOf(diagnostics).c_str());
    const AccountComparison comparison(first, second, {false, false});
    QVERIFY2(comparison.differences().empty(), comparison.summary().c_str());
    QCOMPARE(exportAuthorizationDetails(second), exported);

    // Descriptions, session durations and policy tags, outside the API's format,
    // come back too.
    first.mutableRoles()[0].description = "Allows EC2 instances to read S3";
    first.mutableRoles()[0].maxSessionDuration = 7200;
    first.mutablePolicies()[0].tags = {{"owner", "data"}};
    Account third("444455556666");
    QVERIFY(!hasErrors(importAuthorizationDetails(exportAuthorizationDetails(first), "x.json", third)));
    const AccountComparison extended(first, third, {false, false});
    QVERIFY2(extended.differences().empty(), extended.summary().c_str());
}

void tst_AuthorizationDetails::documentFormsAreEquivalent()
{
    // URL-encoded (the API), JSON text, and a JSON object (the CLI) say the same.
    const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::a+b"}]})";
    const std::string encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow"
                                "%22%2C%22Action%22%3A%22s3%3AListBucket%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A"
                                "%3Aa+b%22%7D%5D%7D";
    for (const Json &form : {Json(encoded), Json(policy), Json::parse(policy)}) {
        const Json listing{{"RoleDetailList", Json::array({Json{{"RoleName", "R"}, {"AssumeRolePolicyDocument", form}}})}};
        Account account("444455556666");
        const Diagnostics diagnostics = importAuthorizationDetails(listing.dump(), "forms.json", account);
        QVERIFY2(diagnostics.empty(), errorsOf(diagnostics).c_str());
        QCOMPARE(Json::parse(account.roles().at(0).trustPolicy), Json::parse(policy));
    }
}

void tst_AuthorizationDetails::refuses_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");   // one of the errors (a fault may cause others), formatted
    QTest::addColumn<bool>("withCatalog");
    const auto row = [](const char *name, const std::string &text, const std::string &needle, std::size_t offset,
                        const std::string &message, bool withCatalog = false) {
        QTest::newRow(name) << text << "details.json:" + positionOf(text, needle, offset) + ": error: " + message
                            << withCatalog;
    };
    QTest::newRow("malformed") << replaced(kSmall, "\"Path\": \"/\",", "\"Path\": \"/\"")
                               << std::string("details.json:3:43: error: invalid JSON while parsing object - "
                                              "unexpected string literal; expected '}'")
                               << false;
    row("missing-user-name", replaced(kSmall, "\"UserName\": \"alice\", ", ""), "{\"Path\"", 0, "missing `UserName`");
    row("unknown-group", replaced(kSmall, "[\"Developers\"]", "[\"Devs\"]"), "\"Devs\"", 0,
        "group `Devs` is not in `GroupDetailList`");
    const std::string missingPolicy = replaced(kSmall, "\"PolicyArn\": \"arn:aws:iam::444455556666:policy/AppData\"",
                                               "\"PolicyArn\": \"arn:aws:iam::444455556666:policy/Gone\"");
    row("attached-policy-not-listed", missingPolicy, "\"arn:aws:iam::444455556666:policy/Gone\"", 0,
        "policy `arn:aws:iam::444455556666:policy/Gone` is not in `Policies`");
    const std::string unknownAws = replaced(kSmall, "policy/ReadOnlyAccess\"", "policy/ReadOnlyAcess\"");
    row("unknown-aws-managed-policy", unknownAws, "\"arn:aws:iam::aws:policy/ReadOnlyAcess\"", 0,
        "`arn:aws:iam::aws:policy/ReadOnlyAcess` is not an AWS-managed policy", true);
    row("duplicate-role-ignoring-case", replaced(kSmall, "\"RoleName\": \"Other\"", "\"RoleName\": \"s3access\""),
        "\"s3access\"", 0, "duplicate role name `s3access`");
    row("bad-url-encoding", replaced(kSmall, "%7B%22Version", "%7B%2"), "\"%7B%2", 0,
        "`PolicyDocument` is neither a JSON policy nor a URL-encoded one");
    row("document-of-wrong-type", replaced(kSmall, "\"Document\": {\"Version\": \"2012-10-17\"}", "\"Document\": 7"),
        "7}]}", 0, "`Document` must be a policy document (an object or a string)");
    std::string disagreeing = replaced(kSmall, "\"DefaultVersionId\": \"v1\"", "\"DefaultVersionId\": \"v2\"");
    disagreeing = replaced(disagreeing, "[{\"VersionId\": \"v1\"", "[{\"VersionId\": \"v2\", \"Document\": {}}, {\"VersionId\": \"v1\"");
    row("default-version-disagrees", disagreeing, "true, \"Document\"", 0,
        "`v1` is marked default but `DefaultVersionId` is `v2`");
    row("policy-arn-disagrees-with-path", replaced(kSmall, "\"PolicyName\": \"AppData\", \"Path\": \"/\"",
                                                   "\"PolicyName\": \"AppData\", \"Path\": \"/team/\""),
        "\"arn:aws:iam::444455556666:policy/AppData\", \"Default", 0,
        "`Arn` does not match `Path` and `PolicyName` (`arn:aws:iam::444455556666:policy/team/AppData`)");
    const std::string twoRoles = replaced(kSmall, "\"RoleName\": \"Other\",",
                                          "\"RoleName\": \"Other\", \"InstanceProfileList\": [{\"InstanceProfileName\": "
                                          "\"S3Access\"}],");
    row("profile-under-two-roles", twoRoles, "\"S3Access\"}]", 0,
        "instance profile `S3Access` is listed under roles `S3Access` and `Other`; a profile holds one role");
    const std::string groupsObject = replaced(kSmall, "\"GroupDetailList\": [", "\"GroupDetailList\": {\"x\": [");
    row("list-not-an-array", replaced(groupsObject, "}\n  ],\n  \"RoleDetailList\"", "}\n  ]},\n  \"RoleDetailList\""),
        "{\"x\"", 0, "`GroupDetailList` must be an array");
}

void tst_AuthorizationDetails::refuses()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QFETCH(bool, withCatalog);
    FakeAwsManagedPolicies catalog;
    // An account with a past import and resources of its own: a refused import leaves all of it.
    Account account("444455556666", withCatalog ? &catalog : nullptr);
    QVERIFY(!hasErrors(importAuthorizationDetails(readListing(), "details.json", account)));
    account.mutableBuckets().push_back(S3Bucket{"kept-bucket", "us-east-1", "", "", {}});
    const std::string before = workspaceJson(account, CallerIdentity::root());
    ResetCounter observer;
    account.addObserver(&observer);

    const Diagnostics diagnostics = importAuthorizationDetails(text, "details.json", account);
    QVERIFY(hasErrors(diagnostics));
    const std::string errors = errorsOf(diagnostics);
    QVERIFY2(errors.find(expected + '\n') != std::string::npos,
             ("expected " + expected + "\namong\n" + errors).c_str());
    QCOMPARE(workspaceJson(account, CallerIdentity::root()), before);
    QCOMPARE(observer.resets, 0);
    account.removeObserver(&observer);
}

void tst_AuthorizationDetails::otherAccountIsRewrittenWithWarning()
{
    const std::string listing = readListing();
    Account account("111122223333");
    const Diagnostics diagnostics = importAuthorizationDetails(listing, "details.json", account);
    QVERIFY(!hasErrors(diagnostics));
    QCOMPARE(diagnostics.size(), std::size_t(1));
    QCOMPARE(formatDiagnostic(diagnostics[0]),
             "details.json:" + positionOf(listing, "\"arn:aws:iam::444455556666:user/engineering/alice\"")
                 + ": warning: the listing is account 444455556666's; its policies are imported into account "
                   "111122223333");
    const User *alice = account.findUser("alice");
    QCOMPARE(alice->attachedPolicies.at(0), std::string("arn:aws:iam::111122223333:policy/application/AppDataAccess"));
    QVERIFY(account.managedPolicyExists(alice->attachedPolicies.at(0)));
    QVERIFY(account.managedPolicyExists(alice->permissionsBoundary));
}

void tst_AuthorizationDetails::truncatedListingWarns()
{
    Account account("444455556666");
    const Diagnostics diagnostics =
        importAuthorizationDetails(R"({"UserDetailList": [], "IsTruncated": true, "Marker": "abc"})", "page.json", account);
    QCOMPARE(diagnostics.size(), std::size_t(1));
    QCOMPARE(formatDiagnostic(diagnostics[0]),
             std::string("page.json:1:39: warning: the listing is truncated: entities on later pages are missing"));
}

void tst_AuthorizationDetails::importReplacesIamAndKeepsTheRest()
{
    std::unique_ptr<Account> account = defaultAccount(nullptr);
    account->mutableInstanceProfiles().push_back({"OldProfile", "/", "AIPAOLD", "", ""});
    account->mutableInstances()[0].instanceProfile = "OldProfile";
    account->mutableInstances()[0].associationId = "iip-assoc-0";
    account->eventLog().append({0, "t", "arn:aws:iam::111122223333:root", CallSource::Console, "iam:ListUsers", {}, true, ""});
    ResetCounter observer;
    account->addObserver(&observer);

    const Diagnostics diagnostics = importAuthorizationDetails(kSmall, "small.json", *account);
    QVERIFY2(!hasErrors(diagnostics), errorsOf(diagnostics).c_str());
    QCOMPARE(observer.resets, 1);
    account->removeObserver(&observer);
    QCOMPARE(account->users().size(), std::size_t(1));
    QVERIFY(account->findUser("alice"));
    QVERIFY(!account->findUser("lab-user"));
    QVERIFY(!account->findInstanceProfile("OldProfile"));
    // The instance stays, without the profile that is gone; buckets and events stay.
    QCOMPARE(account->instances().size(), std::size_t(1));
    QCOMPARE(account->instances()[0].instanceProfile, std::string());
    QCOMPARE(account->instances()[0].associationId, std::string());
    QCOMPARE(account->buckets().size(), std::size_t(1));
    QCOMPARE(account->eventLog().events().size(), std::size_t(1));
    QCOMPARE(account->now(), std::string("2024-05-01T09:00:00Z"));
    // What the import made is a workspace that saves and loads.
    QVERIFY(readWorkspace(workspaceJson(*account, CallerIdentity::root()), "after-import").ok());
}

void tst_AuthorizationDetails::exportTakesRoleLastUsedFromEvents()
{
    Account account("444455556666");
    QVERIFY(!hasErrors(importAuthorizationDetails(readListing(), "details.json", account)));
    account.eventLog().append({0, "2024-05-02T10:00:00Z", "arn:aws:sts::444455556666:assumed-role/S3Access/i-0abc",
                               CallSource::Instance, "s3:ListAllMyBuckets", {"*"}, true, ""});
    account.eventLog().append({0, "2024-05-02T11:00:00Z", "arn:aws:sts::444455556666:assumed-role/S3Access/i-0abc",
                               CallSource::Instance, "s3:PutObject", {}, false, "AccessDenied"});
    const Json out = Json::parse(exportAuthorizationDetails(account));
    QCOMPARE(out["RoleDetailList"][0]["RoleLastUsed"],
             (Json{{"LastUsedDate", "2024-05-02T10:00:00Z"}, {"Region", "us-east-1"}}));
    QCOMPARE(out["RoleDetailList"][1]["RoleLastUsed"], Json::object());
}

QTEST_APPLESS_MAIN(tst_AuthorizationDetails)
#include "tst_AuthorizationDetails.moc"
