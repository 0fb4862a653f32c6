#include "PoliciesModel.h"

#include "WorkspaceDocument.h"

namespace {

using Entity = iam::AccountChange::Entity;

// The policy behind a key: customer managed (the account's) or AWS managed.
struct PolicyRef
{
    const iam::ManagedPolicy *customer = nullptr;
    const iam::AwsManagedPolicy *aws = nullptr;

    std::string name() const { return customer ? customer->name : aws ? aws->name : std::string(); }
    std::string path() const { return customer ? customer->path : aws ? aws->path : std::string("/"); }
    std::string description() const { return customer ? customer->description : aws ? aws->description : std::string(); }
};

PolicyRef findPolicy(const iam::Account &account, const std::string &arn)
{
    if (const iam::ManagedPolicy *policy = account.findPolicy(arn))
        return {policy, nullptr};
    if (const iam::AwsManagedPolicies *aws = account.awsManaged())
        return {nullptr, aws->find(arn)};
    return {};
}

} // namespace

PoliciesModel::PoliciesModel(WorkspaceDocument &document, QObject *parent)
    : EntityListModel(document, parent)
{
    reload();
}

QString PoliciesModel::typeName(PolicyType type)
{
    switch (type) {
    case PolicyType::AwsManaged: return tr("AWS managed");
    case PolicyType::JobFunction: return tr("AWS managed - job function");
    case PolicyType::CustomerManaged: return tr("Customer managed");
    }
    return {};
}

PoliciesModel::PolicyType PoliciesModel::typeOf(const std::string &arn, const std::string &path)
{
    // arn:aws:iam::aws:policy/... is AWS's own account.
    if (arn.find(":iam::aws:policy/") == std::string::npos)
        return PolicyType::CustomerManaged;
    return path == "/job-function/" ? PolicyType::JobFunction : PolicyType::AwsManaged;
}

QString PoliciesModel::usedAsText(const Usage &usage)
{
    QStringList parts;
    if (usage.permissions > 0)
        parts.append(tr("Permissions policy (%1)").arg(usage.permissions));
    if (usage.boundaries > 0)
        parts.append(tr("Permissions boundary (%1)").arg(usage.boundaries));
    return parts.isEmpty() ? tr("None") : parts.join(QStringLiteral(", "));
}

PoliciesModel::Usage PoliciesModel::usage(const QString &arn) const
{
    const auto it = m_usage.find(arn.toStdString());
    return it == m_usage.end() ? Usage{} : it->second;
}

// AWS-managed policies first (the catalog's order), then the account's in creation
// order, so that a new customer policy is appended.
std::vector<std::string> PoliciesModel::currentKeys() const
{
    const iam::Account &account = m_document.account();
    std::vector<std::string> keys;
    if (const iam::AwsManagedPolicies *aws = account.awsManaged()) {
        const std::vector<const iam::AwsManagedPolicy *> all = aws->all();
        keys.reserve(all.size() + account.policies().size());
        for (const iam::AwsManagedPolicy *policy : all)
            keys.push_back(policy->arn);
    }
    for (const iam::ManagedPolicy &policy : account.policies())
        keys.push_back(account.policyArn(policy));
    m_usage = countUsage();
    return keys;
}

QStringList PoliciesModel::headers() const
{
    return {tr("Policy name"), tr("Type"), tr("Used as"), tr("Description")};
}

QVariant PoliciesModel::cell(const std::string &key, int column, int role) const
{
    const PolicyRef policy = findPolicy(m_document.account(), key);
    const PolicyType type = typeOf(key, policy.path());
    if (role == TypeRole)
        return int(type);
    if (role == FilterRole)
        return QString::fromStdString(policy.name());
    if (role == SortRole && column == UsedAsColumn) {
        const Usage counts = usage(QString::fromStdString(key));
        return counts.permissions + counts.boundaries;
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case NameColumn:
        return role == Qt::ToolTipRole ? QString::fromStdString(key) : QString::fromStdString(policy.name());
    case TypeColumn: return typeName(type);
    case UsedAsColumn: return usedAsText(usage(QString::fromStdString(key)));
    case DescriptionColumn: return QString::fromStdString(policy.description());
    default: return {};
    }
}

void PoliciesModel::relatedChange(const iam::AccountChange &change)
{
    if (change.entity != Entity::User && change.entity != Entity::Group && change.entity != Entity::Role)
        return;
    UsageTable now = countUsage();
    std::vector<std::string> changed;
    for (const auto &[arn, counts] : now) {
        const auto before = m_usage.find(arn);
        if (before == m_usage.end() || !(before->second == counts))
            changed.push_back(arn);
    }
    for (const auto &[arn, counts] : m_usage)
        if (!now.contains(arn))
            changed.push_back(arn);
    m_usage = std::move(now);
    for (const std::string &arn : changed)
        refreshRow(arn);
}

// Walks every user, group and role once: a few hundred at most, on a change, never
// per cell.
PoliciesModel::UsageTable PoliciesModel::countUsage() const
{
    const iam::Account &account = m_document.account();
    UsageTable table;
    const auto attach = [&](const std::vector<std::string> &arns) {
        for (const std::string &arn : arns)
            ++table[arn].permissions;
    };
    const auto bound = [&](const std::string &arn) {
        if (!arn.empty())
            ++table[arn].boundaries;
    };
    for (const iam::User &user : account.users()) {
        attach(user.attachedPolicies);
        bound(user.permissionsBoundary);
    }
    for (const iam::Group &group : account.groups())
        attach(group.attachedPolicies);
    for (const iam::Role &role : account.roles()) {
        attach(role.attachedPolicies);
        bound(role.permissionsBoundary);
    }
    return table;
}
