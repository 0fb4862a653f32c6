// The STS operations (StsOperations.cpp): GetCallerIdentity, which needs no
// permission, and AssumeRole, decided on the role's trust policy and the caller's
// own policies together.

#include "IamFixture.h"

#include <memory>

using namespace iam;
using namespace iam::testing;
using json = nlohmann::json;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(nlohmann::json)

namespace {

std::string trustAws(const std::string &principal)
{
    return json{{"Version", "2012-10-17"},
                {"Statement",
                 {{{"Effect", "Allow"}, {"Action", "sts:AssumeRole"}, {"Principal", {{"AWS", principal}}}}}}}
        .dump();
}

std::string denyAll(const std::string &action)
{
    return json{{"Version", "2012-10-17"},
                {"Statement", {{{"Effect", "Deny"}, {"Action", action}, {"Resource", "*"}}}}}
        .dump();
}

} // namespace

class tst_StsOperations : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void getCallerIdentity_data();
    void getCallerIdentity();
    void getCallerIdentityCannotBeDenied();

    void assumeRole_data();
    void assumeRole();
    void assumeRoleResponseMirrorsAws();
    void assumedSessionIsWhoItSays();
    void sessionNameReachesConditions();
    void externalIdReachesTheTrustPolicy();
    void assumeRoleValidation_data();
    void assumeRoleValidation();
    void rootCannotAssumeRoles();
    void durationWithinTheRolesMaximum();
    void roleChainingIsLimitedToAnHour();

private:
    std::unique_ptr<IamFixture> m_f;
};

void tst_StsOperations::init()
{
    m_f = std::make_unique<IamFixture>();
}

// ---------------------------------------------------------------- GetCallerIdentity

void tst_StsOperations::getCallerIdentity_data()
{
    QTest::addColumn<std::string>("kind");
    QTest::addColumn<std::string>("arn");

    QTest::newRow("root") << std::string("root") << kArn + "root";
    QTest::newRow("user-with-a-path") << std::string("user") << kArn + "user/eng/alice";
    QTest::newRow("role-session") << std::string("session")
                                  << std::string("arn:aws:sts::111122223333:assumed-role/S3Access/work");
}

