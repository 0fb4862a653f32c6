#pragma once

// A principal's "Permissions policies", as its Permissions tab lists them: the
// managed policies attached to it, its inline policies, and for a user also those
// of each group it belongs to. Columns: Policy name, Type ("AWS managed",
// "Customer managed", "Customer inline"), and for a role or group "Attached
// entities" (how many identities hold the managed policy), for a user "Attached
// via" ("Directly", "Group developers"). Updated in place: an attach is one
// rowsInserted, a detach one rowsRemoved.
//
//   PrincipalPoliciesModel model(doc, PrincipalKind::Role, "S3Access");
//   model.index(0, 0).data(PrincipalPoliciesModel::PolicyArnRole);   // empty for inline

#include "IamEntities.h"
#include "PrincipalKind.h"
#include "RowListModel.h"

class PrincipalPoliciesModel : public RowListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, AttachedColumn, ColumnCount };
    enum PolicyRole {
        PolicyArnRole = FirstValueRole,   // QString: the managed policy's ARN, empty for inline
        PolicyNameRole,                   // QString
        InlineRole,                       // bool
        ViaGroupRole,                     // QString: the group it comes from, empty when direct
    };

    PrincipalPoliciesModel(WorkspaceDocument &document, PrincipalKind kind, const QString &name,
                           QObject *parent = nullptr);

    PrincipalKind principalKind() const { return m_kind; }
    QString principalName() const { return m_name; }

    // "AWS managed", "AWS managed - job function", "Customer managed".
    static QString managedPolicyType(const QString &arn);

protected:
    QStringList headers() const override;
    std::vector<Row> currentRows() const override;

private:
    void appendPolicies(std::vector<Row> &rows, const std::vector<std::string> &attached,
                        const std::vector<iam::InlinePolicy> &inlinePolicies, const QString &group) const;
    int attachmentCount(const std::string &arn) const;

    PrincipalKind m_kind;
    QString m_name;
};
