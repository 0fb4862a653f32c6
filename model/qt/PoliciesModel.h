#pragma once

// The console's Policies list: every AWS-managed policy (the catalog's, fixed) and
// the account's customer-managed ones, with Policy name, Type, Used as and
// Description. Kept in step with the account one change at a time: a created
// policy is one row inserted; attaching or detaching a policy (or setting a
// permissions boundary) refreshes the rows whose "Used as" changed, and only those.
//
//   PoliciesModel policies(doc);
//   proxy.setSourceModel(&policies);
//   proxy.setFilterRole(PoliciesModel::TypeRole);   // int(PoliciesModel::PolicyType)
//
// "Used as" counts the users, groups and roles that attach the policy (permissions
// policy) or have it as their permissions boundary. The counts are kept in a table
// updated on change: data() never walks the principals.

#include "EntityListModel.h"

#include <string>
#include <unordered_map>

class PoliciesModel : public EntityListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, UsedAsColumn, DescriptionColumn };
    // The console's "Filter by Type" choices.
    enum class PolicyType { AwsManaged, JobFunction, CustomerManaged };
    enum PolicyRole {
        TypeRole = FilterRole + 1,   // int(PolicyType)
    };

    struct Usage
    {
        int permissions = 0;   // attached to this many users, groups and roles
        int boundaries = 0;    // the permissions boundary of this many users and roles

        friend bool operator==(const Usage &, const Usage &) = default;
    };

    explicit PoliciesModel(WorkspaceDocument &document, QObject *parent = nullptr);

    // "AWS managed", "AWS managed - job function", "Customer managed".
    static QString typeName(PolicyType type);
    // By the ARN's account ("aws" for AWS-managed ones) and the policy's path.
    static PolicyType typeOf(const std::string &arn, const std::string &path);
    // "Permissions policy (2)", "Permissions boundary (1)", "None".
    static QString usedAsText(const Usage &usage);

    Usage usage(const QString &arn) const;

protected:
    iam::AccountChange::Entity entity() const override { return iam::AccountChange::Entity::Policy; }
    std::vector<std::string> currentKeys() const override;
    QStringList headers() const override;
    QVariant cell(const std::string &key, int column, int role) const override;
    void relatedChange(const iam::AccountChange &change) override;

private:
    using UsageTable = std::unordered_map<std::string, Usage>;
    UsageTable countUsage() const;

    // Read afresh from the account with the keys (currentKeys(): every reset and
    // insert), and on every change of a user, group or role.
    mutable UsageTable m_usage;
};
