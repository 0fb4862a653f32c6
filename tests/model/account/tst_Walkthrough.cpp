// The seed walkthrough (../shared/seed, DESIGN.md "The PassRole walkthrough") as API
// calls on the simulated account: the administrator creates S3Access and
// IAM-User-Policy, lab-user associates the role with the instance, and the
// instance's session can list the buckets while lab-user cannot.

#include "AccountApi.h"
#include "DefaultWorkspace.h"
#include "FakeAwsManagedPolicies.h"
#include "InstanceCredentials.h"

#include <QtTest>

using namespace iam;
using json = nlohmann::json;

class tst_Walkthrough : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void wholeWalkthrough();
    void withoutPassRoleModifyIamRoleIsRefused();
    void labUserCannotCreateRoles();

private:
    void adminCreatesRoleAndPolicy(bool withPassRole);
    std::string instanceId() const { return m_account->instances().front().id; }

    testing::FakeAwsManagedPolicies m_managed;
    std::unique_ptr<Account> m_account;
    std::unique_ptr<AccountApi> m_api;
};

static const CallerIdentity kAdmin = CallerIdentity::root();
static const CallerIdentity kLabUser = CallerIdentity::user("lab-user");

// The trust policy the console generates for an EC2 role.
static const char *kEc2Trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

void tst_Walkthrough::init()
{
    m_account = defaultAccount(&m_managed);
    m_api = std::make_unique<AccountApi>(*m_account);
    QVERIFY(m_account->findUser("lab-user"));
    QCOMPARE(m_account->instances().size(), std::size_t(1));
    QVERIFY(m_account->instances().front().instanceProfile.empty());
}

