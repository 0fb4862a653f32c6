// The walkthrough's starting point: who exists, what lab-user may (not yet) do,
// and that it is the same account on every run.

#include "DefaultWorkspace.h"

#include "AccountApi.h"
#include "AccountComparison.h"
#include "Authorizer.h"
#include "FakeAwsManagedPolicies.h"
#include "PolicyParser.h"
#include "StdStringPrinting.h"
#include "Workspace.h"

#include <QtTest>

using namespace iam;
using iam::testing::AccountComparison;
using iam::testing::FakeAwsManagedPolicies;

class tst_DefaultWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void holdsTheWalkthroughsStartingPoint();
    void labUserMayOnlyLookAtItself_data();
    void labUserMayOnlyLookAtItself();
    void rootMayDoAnything();
    void isTheSameOnEveryRun();
    void isAConsistentWorkspace();
    void walkthroughCallsReplayIdentically();
};

void tst_DefaultWorkspace::holdsTheWalkthroughsStartingPoint()
{
    FakeAwsManagedPolicies catalog;
    const std::unique_ptr<Account> account = defaultAccount(&catalog);
    QCOMPARE(account->accountId(), std::string("111122223333"));
    QCOMPARE(account->alias(), std::string("iam-studio-lab"));
    QCOMPARE(account->awsManaged(), static_cast<const AwsManagedPolicies *>(&catalog));
    QCOMPARE(account->now(), std::string("2024-05-01T09:00:00Z"));
    QVERIFY(defaultSignedIn() == CallerIdentity::root());

    QCOMPARE(account->users().size(), std::size_t(1));
    const User *labUser = account->findUser("lab-user");
    QVERIFY(labUser);
    QVERIFY(labUser->id.starts_with("AIDA"));
    QCOMPARE(labUser->id.size(), std::size_t(21));
    QVERIFY(labUser->attachedPolicies.empty());
    QVERIFY(labUser->groups.empty());
    QVERIFY(labUser->permissionsBoundary.empty());
    QCOMPARE(labUser->inlinePolicies.size(), std::size_t(1));
    QVERIFY(parsePolicy(labUser->inlinePolicies[0].document, "lab-user-self-service").ok());
    // The walkthrough creates these; they must not exist yet.
    QVERIFY(account->roles().empty());
    QVERIFY(account->policies().empty());
    QVERIFY(account->instanceProfiles().empty());
    QVERIFY(account->groups().empty());

    const S3Bucket *bucket = account->findBucket("lab-bucket-111122223333");
    QVERIFY(bucket);
    QVERIFY(bucket->policy.empty());   // private: only identity policies open it
    std::vector<std::string> keys;
    for (const S3Object &object : bucket->objects)
        keys.push_back(object.key);
    QVERIFY(std::is_sorted(keys.begin(), keys.end()));
    QVERIFY(std::find(keys.begin(), keys.end(), "notes.txt") != keys.end());
    QVERIFY(std::find(keys.begin(), keys.end(), "data/report.csv") != keys.end());

    QCOMPARE(account->instances().size(), std::size_t(1));
    const Ec2Instance *instance = account->findInstance("i-0abc1234def567890");
    QVERIFY(instance);
    QCOMPARE(instance->name, std::string("lab-instance"));
    QCOMPARE(instance->state, std::string("running"));
    QVERIFY(instance->instanceProfile.empty());
    QVERIFY(instance->associationId.empty());
    QVERIFY(account->eventLog().events().empty());
}

void tst_DefaultWorkspace::labUserMayOnlyLookAtItself_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("allowed");
    const QString self = "arn:aws:iam::111122223333:user/lab-user";
    QTest::newRow("get-own-user") << "iam:GetUser" << self << true;
    QTest::newRow("change-own-password") << "iam:ChangePassword" << self << true;
    QTest::newRow("list-own-policies") << "iam:ListAttachedUserPolicies" << self << true;
    QTest::newRow("password-policy") << "iam:GetAccountPasswordPolicy" << "*" << true;
    QTest::newRow("get-other-user") << "iam:GetUser" << "arn:aws:iam::111122223333:user/admin" << false;
    QTest::newRow("attach-own-policy") << "iam:AttachUserPolicy" << self << false;
    // What IAM-User-Policy will grant later.
    QTest::newRow("no-ec2-yet") << "ec2:AssociateIamInstanceProfile"
                                << "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890" << false;
    QTest::newRow("no-describe-instances") << "ec2:DescribeInstances" << "*" << false;
    QTest::newRow("no-pass-role-yet") << "iam:PassRole" << "arn:aws:iam::111122223333:role/S3Access" << false;
    // The walkthrough's last step: from the laptop, aws s3 ls is denied.
    QTest::newRow("no-list-buckets") << "s3:ListAllMyBuckets" << "*" << false;
    QTest::newRow("no-read-object") << "s3:GetObject" << "arn:aws:s3:::lab-bucket-111122223333/notes.txt" << false;
}

