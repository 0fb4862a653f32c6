// The IAM operations on policies (IamPolicyOperations.cpp): customer-managed
// policies and their versions, attaching managed policies, inline policies and
// permissions boundaries.

#include "IamFixture.h"

#include <memory>

using namespace iam;
using namespace iam::testing;
using json = nlohmann::json;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(nlohmann::json)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

const std::string kReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const std::string kS3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
const std::string kMyPolicy = "arn:aws:iam::111122223333:policy/MyPolicy";

// A document with `padding` more non-blank characters than a one-statement policy.
std::string paddedPolicy(std::size_t padding)
{
    return allow("s3:GetObject", "arn:aws:s3:::" + std::string(padding, 'b') + "/*");
}

} // namespace

class tst_IamPolicyOperations : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void createPolicyResponseMirrorsAws();
    void createPolicy_data();
    void createPolicy();
    void policyDocumentMayBeGivenAsAnObject();
    void getPolicy_data();
    void getPolicy();
    void listPolicies_data();
    void listPolicies();
    void policyVersions();
    void policyVersionLimit();
    void deletePolicy_data();
    void deletePolicy();
    void awsManagedPoliciesBelongToAws_data();
    void awsManagedPoliciesBelongToAws();

    void attachAndDetach_data();
    void attachAndDetach();
    void attachmentQuota();
    void policyArnConditionLimitsAttachments();

    void inlinePolicies_data();
    void inlinePolicies();
    void inlinePolicySizeQuota();

    void permissionsBoundaries_data();
    void permissionsBoundaries();
    void boundaryLimitsWhatPoliciesGrant();
    void boundaryConditionDelegatesUserCreation();

    void listEntitiesForPolicy();

private:
    void expectUnchanged(const Account &before);

    std::unique_ptr<IamFixture> m_f;
};

void tst_IamPolicyOperations::init()
{
    m_f = std::make_unique<IamFixture>();
}

void tst_IamPolicyOperations::expectUnchanged(const Account &before)
{
    const std::string changes = changesBetween(before, m_f->account());
    QVERIFY2(changes.empty(), changes.c_str());
}

// ---------------------------------------------------------------- managed policies

void tst_IamPolicyOperations::createPolicyResponseMirrorsAws()
{
    const CallResult r = m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"Path", "/team/"},
                                                      {"PolicyDocument", kReadBuckets}, {"Description", "Buckets"}});
    IAM_VERIFY_OK(r);
    const json &policy = r.response["Policy"];
    QCOMPARE(policy["PolicyName"].get<std::string>(), std::string("MyPolicy"));
    QCOMPARE(policy["Arn"].get<std::string>(), kArn + "policy/team/MyPolicy");
    QCOMPARE(policy["Path"].get<std::string>(), std::string("/team/"));
    QVERIFY(policy["PolicyId"].get<std::string>().starts_with("ANPA"));
    QCOMPARE(policy["DefaultVersionId"].get<std::string>(), std::string("v1"));
    QCOMPARE(policy["AttachmentCount"].get<int>(), 0);
    QCOMPARE(policy["PermissionsBoundaryUsageCount"].get<int>(), 0);
    QCOMPARE(policy["IsAttachable"].get<bool>(), true);
    QCOMPARE(policy["CreateDate"].get<std::string>(), kClock);
    QCOMPARE(policy["UpdateDate"].get<std::string>(), kClock);
    QCOMPARE(r.authorizations.size(), std::size_t(1));
    QCOMPARE(r.authorizations[0].action, std::string("iam:CreatePolicy"));
    QCOMPARE(r.authorizations[0].resource, kArn + "policy/team/MyPolicy");

    const ManagedPolicy *stored = m_f->account().findPolicy(kArn + "policy/team/MyPolicy");
    QVERIFY(stored);
    QCOMPARE(stored->versions.size(), std::size_t(1));
    QCOMPARE(stored->versions[0].document, kReadBuckets);
    QCOMPARE(stored->description, std::string("Buckets"));
    QCOMPARE(m_f->account().managedPolicyDocument(kArn + "policy/team/MyPolicy"), std::optional(kReadBuckets));
}

