// AccountDelta: what a run of API calls changed, put back (undo) and again (redo)
// without replaying the calls.

#include "AccountDelta.h"
#include "IamFixture.h"
#include "Workspace.h"

#include <QtTest>

using namespace iam;
using namespace iam::testing;

namespace {

// Records every notification, to check that restores speak entity by entity.
class ChangeLog : public AccountObserver
{
public:
    explicit ChangeLog(Account &account) : m_account(account) { m_account.addObserver(this); }
    ~ChangeLog() override { m_account.removeObserver(this); }
    void accountChanged(const AccountChange &change) override { changes.push_back(change); }
    int count(AccountChange::Kind kind, AccountChange::Entity entity) const
    {
        return int(std::count_if(changes.begin(), changes.end(),
                                 [&](const AccountChange &c) { return c.kind == kind && c.entity == entity; }));
    }
    std::vector<AccountChange> changes;

private:
    Account &m_account;
};

// A copy of the account's state, through the workspace format.
std::unique_ptr<Account> copyOf(const Account &account)
{
    WorkspaceLoad load = readWorkspace(workspaceJson(account, CallerIdentity::root()), "copy", account.awsManaged());
    return std::move(load.workspace->account);
}

const std::string kS3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

} // namespace

class tst_AccountDelta : public QObject
{
    Q_OBJECT

private slots:
    void revertRemovesWhatTheCallsCreated();
    void reapplyRestoresTheSameEntitiesWithTheirIds();
    void revertRestoresAModifiedEntity();
    void revertPutsADeletedEntityBackInItsPlace();
    void restoresNotifyEntityByEntity();
    void refusedCallLeavesAnEmptyDelta();
    void awsManagedPolicyArnsAreNotEntities();
};

void tst_AccountDelta::revertRemovesWhatTheCallsCreated()
{
    IamFixture f;
    const auto before = copyOf(f.account());
    AccountDeltaRecorder recorder(f.account());
    IAM_VERIFY_OK(f.asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(f.asRoot("AttachRolePolicy", {{"RoleName", "S3Access"}, {"PolicyArn", kS3ReadOnly}}));
    IAM_VERIFY_OK(f.asRoot("CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}));
    IAM_VERIFY_OK(f.asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}}));
    const AccountDelta delta = recorder.finish();
    QVERIFY(!delta.empty());

    delta.revert(f.account());
    QVERIFY(!f.account().findRole("S3Access"));
    QVERIFY(!f.account().findInstanceProfile("S3Access"));
    QCOMPARE(changesBetween(*before, f.account()), std::string());
}

void tst_AccountDelta::reapplyRestoresTheSameEntitiesWithTheirIds()
{
    IamFixture f;
    AccountDeltaRecorder recorder(f.account());
    IAM_VERIFY_OK(f.asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(f.asRoot("CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}));
    IAM_VERIFY_OK(f.asRoot("AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}}));
    const AccountDelta delta = recorder.finish();
    const auto after = copyOf(f.account());
    const std::string roleId = f.account().findRole("S3Access")->id;

    delta.revert(f.account());
    delta.reapply(f.account());
    QCOMPARE(f.account().findRole("S3Access")->id, roleId);
    QCOMPARE(f.account().findInstanceProfile("S3Access")->role, std::string("S3Access"));
    QCOMPARE(changesBetween(*after, f.account()), std::string());
}

void tst_AccountDelta::revertRestoresAModifiedEntity()
{
    IamFixture f;
    IAM_VERIFY_OK(f.asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    AccountDeltaRecorder recorder(f.account());
    IAM_VERIFY_OK(f.asRoot("AttachRolePolicy", {{"RoleName", "S3Access"}, {"PolicyArn", kS3ReadOnly}}));
    const AccountDelta delta = recorder.finish();
    QCOMPARE(f.account().findRole("S3Access")->attachedPolicies.size(), std::size_t(1));

    delta.revert(f.account());
    QVERIFY(f.account().findRole("S3Access"));
    QVERIFY(f.account().findRole("S3Access")->attachedPolicies.empty());
    delta.reapply(f.account());
    QCOMPARE(f.account().findRole("S3Access")->attachedPolicies, std::vector<std::string>{kS3ReadOnly});
}

// Creation order is what the console lists by: an undone delete comes back in place.
void tst_AccountDelta::revertPutsADeletedEntityBackInItsPlace()
{
    IamFixture f;
    for (const char *name : {"ana", "ben", "cy"})
        IAM_VERIFY_OK(f.asRoot("CreateUser", {{"UserName", name}}));
    AccountDeltaRecorder recorder(f.account());
    IAM_VERIFY_OK(f.asRoot("DeleteUser", {{"UserName", "ben"}}));
    const AccountDelta delta = recorder.finish();
    QCOMPARE(f.account().users().size(), std::size_t(2));

    delta.revert(f.account());
    QCOMPARE(f.account().users().size(), std::size_t(3));
    QCOMPARE(f.account().users()[1].name, std::string("ben"));
}

void tst_AccountDelta::restoresNotifyEntityByEntity()
{
    IamFixture f;
    AccountDeltaRecorder recorder(f.account());
    IAM_VERIFY_OK(f.asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    IAM_VERIFY_OK(f.asRoot("CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}}));
    const AccountDelta delta = recorder.finish();

    ChangeLog log(f.account());
    delta.revert(f.account());
    QCOMPARE(log.count(AccountChange::Kind::Removed, AccountChange::Entity::Role), 1);
    QCOMPARE(log.count(AccountChange::Kind::Removed, AccountChange::Entity::InstanceProfile), 1);
    // A profile names its role: it goes first, so nobody sees a profile of a missing role.
    QCOMPARE(log.changes.front().entity, AccountChange::Entity::InstanceProfile);
    QCOMPARE(int(log.changes.size()), 2);

    log.changes.clear();
    delta.reapply(f.account());
    QCOMPARE(log.count(AccountChange::Kind::Added, AccountChange::Entity::Role), 1);
    QCOMPARE(log.changes.front().entity, AccountChange::Entity::Role);
}

void tst_AccountDelta::refusedCallLeavesAnEmptyDelta()
{
    IamFixture f;
    const CallerIdentity nobody = f.userWith("nobody");
    AccountDeltaRecorder recorder(f.account());
    const CallResult refused =
        f.iam(nobody, "CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}});
    QCOMPARE(refused.errorCode, std::string("AccessDenied"));
    QVERIFY(recorder.finish().empty());
}

void tst_AccountDelta::awsManagedPolicyArnsAreNotEntities()
{
    IamFixture f;
    IAM_VERIFY_OK(f.asRoot("CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kEc2Trust}}));
    AccountDeltaRecorder recorder(f.account());
    // Notifies the role and the AWS-managed policy's ARN; only the role is the account's.
    IAM_VERIFY_OK(f.asRoot("AttachRolePolicy", {{"RoleName", "S3Access"}, {"PolicyArn", kS3ReadOnly}}));
    const AccountDelta delta = recorder.finish();
    ChangeLog log(f.account());
    delta.revert(f.account());
    QCOMPARE(int(log.changes.size()), 1);
    QCOMPARE(log.changes.front().entity, AccountChange::Entity::Role);
}

QTEST_APPLESS_MAIN(tst_AccountDelta)
#include "tst_AccountDelta.moc"
