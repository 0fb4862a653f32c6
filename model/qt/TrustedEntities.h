#pragma once

// Who may assume a role, read from its trust policy as the console's Roles list
// shows it in "Trusted entities":
//
//   {"Principal": {"Service": "ec2.amazonaws.com"}}                   -> "AWS Service: ec2"
//   {"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}          -> "Account: 111122223333"
//   {"Principal": {"Federated": "cognito-identity.amazonaws.com"}}    -> "Identity Provider: cognito-identity.amazonaws.com"
//
// Only Allow statements grant trust. A document that does not parse names nobody.

#include <QStringList>

#include <string>

// Each trusted entity once, in the order the policy names them.
QStringList trustedEntities(const std::string &trustPolicy);
// The list joined for a table cell: "AWS Service: ec2, Account: 111122223333".
QString trustedEntitiesText(const std::string &trustPolicy);