void tst_IamPolicyOperations::createPolicy_data()
{
    QTest::addColumn<json>("params");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");
    QTest::addColumn<int>("authorizations");

    QTest::newRow("duplicate-name-in-other-case-and-path")
        << json{{"PolicyName", "mypolicy"}, {"Path", "/other/"}, {"PolicyDocument", kReadBuckets}}
        << std::string("EntityAlreadyExists")
        << std::string("A policy called mypolicy already exists. Duplicate names are not allowed.") << 1;
    // The quota counts characters other than whitespace.
    QTest::newRow("document-over-6144-characters")
        << json{{"PolicyName", "Big"}, {"PolicyDocument", paddedPolicy(6144)}} << std::string("LimitExceeded")
        << std::string("Cannot exceed quota for PolicySize: 6144") << 1;
    QTest::newRow("document-within-6144-characters")
        << json{{"PolicyName", "Big"}, {"PolicyDocument", paddedPolicy(6000)}} << std::string() << std::string() << 1;
    QTest::newRow("with-tags-also-tag-policy")
        << json{{"PolicyName", "Tagged"}, {"PolicyDocument", kReadBuckets}, {"Tags", {{{"Key", "k"}, {"Value", "v"}}}}}
        << std::string() << std::string() << 2;
}

void tst_IamPolicyOperations::createPolicy()
{
    QFETCH(json, params);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);
    QFETCH(int, authorizations);

    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", kReadBuckets}}));
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("CreatePolicy", params);
    QCOMPARE(r.errorCode, errorCode);
    QCOMPARE(r.errorMessage, errorMessage);
    QCOMPARE(int(r.authorizations.size()), authorizations);
    if (errorCode.empty())
        QCOMPARE(m_f->account().policies().size(), std::size_t(2));
    else
        expectUnchanged(before);
}

void tst_IamPolicyOperations::policyDocumentMayBeGivenAsAnObject()
{
    // A console hands over the object; IAM keeps text.
    const json document = json::parse(kReadBuckets);
    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", document}}));
    QCOMPARE(json::parse(m_f->account().policies()[0].versions[0].document), document);
}

void tst_IamPolicyOperations::getPolicy_data()
{
    QTest::addColumn<std::string>("arn");
    QTest::addColumn<std::string>("name");
    QTest::addColumn<std::string>("errorMessage");

    QTest::newRow("customer-managed") << kMyPolicy << std::string("MyPolicy") << std::string();
    QTest::newRow("aws-managed") << kReadOnly << std::string("ReadOnlyAccess") << std::string();
    QTest::newRow("unknown") << kArn + "policy/Ghost" << std::string()
                             << "Policy " + kArn + "policy/Ghost was not found.";
}

void tst_IamPolicyOperations::getPolicy()
{
    QFETCH(std::string, arn);
    QFETCH(std::string, name);
    QFETCH(std::string, errorMessage);

    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", kReadBuckets},
                                               {"Description", "Buckets"}}));
    const CallResult r = m_f->asRoot("GetPolicy", {{"PolicyArn", arn}});
    QCOMPARE(r.authorizations[0].action, std::string("iam:GetPolicy"));
    QCOMPARE(r.authorizations[0].resource, arn);
    QCOMPARE(r.errorMessage, errorMessage);
    if (!errorMessage.empty()) {
        QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
        return;
    }
    QCOMPARE(r.response["Policy"]["PolicyName"].get<std::string>(), name);
    QCOMPARE(r.response["Policy"]["Arn"].get<std::string>(), arn);
    QVERIFY(r.response["Policy"].contains("Description"));
}

