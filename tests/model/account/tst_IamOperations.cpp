// The IAM operations on users, groups, roles, instance profiles and tags
// (IamOperations.cpp), and two tables over every IAM operation: a denied call and
// an invalid call each change nothing.

#include "IamFixture.h"

#include <memory>

using namespace iam;
using namespace iam::testing;
using json = nlohmann::json;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(nlohmann::json)

namespace {

class ChangeRecorder : public AccountObserver
{
public:
    void accountChanged(const AccountChange &change) override
    {
        if (change.entity != AccountChange::Entity::Event)
            changes.push_back(change);
    }
    std::vector<AccountChange> changes;
};

} // namespace

class tst_IamOperations : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void createUser_data();
    void createUser();
    void createUserResponseMirrorsAws();
    void createUserWithTagsAlsoNeedsTagUser();
    void getUserWithoutNameDescribesTheCaller();
    void listUsersIsSortedAndAuthorizedOnThePath();
    void deleteUser_data();
    void deleteUser();

    void groupMembership();
    void groupMembershipIsAuthorizedOnTheGroup();
    void removingANonMemberFails();
    void deleteGroup_data();
    void deleteGroup();

    void createRole_data();
    void createRole();
    void createRoleResponseMirrorsAws();
    void updateRole();
    void updateAssumeRolePolicy();
    void deleteRole_data();
    void deleteRole();
    void roleSessionActsWithItsRolesPolicies();

    void instanceProfileLifecycle();
    void addRoleToInstanceProfile_data();
    void addRoleToInstanceProfile();
    void instanceProfileHoldsOneRole();
    void removeRoleFromInstanceProfile();
    void deleteInstanceProfileHoldingARole();

    void tagsMergeCaseInsensitively();
    void tagErrors_data();
    void tagErrors();
    void resourceTagsReachConditions();

    void deniedCallsChangeNothing_data();
    void deniedCallsChangeNothing();
    void invalidCallsChangeNothing_data();
    void invalidCallsChangeNothing();
    void observersHearOfEachChange();

private:
    // lab-user in group devs, nobody without policies, roles S3Access (path /) and
    // Reporting (path /service/), the instance profile S3Access holding S3Access,
    // an empty profile Spare, the customer-managed policy MyPolicy with two
    // versions, ReadOnlyAccess attached to lab-user, devs and S3Access, an inline
    // policy on each, and the unused user idle, group empty and policy Lonely.
    void populate();
    void expectUnchanged(const Account &before);

    std::unique_ptr<IamFixture> m_f;
};

void tst_IamOperations::init()
{
    m_f = std::make_unique<IamFixture>();
}

void tst_IamOperations::populate()
{
    m_f->userWith("lab-user");
    m_f->userWith("nobody");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "devs"}}));
    IAM_VERIFY_OK(m_f->asRoot("AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "lab-user"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Reporting"}, {"Path", "/service/"},
                                             {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}));
    IAM_VERIFY_OK(
        m_f->asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "Spare"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", kReadBuckets}}));
    IAM_VERIFY_OK(m_f->asRoot("CreatePolicyVersion", {{"PolicyArn", kArn + "policy/MyPolicy"},
                                                      {"PolicyDocument", kReadBuckets}}));
    IAM_VERIFY_OK(m_f->asRoot("TagRole", {{"RoleName", "S3Access"}, {"Tags", {{{"Key", "team"}, {"Value", "blue"}}}}}));
    IAM_VERIFY_OK(m_f->asRoot("TagUser", {{"UserName", "lab-user"}, {"Tags", {{{"Key", "team"}, {"Value", "blue"}}}}}));
    IAM_VERIFY_OK(m_f->asRoot("PutRolePolicy", {{"RoleName", "S3Access"}, {"PolicyName", "inline"},
                                                {"PolicyDocument", kReadBuckets}}));
    IAM_VERIFY_OK(m_f->asRoot("PutUserPolicy", {{"UserName", "lab-user"}, {"PolicyName", "p"},
                                                {"PolicyDocument", kReadBuckets}}));
    IAM_VERIFY_OK(m_f->asRoot("PutGroupPolicy", {{"GroupName", "devs"}, {"PolicyName", "p"},
                                                 {"PolicyDocument", kReadBuckets}}));
    const std::string readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    IAM_VERIFY_OK(m_f->asRoot("AttachUserPolicy", {{"UserName", "lab-user"}, {"PolicyArn", readOnly}}));
    IAM_VERIFY_OK(m_f->asRoot("AttachGroupPolicy", {{"GroupName", "devs"}, {"PolicyArn", readOnly}}));
    IAM_VERIFY_OK(m_f->asRoot("AttachRolePolicy", {{"RoleName", "S3Access"}, {"PolicyArn", readOnly}}));
    // What the delete rows can delete: nothing holds them.
    m_f->userWith("idle");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "empty"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "Lonely"}, {"PolicyDocument", kReadBuckets}}));
}

void tst_IamOperations::expectUnchanged(const Account &before)
{
    const std::string changes = changesBetween(before, m_f->account());
    QVERIFY2(changes.empty(), changes.c_str());
}

// ---------------------------------------------------------------- users

void tst_IamOperations::createUser_data()
{
    QTest::addColumn<json>("params");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");
    QTest::addColumn<int>("authorizations");

    const std::string longName(65, 'a');
    QTest::newRow("creates-the-user") << json{{"UserName", "alice"}} << std::string() << std::string() << 1;
    QTest::newRow("name-of-64-characters") << json{{"UserName", std::string(64, 'a')}} << std::string() << std::string()
                                           << 1;
    QTest::newRow("duplicate-name-in-other-case")
        << json{{"UserName", "LAB-USER"}} << std::string("EntityAlreadyExists")
        << std::string("User with name LAB-USER already exists.") << 1;
    QTest::newRow("name-of-65-characters")
        << json{{"UserName", longName}} << std::string("ValidationError")
        << "1 validation error detected: Value '" + longName
            + "' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64"
        << 0;
    QTest::newRow("name-with-a-space")
        << json{{"UserName", "lab user"}} << std::string("ValidationError")
        << std::string("1 validation error detected: Value 'lab user' at 'userName' failed to satisfy constraint: "
                       "Member must satisfy regular expression pattern: [\\w+=,.@-]+")
        << 0;
    QTest::newRow("name-missing")
        << json::object() << std::string("ValidationError")
        << std::string("1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member "
                       "must not be null")
        << 0;
    QTest::newRow("two-errors-reported-together")
        << json{{"UserName", "a b"}, {"Path", "eng"}} << std::string("ValidationError")
        << std::string("2 validation errors detected: Value 'a b' at 'userName' failed to satisfy constraint: Member "
                       "must satisfy regular expression pattern: [\\w+=,.@-]+; Value 'eng' at 'path' failed to "
                       "satisfy constraint: Member must satisfy regular expression pattern: "
                       "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)")
        << 0;
    QTest::newRow("unknown-permissions-boundary")
        << json{{"UserName", "alice"}, {"PermissionsBoundary", "arn:aws:iam::aws:policy/NoSuchPolicy"}}
        << std::string("NoSuchEntity")
        << std::string("Scope ARN: arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.") << 1;
}

