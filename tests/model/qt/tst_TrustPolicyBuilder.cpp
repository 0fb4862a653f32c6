// The trust policies the console's Create role generates, per trusted entity type,
// checked against the IAM User Guide's documents and DESIGN.md's walkthrough.

#include "TrustPolicyBuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

// DESIGN.md, "The PassRole walkthrough", as the console shows it.
const QString kEc2Trust = QStringLiteral(R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "sts:AssumeRole"
            ],
            "Principal": {
                "Service": [
                    "ec2.amazonaws.com"
                ]
            }
        }
    ]
})");

QJsonObject statementOf(const QString &policy)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(policy.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    if (document.object().value("Version").toString() != QStringLiteral("2012-10-17"))
        return {};
    return document.object().value("Statement").toArray().at(0).toObject();
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

TrustedEntity accountEntity(const QString &id)
{
    TrustedEntity entity;
    entity.type = TrustedEntity::Type::AwsAccount;
    entity.accountId = id;
    return entity;
}

} // namespace

class tst_TrustPolicyBuilder : public QObject
{
    Q_OBJECT

private slots:
    void ec2IsTheConsolesDocumentExactly();
    void otherServices();
    void account_data();
    void account();
    void webIdentity_data();
    void webIdentity();
    void samlConsoleAccess();
    void samlProgrammaticAccess();
    void customIsTheUsersDocument();
    void customSkeleton();
    void incompleteReason_data();
    void incompleteReason();
};

void tst_TrustPolicyBuilder::ec2IsTheConsolesDocumentExactly()
{
    TrustedEntity ec2;
    ec2.servicePrincipals = {QStringLiteral("ec2.amazonaws.com")};
    QCOMPARE(TrustPolicyBuilder::build(ec2), kEc2Trust);
    QVERIFY(TrustPolicyBuilder::incompleteReason(ec2).isEmpty());
}

void tst_TrustPolicyBuilder::otherServices()
{
    TrustedEntity lambda;
    lambda.servicePrincipals = {QStringLiteral("lambda.amazonaws.com")};
    const QJsonObject expected =
        json(R"({"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"Service": ["lambda.amazonaws.com"]}})");
    QCOMPARE(statementOf(TrustPolicyBuilder::build(lambda)), expected);
    TrustedEntity none;
    QVERIFY(!TrustPolicyBuilder::incompleteReason(none).isEmpty());
}

void tst_TrustPolicyBuilder::account_data()
{
    QTest::addColumn<bool>("externalId");
    QTest::addColumn<bool>("mfa");
    QTest::addColumn<QString>("expected");
    const QString base = QStringLiteral(
        R"("Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole")");
    QTest::newRow("no-options") << false << false << "{" + base + "}";
    QTest::newRow("external-id") << true << false
                                 << "{" + base + R"(, "Condition": {"StringEquals": {"sts:ExternalId": "Unique-ID-42"}}})";
    QTest::newRow("mfa") << false << true
                         << "{" + base + R"(, "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}})";
    QTest::newRow("both") << true << true
                          << "{" + base + R"(, "Condition": {"StringEquals": {"sts:ExternalId": "Unique-ID-42"},
                                                           "Bool": {"aws:MultiFactorAuthPresent": "true"}}})";
}

void tst_TrustPolicyBuilder::account()
{
    QFETCH(bool, externalId);
    QFETCH(bool, mfa);
    QFETCH(QString, expected);
    TrustedEntity entity = accountEntity(QStringLiteral("444455556666"));
    entity.requireExternalId = externalId;
    entity.externalId = QStringLiteral("Unique-ID-42");
    entity.requireMfa = mfa;
    QCOMPARE(statementOf(TrustPolicyBuilder::build(entity)), json(expected.toUtf8().constData()));
    QVERIFY(TrustPolicyBuilder::incompleteReason(entity).isEmpty());
}

void tst_TrustPolicyBuilder::webIdentity_data()
{
    using P = TrustedEntity::WebIdentityProvider;
    QTest::addColumn<int>("provider");
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::newRow("google") << int(P::Google) << "accounts.google.com" << "accounts.google.com:aud" << "Audience";
    QTest::newRow("facebook") << int(P::Facebook) << "graph.facebook.com" << "graph.facebook.com:app_id"
                              << "Application ID";
    QTest::newRow("amazon") << int(P::LoginWithAmazon) << "www.amazon.com" << "www.amazon.com:app_id"
                            << "Application ID";
    QTest::newRow("cognito") << int(P::Cognito) << "cognito-identity.amazonaws.com"
                             << "cognito-identity.amazonaws.com:aud" << "Identity pool ID";
}

