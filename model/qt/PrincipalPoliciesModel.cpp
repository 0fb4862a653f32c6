#include "PrincipalPoliciesModel.h"

#include "WorkspaceDocument.h"

#include <algorithm>

namespace {

bool holds(const std::vector<std::string> &attached, const std::string &arn)
{
    return std::find(attached.begin(), attached.end(), arn) != attached.end();
}

} // namespace

PrincipalPoliciesModel::PrincipalPoliciesModel(WorkspaceDocument &document, PrincipalKind kind, const QString &name,
                                               QObject *parent)
    : RowListModel(document, parent)
    , m_kind(kind)
    , m_name(name)
{
    reload();
}

QString PrincipalPoliciesModel::managedPolicyType(const QString &arn)
{
    if (arn.startsWith(QLatin1String("arn:aws:iam::aws:policy/job-function/")))
        return tr("AWS managed - job function");
    if (arn.startsWith(QLatin1String("arn:aws:iam::aws:policy/")))
        return tr("AWS managed");
    return tr("Customer managed");
}

QStringList PrincipalPoliciesModel::headers() const
{
    return {tr("Policy name"), tr("Type"), m_kind == PrincipalKind::User ? tr("Attached via") : tr("Attached entities")};
}

std::vector<RowListModel::Row> PrincipalPoliciesModel::currentRows() const
{
    const iam::Account &account = m_document.account();
    const std::string name = m_name.toStdString();
    std::vector<Row> rows;
    switch (m_kind) {
    case PrincipalKind::Role:
        if (const iam::Role *role = account.findRole(name))
            appendPolicies(rows, role->attachedPolicies, role->inlinePolicies, {});
        break;
    case PrincipalKind::Group:
        if (const iam::Group *group = account.findGroup(name))
            appendPolicies(rows, group->attachedPolicies, group->inlinePolicies, {});
        break;
    case PrincipalKind::User:
        if (const iam::User *user = account.findUser(name)) {
            appendPolicies(rows, user->attachedPolicies, user->inlinePolicies, {});
            // What a user may do includes its groups' policies (the console lists
            // them "Attached via" the group; they are removed on the group's page).
            for (const std::string &groupName : user->groups) {
                if (const iam::Group *group = account.findGroup(groupName))
                    appendPolicies(rows, group->attachedPolicies, group->inlinePolicies,
                                   QString::fromStdString(groupName));
            }
        }
        break;
    }
    return rows;
}

void PrincipalPoliciesModel::appendPolicies(std::vector<Row> &rows, const std::vector<std::string> &attached,
                                            const std::vector<iam::InlinePolicy> &inlinePolicies,
                                            const QString &group) const
{
    const iam::Account &account = m_document.account();
    const QString via = group.isEmpty() ? tr("Directly") : tr("Group %1").arg(group);
    const QString keyPrefix = group.isEmpty() ? QString() : QStringLiteral("group:%1:").arg(group);
    for (const std::string &arn : attached) {
        const QString policyArn = QString::fromStdString(arn);
        const QString name = QString::fromStdString(account.managedPolicyName(arn));
        const QString third = m_kind == PrincipalKind::User ? via : QString::number(attachmentCount(arn));
        rows.push_back({keyPrefix + QStringLiteral("managed:") + policyArn,
                        {name, managedPolicyType(policyArn), third},
                        {policyArn, name, false, group}});
    }
    for (const iam::InlinePolicy &policy : inlinePolicies) {
        const QString name = QString::fromStdString(policy.name);
        // An inline policy belongs to this one identity; the console shows a dash.
        const QString third = m_kind == PrincipalKind::User ? via : QStringLiteral("-");
        rows.push_back({keyPrefix + QStringLiteral("inline:") + name,
                        {name, tr("Customer inline"), third},
                        {QString(), name, true, group}});
    }
}

int PrincipalPoliciesModel::attachmentCount(const std::string &arn) const
{
    const iam::Account &account = m_document.account();
    const auto count = [&arn](const auto &entities) {
        return std::count_if(entities.begin(), entities.end(),
                             [&arn](const auto &entity) { return holds(entity.attachedPolicies, arn); });
    };
    return int(count(account.users()) + count(account.groups()) + count(account.roles()));
}
