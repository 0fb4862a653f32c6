// DecisionBatch: the decisions panel's requests and verdicts on the walkthrough's
// account, each outcome cited to the IAM user guide section (doc_source/) that
// decides it.

#include "AccountApi.h"
#include "DecisionBatch.h"
#include "DefaultWorkspace.h"
#include "FakeAwsManagedPolicies.h"
#include "ResourcePaths.h"
#include "ServiceCatalog.h"
#include "StdStringPrinting.h"

#include <QtTest>

#include <algorithm>
#include <set>
#include <thread>

using namespace iam;

namespace {

const std::string kArn = "arn:aws:iam::111122223333:";
const std::string kS3Access = kArn + "role/S3Access";
const std::string kOther = kArn + "role/Other";
const std::string kUserPolicyArn = kArn + "policy/IAM-User-Policy";

const char *kEc2Trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

// IAM-User-Policy of the walkthrough (DESIGN.md); statement 2 starts on line 4.
const char *kUserPolicy = R"({"Version": "2012-10-17",
 "Statement": [
  {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
  {"Effect": "Allow", "Action": "iam:PassRole",
   "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";

} // namespace

class tst_DecisionBatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void walkthroughPolicy();
    void wildcardExpandedThroughCatalog();
    void resourcesFromCatalogTypes();
    void explicitDenyWins();
    void inlinePolicyReplacesSameName();
    void permissionsBoundaryLimits();
    void trustPolicyDecidesWhoAssumes();
    void rootUserIsImplicitlyAllowed();
    void starIsCapped();
    void grammarErrorsAreNotEvaluated();
    void explainGatesAndNearMisses();
    void explainConditionNearMiss();
    void runsConcurrently();

private:
    DecisionScenario userScenario(EditedPolicyPlacement placement = EditedPolicyPlacement::ManagedPolicy,
                                  std::string id = kUserPolicyArn) const;
    static const DecisionRow *find(const DecisionResult &result, std::string_view action, std::string_view resource,
                                   std::string_view caller = {});

    std::shared_ptr<const ServiceCatalog> m_catalog;
    testing::FakeAwsManagedPolicies m_managed;
    std::unique_ptr<Account> m_account;
};

void tst_DecisionBatch::initTestCase()
{
    const CatalogLoadResult<ServiceCatalog> loaded = ServiceCatalog::load(catalogFile("services.json"));
    QVERIFY2(loaded.ok(), formatDiagnostic(loaded.error).c_str());
    m_catalog = loaded.catalog;
}

void tst_DecisionBatch::init()
{
    // The walkthrough's account after "Steps to Create the Role": S3Access (EC2,
    // AmazonS3ReadOnlyAccess), and a second role the user must not pass.
    m_account = defaultAccount(&m_managed);
    AccountApi api(*m_account);
    const CallerIdentity admin = CallerIdentity::root();
    for (const char *role : {"S3Access", "Other"}) {
        const CallResult created =
            api.call(admin, "iam", "CreateRole", {{"RoleName", role}, {"AssumeRolePolicyDocument", kEc2Trust}});
        QVERIFY2(created.ok(), created.errorMessage.c_str());
    }
    const CallResult attached = api.call(admin, "iam", "AttachRolePolicy",
                                         {{"RoleName", "S3Access"},
                                          {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}});
    QVERIFY2(attached.ok(), attached.errorMessage.c_str());
}

DecisionScenario tst_DecisionBatch::userScenario(EditedPolicyPlacement placement, std::string id) const
{
    DecisionScenario scenario;
    scenario.principal = CallerIdentity::user("lab-user");
    scenario.placement = placement;
    scenario.editedPolicyId = std::move(id);
    return scenario;
}

const DecisionRow *tst_DecisionBatch::find(const DecisionResult &result, std::string_view action,
                                           std::string_view resource, std::string_view caller)
{
    const auto it = std::find_if(result.rows.begin(), result.rows.end(), [&](const DecisionRow &row) {
        return row.action == action && row.resource == resource && row.caller == caller;
    });
    return it == result.rows.end() ? nullptr : &*it;
}

void tst_DecisionBatch::walkthroughPolicy()
{
    const DecisionBatch batch(*m_account, m_catalog.get(), userScenario());
    const DecisionResult result = batch.run(kUserPolicy);
    QVERIFY(result.evaluated);
    QVERIFY(std::is_sorted(result.rows.begin(), result.rows.end(), DecisionRow::keyLess));

    // reference_policies_evaluation-logic.md, "Determining whether a request is
    // allowed or denied within an account": an identity-based Allow that matches allows.
    const DecisionRow *passS3Access = find(result, "iam:PassRole", kS3Access);
    QVERIFY(passS3Access);
    QCOMPARE(passS3Access->outcome, Outcome::Allowed);
    QVERIFY(passS3Access->keyAction);
    QVERIFY(passS3Access->namedByPolicy);
    QCOMPARE(passS3Access->deciding.size(), std::size_t(1));
    QCOMPARE(passS3Access->deciding.front().policy, kUserPolicyArn);
    QCOMPARE(passS3Access->deciding.front().line, 4);
    QCOMPARE(passS3Access->deciding.front().column, 3);

    // ... and with no Allow for the request, it is implicitly denied.
    const DecisionRow *passOther = find(result, "iam:PassRole", kOther);
    QVERIFY(passOther);
    QCOMPARE(passOther->outcome, Outcome::ImplicitDeny);
    QCOMPARE(passOther->reason, std::string("because no identity-based policy allows the iam:PassRole action"));
    QVERIFY(passOther->deciding.empty());

    // The walkthrough's point: from the user's own machine `aws s3 ls` is denied.
    const DecisionRow *listBuckets = find(result, "s3:ListAllMyBuckets", "*");
    QVERIFY(listBuckets);
    QCOMPARE(listBuckets->outcome, Outcome::ImplicitDeny);
    QVERIFY(!listBuckets->namedByPolicy);

    // ec2:* allows the launch and the association (Modify IAM role).
    const DecisionRow *run = find(result, "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*");
    QVERIFY(run);
    QCOMPARE(run->outcome, Outcome::Allowed);
    const DecisionRow *associate =
        find(result, "ec2:AssociateIamInstanceProfile", "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890");
    QVERIFY(associate);
    QCOMPARE(associate->outcome, Outcome::Allowed);
    QCOMPARE(find(result, "iam:CreateRole", kArn + "role/*")->outcome, Outcome::ImplicitDeny);
    QCOMPARE(find(result, "iam:CreatePolicy", kArn + "policy/*")->outcome, Outcome::ImplicitDeny);
    QCOMPARE(find(result, "iam:AttachRolePolicy", kS3Access)->outcome, Outcome::ImplicitDeny);

    // The user's own inline policy still counts (it is not the one edited):
    // reference_policies_evaluation-logic.md evaluates all identity-based policies together.
    QVERIFY(!result.editedPolicySource.empty());
}

void tst_DecisionBatch::wildcardExpandedThroughCatalog()
{
    const DecisionBatch batch(*m_account, m_catalog.get(), userScenario());
    const DecisionResult result = batch.run(kUserPolicy);
    const std::vector<std::string> ec2 = m_catalog->expandActionPattern("ec2:*");
    QVERIFY(ec2.size() > 500);
    // Every catalog action `ec2:*` covers has a row, named by the policy.
    std::size_t named = 0;
    for (const std::string &action : ec2) {
        const auto it = std::find_if(result.rows.begin(), result.rows.end(),
                                     [&](const DecisionRow &row) { return row.action == action; });
        QVERIFY2(it != result.rows.end(), action.c_str());
        QVERIFY(it->namedByPolicy);
        QCOMPARE(it->outcome, Outcome::Allowed);
        ++named;
    }
    QCOMPARE(named, ec2.size());
    QVERIFY(result.notes.empty());
}

void tst_DecisionBatch::resourcesFromCatalogTypes()
{
    const char *policy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["s3:ListBucket", "s3:GetObjectTagging", "iam:GetRole", "ec2:DescribeVpcs", "sts:GetCallerIdentity"],
        "Resource": "*"}]})";
    DecisionScenario scenario = userScenario();
    scenario.includeKeyActions = false;
    const DecisionBatch batch(*m_account, m_catalog.get(), scenario);
    const DecisionResult result = batch.run(policy);
    const auto resourcesOf = [&](std::string_view action) {
        std::vector<std::string> resources;
        for (const DecisionRow &row : result.rows) {
            if (row.action == action)
                resources.push_back(row.resource);
        }
        return resources;
    };
    // The bucket type's ARN format: buckets only, not their objects.
    QCOMPARE(resourcesOf("s3:ListBucket"), std::vector<std::string>{"arn:aws:s3:::lab-bucket-111122223333"});
    const std::vector<std::string> objects = resourcesOf("s3:GetObjectTagging");
    QCOMPARE(objects.size(), m_account->buckets().front().objects.size());
    QVERIFY(std::find(objects.begin(), objects.end(), "arn:aws:s3:::lab-bucket-111122223333/notes.txt") != objects.end());
    QCOMPARE(resourcesOf("iam:GetRole"), (std::vector<std::string>{kOther, kS3Access}));
    // Actions that take only "*" are decided on "*".
    QCOMPARE(resourcesOf("ec2:DescribeVpcs"), std::vector<std::string>{"*"});
    QCOMPARE(resourcesOf("sts:GetCallerIdentity"), std::vector<std::string>{"*"});
    QCOMPARE(result.rows.size(), std::size_t(1 + objects.size() + 2 + 1 + 1));
}

