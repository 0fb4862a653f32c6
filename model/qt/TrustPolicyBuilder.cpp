#include "TrustPolicyBuilder.h"

#include "PolicyParser.h"

#include <nlohmann/json.hpp>

#include <QObject>
#include <QRegularExpression>

namespace {

using Json = nlohmann::ordered_json;
using Provider = TrustedEntity::WebIdentityProvider;

constexpr const char *kVersion = "2012-10-17";
// The audience of a SAML assertion meant for the AWS sign-in endpoint
// (id_roles_create_for-idp_saml.md).
constexpr const char *kSamlAudience = "https://signin.aws.amazon.com/saml";

std::string str(const QString &s)
{
    return s.toStdString();
}

QString document(Json statement)
{
    Json policy;
    policy["Version"] = kVersion;
    policy["Statement"] = Json::array({std::move(statement)});
    return QString::fromStdString(policy.dump(4));
}

// DESIGN.md, "The PassRole walkthrough": the console's service trust policy lists
// the action and the service principals as arrays, "Action" before "Principal".
QString servicePolicy(const QStringList &principals)
{
    Json services = Json::array();
    for (const QString &principal : principals)
        services.push_back(str(principal));
    Json statement;
    statement["Effect"] = "Allow";
    statement["Action"] = Json::array({"sts:AssumeRole"});
    statement["Principal"] = {{"Service", services}};
    return document(std::move(statement));
}

QString accountPolicy(const TrustedEntity &entity)
{
    Json statement;
    statement["Effect"] = "Allow";
    statement["Principal"] = {{"AWS", "arn:aws:iam::" + str(entity.accountId.trimmed()) + ":root"}};
    statement["Action"] = "sts:AssumeRole";
    Json condition = Json::object();
    if (entity.requireExternalId)
        condition["StringEquals"] = {{"sts:ExternalId", str(entity.externalId)}};
    if (entity.requireMfa)
        condition["Bool"] = {{"aws:MultiFactorAuthPresent", "true"}};
    if (!condition.empty())
        statement["Condition"] = std::move(condition);
    return document(std::move(statement));
}

QString webIdentityPolicy(const TrustedEntity &entity)
{
    const Provider provider = entity.webIdentityProvider;
    Json statement;
    statement["Effect"] = "Allow";
    statement["Principal"] = {{"Federated", str(TrustPolicyBuilder::webIdentityPrincipal(provider))}};
    statement["Action"] = "sts:AssumeRoleWithWebIdentity";
    statement["Condition"] = {
        {"StringEquals", {{str(TrustPolicyBuilder::webIdentityAudienceKey(provider)), str(entity.audience.trimmed())}}}};
    return document(std::move(statement));
}

QString samlPolicy(const TrustedEntity &entity)
{
    Json statement;
    statement["Effect"] = "Allow";
    statement["Principal"] = {{"Federated", str(entity.samlProviderArn.trimmed())}};
    statement["Action"] = "sts:AssumeRoleWithSAML";
    // Console access pins the assertion's audience to the AWS sign-in endpoint;
    // programmatic access only is limited by the attribute the user chose instead.
    if (entity.samlAccess == TrustedEntity::SamlAccess::ProgrammaticAndConsole)
        statement["Condition"] = {{"StringEquals", {{"SAML:aud", kSamlAudience}}}};
    else
        statement["Condition"] = {{"StringEquals", {{str(entity.samlAttribute), str(entity.samlAttributeValue)}}}};
    return document(std::move(statement));
}

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

} // namespace

QString TrustPolicyBuilder::build(const TrustedEntity &entity)
{
    switch (entity.type) {
    case TrustedEntity::Type::AwsService: return servicePolicy(entity.servicePrincipals);
    case TrustedEntity::Type::AwsAccount: return accountPolicy(entity);
    case TrustedEntity::Type::WebIdentity: return webIdentityPolicy(entity);
    case TrustedEntity::Type::Saml: return samlPolicy(entity);
    case TrustedEntity::Type::Custom: return entity.customDocument;
    }
    return {};
}

// The console's starting point: one statement with an empty principal to fill in.
QString TrustPolicyBuilder::customSkeleton()
{
    Json statement;
    statement["Sid"] = "Statement1";
    statement["Effect"] = "Allow";
    statement["Principal"] = Json::object();
    statement["Action"] = "sts:AssumeRole";
    return document(std::move(statement));
}

