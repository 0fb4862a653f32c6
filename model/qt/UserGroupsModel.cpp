#include "UserGroupsModel.h"

#include "WorkspaceDocument.h"

UserGroupsModel::UserGroupsModel(WorkspaceDocument &document, const QString &userName, QObject *parent)
    : RowListModel(document, parent)
    , m_userName(userName)
{
    reload();
}

QStringList UserGroupsModel::headers() const
{
    return {tr("Group name"), tr("Attached policies")};
}

std::vector<RowListModel::Row> UserGroupsModel::currentRows() const
{
    const iam::Account &account = m_document.account();
    std::vector<Row> rows;
    const iam::User *user = account.findUser(m_userName.toStdString());
    if (!user)
        return rows;
    for (const std::string &groupName : user->groups) {
        QStringList policies;
        if (const iam::Group *group = account.findGroup(groupName)) {
            for (const std::string &arn : group->attachedPolicies)
                policies << QString::fromStdString(account.managedPolicyName(arn));
            for (const iam::InlinePolicy &policy : group->inlinePolicies)
                policies << QString::fromStdString(policy.name);
        }
        const QString name = QString::fromStdString(groupName);
        rows.push_back({name, {name, policies.join(QStringLiteral(", "))}, {}});
    }
    return rows;
}