void tst_DecisionBatch::explicitDenyWins()
{
    // reference_policies_evaluation-logic.md, "Deny evaluation": an explicit deny in
    // any policy overrides any allow.
    const char *policy = R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Sid": "NoPassing", "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}]})";
    const DecisionBatch batch(*m_account, m_catalog.get(), userScenario());
    const DecisionResult result = batch.run(policy);
    const DecisionRow *pass = find(result, "iam:PassRole", kS3Access);
    QVERIFY(pass);
    QCOMPARE(pass->outcome, Outcome::ExplicitDeny);
    QCOMPARE(pass->reason, std::string("with an explicit deny in an identity-based policy"));
    QCOMPARE(pass->deciding.size(), std::size_t(1));
    QCOMPARE(pass->deciding.front().sid, std::string("NoPassing"));
    QVERIFY(pass->deciding.front().deny);
    QCOMPARE(pass->deciding.front().line, 3);
    QCOMPARE(find(result, "s3:ListAllMyBuckets", "*")->outcome, Outcome::Allowed);
}

void tst_DecisionBatch::inlinePolicyReplacesSameName()
{
    // lab-user's inline lab-user-self-service allows iam:GetUser on itself.
    const std::string self = kArn + "user/lab-user";
    const char *nothing = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:ListRoles", "Resource": "*"}]})";
    const DecisionResult added =
        DecisionBatch(*m_account, m_catalog.get(), userScenario(EditedPolicyPlacement::InlinePolicy, "draft")).run(nothing);
    const DecisionResult replaced =
        DecisionBatch(*m_account, m_catalog.get(),
                      userScenario(EditedPolicyPlacement::InlinePolicy, "lab-user-self-service")).run(nothing);
    // Listed only in the inline policy: evaluated as its replacement says
    // (access_policies_managed-vs-inline.md: a principal has one inline policy per name).
    QVERIFY(find(replaced, "iam:ListRoles", "*"));
    QCOMPARE(find(replaced, "iam:ListRoles", "*")->outcome, Outcome::Allowed);
    QCOMPARE(find(replaced, "iam:ListRoles", "*")->deciding.front().policy,
             std::string("user/lab-user inline policy lab-user-self-service"));
    // A policy with the edited text added beside lab-user-self-service allows
    // what the self-service policy allows; replacing it takes that away.
    DecisionScenario withGetUser = userScenario(EditedPolicyPlacement::InlinePolicy, "draft");
    const char *getUser = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "arn:aws:iam::111122223333:user/nobody"}]})";
    const DecisionResult beside = DecisionBatch(*m_account, m_catalog.get(), withGetUser).run(getUser);
    withGetUser.editedPolicyId = "lab-user-self-service";
    const DecisionResult instead = DecisionBatch(*m_account, m_catalog.get(), withGetUser).run(getUser);
    QCOMPARE(find(beside, "iam:GetUser", self)->outcome, Outcome::Allowed);
    QCOMPARE(find(instead, "iam:GetUser", self)->outcome, Outcome::ImplicitDeny);
    QVERIFY(added.evaluated);
}