void tst_IamPolicyOperations::listPolicies_data()
{
    QTest::addColumn<json>("params");
    QTest::addColumn<std::vector<std::string>>("names");

    using Names = std::vector<std::string>;
    QTest::newRow("all-by-name") << json::object()
                                 << Names{"AdministratorAccess", "AmazonS3ReadOnlyAccess", "MyPolicy", "Other",
                                          "ReadOnlyAccess"};
    QTest::newRow("aws-managed") << json{{"Scope", "AWS"}}
                                 << Names{"AdministratorAccess", "AmazonS3ReadOnlyAccess", "ReadOnlyAccess"};
    QTest::newRow("customer-managed") << json{{"Scope", "Local"}} << Names{"MyPolicy", "Other"};
    QTest::newRow("only-attached") << json{{"OnlyAttached", true}} << Names{"MyPolicy", "ReadOnlyAccess"};
    QTest::newRow("only-boundaries") << json{{"PolicyUsageFilter", "PermissionsBoundary"}} << Names{"ReadOnlyAccess"};
    QTest::newRow("path-prefix") << json{{"PathPrefix", "/team/"}} << Names{"Other"};
}

void tst_IamPolicyOperations::listPolicies()
{
    QFETCH(json, params);
    QFETCH(std::vector<std::string>, names);

    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", kReadBuckets}}));
    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "Other"}, {"Path", "/team/"},
                                               {"PolicyDocument", kReadBuckets}}));
    m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("AttachUserPolicy", {{"UserName", "alice"}, {"PolicyArn", kMyPolicy}}));
    IAM_VERIFY_OK(
        m_f->asRoot("PutUserPermissionsBoundary", {{"UserName", "alice"}, {"PermissionsBoundary", kReadOnly}}));

    const CallResult r = m_f->asRoot("ListPolicies", params);
    IAM_VERIFY_OK(r);
    std::vector<std::string> listed;
    for (const json &policy : r.response["Policies"])
        listed.push_back(policy["PolicyName"].get<std::string>());
    QCOMPARE(listed, names);
    QCOMPARE(r.authorizations[0].resource, kArn + "policy" + params.value("PathPrefix", std::string("/")));
    for (const json &policy : r.response["Policies"]) {
        if (policy["PolicyName"] == "MyPolicy")
            QCOMPARE(policy["AttachmentCount"].get<int>(), 1);
        if (policy["PolicyName"] == "ReadOnlyAccess")
            QCOMPARE(policy["PermissionsBoundaryUsageCount"].get<int>(), 1);
    }
}

void tst_IamPolicyOperations::policyVersions()
{
    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", kReadBuckets}}));
    const std::string v2 = allow("s3:GetObject");
    const std::string v3 = allow("s3:PutObject");
    CallResult r = m_f->asRoot("CreatePolicyVersion", {{"PolicyArn", kMyPolicy}, {"PolicyDocument", v2}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["PolicyVersion"],
             (json{{"VersionId", "v2"}, {"IsDefaultVersion", false}, {"CreateDate", kClock}}));
    QCOMPARE(m_f->account().managedPolicyDocument(kMyPolicy), std::optional(kReadBuckets));
    r = m_f->asRoot("CreatePolicyVersion", {{"PolicyArn", kMyPolicy}, {"PolicyDocument", v3}, {"SetAsDefault", true}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["PolicyVersion"]["IsDefaultVersion"].get<bool>(), true);
    // The default version is the one the engine evaluates.
    QCOMPARE(m_f->account().managedPolicyDocument(kMyPolicy), std::optional(v3));

    r = m_f->asRoot("ListPolicyVersions", {{"PolicyArn", kMyPolicy}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["Versions"].size(), std::size_t(3));
    QCOMPARE(r.response["Versions"][0]["VersionId"].get<std::string>(), std::string("v3"));
    QVERIFY(!r.response["Versions"][0].contains("Document"));

    r = m_f->asRoot("GetPolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v2"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["PolicyVersion"]["Document"], json::parse(v2));
    QCOMPARE(r.response["PolicyVersion"]["IsDefaultVersion"].get<bool>(), false);

    IAM_VERIFY_OK(m_f->asRoot("SetDefaultPolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v2"}}));
    QCOMPARE(m_f->account().findPolicy(kMyPolicy)->defaultVersionId, std::string("v2"));

    Account before = m_f->account();
    r = m_f->asRoot("DeletePolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v2"}});
    QCOMPARE(r.errorCode, std::string("DeleteConflict"));
    QCOMPARE(r.errorMessage, std::string("Cannot delete the default version of a policy."));
    r = m_f->asRoot("SetDefaultPolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v9"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, "Policy " + kMyPolicy + " version v9 does not exist or is not attachable.");
    r = m_f->asRoot("GetPolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v9"}});
    QCOMPARE(r.errorMessage, "Policy " + kMyPolicy + " version v9 does not exist or is not attachable.");
    expectUnchanged(before);

    IAM_VERIFY_OK(m_f->asRoot("DeletePolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v3"}}));
    IAM_VERIFY_OK(m_f->asRoot("DeletePolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v1"}}));
    QCOMPARE(m_f->account().findPolicy(kMyPolicy)->versions.size(), std::size_t(1));
}