void tst_IamOperations::createUser()
{
    QFETCH(json, params);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);
    QFETCH(int, authorizations);

    m_f->userWith("lab-user");
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("CreateUser", params);
    QCOMPARE(r.errorCode, errorCode);
    QCOMPARE(r.errorMessage, errorMessage);
    QCOMPARE(int(r.authorizations.size()), authorizations);
    if (!errorCode.empty()) {
        expectUnchanged(before);
        return;
    }
    QCOMPARE(m_f->account().users().size(), before.users().size() + 1);
    QVERIFY(m_f->account().findUser(params["UserName"].get<std::string>()));
    QCOMPARE(r.authorizations[0].action, std::string("iam:CreateUser"));
    QCOMPARE(r.authorizations[0].resource, kArn + "user/" + params["UserName"].get<std::string>());
}

void tst_IamOperations::createUserResponseMirrorsAws()
{
    const CallResult r = m_f->asRoot("CreateUser", {{"UserName", "alice"}, {"Path", "/eng/"},
                                                    {"PermissionsBoundary", "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                                                    {"Tags", {{{"Key", "team"}, {"Value", "blue"}}}}});
    IAM_VERIFY_OK(r);
    const json &user = r.response["User"];
    QCOMPARE(user["UserName"].get<std::string>(), std::string("alice"));
    QCOMPARE(user["Path"].get<std::string>(), std::string("/eng/"));
    QCOMPARE(user["Arn"].get<std::string>(), kArn + "user/eng/alice");
    QVERIFY(user["UserId"].get<std::string>().starts_with("AIDA"));
    QCOMPARE(user["UserId"].get<std::string>().size(), std::size_t(21));
    QCOMPARE(user["CreateDate"].get<std::string>(), kClock);
    QCOMPARE(user["PermissionsBoundary"], (json{{"PermissionsBoundaryType", "PermissionsBoundaryPolicy"},
                                                {"PermissionsBoundaryArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}));
    QCOMPARE(user["Tags"], (json{{{"Key", "team"}, {"Value", "blue"}}}));
    const User *stored = m_f->account().findUser("alice");
    QVERIFY(stored);
    QCOMPARE(stored->id, user["UserId"].get<std::string>());
    QCOMPARE(stored->permissionsBoundary, std::string("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    // Tagging on creation is also iam:TagUser, with the tags as aws:RequestTag.
    QCOMPARE(r.authorizations.size(), std::size_t(2));
    QCOMPARE(r.authorizations[1].action, std::string("iam:TagUser"));
}

void tst_IamOperations::createUserWithTagsAlsoNeedsTagUser()
{
    const CallerIdentity creator = m_f->userWith("creator", allow("iam:CreateUser"));
    const Account before = m_f->account();
    const CallResult r =
        m_f->iam(creator, "CreateUser", {{"UserName", "alice"}, {"Tags", {{{"Key", "a"}, {"Value", "b"}}}}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, notAuthorized("creator", "iam:TagUser", kArn + "user/alice"));
    QCOMPARE(r.authorizations.size(), std::size_t(2));
    QVERIFY(r.authorizations[0].allowed());
    expectUnchanged(before);
    IAM_VERIFY_OK(m_f->iam(creator, "CreateUser", {{"UserName", "alice"}}));
}

void tst_IamOperations::getUserWithoutNameDescribesTheCaller()
{
    const CallerIdentity self = m_f->userWith("self", allow("iam:GetUser", kArn + "user/${aws:username}"));
    CallResult r = m_f->iam(self, "GetUser");
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["User"]["UserName"].get<std::string>(), std::string("self"));
    QCOMPARE(r.authorizations[0].resource, kArn + "user/self");

    // Another user: the policy's ${aws:username} does not reach it.
    m_f->userWith("other");
    r = m_f->iam(self, "GetUser", {{"UserName", "other"}});
    QCOMPARE(r.errorMessage, notAuthorized("self", "iam:GetUser", kArn + "user/other"));

    r = m_f->asRoot("GetUser");
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["User"]["Arn"].get<std::string>(), kArn + "root");
    QCOMPARE(r.response["User"]["UserId"].get<std::string>(), kAccountId);

    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    r = m_f->iam(CallerIdentity::roleSession("S3Access", "s"), "GetUser");
    QCOMPARE(r.errorCode, std::string("ValidationError"));
    QCOMPARE(r.errorMessage, std::string("Must specify userName when calling with non-User credentials"));

    r = m_f->asRoot("GetUser", {{"UserName", "ghost"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, std::string("The user with name ghost cannot be found."));
}

void tst_IamOperations::listUsersIsSortedAndAuthorizedOnThePath()
{
    m_f->userWith("zed");
    IAM_VERIFY_OK(m_f->asRoot("CreateUser", {{"UserName", "amy"}, {"Path", "/eng/"}}));
    m_f->userWith("bob");
    CallResult r = m_f->asRoot("ListUsers");
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["Users"].size(), std::size_t(3));
    QCOMPARE(r.response["Users"][0]["UserName"].get<std::string>(), std::string("amy"));
    QCOMPARE(r.response["Users"][2]["UserName"].get<std::string>(), std::string("zed"));
    QCOMPARE(r.response["IsTruncated"].get<bool>(), false);
    QVERIFY(!r.response["Users"][0].contains("Tags"));
    QCOMPARE(r.authorizations[0].resource, kArn + "user/");

    r = m_f->asRoot("ListUsers", {{"PathPrefix", "/eng/"}});
    QCOMPARE(r.response["Users"].size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].resource, kArn + "user/eng/");

    r = m_f->asRoot("ListUsers", {{"MaxItems", 2}});
    QCOMPARE(r.response["Users"].size(), std::size_t(2));
    QCOMPARE(r.response["IsTruncated"].get<bool>(), true);
    r = m_f->asRoot("ListUsers", {{"MaxItems", 2}, {"Marker", r.response["Marker"]}});
    QCOMPARE(r.response["Users"].size(), std::size_t(1));
    QCOMPARE(r.response["Users"][0]["UserName"].get<std::string>(), std::string("zed"));
}

void tst_IamOperations::deleteUser_data()
{
    QTest::addColumn<std::string>("holds");
    QTest::addColumn<std::string>("errorMessage");

    QTest::newRow("in-a-group") << std::string("group")
                                << std::string("Cannot delete entity, must remove user from all groups first.");
    QTest::newRow("with-an-attached-policy") << std::string("attached")
                                             << std::string("Cannot delete entity, must detach all policies first.");
    QTest::newRow("with-an-inline-policy") << std::string("inline")
                                           << std::string("Cannot delete entity, must delete policies first.");
}

void tst_IamOperations::deleteUser()
{
    QFETCH(std::string, holds);
    QFETCH(std::string, errorMessage);

    m_f->userWith("alice");
    const json user = {{"UserName", "alice"}};
    if (holds == "group") {
        IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "devs"}}));
        IAM_VERIFY_OK(m_f->asRoot("AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "alice"}}));
    } else if (holds == "attached") {
        IAM_VERIFY_OK(m_f->asRoot("AttachUserPolicy", {{"UserName", "alice"},
                                                       {"PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}));
    } else {
        IAM_VERIFY_OK(m_f->asRoot("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "p"},
                                                    {"PolicyDocument", kReadBuckets}}));
    }
    const Account before = m_f->account();
    CallResult r = m_f->asRoot("DeleteUser", user);
    QCOMPARE(r.errorCode, std::string("DeleteConflict"));
    QCOMPARE(r.errorMessage, errorMessage);
    expectUnchanged(before);

    if (holds == "group")
        IAM_VERIFY_OK(m_f->asRoot("RemoveUserFromGroup", {{"GroupName", "devs"}, {"UserName", "alice"}}));
    else if (holds == "attached")
        IAM_VERIFY_OK(m_f->asRoot("DetachUserPolicy", {{"UserName", "alice"},
                                                       {"PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}}));
    else
        IAM_VERIFY_OK(m_f->asRoot("DeleteUserPolicy", {{"UserName", "alice"}, {"PolicyName", "p"}}));
    IAM_VERIFY_OK(m_f->asRoot("DeleteUser", user));
    QVERIFY(!m_f->account().findUser("alice"));
    r = m_f->asRoot("DeleteUser", user);
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, std::string("The user with name alice cannot be found."));
}

// ---------------------------------------------------------------- groups

void tst_IamOperations::groupMembership()
{
    m_f->userWith("alice");
    CallResult r = m_f->asRoot("CreateGroup", {{"GroupName", "devs"}, {"Path", "/eng/"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["Group"]["Arn"].get<std::string>(), kArn + "group/eng/devs");
    QVERIFY(r.response["Group"]["GroupId"].get<std::string>().starts_with("AGPA"));
    r = m_f->asRoot("CreateGroup", {{"GroupName", "DEVS"}});
    QCOMPARE(r.errorCode, std::string("EntityAlreadyExists"));
    QCOMPARE(r.errorMessage, std::string("Group with name DEVS already exists."));

    IAM_VERIFY_OK(m_f->asRoot("AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "alice"}}));
    // Adding a member again changes nothing.
    IAM_VERIFY_OK(m_f->asRoot("AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "alice"}}));
    QCOMPARE(m_f->account().findUser("alice")->groups, std::vector<std::string>{"devs"});

    r = m_f->asRoot("GetGroup", {{"GroupName", "devs"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["Group"]["GroupName"].get<std::string>(), std::string("devs"));
    QCOMPARE(r.response["Users"].size(), std::size_t(1));
    QCOMPARE(r.response["Users"][0]["UserName"].get<std::string>(), std::string("alice"));

    r = m_f->asRoot("ListGroupsForUser", {{"UserName", "alice"}});
    QCOMPARE(r.response["Groups"].size(), std::size_t(1));
    QCOMPARE(r.response["Groups"][0]["GroupName"].get<std::string>(), std::string("devs"));
    r = m_f->asRoot("ListGroups");
    QCOMPARE(r.response["Groups"].size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].resource, kArn + "group/");

    r = m_f->asRoot("AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "ghost"}});
    QCOMPARE(r.errorMessage, std::string("The user with name ghost cannot be found."));
    r = m_f->asRoot("AddUserToGroup", {{"GroupName", "ops"}, {"UserName", "alice"}});
    QCOMPARE(r.errorMessage, std::string("The group with name ops cannot be found."));

    IAM_VERIFY_OK(m_f->asRoot("RemoveUserFromGroup", {{"GroupName", "devs"}, {"UserName", "alice"}}));
    QVERIFY(m_f->account().findUser("alice")->groups.empty());
}

void tst_IamOperations::groupMembershipIsAuthorizedOnTheGroup()
{
    // list_identityandaccessmanagement.html: AddUserToGroup's resource is the group.
    const CallerIdentity admin = m_f->userWith("admin", allow("iam:AddUserToGroup", kArn + "group/devs"));
    m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "devs"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "admins"}}));
    const CallResult r = m_f->iam(admin, "AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "alice"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.authorizations[0].resource, kArn + "group/devs");
    const Account before = m_f->account();
    const CallResult denied = m_f->iam(admin, "AddUserToGroup", {{"GroupName", "admins"}, {"UserName", "alice"}});
    QCOMPARE(denied.errorMessage, notAuthorized("admin", "iam:AddUserToGroup", kArn + "group/admins"));
    expectUnchanged(before);
}

void tst_IamOperations::removingANonMemberFails()
{
    m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "devs"}}));
    const CallResult r = m_f->asRoot("RemoveUserFromGroup", {{"GroupName", "devs"}, {"UserName", "alice"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, std::string("The user with name alice cannot be found."));
}

void tst_IamOperations::deleteGroup_data()
{
    QTest::addColumn<std::string>("holds");
    QTest::addColumn<std::string>("errorMessage");

    QTest::newRow("with-a-member") << std::string("member")
                                   << std::string("Cannot delete entity, must remove users from group first.");
    QTest::newRow("with-an-attached-policy") << std::string("attached")
                                             << std::string("Cannot delete entity, must detach all policies first.");
    QTest::newRow("with-an-inline-policy") << std::string("inline")
                                           << std::string("Cannot delete entity, must delete policies first.");
}

void tst_IamOperations::deleteGroup()
{
    QFETCH(std::string, holds);
    QFETCH(std::string, errorMessage);

    m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "devs"}}));
    const json group = {{"GroupName", "devs"}};
    const json policyArn = {{"GroupName", "devs"}, {"PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"}};
    if (holds == "member")
        IAM_VERIFY_OK(m_f->asRoot("AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "alice"}}));
    else if (holds == "attached")
        IAM_VERIFY_OK(m_f->asRoot("AttachGroupPolicy", policyArn));
    else
        IAM_VERIFY_OK(m_f->asRoot("PutGroupPolicy", {{"GroupName", "devs"}, {"PolicyName", "p"},
                                                     {"PolicyDocument", kReadBuckets}}));
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("DeleteGroup", group);
    QCOMPARE(r.errorCode, std::string("DeleteConflict"));
    QCOMPARE(r.errorMessage, errorMessage);
    expectUnchanged(before);

    if (holds == "member")
        IAM_VERIFY_OK(m_f->asRoot("RemoveUserFromGroup", {{"GroupName", "devs"}, {"UserName", "alice"}}));
    else if (holds == "attached")
        IAM_VERIFY_OK(m_f->asRoot("DetachGroupPolicy", policyArn));
    else
        IAM_VERIFY_OK(m_f->asRoot("DeleteGroupPolicy", {{"GroupName", "devs"}, {"PolicyName", "p"}}));
    IAM_VERIFY_OK(m_f->asRoot("DeleteGroup", group));
    QVERIFY(!m_f->account().findGroup("devs"));
}

// ---------------------------------------------------------------- roles

void tst_IamOperations::createRole_data()
{
    QTest::addColumn<json>("params");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");

    const json ec2Role = {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}};
    QTest::newRow("creates-the-role") << ec2Role << std::string() << std::string();
    json other = ec2Role;
    other["RoleName"] = "s3access";
    QTest::newRow("duplicate-name-in-other-case")
        << other << std::string("EntityAlreadyExists") << std::string("Role with name s3access already exists.");
    QTest::newRow("trust-policy-not-json")
        << json{{"RoleName", "R"}, {"AssumeRolePolicyDocument", "{\"Version\": \"2012-10-17\",\n \"Statement\": ]}"}}
        << std::string("MalformedPolicyDocument") << std::string("Syntax errors in policy. 2:15: ");
    QTest::newRow("trust-policy-without-principal")
        << json{{"RoleName", "R"}, {"AssumeRolePolicyDocument", R"({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole"}]})"}}
        << std::string("MalformedPolicyDocument") << std::string("Missing required field Principal. 2:13: ");
    QTest::newRow("trust-policy-with-resource")
        << json{{"RoleName", "R"}, {"AssumeRolePolicyDocument", R"({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"},
             "Resource": "*"}]})"}}
        << std::string("MalformedPolicyDocument") << std::string("Has prohibited field Resource. ");
    QTest::newRow("trust-policy-naming-a-missing-user")
        << json{{"RoleName", "R"}, {"AssumeRolePolicyDocument", R"({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "sts:AssumeRole",
             "Principal": {"AWS": "arn:aws:iam::111122223333:user/ghost"}}]})"}}
        << std::string("MalformedPolicyDocument")
        << std::string(R"(Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:user/ghost")");
    QTest::newRow("role-name-of-65-characters")
        << json{{"RoleName", std::string(65, 'r')}, {"AssumeRolePolicyDocument", kEc2Trust}}
        << std::string("ValidationError")
        << "1 validation error detected: Value '" + std::string(65, 'r')
            + "' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64";
    QTest::newRow("max-session-below-an-hour")
        << json{{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}, {"MaxSessionDuration", 600}}
        << std::string("ValidationError")
        << std::string("1 validation error detected: Value '600' at 'maxSessionDuration' failed to satisfy "
                       "constraint: Member must have value greater than or equal to 3600");
    QTest::newRow("trust-policy-missing")
        << json{{"RoleName", "R"}} << std::string("ValidationError")
        << std::string("1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy "
                       "constraint: Member must not be null");
}

void tst_IamOperations::createRole()
{
    QFETCH(json, params);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);

    if (QByteArray(QTest::currentDataTag()) == "duplicate-name-in-other-case")
        IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("CreateRole", params);
    QCOMPARE(r.errorCode, errorCode);
    // Malformed documents end with our own finding; the row gives AWS's lead and the position.
    if (errorCode == "MalformedPolicyDocument")
        QVERIFY2(r.errorMessage.starts_with(errorMessage), r.errorMessage.c_str());
    else
        QCOMPARE(r.errorMessage, errorMessage);
    if (errorCode.empty()) {
        QCOMPARE(m_f->account().roles().size(), before.roles().size() + 1);
        return;
    }
    // Input is checked before anything is authorized.
    QCOMPARE(r.authorizations.size(), std::size_t(errorCode == "EntityAlreadyExists" ? 1 : 0));
    expectUnchanged(before);
}

void tst_IamOperations::createRoleResponseMirrorsAws()
{
    const CallResult r = m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"Path", "/service/"},
                                                    {"AssumeRolePolicyDocument", kEc2Trust},
                                                    {"Description", "Allows EC2 instances to call AWS services."},
                                                    {"MaxSessionDuration", 7200}});
    IAM_VERIFY_OK(r);
    const json &role = r.response["Role"];
    QCOMPARE(role["RoleName"].get<std::string>(), std::string("S3Access"));
    QCOMPARE(role["Arn"].get<std::string>(), kArn + "role/service/S3Access");
    QCOMPARE(role["Path"].get<std::string>(), std::string("/service/"));
    QVERIFY(role["RoleId"].get<std::string>().starts_with("AROA"));
    QCOMPARE(role["CreateDate"].get<std::string>(), kClock);
    QCOMPARE(role["AssumeRolePolicyDocument"], json::parse(kEc2Trust));
    QCOMPARE(role["Description"].get<std::string>(), std::string("Allows EC2 instances to call AWS services."));
    QCOMPARE(role["MaxSessionDuration"].get<int>(), 7200);
    QCOMPARE(r.authorizations.size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].action, std::string("iam:CreateRole"));
    QCOMPARE(r.authorizations[0].resource, kArn + "role/service/S3Access");

    const Role *stored = m_f->account().findRole("S3Access");
    QVERIFY(stored);
    QCOMPARE(stored->trustPolicy, kEc2Trust);   // kept as written
    QCOMPARE(stored->maxSessionDuration, 7200);

    const CallResult got = m_f->asRoot("GetRole", {{"RoleName", "S3Access"}});
    IAM_VERIFY_OK(got);
    QCOMPARE(got.response["Role"]["RoleId"], role["RoleId"]);
    QCOMPARE(got.response["Role"]["RoleLastUsed"], json::object());
    const CallResult listed = m_f->asRoot("ListRoles");
    QCOMPARE(listed.response["Roles"].size(), std::size_t(1));
    QCOMPARE(listed.authorizations[0].resource, kArn + "role/");
}