void tst_DecisionBatch::permissionsBoundaryLimits()
{
    AccountApi api(*m_account);
    const CallerIdentity admin = CallerIdentity::root();
    QVERIFY(api.call(admin, "iam", "CreatePolicy", {{"PolicyName", "IAM-User-Policy"}, {"PolicyDocument", kUserPolicy}}).ok());
    QVERIFY(api.call(admin, "iam", "AttachUserPolicy", {{"UserName", "lab-user"}, {"PolicyArn", kUserPolicyArn}}).ok());
    // access_policies_boundaries.md: the effective permissions are the intersection
    // of the identity-based policies and the boundary.
    const char *boundary = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:*", "s3:*"], "Resource": "*"}]})";
    const DecisionResult result =
        DecisionBatch(*m_account, m_catalog.get(), userScenario(EditedPolicyPlacement::PermissionsBoundary, {})).run(boundary);
    QCOMPARE(find(result, "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*")->outcome,
             Outcome::Allowed);
    const DecisionRow *pass = find(result, "iam:PassRole", kS3Access);
    QCOMPARE(pass->outcome, Outcome::ImplicitDeny);
    QCOMPARE(pass->reason, std::string("because no permissions boundary allows the iam:PassRole action"));
    // s3:* in the boundary grants nothing by itself.
    QCOMPARE(find(result, "s3:ListAllMyBuckets", "*")->outcome, Outcome::ImplicitDeny);
    // Without the edited boundary, the attached policy decides alone.
    const DecisionResult none =
        DecisionBatch(*m_account, m_catalog.get(), userScenario(EditedPolicyPlacement::None, {})).run({});
    QCOMPARE(find(none, "iam:PassRole", kS3Access)->outcome, Outcome::Allowed);
}