void tst_DefaultWorkspace::labUserMayOnlyLookAtItself()
{
    QFETCH(QString, action);
    QFETCH(QString, resource);
    QFETCH(bool, allowed);
    const std::unique_ptr<Account> account = defaultAccount(nullptr);
    const AuthorizationCheck check =
        Authorizer(*account).authorize(CallerIdentity::user("lab-user"), action.toStdString(), resource.toStdString());
    QCOMPARE(check.allowed(), allowed);
    if (!allowed)
        QCOMPARE(check.outcome, Outcome::ImplicitDeny);
}

void tst_DefaultWorkspace::rootMayDoAnything()
{
    const std::unique_ptr<Account> account = defaultAccount(nullptr);
    const Authorizer authorizer(*account);
    QVERIFY(authorizer.authorize(CallerIdentity::root(), "iam:CreateRole", "arn:aws:iam::111122223333:role/S3Access")
                .allowed());
    QVERIFY(authorizer.authorize(CallerIdentity::root(), "s3:ListAllMyBuckets", "*").allowed());
}

void tst_DefaultWorkspace::isTheSameOnEveryRun()
{
    const std::unique_ptr<Account> first = defaultAccount(nullptr);
    const std::unique_ptr<Account> second = defaultAccount(nullptr);
    const AccountComparison comparison(*first, *second);
    QVERIFY2(comparison.differences().empty(), comparison.summary().c_str());
    QCOMPARE(workspaceJson(*first, defaultSignedIn()), workspaceJson(*second, defaultSignedIn()));
    // Ids made next are the same too.
    QCOMPARE(first->newId("AROA"), second->newId("AROA"));
}

void tst_DefaultWorkspace::isAConsistentWorkspace()
{
    FakeAwsManagedPolicies catalog;
    const std::unique_ptr<Account> account = defaultAccount(&catalog);
    const std::string text = workspaceJson(*account, defaultSignedIn());
    const WorkspaceLoad load = readWorkspace(text, "default.iamstudio", &catalog);
    QVERIFY(load.ok());
    QVERIFY(load.diagnostics.empty());
    const AccountComparison comparison(*account, *load.workspace->account);
    QVERIFY2(comparison.differences().empty(), comparison.summary().c_str());
    QCOMPARE(load.workspace->account->now(), std::string("2024-05-01T09:00:00Z"));
    QCOMPARE(load.workspace->account->newId("AROA"), account->newId("AROA"));
}

void tst_DefaultWorkspace::walkthroughCallsReplayIdentically()
{
    // The walkthrough's last step from the laptop, and the user looking at itself,
    // through the account's API: the same outcome, event and time on every run, and
    // across a save and a load.
    std::string logs[2];
    for (std::string &log : logs) {
        const std::unique_ptr<Account> account = defaultAccount(nullptr);
        AccountApi api(*account);
        const CallResult listBuckets = api.call(CallerIdentity::user("lab-user"), "s3", "ListBuckets", nlohmann::json::object(),
                                                CallSource::Terminal);
        QCOMPARE(listBuckets.cliError("ListBuckets"),
                 std::string("An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied"));
        const CallResult getUser = api.call(CallerIdentity::user("lab-user"), "iam", "GetUser");
        QVERIFY2(getUser.ok(), getUser.cliError("GetUser").c_str());
        QCOMPARE(account->eventLog().events().size(), std::size_t(2));
        QCOMPARE(account->eventLog().events()[0].time, std::string("2024-05-01T09:00:00Z"));
        QVERIFY(!account->eventLog().events()[0].allowed);

        const WorkspaceLoad load = readWorkspace(workspaceJson(*account, defaultSignedIn()), "walkthrough.iamstudio");
        QVERIFY(load.ok());
        const AccountComparison comparison(*account, *load.workspace->account);
        QVERIFY2(comparison.differences().empty(), comparison.summary().c_str());
        log = workspaceJson(*load.workspace->account, load.workspace->signedIn);
    }
    QCOMPARE(logs[0], logs[1]);
}

QTEST_APPLESS_MAIN(tst_DefaultWorkspace)
#include "tst_DefaultWorkspace.moc"
