// Whose activity an event is, and the last activity of users and roles.

#include "PrincipalActivity.h"
#include "WorkspaceDocument.h"

#include <QtTest>

class tst_PrincipalActivity : public QObject
{
    Q_OBJECT

private slots:
    void principalOfCallerArn();
    void roleActivityIsItsSessions();
};

void tst_PrincipalActivity::principalOfCallerArn()
{
    using Entity = iam::AccountChange::Entity;
    const auto user = eventPrincipal("arn:aws:iam::111122223333:user/division/lab-user");
    QVERIFY(user);
    QCOMPARE(user->entity, Entity::User);
    QCOMPARE(user->name, std::string("lab-user"));
    const auto role = eventPrincipal("arn:aws:sts::111122223333:assumed-role/S3Access/i-0abc1234def567890");
    QVERIFY(role);
    QCOMPARE(role->entity, Entity::Role);
    QCOMPARE(role->name, std::string("S3Access"));
    QVERIFY(!eventPrincipal("arn:aws:iam::111122223333:root"));
    QVERIFY(!eventPrincipal("garbage"));
}

void tst_PrincipalActivity::roleActivityIsItsSessions()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const nlohmann::json create = {
        {"RoleName", "S3Access"},
        {"AssumeRolePolicyDocument",
         R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})"}};
    QVERIFY(doc.call("iam", "CreateRole", create).ok());
    QVERIFY(doc.call("iam", "AttachRolePolicy", {{"RoleName", "S3Access"},
                                                 {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}}).ok());
    const iam::Account &account = doc.account();
    QVERIFY(!lastRoleActivity(account, *account.findRole("S3Access")));
    QCOMPARE(lastActivityText(account, nullptr), QStringLiteral("None"));
    QVERIFY(doc.api().call(iam::CallerIdentity::roleSession("S3Access", "s1"), "s3", "ListBuckets").ok());
    const iam::Event *last = lastRoleActivity(account, *account.findRole("S3Access"));
    QVERIFY(last);
    QCOMPARE(last->action, std::string("s3:ListBuckets"));
    QCOMPARE(eventOfChange(account.eventLog(), {iam::AccountChange::Kind::Added, iam::AccountChange::Entity::Event,
                                                std::to_string(last->sequence)}),
             last);
    QCOMPARE(lastActivityText(account, last), QStringLiteral("Now"));
}

QTEST_GUILESS_MAIN(tst_PrincipalActivity)
#include "tst_PrincipalActivity.moc"