void tst_IamOperations::updateRole()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(
        m_f->asRoot("UpdateRole", {{"RoleName", "R"}, {"Description", "new"}, {"MaxSessionDuration", 43200}}));
    QCOMPARE(m_f->account().findRole("R")->description, std::string("new"));
    QCOMPARE(m_f->account().findRole("R")->maxSessionDuration, 43200);
    // Leaving a field out leaves it as it was.
    IAM_VERIFY_OK(m_f->asRoot("UpdateRole", {{"RoleName", "R"}, {"MaxSessionDuration", "3600"}}));
    QCOMPARE(m_f->account().findRole("R")->description, std::string("new"));

    const Account before = m_f->account();
    CallResult r = m_f->asRoot("UpdateRole", {{"RoleName", "R"}, {"MaxSessionDuration", 43201}});
    QCOMPARE(r.errorMessage, std::string("1 validation error detected: Value '43201' at 'maxSessionDuration' failed "
                                         "to satisfy constraint: Member must have value less than or equal to 43200"));
    r = m_f->asRoot("UpdateRole", {{"RoleName", "Ghost"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, std::string("The role with name Ghost cannot be found."));
    expectUnchanged(before);
}

void tst_IamOperations::updateAssumeRolePolicy()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    m_f->userWith("alice");
    const std::string trustAlice = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}}]})";
    CallResult r = m_f->asRoot("UpdateAssumeRolePolicy", {{"RoleName", "R"}, {"PolicyDocument", trustAlice}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.authorizations[0].action, std::string("iam:UpdateAssumeRolePolicy"));
    QCOMPARE(m_f->account().findRole("R")->trustPolicy, trustAlice);

    const Account before = m_f->account();
    r = m_f->asRoot("UpdateAssumeRolePolicy", {{"RoleName", "R"}, {"PolicyDocument", kReadBuckets}});
    QCOMPARE(r.errorCode, std::string("MalformedPolicyDocument"));
    QVERIFY2(r.errorMessage.starts_with("Missing required field Principal."), r.errorMessage.c_str());
    QVERIFY(r.authorizations.empty());
    expectUnchanged(before);
}