void tst_IamPolicyOperations::policyVersionLimit()
{
    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", kReadBuckets}}));
    for (int i = 2; i <= 5; ++i)
        IAM_VERIFY_OK(m_f->asRoot("CreatePolicyVersion", {{"PolicyArn", kMyPolicy}, {"PolicyDocument", kReadBuckets}}));
    const Account before = m_f->account();
    CallResult r = m_f->asRoot("CreatePolicyVersion", {{"PolicyArn", kMyPolicy}, {"PolicyDocument", kReadBuckets}});
    QCOMPARE(r.errorCode, std::string("LimitExceeded"));
    QCOMPARE(r.errorMessage, std::string("A managed policy can have up to 5 versions. Before you create a new version, "
                                         "you must delete an existing version."));
    expectUnchanged(before);

    IAM_VERIFY_OK(m_f->asRoot("DeletePolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v2"}}));
    r = m_f->asRoot("CreatePolicyVersion", {{"PolicyArn", kMyPolicy}, {"PolicyDocument", kReadBuckets}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["PolicyVersion"]["VersionId"].get<std::string>(), std::string("v6"));
}

void tst_IamPolicyOperations::deletePolicy_data()
{
    QTest::addColumn<std::string>("holds");
    QTest::addColumn<std::string>("errorMessage");

    QTest::newRow("attached-to-a-role") << std::string("attached")
                                        << std::string("Cannot delete a policy attached to entities.");
    QTest::newRow("with-two-versions")
        << std::string("versions")
        << std::string("This policy has more than one version. Before you delete a policy, you must delete the "
                       "policy's versions. The default version is deleted with the policy.");
}

void tst_IamPolicyOperations::deletePolicy()
{
    QFETCH(std::string, holds);
    QFETCH(std::string, errorMessage);

    IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "MyPolicy"}, {"PolicyDocument", kReadBuckets}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    const json attachment = {{"RoleName", "R"}, {"PolicyArn", kMyPolicy}};
    if (holds == "attached")
        IAM_VERIFY_OK(m_f->asRoot("AttachRolePolicy", attachment));
    else
        IAM_VERIFY_OK(m_f->asRoot("CreatePolicyVersion", {{"PolicyArn", kMyPolicy}, {"PolicyDocument", kReadBuckets}}));
    const Account before = m_f->account();
    CallResult r = m_f->asRoot("DeletePolicy", {{"PolicyArn", kMyPolicy}});
    QCOMPARE(r.errorCode, std::string("DeleteConflict"));
    QCOMPARE(r.errorMessage, errorMessage);
    expectUnchanged(before);

    if (holds == "attached")
        IAM_VERIFY_OK(m_f->asRoot("DetachRolePolicy", attachment));
    else
        IAM_VERIFY_OK(m_f->asRoot("DeletePolicyVersion", {{"PolicyArn", kMyPolicy}, {"VersionId", "v2"}}));
    IAM_VERIFY_OK(m_f->asRoot("DeletePolicy", {{"PolicyArn", kMyPolicy}}));
    QVERIFY(m_f->account().policies().empty());
    r = m_f->asRoot("DeletePolicy", {{"PolicyArn", kMyPolicy}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, "Policy " + kMyPolicy + " was not found.");
}