void tst_DecisionBatch::trustPolicyDecidesWhoAssumes()
{
    DecisionScenario scenario;
    scenario.principal = DecisionScenario::roleSession("S3Access");
    scenario.placement = EditedPolicyPlacement::TrustPolicy;
    const DecisionBatch batch(*m_account, m_catalog.get(), scenario);
    // id_roles_create_for-service.md: the service named in the trust policy may assume the role.
    const DecisionResult ec2 = batch.run(kEc2Trust);
    QVERIFY(ec2.evaluated);
    QCOMPARE(find(ec2, "sts:AssumeRole", kS3Access, "ec2.amazonaws.com")->outcome, Outcome::Allowed);
    // id_roles_manage-assume.md: a principal the trust policy does not name cannot.
    const DecisionRow *user = find(ec2, "sts:AssumeRole", kS3Access, "user/lab-user");
    QVERIFY(user);
    QCOMPARE(user->outcome, Outcome::ImplicitDeny);
    QCOMPARE(user->reason, std::string("because no resource-based policy allows the sts:AssumeRole action"));
    // Naming lambda adds it as a caller; EC2 is no longer trusted.
    const DecisionResult lambda = batch.run(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}]})");
    QCOMPARE(find(lambda, "sts:AssumeRole", kS3Access, "lambda.amazonaws.com")->outcome, Outcome::Allowed);
    QCOMPARE(find(lambda, "sts:AssumeRole", kS3Access, "ec2.amazonaws.com")->outcome, Outcome::ImplicitDeny);
}

void tst_DecisionBatch::rootUserIsImplicitlyAllowed()
{
    // reference_policies_evaluation-logic.md: the root user has full access in its
    // own account; a Deny in its identity policies still applies.
    DecisionScenario scenario;
    scenario.principal = CallerIdentity::root();
    const DecisionResult result = DecisionBatch(*m_account, m_catalog.get(), scenario).run({});
    QVERIFY(result.evaluated);
    QVERIFY(!result.rows.empty());
    for (const DecisionRow &row : result.rows)
        QCOMPARE(row.outcome, Outcome::Allowed);
}

void tst_DecisionBatch::starIsCapped()
{
    DecisionScenario scenario = userScenario();
    scenario.maxActionsPerPattern = 300;
    const DecisionBatch batch(*m_account, m_catalog.get(), scenario);
    const DecisionResult result = batch.run(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})");
    QCOMPARE(result.notes.size(), std::size_t(1));
    QVERIFY2(result.notes.front().find("`*` covers") == 0, result.notes.front().c_str());
    QVERIFY(result.notes.front().find("more)") != std::string::npos);
    std::set<std::string> actions;
    for (const DecisionRow &row : result.rows) {
        actions.insert(row.action);
        QVERIFY(row.namedByPolicy || row.keyAction);
        // The account's services come first: nothing of a2c before IAM is used up.
        QVERIFY2(row.action.starts_with("iam:") || row.action.starts_with("sts:") || row.action.starts_with("s3:")
                     || row.action.starts_with("ec2:"),
                 row.action.c_str());
    }
    QVERIFY(actions.size() <= 300 + 12);
    QCOMPARE(find(result, "iam:PassRole", kOther)->outcome, Outcome::Allowed);
}

void tst_DecisionBatch::grammarErrorsAreNotEvaluated()
{
    const DecisionBatch batch(*m_account, m_catalog.get(), userScenario());
    const DecisionResult result = batch.run("{\"Version\": \"2012-10-17\",\n \"Statement\": [");
    QVERIFY(!result.evaluated);
    QVERIFY(result.rows.empty());
    QVERIFY(!result.policyErrors.empty());
    QCOMPARE(result.policyErrors.front().where.line, 2);
    // Nothing edited: the text is not even read.
    DecisionScenario none = userScenario(EditedPolicyPlacement::None, {});
    QVERIFY(DecisionBatch(*m_account, m_catalog.get(), none).run("{").evaluated);
}