void tst_IamOperations::deleteRole_data()
{
    QTest::addColumn<std::string>("holds");
    QTest::addColumn<std::string>("errorMessage");

    QTest::newRow("in-an-instance-profile")
        << std::string("profile")
        << std::string("Cannot delete entity, must remove roles from instance profile first.");
    QTest::newRow("with-an-attached-policy") << std::string("attached")
                                             << std::string("Cannot delete entity, must detach all policies first.");
    QTest::newRow("with-an-inline-policy") << std::string("inline")
                                           << std::string("Cannot delete entity, must delete policies first.");
}

void tst_IamOperations::deleteRole()
{
    QFETCH(std::string, holds);
    QFETCH(std::string, errorMessage);

    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    const json role = {{"RoleName", "S3Access"}};
    const json profile = {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}};
    const json attached = {{"RoleName", "S3Access"}, {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}};
    const json inlinePolicy = {{"RoleName", "S3Access"}, {"PolicyName", "p"}};
    if (holds == "profile") {
        IAM_VERIFY_OK(m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}));
        IAM_VERIFY_OK(m_f->asRoot("AddRoleToInstanceProfile", profile));
    } else if (holds == "attached") {
        IAM_VERIFY_OK(m_f->asRoot("AttachRolePolicy", attached));
    } else {
        json put = inlinePolicy;
        put["PolicyDocument"] = kReadBuckets;
        IAM_VERIFY_OK(m_f->asRoot("PutRolePolicy", put));
    }
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("DeleteRole", role);
    QCOMPARE(r.errorCode, std::string("DeleteConflict"));
    QCOMPARE(r.errorMessage, errorMessage);
    expectUnchanged(before);

    if (holds == "profile")
        IAM_VERIFY_OK(m_f->asRoot("RemoveRoleFromInstanceProfile", profile));
    else if (holds == "attached")
        IAM_VERIFY_OK(m_f->asRoot("DetachRolePolicy", attached));
    else
        IAM_VERIFY_OK(m_f->asRoot("DeleteRolePolicy", inlinePolicy));
    IAM_VERIFY_OK(m_f->asRoot("DeleteRole", role));
    QVERIFY(!m_f->account().findRole("S3Access"));
}

