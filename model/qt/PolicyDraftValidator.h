#pragma once

// The rules the console's Create policy "Review and create" step checks before it
// enables Create policy, with the console's messages. An empty message means valid.
//
//   PolicyDraftValidator::nameError(account, "bad name!");
//   // "Use alphanumeric and '+=,.@-_' characters. Maximum 128 characters."

#include <QList>
#include <QPair>
#include <QString>

namespace iam { class Account; }

class PolicyDraftValidator
{
public:
    static constexpr int kMaxNameLength = 128;
    static constexpr int kMaxDescriptionLength = 1000;
    static constexpr int kMaxTags = 50;

    // The constraint the console shows under the name field.
    static QString nameConstraint();

    // CreatePolicy's PolicyName: 1 to 128 of [\w+=,.@-]; unique in the account
    // regardless of case. An empty name gives nameConstraint().
    static QString nameError(const iam::Account &account, const QString &name);
    // Same rules as a role's description and tags (CreatePolicy takes the same shapes).
    static QString descriptionError(const QString &description);
    static QString tagsError(const QList<QPair<QString, QString>> &tags);
};
