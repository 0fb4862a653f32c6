#include "PolicyPickerModel.h"

#include "WorkspaceDocument.h"

#include <algorithm>

namespace {

constexpr std::string_view kAwsPolicyPrefix = "arn:aws:iam::aws:policy/";

bool isAwsManagedArn(std::string_view arn)
{
    return arn.substr(0, kAwsPolicyPrefix.size()) == kAwsPolicyPrefix;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

PolicyPickerModel::PolicyPickerModel(WorkspaceDocument &document, QObject *parent)
    : EntityListModel(document, parent)
{
    // Connected after the base class, so a removed policy's row is gone before its
    // check is dropped, and a replaced account's rows are new before checks clear.
    connect(&document, &WorkspaceDocument::entityChanged, this, &PolicyPickerModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &PolicyPickerModel::onAccountReplaced);
    reload();
}

Qt::ItemFlags PolicyPickerModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (m_disabled.contains(keyAt(index.row())))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

bool PolicyPickerModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString arn = keyAt(index.row());
    if (m_disabled.contains(arn))
        return false;
    setChecked(arn, value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

void PolicyPickerModel::setChecked(const QString &arn, bool checked)
{
    if (checked == m_checked.contains(arn) || (checked && rowOf(arn) < 0))
        return;
    if (checked)
        m_checked.append(arn);
    else
        m_checked.removeAll(arn);
    refreshArns({arn});
    emit checkedChanged();
}

void PolicyPickerModel::setCheckedPolicyArns(const QStringList &arns)
{
    QStringList wanted;
    for (const QString &arn : arns) {
        if (!wanted.contains(arn) && rowOf(arn) >= 0)
            wanted.append(arn);
    }
    if (wanted == m_checked)
        return;
    QStringList touched = m_checked + wanted;
    m_checked = wanted;
    refreshArns(touched);
    emit checkedChanged();
}

void PolicyPickerModel::setDisabledPolicyArns(const QStringList &arns)
{
    const QStringList touched = m_disabled + arns;
    m_disabled = arns;
    refreshArns(touched);
}

QString PolicyPickerModel::kindText(PolicyKind kind)
{
    switch (kind) {
    case PolicyKind::AwsManaged: return tr("AWS managed");
    case PolicyKind::CustomerManaged: return tr("Customer managed");
    case PolicyKind::JobFunction: return tr("AWS managed - job function");
    }
    return {};
}

PolicyPickerModel::PolicyKind PolicyPickerModel::kindOf(const iam::Account &account, const QString &arn)
{
    const std::string key = arn.toStdString();
    if (!isAwsManagedArn(key))
        return PolicyKind::CustomerManaged;
    const iam::AwsManagedPolicies *aws = account.awsManaged();
    const iam::AwsManagedPolicy *policy = aws ? aws->find(key) : nullptr;
    // The console calls the policies under /job-function/ "AWS managed - job function".
    return policy && policy->path == "/job-function/" ? PolicyKind::JobFunction : PolicyKind::AwsManaged;
}

iam::AccountChange::Entity PolicyPickerModel::entity() const
{
    return iam::AccountChange::Entity::Policy;
}

std::vector<std::string> PolicyPickerModel::currentKeys() const
{
    const iam::Account &account = m_document.account();
    std::vector<std::string> keys;
    for (const iam::ManagedPolicy &policy : account.policies())
        keys.push_back(account.policyArn(policy));
    if (const iam::AwsManagedPolicies *aws = account.awsManaged()) {
        std::vector<const iam::AwsManagedPolicy *> all = aws->all();
        std::sort(all.begin(), all.end(), [](const iam::AwsManagedPolicy *a, const iam::AwsManagedPolicy *b) {
            return a->name < b->name;
        });
        for (const iam::AwsManagedPolicy *policy : all)
            keys.push_back(policy->arn);
    }
    return keys;
}

QStringList PolicyPickerModel::headers() const
{
    return {tr("Policy name"), tr("Type"), tr("Description")};
}

QVariant PolicyPickerModel::cell(const std::string &key, int column, int role) const
{
    const iam::Account &account = m_document.account();
    const QString arn = qs(key);
    const auto name = [&] { return qs(account.managedPolicyName(key)); };
    const auto description = [&]() -> QString {
        if (isAwsManagedArn(key)) {
            const iam::AwsManagedPolicies *aws = account.awsManaged();
            const iam::AwsManagedPolicy *policy = aws ? aws->find(key) : nullptr;
            return policy ? qs(policy->description) : QString();
        }
        const iam::ManagedPolicy *policy = account.findPolicy(key);
        return policy ? qs(policy->description) : QString();
    };

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: return name();
        case TypeColumn: return kindText(kindOf(account, arn));
        case DescriptionColumn: return description();
        default: return {};
        }
    case Qt::CheckStateRole:
        if (column == NameColumn)
            return m_checked.contains(arn) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        return column == DescriptionColumn ? description() : arn;
    case FilterRole:
    case PolicyNameRole:
        return name();
    case PolicyKindRole:
        return int(kindOf(account, arn));
    default:
        return {};
    }
}

void PolicyPickerModel::onEntityChanged(const iam::AccountChange &change)
{
    if (change.entity != iam::AccountChange::Entity::Policy || change.kind != iam::AccountChange::Kind::Removed)
        return;
    const QString arn = qs(change.name);
    m_disabled.removeAll(arn);
    if (m_checked.removeAll(arn) > 0)
        emit checkedChanged();
}

void PolicyPickerModel::onAccountReplaced()
{
    m_disabled.clear();
    if (m_checked.isEmpty())
        return;
    m_checked.clear();
    emit checkedChanged();
}

void PolicyPickerModel::refreshArns(const QStringList &arns)
{
    for (const QString &arn : arns) {
        const int row = rowOf(arn);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}