void tst_IamOperations::roleSessionActsWithItsRolesPolicies()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Auditor"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("PutRolePolicy", {{"RoleName", "Auditor"}, {"PolicyName", "list"},
                                                {"PolicyDocument", allow("iam:ListRoles")}}));
    const CallerIdentity session = CallerIdentity::roleSession("Auditor", "audit");
    IAM_VERIFY_OK(m_f->iam(session, "ListRoles"));
    const CallResult r = m_f->iam(session, "ListUsers");
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, "User: arn:aws:sts::111122223333:assumed-role/Auditor/audit is not authorized to "
                             "perform: iam:ListUsers on resource: " + kArn
                                 + "user/ because no identity-based policy allows the iam:ListUsers action");
}

// ---------------------------------------------------------------- instance profiles

void tst_IamOperations::instanceProfileLifecycle()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    CallResult r = m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"Path", "/ec2/"}});
    IAM_VERIFY_OK(r);
    const json &profile = r.response["InstanceProfile"];
    QCOMPARE(profile["Arn"].get<std::string>(), kArn + "instance-profile/ec2/S3Access");
    QVERIFY(profile["InstanceProfileId"].get<std::string>().starts_with("AIPA"));
    QCOMPARE(profile["Roles"], json::array());
    r = m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "s3access"}});
    QCOMPARE(r.errorCode, std::string("EntityAlreadyExists"));
    QCOMPARE(r.errorMessage, std::string("Instance Profile s3access already exists."));

    IAM_VERIFY_OK(
        m_f->asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}}));
    r = m_f->asRoot("GetInstanceProfile", {{"InstanceProfileName", "S3Access"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["InstanceProfile"]["Roles"].size(), std::size_t(1));
    QCOMPARE(r.response["InstanceProfile"]["Roles"][0]["RoleName"].get<std::string>(), std::string("S3Access"));
    QCOMPARE(r.authorizations[0].resource, kArn + "instance-profile/ec2/S3Access");

    r = m_f->asRoot("ListInstanceProfiles");
    QCOMPARE(r.response["InstanceProfiles"].size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].resource, kArn + "instance-profile/");
    r = m_f->asRoot("ListInstanceProfilesForRole", {{"RoleName", "S3Access"}});
    QCOMPARE(r.response["InstanceProfiles"].size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].resource, kArn + "role/S3Access");

    r = m_f->asRoot("GetInstanceProfile", {{"InstanceProfileName", "Ghost"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, std::string("Instance Profile Ghost cannot be found."));
}

void tst_IamOperations::addRoleToInstanceProfile_data()
{
    QTest::addColumn<std::string>("policy");
    QTest::addColumn<std::string>("errorMessage");
    QTest::addColumn<int>("authorizations");

    const std::string profileArn = kArn + "instance-profile/S3Access";
    const std::string roleArn = kArn + "role/S3Access";
    const auto both = [&](const std::string &passRoleResource) {
        return json{{"Version", "2012-10-17"},
                    {"Statement", {{{"Effect", "Allow"}, {"Action", "iam:AddRoleToInstanceProfile"}, {"Resource", "*"}},
                                   {{"Effect", "Allow"}, {"Action", "iam:PassRole"}, {"Resource", passRoleResource}}}}}
            .dump();
    };
    QTest::newRow("both-allowed") << both(roleArn) << std::string() << 2;
    QTest::newRow("passrole-on-another-role")
        << both(kArn + "role/Other") << notAuthorized("alice", "iam:PassRole", roleArn) << 2;
    QTest::newRow("no-passrole") << allow("iam:AddRoleToInstanceProfile")
                                 << notAuthorized("alice", "iam:PassRole", roleArn) << 2;
    QTest::newRow("only-passrole") << allow("iam:PassRole")
                                   << notAuthorized("alice", "iam:AddRoleToInstanceProfile", profileArn) << 1;
}

void tst_IamOperations::addRoleToInstanceProfile()
{
    QFETCH(std::string, policy);
    QFETCH(std::string, errorMessage);
    QFETCH(int, authorizations);

    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}));
    const CallerIdentity alice = m_f->userWith("alice", policy);
    const Account before = m_f->account();
    const CallResult r = m_f->iam(alice, "AddRoleToInstanceProfile",
                                  {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}});
    QCOMPARE(r.errorMessage, errorMessage);
    QCOMPARE(int(r.authorizations.size()), authorizations);
    QCOMPARE(r.authorizations[0].action, std::string("iam:AddRoleToInstanceProfile"));
    if (authorizations == 2) {
        // AWS supplies no iam:PassedToService with this PassRole.
        QCOMPARE(r.authorizations[1].action, std::string("iam:PassRole"));
        QCOMPARE(r.authorizations[1].resource, kArn + "role/S3Access");
    }
    if (errorMessage.empty()) {
        QCOMPARE(m_f->account().findInstanceProfile("S3Access")->role, std::string("S3Access"));
    } else {
        QCOMPARE(r.errorCode, std::string("AccessDenied"));
        expectUnchanged(before);
    }
}

void tst_IamOperations::instanceProfileHoldsOneRole()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "A"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "B"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "P"}}));
    IAM_VERIFY_OK(m_f->asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", "A"}}));
    const Account before = m_f->account();
    for (const char *role : {"A", "B"}) {
        const CallResult r =
            m_f->asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", role}});
        QCOMPARE(r.errorCode, std::string("LimitExceeded"));
        QCOMPARE(r.errorMessage, std::string("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1"));
    }
    const CallResult r = m_f->asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", "Ghost"}});
    QCOMPARE(r.errorMessage, std::string("The role with name Ghost cannot be found."));
    expectUnchanged(before);
}