void tst_IamPolicyOperations::awsManagedPoliciesBelongToAws_data()
{
    QTest::addColumn<std::string>("operation");
    QTest::addColumn<json>("params");

    QTest::newRow("delete") << std::string("DeletePolicy") << json{{"PolicyArn", kReadOnly}};
    QTest::newRow("new-version") << std::string("CreatePolicyVersion")
                                 << json{{"PolicyArn", kReadOnly}, {"PolicyDocument", kReadBuckets}};
    QTest::newRow("set-default") << std::string("SetDefaultPolicyVersion")
                                 << json{{"PolicyArn", kReadOnly}, {"VersionId", "v1"}};
    QTest::newRow("delete-version") << std::string("DeletePolicyVersion")
                                    << json{{"PolicyArn", kReadOnly}, {"VersionId", "v1"}};
}

void tst_IamPolicyOperations::awsManagedPoliciesBelongToAws()
{
    QFETCH(std::string, operation);
    QFETCH(json, params);

    // An AWS-managed policy is AWS's resource: a request to change it is cross-account
    // and no policy of this account, not even root's standing, can allow it.
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot(operation, params);
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, "User: " + kArn + "root is not authorized to perform: iam:" + operation
                                 + " on resource: " + kReadOnly + " because no resource-based policy allows the iam:"
                                 + operation + " action");
    expectUnchanged(before);

    // Reading it is allowed like any read in the account.
    const CallResult read = m_f->asRoot("GetPolicyVersion", {{"PolicyArn", kReadOnly}, {"VersionId", "v1"}});
    IAM_VERIFY_OK(read);
    QCOMPARE(read.response["PolicyVersion"]["IsDefaultVersion"].get<bool>(), true);
    QVERIFY(read.response["PolicyVersion"]["Document"].is_object());
}

// ---------------------------------------------------------------- attachments

void tst_IamPolicyOperations::attachAndDetach_data()
{
    QTest::addColumn<std::string>("kind");   // "User", "Group", "Role"

    QTest::newRow("user") << std::string("User");
    QTest::newRow("group") << std::string("Group");
    QTest::newRow("role") << std::string("Role");
}

