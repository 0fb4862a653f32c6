// "Trusted entities" as the Roles list shows them, read from trust policies.

#include "TrustedEntities.h"

#include <QtTest>

class tst_TrustedEntities : public QObject
{
    Q_OBJECT

private slots:
    void text_data();
    void text();
};

void tst_TrustedEntities::text_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ec2-service") << R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})"
                                 << "AWS Service: ec2";
    QTest::newRow("account-root") << R"({"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}})"
                                  << "Account: 111122223333";
    QTest::newRow("bare-account-id") << R"({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "444455556666"}}]})"
                                     << "Account: 444455556666";
    QTest::newRow("role-arn") << R"({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/Ops"}}]})"
                              << "AWS: arn:aws:iam::444455556666:role/Ops";
    QTest::newRow("web-identity") << R"({"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": "cognito-identity.amazonaws.com"}}]})"
                                  << "Identity Provider: cognito-identity.amazonaws.com";
    QTest::newRow("several-in-order-once") << R"({"Statement": [
        {"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com", "ec2.amazonaws.com"], "AWS": "111122223333"}},
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}}]})"
                                           << "AWS Service: lambda, AWS Service: ec2, Account: 111122223333";
    QTest::newRow("deny-grants-no-trust") << R"({"Statement": [{"Effect": "Deny", "Principal": {"Service": "ec2.amazonaws.com"}}]})"
                                          << "";
    QTest::newRow("not-json") << "{\"Statement\": [" << "";
}

void tst_TrustedEntities::text()
{
    QFETCH(QString, policy);
    QFETCH(QString, expected);
    QCOMPARE(trustedEntitiesText(policy.toStdString()), expected);
}

QTEST_APPLESS_MAIN(tst_TrustedEntities)
#include "tst_TrustedEntities.moc"