void tst_IamOperations::removeRoleFromInstanceProfile()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "A"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "P"}}));
    CallResult r = m_f->asRoot("RemoveRoleFromInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", "A"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, std::string("The role with name A cannot be found."));
    IAM_VERIFY_OK(m_f->asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", "A"}}));
    r = m_f->asRoot("RemoveRoleFromInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", "A"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.authorizations[0].resource, kArn + "instance-profile/P");
    QVERIFY(m_f->account().findInstanceProfile("P")->role.empty());
}

void tst_IamOperations::deleteInstanceProfileHoldingARole()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "A"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateInstanceProfile", {{"InstanceProfileName", "P"}}));
    IAM_VERIFY_OK(m_f->asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", "A"}}));
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("DeleteInstanceProfile", {{"InstanceProfileName", "P"}});
    QCOMPARE(r.errorCode, std::string("DeleteConflict"));
    QCOMPARE(r.errorMessage, std::string("Cannot delete entity, must remove roles from instance profile first."));
    expectUnchanged(before);
    IAM_VERIFY_OK(m_f->asRoot("RemoveRoleFromInstanceProfile", {{"InstanceProfileName", "P"}, {"RoleName", "A"}}));
    IAM_VERIFY_OK(m_f->asRoot("DeleteInstanceProfile", {{"InstanceProfileName", "P"}}));
    QVERIFY(m_f->account().instanceProfiles().empty());
}

// ---------------------------------------------------------------- tags

void tst_IamOperations::tagsMergeCaseInsensitively()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust},
                                             {"Tags", {{{"Key", "Team"}, {"Value", "blue"}}}}}));
    IAM_VERIFY_OK(m_f->asRoot("TagRole", {{"RoleName", "R"}, {"Tags", {{{"Key", "team"}, {"Value", "red"}},
                                                                       {{"Key", "env"}, {"Value", "lab"}}}}}));
    CallResult r = m_f->asRoot("ListRoleTags", {{"RoleName", "R"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["Tags"], (json{{{"Key", "team"}, {"Value", "red"}}, {{"Key", "env"}, {"Value", "lab"}}}));
    QCOMPARE(r.authorizations[0].action, std::string("iam:ListRoleTags"));
    IAM_VERIFY_OK(m_f->asRoot("UntagRole", {{"RoleName", "R"}, {"TagKeys", {"TEAM"}}}));
    QCOMPARE(m_f->account().findRole("R")->tags, (std::vector<Tag>{{"env", "lab"}}));

    m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("TagUser", {{"UserName", "alice"}, {"Tags", {{{"Key", "k"}, {"Value", "v"}}}}}));
    r = m_f->asRoot("ListUserTags", {{"UserName", "alice"}});
    QCOMPARE(r.response["Tags"], (json{{{"Key", "k"}, {"Value", "v"}}}));
    IAM_VERIFY_OK(m_f->asRoot("UntagUser", {{"UserName", "alice"}, {"TagKeys", {"k"}}}));
    QVERIFY(m_f->account().findUser("alice")->tags.empty());
}

void tst_IamOperations::tagErrors_data()
{
    QTest::addColumn<json>("tags");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");

    QTest::newRow("duplicate-keys-in-other-case")
        << json{{{"Key", "team"}, {"Value", "a"}}, {{"Key", "TEAM"}, {"Value", "b"}}} << std::string("InvalidInput")
        << std::string("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    QTest::newRow("key-of-129-characters")
        << json{{{"Key", std::string(129, 'k')}, {"Value", "a"}}} << std::string("ValidationError")
        << "1 validation error detected: Value '" + std::string(129, 'k')
               + "' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to "
                 "128";
    QTest::newRow("value-with-a-bracket")
        << json{{{"Key", "k"}, {"Value", "a<b"}}} << std::string("ValidationError")
        << std::string("1 validation error detected: Value 'a<b' at 'tags.1.member.value' failed to satisfy "
                       "constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    json fifty = json::array();
    for (int i = 0; i < 50; ++i)
        fifty.push_back({{"Key", "k" + std::to_string(i)}, {"Value", "v"}});
    QTest::newRow("more-than-fifty-on-the-role")
        << fifty << std::string("LimitExceeded") << std::string("Cannot exceed quota for TagsPerRole: 50");
}

void tst_IamOperations::tagErrors()
{
    QFETCH(json, tags);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);

    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust},
                                             {"Tags", {{{"Key", "existing"}, {"Value", "1"}}}}}));
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("TagRole", {{"RoleName", "R"}, {"Tags", tags}});
    QCOMPARE(r.errorCode, errorCode);
    QCOMPARE(r.errorMessage, errorMessage);
    expectUnchanged(before);
}