void tst_IamPolicyOperations::attachAndDetach()
{
    QFETCH(std::string, kind);

    m_f->userWith("e");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "e"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "e"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    const std::string nameParam = kind + "Name";
    const std::string lower = kind == "User" ? "user" : kind == "Group" ? "group" : "role";
    const json attachment = {{nameParam, "e"}, {"PolicyArn", kS3ReadOnly}};

    CallResult r = m_f->asRoot("Attach" + kind + "Policy", attachment);
    IAM_VERIFY_OK(r);
    QCOMPARE(r.authorizations[0].action, "iam:Attach" + kind + "Policy");
    QCOMPARE(r.authorizations[0].resource, kArn + lower + "/e");
    // Attaching again changes nothing.
    IAM_VERIFY_OK(m_f->asRoot("Attach" + kind + "Policy", attachment));
    r = m_f->asRoot("ListAttached" + kind + "Policies", {{nameParam, "e"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["AttachedPolicies"],
             (json{{{"PolicyName", "AmazonS3ReadOnlyAccess"}, {"PolicyArn", kS3ReadOnly}}}));
    r = m_f->asRoot("GetPolicy", {{"PolicyArn", kS3ReadOnly}});
    QCOMPARE(r.response["Policy"]["AttachmentCount"].get<int>(), 1);

    Account before = m_f->account();
    r = m_f->asRoot("Attach" + kind + "Policy", {{nameParam, "e"}, {"PolicyArn", "arn:aws:iam::aws:policy/Ghost"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, std::string("Policy arn:aws:iam::aws:policy/Ghost does not exist or is not attachable."));
    r = m_f->asRoot("Attach" + kind + "Policy", {{nameParam, "ghost"}, {"PolicyArn", kS3ReadOnly}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, "The " + lower + " with name ghost cannot be found.");
    expectUnchanged(before);

    IAM_VERIFY_OK(m_f->asRoot("Detach" + kind + "Policy", attachment));
    r = m_f->asRoot("Detach" + kind + "Policy", attachment);
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, "Policy " + kS3ReadOnly + " was not found.");
    r = m_f->asRoot("ListAttached" + kind + "Policies", {{nameParam, "e"}});
    QCOMPARE(r.response["AttachedPolicies"], json::array());
}

void tst_IamPolicyOperations::attachmentQuota()
{
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    for (int i = 0; i < 11; ++i)
        IAM_VERIFY_OK(m_f->asRoot("CreatePolicy", {{"PolicyName", "P" + std::to_string(i)},
                                                   {"PolicyDocument", kReadBuckets}}));
    for (int i = 0; i < 10; ++i)
        IAM_VERIFY_OK(
            m_f->asRoot("AttachRolePolicy", {{"RoleName", "R"}, {"PolicyArn", kArn + "policy/P" + std::to_string(i)}}));
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("AttachRolePolicy", {{"RoleName", "R"}, {"PolicyArn", kArn + "policy/P10"}});
    QCOMPARE(r.errorCode, std::string("LimitExceeded"));
    QCOMPARE(r.errorMessage, std::string("Cannot exceed quota for PoliciesPerRole: 10"));
    expectUnchanged(before);
}

void tst_IamPolicyOperations::policyArnConditionLimitsAttachments()
{
    // iam:PolicyARN lets an administrator delegate attaching chosen policies only
    // (reference_policies_iam-condition-keys.md).
    const CallerIdentity alice = m_f->userWith(
        "alice", allow("iam:AttachRolePolicy", "*", {{"ArnEquals", {{"iam:PolicyARN", kS3ReadOnly}}}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->iam(alice, "AttachRolePolicy", {{"RoleName", "R"}, {"PolicyArn", kS3ReadOnly}}));
    const Account before = m_f->account();
    const CallResult r = m_f->iam(alice, "AttachRolePolicy",
                                  {{"RoleName", "R"}, {"PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, notAuthorized("alice", "iam:AttachRolePolicy", kArn + "role/R"));
    expectUnchanged(before);
}

// ---------------------------------------------------------------- inline policies

void tst_IamPolicyOperations::inlinePolicies_data()
{
    QTest::addColumn<std::string>("kind");

    QTest::newRow("user") << std::string("User");
    QTest::newRow("group") << std::string("Group");
    QTest::newRow("role") << std::string("Role");
}

void tst_IamPolicyOperations::inlinePolicies()
{
    QFETCH(std::string, kind);

    m_f->userWith("e");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "e"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "e"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    const std::string nameParam = kind + "Name";
    const std::string lower = kind == "User" ? "user" : kind == "Group" ? "group" : "role";
    const std::string replaced = allow("s3:GetObject");

    CallResult r = m_f->asRoot("Put" + kind + "Policy", {{nameParam, "e"}, {"PolicyName", "zeta"},
                                                         {"PolicyDocument", kReadBuckets}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.authorizations[0].action, "iam:Put" + kind + "Policy");
    QCOMPARE(r.authorizations[0].resource, kArn + lower + "/e");
    IAM_VERIFY_OK(m_f->asRoot("Put" + kind + "Policy", {{nameParam, "e"}, {"PolicyName", "alpha"},
                                                        {"PolicyDocument", kReadBuckets}}));
    // A put with an existing name replaces that policy.
    IAM_VERIFY_OK(m_f->asRoot("Put" + kind + "Policy", {{nameParam, "e"}, {"PolicyName", "zeta"},
                                                        {"PolicyDocument", replaced}}));

    r = m_f->asRoot("List" + kind + "Policies", {{nameParam, "e"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["PolicyNames"], (json{"alpha", "zeta"}));
    r = m_f->asRoot("Get" + kind + "Policy", {{nameParam, "e"}, {"PolicyName", "zeta"}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response[nameParam].get<std::string>(), std::string("e"));
    QCOMPARE(r.response["PolicyName"].get<std::string>(), std::string("zeta"));
    QCOMPARE(r.response["PolicyDocument"], json::parse(replaced));

    const Account before = m_f->account();
    const std::string missing = "The " + lower + " policy with name ghost cannot be found.";
    r = m_f->asRoot("Get" + kind + "Policy", {{nameParam, "e"}, {"PolicyName", "ghost"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, missing);
    r = m_f->asRoot("Delete" + kind + "Policy", {{nameParam, "e"}, {"PolicyName", "ghost"}});
    QCOMPARE(r.errorMessage, missing);
    r = m_f->asRoot("Put" + kind + "Policy", {{nameParam, "ghost"}, {"PolicyName", "p"},
                                              {"PolicyDocument", kReadBuckets}});
    QCOMPARE(r.errorMessage, "The " + lower + " with name ghost cannot be found.");
    expectUnchanged(before);

    IAM_VERIFY_OK(m_f->asRoot("Delete" + kind + "Policy", {{nameParam, "e"}, {"PolicyName", "zeta"}}));
    r = m_f->asRoot("List" + kind + "Policies", {{nameParam, "e"}});
    QCOMPARE(r.response["PolicyNames"], (json{"alpha"}));
}

void tst_IamPolicyOperations::inlinePolicySizeQuota()
{
    // The quota covers all of a user's inline policies together (reference_iam-quotas.md).
    m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "a"},
                                                {"PolicyDocument", paddedPolicy(1000)}}));
    const Account before = m_f->account();
    const CallResult r = m_f->asRoot("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "b"},
                                                       {"PolicyDocument", paddedPolicy(1000)}});
    QCOMPARE(r.errorCode, std::string("LimitExceeded"));
    QCOMPARE(r.errorMessage, std::string("Cannot exceed quota for UserPolicySize: 2048"));
    expectUnchanged(before);
    // Replacing the one there is measured without its old text.
    IAM_VERIFY_OK(m_f->asRoot("PutUserPolicy", {{"UserName", "alice"}, {"PolicyName", "a"},
                                                {"PolicyDocument", paddedPolicy(1800)}}));
}

// ---------------------------------------------------------------- boundaries

void tst_IamPolicyOperations::permissionsBoundaries_data()
{
    QTest::addColumn<std::string>("kind");

    QTest::newRow("user") << std::string("User");
    QTest::newRow("role") << std::string("Role");
}

void tst_IamPolicyOperations::permissionsBoundaries()
{
    QFETCH(std::string, kind);

    m_f->userWith("e");
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "e"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    const std::string nameParam = kind + "Name";
    CallResult r =
        m_f->asRoot("Put" + kind + "PermissionsBoundary", {{nameParam, "e"}, {"PermissionsBoundary", kReadOnly}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.authorizations[0].action, "iam:Put" + kind + "PermissionsBoundary");
    r = m_f->asRoot("Get" + kind, {{nameParam, "e"}});
    QCOMPARE(r.response[kind]["PermissionsBoundary"]["PermissionsBoundaryArn"].get<std::string>(), kReadOnly);

    const Account before = m_f->account();
    r = m_f->asRoot("Put" + kind + "PermissionsBoundary",
                    {{nameParam, "e"}, {"PermissionsBoundary", kArn + "policy/Ghost"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, "Scope ARN: " + kArn + "policy/Ghost does not exist or is not attachable.");
    expectUnchanged(before);

    IAM_VERIFY_OK(m_f->asRoot("Delete" + kind + "PermissionsBoundary", {{nameParam, "e"}}));
    r = m_f->asRoot("Get" + kind, {{nameParam, "e"}});
    QVERIFY(!r.response[kind].contains("PermissionsBoundary"));
}

void tst_IamPolicyOperations::boundaryLimitsWhatPoliciesGrant()
{
    const CallerIdentity alice = m_f->userWith("alice");
    IAM_VERIFY_OK(m_f->asRoot("AttachUserPolicy", {{"UserName", "alice"},
                                                   {"PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"}}));
    IAM_VERIFY_OK(m_f->iam(alice, "CreateGroup", {{"GroupName", "g1"}}));
    IAM_VERIFY_OK(
        m_f->asRoot("PutUserPermissionsBoundary", {{"UserName", "alice"}, {"PermissionsBoundary", kReadOnly}}));
    // ReadOnlyAccess (iam:Get*, iam:List*) now bounds what AdministratorAccess grants.
    IAM_VERIFY_OK(m_f->iam(alice, "ListGroups"));
    const CallResult r = m_f->iam(alice, "CreateGroup", {{"GroupName", "g2"}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(r.errorMessage, "User: " + kArn + "user/alice is not authorized to perform: iam:CreateGroup on resource: "
                                 + kArn + "group/g2 because no permissions boundary allows the iam:CreateGroup action");
}

void tst_IamPolicyOperations::boundaryConditionDelegatesUserCreation()
{
    // access_policies_boundaries.md, "Delegating responsibility to others": the
    // delegate may create users only with the chosen boundary.
    const std::string policy =
        json{{"Version", "2012-10-17"},
             {"Statement",
              {{{"Effect", "Allow"},
                {"Action", {"iam:CreateUser", "iam:PutUserPermissionsBoundary"}},
                {"Resource", "*"},
                {"Condition", {{"StringEquals", {{"iam:PermissionsBoundary", kReadOnly}}}}}}}}}
            .dump();
    const CallerIdentity delegate = m_f->userWith("delegate", policy);
    CallResult r = m_f->iam(delegate, "CreateUser", {{"UserName", "bounded"}, {"PermissionsBoundary", kReadOnly}});
    IAM_VERIFY_OK(r);
    QCOMPARE(m_f->account().findUser("bounded")->permissionsBoundary, kReadOnly);
    r = m_f->iam(delegate, "CreateUser", {{"UserName", "free"}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    r = m_f->iam(delegate, "PutUserPermissionsBoundary",
                 {{"UserName", "bounded"}, {"PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess"}});
    QCOMPARE(r.errorCode, std::string("AccessDenied"));
    QCOMPARE(m_f->account().findUser("bounded")->permissionsBoundary, kReadOnly);
    QVERIFY(!m_f->account().findUser("free"));
}

void tst_IamPolicyOperations::listEntitiesForPolicy()
{
    m_f->userWith("alice");
    m_f->userWith("bob");
    IAM_VERIFY_OK(m_f->asRoot("CreateGroup", {{"GroupName", "devs"}}));
    IAM_VERIFY_OK(m_f->asRoot("CreateRole", {{"RoleName", "R"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(m_f->asRoot("AttachUserPolicy", {{"UserName", "alice"}, {"PolicyArn", kReadOnly}}));
    IAM_VERIFY_OK(m_f->asRoot("AttachGroupPolicy", {{"GroupName", "devs"}, {"PolicyArn", kReadOnly}}));
    IAM_VERIFY_OK(m_f->asRoot("PutRolePermissionsBoundary", {{"RoleName", "R"}, {"PermissionsBoundary", kReadOnly}}));

    CallResult r = m_f->asRoot("ListEntitiesForPolicy", {{"PolicyArn", kReadOnly}});
    IAM_VERIFY_OK(r);
    QCOMPARE(r.response["PolicyUsers"].size(), std::size_t(1));
    QCOMPARE(r.response["PolicyUsers"][0]["UserName"].get<std::string>(), std::string("alice"));
    QCOMPARE(r.response["PolicyUsers"][0]["UserId"].get<std::string>(), m_f->account().findUser("alice")->id);
    QCOMPARE(r.response["PolicyGroups"][0]["GroupName"].get<std::string>(), std::string("devs"));
    QCOMPARE(r.response["PolicyRoles"][0]["RoleName"].get<std::string>(), std::string("R"));

    r = m_f->asRoot("ListEntitiesForPolicy", {{"PolicyArn", kReadOnly}, {"PolicyUsageFilter", "PermissionsPolicy"}});
    QCOMPARE(r.response["PolicyRoles"], json::array());
    r = m_f->asRoot("ListEntitiesForPolicy", {{"PolicyArn", kReadOnly}, {"EntityFilter", "Group"}});
    QCOMPARE(r.response["PolicyUsers"], json::array());
    QCOMPARE(r.response["PolicyGroups"].size(), std::size_t(1));

    r = m_f->asRoot("ListEntitiesForPolicy", {{"PolicyArn", kArn + "policy/Ghost"}});
    QCOMPARE(r.errorCode, std::string("NoSuchEntity"));
    QCOMPARE(r.errorMessage, "Policy " + kArn + "policy/Ghost was not found.");
}

QTEST_APPLESS_MAIN(tst_IamPolicyOperations)
#include "tst_IamPolicyOperations.moc"
