#pragma once

// Who may assume a new role, as the console's "Select trusted entity" step asks it:
// the trusted entity type and that type's options. TrustPolicyBuilder turns it into
// the trust policy the console generates.

#include <QString>
#include <QStringList>

struct TrustedEntity
{
    enum class Type { AwsService, AwsAccount, WebIdentity, Saml, Custom };
    // The console's web identity providers ("Identity provider").
    enum class WebIdentityProvider { Cognito, LoginWithAmazon, Facebook, Google };
    // SAML 2.0 federation: "Allow programmatic access only" or "... and AWS Management Console access".
    enum class SamlAccess { ProgrammaticOnly, ProgrammaticAndConsole };

    Type type = Type::AwsService;

    // AWS service: the service principals of the chosen use case ("ec2.amazonaws.com").
    QStringList servicePrincipals;

    // AWS account: this account or another one (12 digits), and the options.
    QString accountId;
    bool requireExternalId = false;
    QString externalId;
    bool requireMfa = false;

    // Web identity: the provider and its audience (application id, identity pool id).
    WebIdentityProvider webIdentityProvider = WebIdentityProvider::Cognito;
    QString audience;

    // SAML 2.0 federation: the provider's ARN, the access, and for programmatic
    // access only the SAML attribute ("SAML:sub") and value the role requires.
    QString samlProviderArn;
    SamlAccess samlAccess = SamlAccess::ProgrammaticAndConsole;
    QString samlAttribute;
    QString samlAttributeValue;

    // Custom trust policy: the document as the user wrote it.
    QString customDocument;
};