void tst_IamOperations::resourceTagsReachConditions()
{
    // Roles carry their tags into the request as aws:ResourceTag (access_tags.md).
    const CallerIdentity alice = m_f->userWith(
        "alice", allow("iam:GetRole", "*", {{"StringEquals", {{"aws:ResourceTag/team", "blue"}}}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Blue"}, {"AssumeRolePolicyDocument", kEc2Trust},
                                             {"Tags", {{{"Key", "team"}, {"Value", "blue"}}}}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "Red"}, {"AssumeRolePolicyDocument", kEc2Trust},
                                             {"Tags", {{{"Key", "team"}, {"Value", "red"}}}}}));
    IAM_VERIFY_OK(m_f->iam(alice, "GetRole", {{"RoleName", "Blue"}}));
    QCOMPARE(m_f->iam(alice, "GetRole", {{"RoleName", "Red"}}).errorCode, std::string("AccessDenied"));

    // aws:RequestTag on creation: alice may create only roles tagged for her team.
    const CallerIdentity bob = m_f->userWith(
        "bob", json{{"Version", "2012-10-17"},
                    {"Statement",
                     {{{"Effect", "Allow"},
                       {"Action", {"iam:CreateRole", "iam:TagRole"}},
                       {"Resource", "*"},
                       {"Condition", {{"StringEquals", {{"aws:RequestTag/team", "blue"}}}}}}}}}
                   .dump());
    const json tagged = {{"RoleName", "Mine"}, {"AssumeRolePolicyDocument", kEc2Trust},
                         {"Tags", {{{"Key", "team"}, {"Value", "blue"}}}}};
    IAM_VERIFY_OK(m_f->iam(bob, "CreateRole", tagged));
    const CallResult r =
        m_f->iam(bob, "CreateRole", {{"RoleName", "Untagged"}, {"AssumeRolePolicyDocument", kEc2Trust}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QVERIFY(!m_f->account().findRole("Untagged"));
}

// ---------------------------------------------------------------- every operation

void tst_IamOperations::deniedCallsChangeNothing_data()
{
    QTest::addColumn<std::string>("operation");
    QTest::addColumn<json>("params");
    QTest::addColumn<std::string>("action");
    QTest::addColumn<std::string>("resource");

    const std::string policyArn = kArn + "policy/MyPolicy";
    const std::string awsPolicy = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    const auto row = [](const char *operation, json params, std::string resource) {
        QTest::newRow(operation) << std::string(operation) << std::move(params) << "iam:" + std::string(operation)
                                 << std::move(resource);
    };
    row("CreateUser", {{"UserName", "eve"}, {"Path", "/eng/"}}, kArn + "user/eng/eve");
    row("GetUser", {{"UserName", "lab-user"}}, kArn + "user/lab-user");
    row("ListUsers", json::object(), kArn + "user/");
    row("DeleteUser", {{"UserName", "idle"}}, kArn + "user/idle");
    row("CreateGroup", {{"GroupName", "ops"}}, kArn + "group/ops");
    row("GetGroup", {{"GroupName", "devs"}}, kArn + "group/devs");
    row("ListGroups", {{"PathPrefix", "/x/"}}, kArn + "group/x/");
    row("DeleteGroup", {{"GroupName", "empty"}}, kArn + "group/empty");
    row("AddUserToGroup", {{"GroupName", "devs"}, {"UserName", "nobody"}}, kArn + "group/devs");
    row("RemoveUserFromGroup", {{"GroupName", "devs"}, {"UserName", "lab-user"}}, kArn + "group/devs");
    row("ListGroupsForUser", {{"UserName", "lab-user"}}, kArn + "user/lab-user");
    row("CreateRole", {{"RoleName", "New"}, {"AssumeRolePolicyDocument", kEc2Trust}}, kArn + "role/New");
    row("GetRole", {{"RoleName", "Reporting"}}, kArn + "role/service/Reporting");
    row("ListRoles", json::object(), kArn + "role/");
    row("UpdateRole", {{"RoleName", "Reporting"}, {"Description", "x"}}, kArn + "role/service/Reporting");
    row("UpdateAssumeRolePolicy", {{"RoleName", "S3Access"}, {"PolicyDocument", kEc2Trust}}, kArn + "role/S3Access");
    row("DeleteRole", {{"RoleName", "Reporting"}}, kArn + "role/service/Reporting");
    row("CreatePolicy", {{"PolicyName", "New"}, {"PolicyDocument", kReadBuckets}}, kArn + "policy/New");
    row("GetPolicy", {{"PolicyArn", policyArn}}, policyArn);
    row("ListPolicies", {{"Scope", "Local"}}, kArn + "policy/");
    row("DeletePolicy", {{"PolicyArn", kArn + "policy/Lonely"}}, kArn + "policy/Lonely");
    row("GetPolicyVersion", {{"PolicyArn", policyArn}, {"VersionId", "v1"}}, policyArn);
    row("ListPolicyVersions", {{"PolicyArn", policyArn}}, policyArn);
    row("CreatePolicyVersion", {{"PolicyArn", policyArn}, {"PolicyDocument", kReadBuckets}}, policyArn);
    row("SetDefaultPolicyVersion", {{"PolicyArn", policyArn}, {"VersionId", "v2"}}, policyArn);
    row("DeletePolicyVersion", {{"PolicyArn", policyArn}, {"VersionId", "v2"}}, policyArn);
    row("ListEntitiesForPolicy", {{"PolicyArn", awsPolicy}}, awsPolicy);
    row("AttachUserPolicy", {{"UserName", "lab-user"}, {"PolicyArn", awsPolicy}}, kArn + "user/lab-user");
    row("DetachUserPolicy", {{"UserName", "lab-user"}, {"PolicyArn", awsPolicy}}, kArn + "user/lab-user");
    row("ListAttachedUserPolicies", {{"UserName", "lab-user"}}, kArn + "user/lab-user");
    row("AttachGroupPolicy", {{"GroupName", "devs"}, {"PolicyArn", awsPolicy}}, kArn + "group/devs");
    row("DetachGroupPolicy", {{"GroupName", "devs"}, {"PolicyArn", awsPolicy}}, kArn + "group/devs");
    row("ListAttachedGroupPolicies", {{"GroupName", "devs"}}, kArn + "group/devs");
    row("AttachRolePolicy", {{"RoleName", "Reporting"}, {"PolicyArn", awsPolicy}}, kArn + "role/service/Reporting");
    row("DetachRolePolicy", {{"RoleName", "S3Access"}, {"PolicyArn", awsPolicy}}, kArn + "role/S3Access");
    row("ListAttachedRolePolicies", {{"RoleName", "S3Access"}}, kArn + "role/S3Access");
    row("PutUserPolicy", {{"UserName", "lab-user"}, {"PolicyName", "p"}, {"PolicyDocument", kReadBuckets}},
        kArn + "user/lab-user");
    row("GetUserPolicy", {{"UserName", "lab-user"}, {"PolicyName", "p"}}, kArn + "user/lab-user");
    row("ListUserPolicies", {{"UserName", "lab-user"}}, kArn + "user/lab-user");
    row("DeleteUserPolicy", {{"UserName", "lab-user"}, {"PolicyName", "p"}}, kArn + "user/lab-user");
    row("PutGroupPolicy", {{"GroupName", "devs"}, {"PolicyName", "p"}, {"PolicyDocument", kReadBuckets}},
        kArn + "group/devs");
    row("GetGroupPolicy", {{"GroupName", "devs"}, {"PolicyName", "p"}}, kArn + "group/devs");
    row("ListGroupPolicies", {{"GroupName", "devs"}}, kArn + "group/devs");
    row("DeleteGroupPolicy", {{"GroupName", "devs"}, {"PolicyName", "p"}}, kArn + "group/devs");
    row("PutRolePolicy", {{"RoleName", "S3Access"}, {"PolicyName", "p"}, {"PolicyDocument", kReadBuckets}},
        kArn + "role/S3Access");
    row("GetRolePolicy", {{"RoleName", "S3Access"}, {"PolicyName", "inline"}}, kArn + "role/S3Access");
    row("ListRolePolicies", {{"RoleName", "S3Access"}}, kArn + "role/S3Access");
    row("DeleteRolePolicy", {{"RoleName", "S3Access"}, {"PolicyName", "inline"}}, kArn + "role/S3Access");
    row("PutUserPermissionsBoundary", {{"UserName", "lab-user"}, {"PermissionsBoundary", awsPolicy}},
        kArn + "user/lab-user");
    row("DeleteUserPermissionsBoundary", {{"UserName", "lab-user"}}, kArn + "user/lab-user");
    row("PutRolePermissionsBoundary", {{"RoleName", "S3Access"}, {"PermissionsBoundary", awsPolicy}},
        kArn + "role/S3Access");
    row("DeleteRolePermissionsBoundary", {{"RoleName", "S3Access"}}, kArn + "role/S3Access");
    row("CreateInstanceProfile", {{"InstanceProfileName", "New"}}, kArn + "instance-profile/New");
    row("GetInstanceProfile", {{"InstanceProfileName", "S3Access"}}, kArn + "instance-profile/S3Access");
    row("ListInstanceProfiles", json::object(), kArn + "instance-profile/");
    row("ListInstanceProfilesForRole", {{"RoleName", "S3Access"}}, kArn + "role/S3Access");
    row("DeleteInstanceProfile", {{"InstanceProfileName", "Spare"}}, kArn + "instance-profile/Spare");
    row("AddRoleToInstanceProfile", {{"InstanceProfileName", "Spare"}, {"RoleName", "Reporting"}},
        kArn + "instance-profile/Spare");
    row("RemoveRoleFromInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}},
        kArn + "instance-profile/S3Access");
    row("TagUser", {{"UserName", "lab-user"}, {"Tags", {{{"Key", "k"}, {"Value", "v"}}}}}, kArn + "user/lab-user");
    row("UntagUser", {{"UserName", "lab-user"}, {"TagKeys", {"team"}}}, kArn + "user/lab-user");
    row("ListUserTags", {{"UserName", "lab-user"}}, kArn + "user/lab-user");
    row("TagRole", {{"RoleName", "S3Access"}, {"Tags", {{{"Key", "k"}, {"Value", "v"}}}}}, kArn + "role/S3Access");
    row("UntagRole", {{"RoleName", "S3Access"}, {"TagKeys", {"team"}}}, kArn + "role/S3Access");
    row("ListRoleTags", {{"RoleName", "S3Access"}}, kArn + "role/S3Access");
}

void tst_IamOperations::deniedCallsChangeNothing()
{
    QFETCH(std::string, operation);
    QFETCH(json, params);
    QFETCH(std::string, action);
    QFETCH(std::string, resource);

    populate();
    const Account before = m_f->account();
    const CallResult r = m_f->iam(CallerIdentity::user("nobody"), operation, params);
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, notAuthorized("nobody", action, resource));
    QCOMPARE(r.authorizations.size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].action, action);
    QCOMPARE(r.authorizations[0].resource, resource);
    QVERIFY(r.response.empty());
    expectUnchanged(before);

    // The refusal is on record, with the resource it concerned.
    const Event &event = m_f->account().eventLog().events().back();
    QCOMPARE(event.action, "iam:" + operation);
    QVERIFY(!event.allowed);
    QCOMPARE(event.errorCode, std::string("AccessDenied"));
    QCOMPARE(event.resources, std::vector<std::string>{resource});

    // The same call by the account's root user goes through (read calls answer).
    IAM_VERIFY_OK(m_f->asRoot(operation, params));
}

