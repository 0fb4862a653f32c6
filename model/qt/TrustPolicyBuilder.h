#pragma once

// The trust policy the console's Create role generates for a trusted entity, as the
// console shows it (pretty-printed, 4 spaces, members in the console's order):
//
//   TrustedEntity ec2;
//   ec2.servicePrincipals = {"ec2.amazonaws.com"};
//   TrustPolicyBuilder::build(ec2);
//   // {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"],
//   //   "Principal": {"Service": ["ec2.amazonaws.com"]}}]}   (indented)
//
// What each type produces follows the IAM User Guide (awsdocs/iam-user-guide):
//   AWS service   doc_source/id_roles_create_for-service.md (and DESIGN.md's walkthrough)
//   AWS account   doc_source/id_roles_create_for-user.md: principal ACCOUNT:root, sts:AssumeRole,
//                 "Require external ID" adds StringEquals sts:ExternalId, "Require MFA"
//                 adds Bool aws:MultiFactorAuthPresent "true"
//   Web identity  doc_source/id_roles_create_for-idp_oidc.md: sts:AssumeRoleWithWebIdentity,
//                 Federated principal, StringEquals on the provider's aud / app_id key
//   SAML 2.0      doc_source/id_roles_create_for-idp_saml.md: sts:AssumeRoleWithSAML,
//                 console access adds StringEquals SAML:aud https://signin.aws.amazon.com/saml
//   Custom        doc_source/id_roles_create_for-custom.md: the user's document
//
// Pure functions of their input; thread-safe.

#include "TrustedEntity.h"

#include <QString>

class TrustPolicyBuilder
{
public:
    // The trust policy for `entity` (for Custom: its document as written).
    static QString build(const TrustedEntity &entity);

    // The document the console's "Custom trust policy" editor starts with.
    static QString customSkeleton();

    // Why the options of `entity` cannot make a role yet ("Enter a 12-digit account
    // ID."), or an empty string when they can. Custom documents are checked for
    // syntax only; the editor shows the full findings.
    static QString incompleteReason(const TrustedEntity &entity);

    // The web identity provider's federated principal ("accounts.google.com"), the
    // condition key its audience is checked with ("accounts.google.com:aud"), its name
    // in the console ("Google") and the label of its audience field ("Audience").
    static QString webIdentityPrincipal(TrustedEntity::WebIdentityProvider provider);
    static QString webIdentityAudienceKey(TrustedEntity::WebIdentityProvider provider);
    static QString webIdentityProviderName(TrustedEntity::WebIdentityProvider provider);
    static QString webIdentityAudienceLabel(TrustedEntity::WebIdentityProvider provider);
};