void tst_TrustPolicyBuilder::webIdentity()
{
    QFETCH(int, provider);
    QFETCH(QString, principal);
    QFETCH(QString, key);
    QFETCH(QString, label);
    TrustedEntity entity;
    entity.type = TrustedEntity::Type::WebIdentity;
    entity.webIdentityProvider = TrustedEntity::WebIdentityProvider(provider);
    QCOMPARE(TrustPolicyBuilder::webIdentityAudienceLabel(entity.webIdentityProvider), label);
    QVERIFY(!TrustPolicyBuilder::incompleteReason(entity).isEmpty());
    entity.audience = QStringLiteral("666777888999000");
    QVERIFY(TrustPolicyBuilder::incompleteReason(entity).isEmpty());
    const QJsonObject statement = statementOf(TrustPolicyBuilder::build(entity));
    QCOMPARE(statement.value("Effect").toString(), QStringLiteral("Allow"));
    QCOMPARE(statement.value("Action").toString(), QStringLiteral("sts:AssumeRoleWithWebIdentity"));
    const QJsonObject federated{{"Federated", principal}};
    const QJsonObject condition{{"StringEquals", QJsonObject{{key, "666777888999000"}}}};
    QCOMPARE(statement.value("Principal").toObject(), federated);
    QCOMPARE(statement.value("Condition").toObject(), condition);
}

void tst_TrustPolicyBuilder::samlConsoleAccess()
{
    TrustedEntity entity;
    entity.type = TrustedEntity::Type::Saml;
    entity.samlProviderArn = QStringLiteral("arn:aws:iam::111122223333:saml-provider/ExampleIdP");
    QVERIFY(TrustPolicyBuilder::incompleteReason(entity).isEmpty());
    const QJsonObject expected = json(
        R"({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/ExampleIdP"},
            "Action": "sts:AssumeRoleWithSAML",
            "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}})");
    QCOMPARE(statementOf(TrustPolicyBuilder::build(entity)), expected);
}

void tst_TrustPolicyBuilder::samlProgrammaticAccess()
{
    TrustedEntity entity;
    entity.type = TrustedEntity::Type::Saml;
    entity.samlProviderArn = QStringLiteral("arn:aws:iam::111122223333:saml-provider/ExampleIdP");
    entity.samlAccess = TrustedEntity::SamlAccess::ProgrammaticOnly;
    QVERIFY(!TrustPolicyBuilder::incompleteReason(entity).isEmpty());   // an attribute is required
    entity.samlAttribute = QStringLiteral("SAML:sub");
    entity.samlAttributeValue = QStringLiteral("alice");
    QVERIFY(TrustPolicyBuilder::incompleteReason(entity).isEmpty());
    const QJsonObject expected = json(R"({"StringEquals": {"SAML:sub": "alice"}})");
    QCOMPARE(statementOf(TrustPolicyBuilder::build(entity)).value("Condition").toObject(), expected);
}

void tst_TrustPolicyBuilder::customIsTheUsersDocument()
{
    TrustedEntity entity;
    entity.type = TrustedEntity::Type::Custom;
    entity.customDocument = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})");
    QCOMPARE(TrustPolicyBuilder::build(entity), entity.customDocument);
    QVERIFY(TrustPolicyBuilder::incompleteReason(entity).isEmpty());
    entity.customDocument = QStringLiteral("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n");
    const QString reason = TrustPolicyBuilder::incompleteReason(entity);
    QVERIFY2(reason.startsWith(QStringLiteral("Ln ")), qPrintable(reason));
}

void tst_TrustPolicyBuilder::customSkeleton()
{
    const QString skeleton = TrustPolicyBuilder::customSkeleton();
    const QJsonObject expected =
        json(R"({"Sid": "Statement1", "Effect": "Allow", "Principal": {}, "Action": "sts:AssumeRole"})");
    QCOMPARE(statementOf(skeleton), expected);
    QVERIFY(skeleton.contains(QStringLiteral("\n    \"Statement\": [\n        {\n            \"Sid\"")));
}

void tst_TrustPolicyBuilder::incompleteReason_data()
{
    QTest::addColumn<QString>("accountId");
    QTest::addColumn<bool>("requireExternalId");
    QTest::addColumn<QString>("externalId");
    QTest::addColumn<bool>("complete");
    QTest::newRow("twelve-digits") << "444455556666" << false << "" << true;
    QTest::newRow("eleven-digits") << "44445555666" << false << "" << false;
    QTest::newRow("letters") << "44445555666x" << false << "" << false;
    QTest::newRow("external-id-missing") << "444455556666" << true << "" << false;
    QTest::newRow("external-id-one-char") << "444455556666" << true << "x" << false;
    QTest::newRow("external-id-space") << "444455556666" << true << "a b" << false;
    QTest::newRow("external-id-ok") << "444455556666" << true << "ab:c/d=e" << true;
}

void tst_TrustPolicyBuilder::incompleteReason()
{
    QFETCH(QString, accountId);
    QFETCH(bool, requireExternalId);
    QFETCH(QString, externalId);
    QFETCH(bool, complete);
    TrustedEntity entity = accountEntity(accountId);
    entity.requireExternalId = requireExternalId;
    entity.externalId = externalId;
    QCOMPARE(TrustPolicyBuilder::incompleteReason(entity).isEmpty(), complete);
}

QTEST_APPLESS_MAIN(tst_TrustPolicyBuilder)
#include "tst_TrustPolicyBuilder.moc"