void tst_Walkthrough::adminCreatesRoleAndPolicy(bool withPassRole)
{
    // "Steps to Create the Role", as the console's Create role makes them.
    CallResult r = m_api->call(kAdmin, "iam", "CreateRole",
                               {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust},
                                {"Description", "Allows EC2 instances to call AWS services on your behalf."}});
    QVERIFY2(r.ok(), r.errorMessage.c_str());
    r = m_api->call(kAdmin, "iam", "AttachRolePolicy",
                    {{"RoleName", "S3Access"}, {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}});
    QVERIFY2(r.ok(), r.errorMessage.c_str());
    r = m_api->call(kAdmin, "iam", "CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}});
    QVERIFY2(r.ok(), r.errorMessage.c_str());
    r = m_api->call(kAdmin, "iam", "AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}});
    QVERIFY2(r.ok(), r.errorMessage.c_str());
    // A second role the user must not be able to pass.
    r = m_api->call(kAdmin, "iam", "CreateRole", {{"RoleName", "AdminRole"}, {"AssumeRolePolicyDocument", kEc2Trust}});
    QVERIFY(r.ok());
    r = m_api->call(kAdmin, "iam", "CreateInstanceProfile", {{"InstanceProfileName", "AdminRole"}});
    QVERIFY(r.ok());
    r = m_api->call(kAdmin, "iam", "AddRoleToInstanceProfile", {{"InstanceProfileName", "AdminRole"}, {"RoleName", "AdminRole"}});
    QVERIFY(r.ok());

    // "IAM Policy for User": ec2:* and iam:PassRole on S3Access only.
    json statements = json::array({{{"Effect", "Allow"}, {"Action", "ec2:*"}, {"Resource", "*"}}});
    if (withPassRole)
        statements.push_back({{"Effect", "Allow"}, {"Action", "iam:PassRole"},
                              {"Resource", "arn:aws:iam::" + m_account->accountId() + ":role/S3Access"}});
    const json document = {{"Version", "2012-10-17"}, {"Statement", statements}};
    r = m_api->call(kAdmin, "iam", "CreatePolicy", {{"PolicyName", "IAM-User-Policy"}, {"PolicyDocument", document.dump()}});
    QVERIFY2(r.ok(), r.errorMessage.c_str());
    const std::string policyArn = r.response["Policy"]["Arn"].get<std::string>();
    QCOMPARE(policyArn, "arn:aws:iam::" + m_account->accountId() + ":policy/IAM-User-Policy");
    r = m_api->call(kAdmin, "iam", "AttachUserPolicy", {{"UserName", "lab-user"}, {"PolicyArn", policyArn}});
    QVERIFY2(r.ok(), r.errorMessage.c_str());
}

void tst_Walkthrough::wholeWalkthrough()
{
    adminCreatesRoleAndPolicy(true);
    QCOMPARE(m_account->findRole("S3Access")->attachedPolicies,
             std::vector<std::string>{"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"});
    QCOMPARE(m_account->findInstanceProfile("S3Access")->role, std::string("S3Access"));

    // Before the role: the instance has no credentials.
    QVERIFY(!instanceSession(*m_account, instanceId()));

    // "Attaching the S3Access Role to the EC2 Instance": Modify IAM role as lab-user.
    CallResult r = m_api->call(kLabUser, "ec2", "AssociateIamInstanceProfile",
                               {{"InstanceId", instanceId()}, {"IamInstanceProfile", {{"Name", "S3Access"}}}});
    QVERIFY2(r.ok(), r.errorMessage.c_str());
    // Associate needs ec2:AssociateIamInstanceProfile and iam:PassRole on the role.
    QCOMPARE(r.authorizations.size(), std::size_t(2));
    QCOMPARE(r.authorizations[1].action, std::string("iam:PassRole"));
    QVERIFY(r.authorizations[1].allowed());
    QCOMPARE(m_account->instances().front().instanceProfile, std::string("S3Access"));

    // Another role: refused on iam:PassRole, nothing changes.
    const std::string associationId = m_account->instances().front().associationId;
    r = m_api->call(kLabUser, "ec2", "ReplaceIamInstanceProfileAssociation",
                    {{"AssociationId", associationId}, {"IamInstanceProfile", {{"Name", "AdminRole"}}}});
    QCOMPARE(r.errorCode, std::string("UnauthorizedOperation"));
    QVERIFY(r.errorMessage.find("is not authorized to perform: iam:PassRole on resource: arn:aws:iam::"
                                + m_account->accountId() + ":role/AdminRole") != std::string::npos);
    QCOMPARE(m_account->instances().front().instanceProfile, std::string("S3Access"));

    // "Verifying the Setup": on the instance, aws s3 ls lists the buckets.
    const auto session = instanceSession(*m_account, instanceId());
    QVERIFY(session.has_value());
    QCOMPARE(session->name, std::string("S3Access"));
    r = m_api->call(*session, "s3", "ListBuckets", json::object(), CallSource::Instance);
    QVERIFY2(r.ok(), r.errorMessage.c_str());
    QVERIFY(!r.response["Buckets"].empty());
    QCOMPARE(r.response["Buckets"][0]["Name"].get<std::string>(), m_account->buckets().front().name);

    // From the user's own machine: Access Denied.
    r = m_api->call(kLabUser, "s3", "ListBuckets", json::object(), CallSource::Terminal);
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.cliError("ListBuckets"),
             std::string("An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied"));

    // The event log has every call, allowed or denied, with its caller and source.
    EventLog::Filter onlyDenied;
    onlyDenied.allowed = false;
    const auto denied = m_account->eventLog().query(onlyDenied);
    QCOMPARE(denied.size(), std::size_t(2));
    QCOMPARE(denied.back().callerArn, "arn:aws:iam::" + m_account->accountId() + ":user/lab-user");
    QCOMPARE(denied.back().source, CallSource::Terminal);
    QCOMPARE(denied.back().errorCode, std::string("AccessDenied"));
}

void tst_Walkthrough::withoutPassRoleModifyIamRoleIsRefused()
{
    adminCreatesRoleAndPolicy(false);
    const CallResult r = m_api->call(kLabUser, "ec2", "AssociateIamInstanceProfile",
                                     {{"InstanceId", instanceId()}, {"IamInstanceProfile", {{"Name", "S3Access"}}}});
    QCOMPARE(r.errorCode, std::string("UnauthorizedOperation"));
    QVERIFY(r.errorMessage.find("iam:PassRole on resource: arn:aws:iam::" + m_account->accountId() + ":role/S3Access")
            != std::string::npos);
    QVERIFY(r.errorMessage.find("because no identity-based policy allows the iam:PassRole action") != std::string::npos);
    QVERIFY(m_account->instances().front().instanceProfile.empty());
    QVERIFY(!instanceSession(*m_account, instanceId()));
}

void tst_Walkthrough::labUserCannotCreateRoles()
{
    const std::size_t roles = m_account->roles().size();
    const CallResult r = m_api->call(kLabUser, "iam", "CreateRole",
                                     {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, "User: arn:aws:iam::" + m_account->accountId()
                                 + ":user/lab-user is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::"
                                 + m_account->accountId()
                                 + ":role/S3Access because no identity-based policy allows the iam:CreateRole action");
    QCOMPARE(m_account->roles().size(), roles);
}

QTEST_APPLESS_MAIN(tst_Walkthrough)
#include "tst_Walkthrough.moc"