QString TrustPolicyBuilder::incompleteReason(const TrustedEntity &entity)
{
    switch (entity.type) {
    case TrustedEntity::Type::AwsService:
        return entity.servicePrincipals.isEmpty() ? QObject::tr("Choose a use case.") : QString();
    case TrustedEntity::Type::AwsAccount:
        if (!matches(QStringLiteral("[0-9]{12}"), entity.accountId.trimmed()))
            return QObject::tr("Enter a 12-digit account ID.");
        // AssumeRole's ExternalId: 2 to 1224 characters of [\w+=,.@:/-].
        if (entity.requireExternalId && !matches(QStringLiteral("[\\w+=,.@:/-]{2,1224}"), entity.externalId))
            return QObject::tr("The external ID must be 2 to 1224 characters: letters, digits and +=,.@:/-_.");
        return {};
    case TrustedEntity::Type::WebIdentity:
        if (entity.audience.trimmed().isEmpty())
            return QObject::tr("Enter the %1.").arg(webIdentityAudienceLabel(entity.webIdentityProvider).toLower());
        return {};
    case TrustedEntity::Type::Saml:
        if (!matches(QStringLiteral("arn:aws:iam::[0-9]{12}:saml-provider/[\\w+=,.@-]{1,128}"),
                     entity.samlProviderArn.trimmed()))
            return QObject::tr("Enter the ARN of a SAML provider: arn:aws:iam::111122223333:saml-provider/NAME.");
        if (entity.samlAccess == TrustedEntity::SamlAccess::ProgrammaticOnly
            && (entity.samlAttribute.isEmpty() || entity.samlAttributeValue.trimmed().isEmpty()))
            return QObject::tr("Choose an attribute and enter its value.");
        return {};
    case TrustedEntity::Type::Custom: {
        const iam::ParseResult parsed = iam::parsePolicy(str(entity.customDocument), "Trust policy");
        if (parsed.ok())
            return {};
        for (const iam::Diagnostic &diagnostic : parsed.diagnostics) {
            if (diagnostic.severity == iam::Diagnostic::Severity::Error)
                return QObject::tr("Ln %1, Col %2: %3")
                    .arg(diagnostic.where.line)
                    .arg(diagnostic.where.column)
                    .arg(QString::fromStdString(diagnostic.message));
        }
        return QObject::tr("The trust policy is not a JSON object.");
    }
    }
    return {};
}

// id_roles_create_for-idp_oidc.md lists each provider's principal and the key
// its application id is checked with.
QString TrustPolicyBuilder::webIdentityPrincipal(Provider provider)
{
    switch (provider) {
    case Provider::Cognito: return QStringLiteral("cognito-identity.amazonaws.com");
    case Provider::LoginWithAmazon: return QStringLiteral("www.amazon.com");
    case Provider::Facebook: return QStringLiteral("graph.facebook.com");
    case Provider::Google: return QStringLiteral("accounts.google.com");
    }
    return {};
}

QString TrustPolicyBuilder::webIdentityAudienceKey(Provider provider)
{
    switch (provider) {
    case Provider::Cognito: return QStringLiteral("cognito-identity.amazonaws.com:aud");
    case Provider::LoginWithAmazon: return QStringLiteral("www.amazon.com:app_id");
    case Provider::Facebook: return QStringLiteral("graph.facebook.com:app_id");
    case Provider::Google: return QStringLiteral("accounts.google.com:aud");
    }
    return {};
}

QString TrustPolicyBuilder::webIdentityProviderName(Provider provider)
{
    switch (provider) {
    case Provider::Cognito: return QObject::tr("Amazon Cognito");
    case Provider::LoginWithAmazon: return QObject::tr("Login with Amazon");
    case Provider::Facebook: return QObject::tr("Facebook");
    case Provider::Google: return QObject::tr("Google");
    }
    return {};
}

QString TrustPolicyBuilder::webIdentityAudienceLabel(Provider provider)
{
    switch (provider) {
    case Provider::Cognito: return QObject::tr("Identity pool ID");
    case Provider::LoginWithAmazon:
    case Provider::Facebook: return QObject::tr("Application ID");
    case Provider::Google: return QObject::tr("Audience");
    }
    return {};
}