void tst_StsOperations::getCallerIdentity()
{
    QFETCH(std::string, kind);
    QFETCH(std::string, arn);

    IAM_VERIFY_OK(m_f->asRoot("CreateUser", {{"UserName", "alice"}, {"Path", "/eng/"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    const Account &account = m_f->account();
    CallerIdentity caller = CallerIdentity::root();
    std::string userId = kAccountId;
    if (kind == "user") {
        caller = CallerIdentity::user("alice");
        userId = account.findUser("alice")->id;
    } else if (kind == "session") {
        caller = CallerIdentity::roleSession("S3Access", "work");
        userId = account.findRole("S3Access")->id + ":work";
    }
    const CallResult r = m_f->call(caller, "sts", "GetCallerIdentity");
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response, (json{{"UserId", userId}, {"Account", kAccountId}, {"Arn", arn}}));
    QVERIFY(r.authorizations.empty());
    QCOMPARE(account.eventLog().events().back().action, std::string("sts:GetCallerIdentity"));
}

void tst_StsOperations::getCallerIdentityCannotBeDenied()
{
    // API_GetCallerIdentity: an explicit deny of sts:GetCallerIdentity does not apply.
    const CallerIdentity alice = m_f->userWith("alice", denyAll("*"));
    const CallResult r = m_f->call(alice, "sts", "GetCallerIdentity");
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["Arn"].get<std::string>(), kArn + "user/alice");
}

// ---------------------------------------------------------------- AssumeRole

void tst_StsOperations::assumeRole_data()
{
    QTest::addColumn<std::string>("trust");
    QTest::addColumn<std::string>("policy");   // alice's own; none when empty
    QTest::addColumn<std::string>("roleArn");
    QTest::addColumn<std::string>("errorMessage");

    const std::string roleArn = kArn + "role/Target";
    const std::string denied =
        "User: " + kArn + "user/alice is not authorized to perform: sts:AssumeRole on resource: ";
    QTest::newRow("trust-names-the-user-itself") << trustAws(kArn + "user/alice") << std::string() << roleArn
                                                 << std::string();
    QTest::newRow("trust-names-the-account-and-identity-allows")
        << trustAws(kArn + "root") << allow("sts:AssumeRole", roleArn) << roleArn << std::string();
    QTest::newRow("trust-names-the-account-identity-silent")
        << trustAws(kArn + "root") << std::string() << roleArn
        << denied + roleArn + " because no identity-based policy allows the sts:AssumeRole action";
    QTest::newRow("trust-names-only-ec2")
        << kEc2Trust << allow("sts:AssumeRole") << roleArn
        << denied + roleArn + " because no resource-based policy allows the sts:AssumeRole action";
    QTest::newRow("identity-denies-explicitly")
        << trustAws(kArn + "user/alice") << denyAll("sts:AssumeRole") << roleArn
        << denied + roleArn + " with an explicit deny in an identity-based policy";
    QTest::newRow("role-does-not-exist")
        << trustAws(kArn + "root") << allow("sts:AssumeRole") << kArn + "role/Ghost"
        << denied + kArn + "role/Ghost because no resource-based policy allows the sts:AssumeRole action";
    QTest::newRow("arn-without-the-roles-path")
        << trustAws(kArn + "root") << allow("sts:AssumeRole") << kArn + "role/Target"
        << denied + kArn + "role/Target because no resource-based policy allows the sts:AssumeRole action";
}

void tst_StsOperations::assumeRole()
{
    QFETCH(std::string, trust);
    QFETCH(std::string, policy);
    QFETCH(std::string, roleArn);
    QFETCH(std::string, errorMessage);

    const CallerIdentity alice = m_f->userWith("alice", policy);
    const bool withPath = QByteArray(QTest::currentDataTag()) == "arn-without-the-roles-path";
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Target"}, {"Path", withPath ? "/svc/" : "/"},
                                             {"AssumeRolePolicyDocument", trust}}));
    const Account before = m_f->account();
    const CallResult r = m_f->call(alice, "sts", "AssumeRole", {{"RoleArn", roleArn}, {"RoleSessionName", "work"}});
    QCOMPARE(r.errorMessage, errorMessage);
    QCOMPARE(r.errorCode, std::string(errorMessage.empty() ? "" : "AccessDenied"));
    // One decision, on the role's ARN, with the trust policy as its resource policy.
    QCOMPARE(r.authorizations.size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].action, std::string("sts:AssumeRole"));
    QCOMPARE(r.authorizations[0].resource, roleArn);
    QCOMPARE(r.authorizations[0].allowed(), errorMessage.empty());
    QCOMPARE(r.response.contains("Credentials"), errorMessage.empty());
    // Taking a session changes nothing in the account.
    const std::string changes = changesBetween(before, m_f->account());
    QVERIFY2(changes.empty(), changes.c_str());
    const Event &event = m_f->account().eventLog().events().back();
    QCOMPARE(event.action, std::string("sts:AssumeRole"));
    QCOMPARE(event.allowed, errorMessage.empty());
    QCOMPARE(event.resources, std::vector<std::string>{roleArn});
}

void tst_StsOperations::assumeRoleResponseMirrorsAws()
{
    const CallerIdentity alice = m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Target"}, {"Path", "/svc/"},
                                             {"AssumeRolePolicyDocument", trustAws(kArn + "user/alice")}}));
    const CallResult r = m_f->call(alice, "sts", "AssumeRole",
                                   {{"RoleArn", kArn + "role/svc/Target"}, {"RoleSessionName", "work"},
                                    {"DurationSeconds", 900}});
    IAM_VERIFY_OK(r);
    const json &credentials = r.response["Credentials"];
    const std::string keyId = credentials["AccessKeyId"].get<std::string>();
    QVERIFY(keyId.starts_with("ASIA"));
    QCOMPARE(keyId.size(), std::size_t(20));
    QCOMPARE(credentials["SecretAccessKey"].get<std::string>().size(), std::size_t(40));
    QVERIFY(!credentials["SessionToken"].get<std::string>().empty());
    QCOMPARE(credentials["Expiration"].get<std::string>(), std::string("2024-05-01T09:15:00Z"));
    const std::string roleId = m_f->account().findRole("Target")->id;
    // The session's ARN leaves out the role's path.
    QCOMPARE(r.response["AssumedRoleUser"],
             (json{{"AssumedRoleId", roleId + ":work"},
                   {"Arn", "arn:aws:sts::111122223333:assumed-role/Target/work"}}));

    // Each session gets its own keys.
    const CallResult again = m_f->call(alice, "sts", "AssumeRole",
                                       {{"RoleArn", kArn + "role/svc/Target"}, {"RoleSessionName", "work"}});
    IAM_VERIFY_OK(again);
    QVERIFY(again.response["Credentials"]["AccessKeyId"] != credentials["AccessKeyId"]);
    QCOMPARE(again.response["Credentials"]["Expiration"].get<std::string>(), std::string("2024-05-01T10:00:00Z"));
}