void tst_DecisionBatch::explainGatesAndNearMisses()
{
    const DecisionBatch batch(*m_account, m_catalog.get(), userScenario());
    const DecisionResult result = batch.run(kUserPolicy);
    const auto rowOf = [&](const DecisionRow *row) { return static_cast<std::size_t>(row - result.rows.data()); };

    const DecisionExplanation allowed = DecisionBatch::explain(result, rowOf(find(result, "iam:PassRole", kS3Access)));
    QVERIFY(allowed.valid);
    QCOMPARE(allowed.outcome, Outcome::Allowed);
    QCOMPARE(allowed.callerArn, kArn + "user/lab-user");
    QCOMPARE(allowed.deciding.size(), std::size_t(1));
    QCOMPARE(allowed.deciding.front().line, 4);
    QVERIFY(!allowed.gates.empty());
    QCOMPARE(allowed.gates.front().name, std::string("Identity-based policies"));
    QCOMPARE(allowed.gates.front().verdict, std::string("1 statement allows"));
    // The user's own inline policy and the edited one were consulted.
    QCOMPARE(allowed.gates.front().policies.size(), std::size_t(2));
    QCOMPARE(allowed.requestContext.size(), std::size_t(1));
    QCOMPARE(allowed.requestContext.front().first, std::string("iam:PassedToService"));

    // Passing Other: statement 2's action matched, its Resource did not.
    const DecisionExplanation denied = DecisionBatch::explain(result, rowOf(find(result, "iam:PassRole", kOther)));
    QCOMPARE(denied.outcome, Outcome::ImplicitDeny);
    QVERIFY(denied.deciding.empty());
    QCOMPARE(denied.gates.front().verdict, std::string("no statement applies"));
    QCOMPARE(denied.almostApplied.size(), std::size_t(1));
    const NearMiss &miss = denied.almostApplied.front();
    QCOMPARE(miss.failed, std::string("resource"));
    QCOMPARE(miss.statement.line, 4);
    QVERIFY2(miss.detail.find("`" + kOther + "` is not in Resource `" + kS3Access + "`") == 0, miss.detail.c_str());

    QVERIFY(!DecisionBatch::explain(result, result.rows.size()).valid);
}

void tst_DecisionBatch::explainConditionNearMiss()
{
    // reference_policies_iam-condition-keys.md, iam:PassedToService: the console
    // passes the role to ec2.amazonaws.com, so a condition naming Lambda fails.
    const char *policy = R"({"Version": "2012-10-17", "Statement": [{"Sid": "PassToLambda", "Effect": "Allow",
        "Action": "iam:PassRole", "Resource": "*",
        "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}]})";
    const DecisionBatch batch(*m_account, m_catalog.get(), userScenario());
    const DecisionResult result = batch.run(policy);
    const DecisionRow *pass = find(result, "iam:PassRole", kS3Access);
    QCOMPARE(pass->outcome, Outcome::ImplicitDeny);
    const DecisionExplanation why = DecisionBatch::explain(result, static_cast<std::size_t>(pass - result.rows.data()));
    QCOMPARE(why.almostApplied.size(), std::size_t(1));
    QCOMPARE(why.almostApplied.front().failed, std::string("condition"));
    QCOMPARE(why.almostApplied.front().statement.sid, std::string("PassToLambda"));
    QVERIFY2(why.almostApplied.front().detail.find("`StringEquals` on `iam:PassedToService`") == 0,
             why.almostApplied.front().detail.c_str());
    QVERIFY2(why.almostApplied.front().detail.find("ec2.amazonaws.com") != std::string::npos,
             why.almostApplied.front().detail.c_str());
}

void tst_DecisionBatch::runsConcurrently()
{
    // A built batch is read-only: two threads may run it at once (LiveDecisions
    // runs it off the GUI thread while the GUI explains a row).
    const DecisionBatch batch(*m_account, m_catalog.get(), userScenario());
    DecisionResult a, b;
    std::thread first([&] { a = batch.run(kUserPolicy); });
    std::thread second([&] { b = batch.run(kUserPolicy); });
    first.join();
    second.join();
    QCOMPARE(a.rows.size(), b.rows.size());
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        QVERIFY(DecisionRow::sameKey(a.rows[i], b.rows[i]));
        QCOMPARE(a.rows[i].outcome, b.rows[i].outcome);
    }
}

QTEST_APPLESS_MAIN(tst_DecisionBatch)
#include "tst_DecisionBatch.moc"
