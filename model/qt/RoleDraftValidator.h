#pragma once

// The rules the console's "Name, review, and create" step checks before it enables
// Create role, with the console's messages. An empty message means valid.
//
//   RoleDraftValidator::nameError(account, "bad name!");
//   // "Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters."
//   RoleDraftValidator::nameError(account, "s3access");   // when S3Access exists
//   // "Role with name s3access already exists."

#include <QList>
#include <QPair>
#include <QString>

namespace iam { class Account; }

class RoleDraftValidator
{
public:
    static constexpr int kMaxNameLength = 64;
    static constexpr int kMaxDescriptionLength = 1000;
    static constexpr int kMaxTags = 50;
    static constexpr int kMaxTagKeyLength = 128;
    static constexpr int kMaxTagValueLength = 256;

    // The constraint the console shows under each field.
    static QString nameConstraint();
    static QString descriptionConstraint();

    // Role names: 1 to 64 of [\w+=,.@-], unique in the account regardless of case.
    // An empty name gives nameConstraint().
    static QString nameError(const iam::Account &account, const QString &name);
    // Descriptions: at most 1000 of the characters the console allows.
    static QString descriptionError(const QString &description);
    // Tags: a key on every row, keys unique, at most 50, IAM's lengths and characters.
    static QString tagsError(const QList<QPair<QString, QString>> &tags);
};