void tst_StsOperations::assumedSessionIsWhoItSays()
{
    const CallerIdentity alice = m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Target"},
                                             {"AssumeRolePolicyDocument", trustAws(kArn + "user/alice")}}));
    IAM_VERIFY_OK(m_f->asRoot("PutRolePolicy", {{"RoleName", "Target"}, {"PolicyName", "roles"},
                                                {"PolicyDocument", allow("iam:ListRoles")}}));
    const CallResult r =
        m_f->call(alice, "sts", "AssumeRole", {{"RoleArn", kArn + "role/Target"}, {"RoleSessionName", "s1"}});
    IAM_VERIFY_OK(r);
    const CallerIdentity session = CallerIdentity::roleSession("Target", "s1");
    const CallResult who = m_f->call(session, "sts", "GetCallerIdentity");
    QCOMPARE(who.response["Arn"], r.response["AssumedRoleUser"]["Arn"]);
    QCOMPARE(who.response["UserId"], r.response["AssumedRoleUser"]["AssumedRoleId"]);
    // The session acts with the role's policies, not alice's.
    IAM_VERIFY_OK(m_f->iam(session, "ListRoles"));
    QCOMPARE(m_f->iam(alice, "ListRoles").errorCode, std::string("AccessDenied"));
}

void tst_StsOperations::sessionNameReachesConditions()
{
    // sts:RoleSessionName is in the request context (reference_policies_iam-condition-keys.md).
    const CallerIdentity alice = m_f->userWith(
        "alice", allow("sts:AssumeRole", "*", {{"StringEquals", {{"sts:RoleSessionName", "${aws:username}"}}}}));
    IAM_VERIFY_OK(
        m_f->asRoot("CreateRole", {{"RoleName", "Target"}, {"AssumeRolePolicyDocument", trustAws(kArn + "root")}}));
    const json params = {{"RoleArn", kArn + "role/Target"}, {"RoleSessionName", "alice"}};
    IAM_VERIFY_OK(m_f->call(alice, "sts", "AssumeRole", params));
    json other = params;
    other["RoleSessionName"] = "someone-else";
    QCOMPARE(m_f->call(alice, "sts", "AssumeRole", other).errorCode, std::string("AccessDenied"));
}

void tst_StsOperations::externalIdReachesTheTrustPolicy()
{
    const CallerIdentity alice = m_f->userWith("alice");
    const std::string trust =
        json{{"Version", "2012-10-17"},
             {"Statement",
              {{{"Effect", "Allow"},
                {"Action", "sts:AssumeRole"},
                {"Principal", {{"AWS", kArn + "user/alice"}}},
                {"Condition", {{"StringEquals", {{"sts:ExternalId", "Unique-42"}}}}}}}}}
            .dump();
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Target"}, {"AssumeRolePolicyDocument", trust}}));
    json params = {{"RoleArn", kArn + "role/Target"}, {"RoleSessionName", "work"}};
    CallResult r = m_f->call(alice, "sts", "AssumeRole", params);
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, "User: " + kArn + "user/alice is not authorized to perform: sts:AssumeRole on resource: "
                                 + kArn
                                 + "role/Target because no resource-based policy allows the sts:AssumeRole action");
    params["ExternalId"] = "Unique-42";
    IAM_VERIFY_OK(m_f->call(alice, "sts", "AssumeRole", params));
}