void tst_IamOperations::invalidCallsChangeNothing_data()
{
    QTest::addColumn<std::string>("operation");
    QTest::addColumn<json>("params");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");

    const auto constraint = [](const std::string &value, const char *at, const std::string &rule) {
        return "1 validation error detected: Value '" + value + "' at '" + at + "' failed to satisfy constraint: "
            + rule;
    };
    const std::string group129(129, 'g');
    QTest::newRow("group-name-of-129-characters")
        << std::string("CreateGroup") << json{{"GroupName", group129}} << std::string("ValidationError")
        << constraint(group129, "groupName", "Member must have length less than or equal to 128");
    const std::string profile129(129, 'p');
    QTest::newRow("instance-profile-name-of-129-characters")
        << std::string("CreateInstanceProfile") << json{{"InstanceProfileName", profile129}}
        << std::string("ValidationError")
        << constraint(profile129, "instanceProfileName", "Member must have length less than or equal to 128");
    const std::string policy129(129, 'p');
    QTest::newRow("policy-name-of-129-characters")
        << std::string("CreatePolicy") << json{{"PolicyName", policy129}, {"PolicyDocument", kReadBuckets}}
        << std::string("ValidationError")
        << constraint(policy129, "policyName", "Member must have length less than or equal to 128");
    QTest::newRow("role-name-with-a-slash")
        << std::string("GetRole") << json{{"RoleName", "a/b"}} << std::string("ValidationError")
        << constraint("a/b", "roleName", "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    QTest::newRow("empty-user-name")
        << std::string("DeleteUser") << json{{"UserName", ""}} << std::string("ValidationError")
        << std::string("2 validation errors detected: Value '' at 'userName' failed to satisfy constraint: Member "
                       "must have length greater than or equal to 1; Value '' at 'userName' failed to satisfy "
                       "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    QTest::newRow("policy-version-id-without-v")
        << std::string("SetDefaultPolicyVersion") << json{{"PolicyArn", kArn + "policy/MyPolicy"}, {"VersionId", "2"}}
        << std::string("ValidationError")
        << constraint("2", "versionId",
                      "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    QTest::newRow("policy-arn-too-short")
        << std::string("AttachRolePolicy") << json{{"RoleName", "S3Access"}, {"PolicyArn", "arn:aws:iam"}}
        << std::string("ValidationError")
        << constraint("arn:aws:iam", "policyArn", "Member must have length greater than or equal to 20");
    QTest::newRow("unknown-scope")
        << std::string("ListPolicies") << json{{"Scope", "Mine"}} << std::string("ValidationError")
        << constraint("Mine", "scope", "Member must satisfy enum value set: [All, AWS, Local]");
    QTest::newRow("max-items-zero")
        << std::string("ListRoles") << json{{"MaxItems", 0}} << std::string("ValidationError")
        << constraint("0", "maxItems", "Member must have value greater than or equal to 1");
    QTest::newRow("tag-keys-missing")
        << std::string("UntagRole") << json{{"RoleName", "S3Access"}} << std::string("ValidationError")
        << std::string("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member "
                       "must not be null");
    QTest::newRow("inline-policy-naming-a-principal")
        << std::string("PutUserPolicy")
        << json{{"UserName", "lab-user"},
                {"PolicyName", "p"},
                {"PolicyDocument", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Principal": "*", "Action": "s3:*", "Resource": "*"}]})"}}
        << std::string("MalformedPolicyDocument")
        << std::string("Policy document should not specify a principal. 2:33: ");
    QTest::newRow("managed-policy-with-bad-json")
        << std::string("CreatePolicyVersion")
        << json{{"PolicyArn", kArn + "policy/MyPolicy"}, {"PolicyDocument", "{\"Version\": \"2012-10-17\",}"}}
        << std::string("MalformedPolicyDocument") << std::string("Syntax errors in policy. 1:26: ");
    QTest::newRow("policy-without-resource")
        << std::string("CreatePolicy")
        << json{{"PolicyName", "P"}, {"PolicyDocument", R"({"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": "s3:*"}]})"}}
        << std::string("MalformedPolicyDocument") << std::string("Missing required field Resource. 2:20: ");
}

void tst_IamOperations::invalidCallsChangeNothing()
{
    QFETCH(std::string, operation);
    QFETCH(json, params);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);

    populate();
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot(operation, params);
    QCOMPARE(r.errorCode, errorCode);
    if (errorCode == "MalformedPolicyDocument")
        QVERIFY2(r.errorMessage.starts_with(errorMessage) && r.errorMessage.size() > errorMessage.size(),
                 r.errorMessage.c_str());
    else
        QCOMPARE(r.errorMessage, errorMessage);
    // Input is checked before anything is authorized.
    QVERIFY(r.authorizations.empty());
    expectUnchanged(before);
}

void tst_IamOperations::observersHearOfEachChange()
{
    ChangeRecorder recorder;
    m_f->account().addObserver(&recorder);
    m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("DeleteRole", {{"RoleName", "R"}}));
    m_f->asRoot("DeleteRole", {{"RoleName", "R"}});   // refused: nothing to hear
    m_f->account().removeObserver(&recorder);

    using Change = AccountChange;
    QCOMPARE(recorder.changes.size(), std::size_t(3));
    QCOMPARE(recorder.changes[0].kind, Change::Kind::Added);
    QCOMPARE(recorder.changes[0].entity, Change::Entity::User);
    QCOMPARE(recorder.changes[0].name, std::string("alice"));
    QCOMPARE(recorder.changes[1].entity, Change::Entity::Role);
    QCOMPARE(recorder.changes[2].kind, Change::Kind::Removed);
    QCOMPARE(recorder.changes[2].name, std::string("R"));
}

QTEST_APPLESS_MAIN(tst_IamOperations)
#include "tst_IamOperations.moc"