void tst_StsOperations::assumeRoleValidation_data()
{
    QTest::addColumn<json>("params");
    QTest::addColumn<std::string>("errorMessage");

    const std::string arn = kArn + "role/Target";
    QTest::newRow("session-name-of-one-character")
        << json{{"RoleArn", arn}, {"RoleSessionName", "a"}}
        << std::string("1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: "
                       "Member must have length greater than or equal to 2");
    QTest::newRow("session-name-with-a-space")
        << json{{"RoleArn", arn}, {"RoleSessionName", "my session"}}
        << std::string("1 validation error detected: Value 'my session' at 'roleSessionName' failed to satisfy "
                       "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    QTest::newRow("role-arn-missing")
        << json{{"RoleSessionName", "work"}}
        << std::string("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member "
                       "must not be null");
    QTest::newRow("duration-under-15-minutes")
        << json{{"RoleArn", arn}, {"RoleSessionName", "work"}, {"DurationSeconds", 600}}
        << std::string("1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: "
                       "Member must have value greater than or equal to 900");
    QTest::newRow("duration-over-12-hours")
        << json{{"RoleArn", arn}, {"RoleSessionName", "work"}, {"DurationSeconds", 43201}}
        << std::string("1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy "
                       "constraint: Member must have value less than or equal to 43200");
}

void tst_StsOperations::assumeRoleValidation()
{
    QFETCH(json, params);
    QFETCH(std::string, errorMessage);

    const CallerIdentity alice = m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Target"},
                                             {"AssumeRolePolicyDocument", trustAws(kArn + "user/alice")}}));
    const CallResult r = m_f->call(alice, "sts", "AssumeRole", params);
    QCOMPARE(r.errorCode, std::string("ValidationError"));
    QCOMPARE(r.errorMessage, errorMessage);
    QVERIFY(r.authorizations.empty());
}

void tst_StsOperations::rootCannotAssumeRoles()
{
    IAM_VERIFY_OK(
        m_f->asRoot("CreateRole", {{"RoleName", "Target"}, {"AssumeRolePolicyDocument", trustAws(kArn + "root")}}));
    const CallResult r = m_f->call(CallerIdentity::root(), "sts", "AssumeRole",
                                   {{"RoleArn", kArn + "role/Target"}, {"RoleSessionName", "work"}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, std::string("Roles may not be assumed by root accounts."));
    QCOMPARE(r.cliError("AssumeRole"), std::string("An error occurred (AccessDenied) when calling the AssumeRole "
                                                   "operation: Roles may not be assumed by root accounts."));
    // Refused before any policy is evaluated: no authorization is on record.
    QVERIFY(r.authorizations.empty());
    QCOMPARE(m_f->account().eventLog().events().back().resources, std::vector<std::string>{kArn + "role/Target"});
}

void tst_StsOperations::durationWithinTheRolesMaximum()
{
    const CallerIdentity alice = m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Target"}, {"MaxSessionDuration", 7200},
                                             {"AssumeRolePolicyDocument", trustAws(kArn + "user/alice")}}));
    json params = {{"RoleArn", kArn + "role/Target"}, {"RoleSessionName", "work"}, {"DurationSeconds", 7200}};
    CallResult r = m_f->call(alice, "sts", "AssumeRole", params);
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["Credentials"]["Expiration"].get<std::string>(), std::string("2024-05-01T11:00:00Z"));
    params["DurationSeconds"] = 7201;
    r = m_f->call(alice, "sts", "AssumeRole", params);
    QCOMPARE(r.errorCode, std::string("ValidationError"));
    QCOMPARE(r.errorMessage,
             std::string("The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));
}

void tst_StsOperations::roleChainingIsLimitedToAnHour()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "First"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Second"}, {"MaxSessionDuration", 43200},
                                             {"AssumeRolePolicyDocument", trustAws(kArn + "role/First")}}));
    const CallerIdentity first = CallerIdentity::roleSession("First", "one");
    json params = {{"RoleArn", kArn + "role/Second"}, {"RoleSessionName", "two"}, {"DurationSeconds", 7200}};
    CallResult r = m_f->call(first, "sts", "AssumeRole", params);
    QCOMPARE(r.errorCode, std::string("ValidationError"));
    QCOMPARE(r.errorMessage, std::string("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                                         "assumed by role chaining."));
    params["DurationSeconds"] = 3600;
    r = m_f->call(first, "sts", "AssumeRole", params);
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["AssumedRoleUser"]["Arn"].get<std::string>(),
             std::string("arn:aws:sts::111122223333:assumed-role/Second/two"));
}

QTEST_APPLESS_MAIN(tst_StsOperations)
#include "tst_StsOperations.moc"
