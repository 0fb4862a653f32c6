#include "InstancesModel.h"

#include "WorkspaceDocument.h"

#include <QColor>

namespace {

// The console's empty cell.
const QString kNone = QStringLiteral("\u2013");

} // namespace

InstancesModel::InstancesModel(WorkspaceDocument &document, QObject *parent)
    : EntityListModel(document, parent)
{
    reload();
}

QString InstancesModel::stateText(const std::string &state)
{
    QString text = QString::fromStdString(state);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString InstancesModel::iamRoleOf(const iam::Account &account, const iam::Ec2Instance &instance)
{
    if (instance.instanceProfile.empty())
        return {};
    const iam::InstanceProfile *profile = account.findInstanceProfile(instance.instanceProfile);
    return profile ? QString::fromStdString(profile->role) : QString();
}

iam::AccountChange::Entity InstancesModel::entity() const
{
    return iam::AccountChange::Entity::Instance;
}

std::vector<std::string> InstancesModel::currentKeys() const
{
    std::vector<std::string> keys;
    for (const iam::Ec2Instance &instance : m_document.account().instances())
        keys.push_back(instance.id);
    return keys;
}

QStringList InstancesModel::headers() const
{
    return {tr("Name"), tr("Instance ID"), tr("Instance state"), tr("Instance type"), tr("Availability zone"),
            tr("IAM role")};
}

QString InstancesModel::display(const iam::Ec2Instance &instance, int column) const
{
    switch (column) {
    case NameColumn: return instance.name.empty() ? kNone : QString::fromStdString(instance.name);
    case InstanceIdColumn: return QString::fromStdString(instance.id);
    case StateColumn: return stateText(instance.state);
    case TypeColumn: return QString::fromStdString(instance.instanceType);
    case ZoneColumn: return QString::fromStdString(instance.region + "a");
    case IamRoleColumn: {
        const QString role = iamRoleOf(m_document.account(), instance);
        return role.isEmpty() ? kNone : role;
    }
    }
    return {};
}

QVariant InstancesModel::cell(const std::string &key, int column, int role) const
{
    const iam::Ec2Instance *instance = m_document.account().findInstance(key);
    if (!instance)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*instance, column);
    case SortRole:
        // An unnamed instance sorts first, not among the dashes.
        return column == NameColumn ? QString::fromStdString(instance->name) : display(*instance, column);
    case StateRole:
        return QString::fromStdString(instance->state);
    case Qt::DecorationRole:
        if (column != StateColumn)
            return {};
        // The console's state dot: green while running, red once stopped, grey when gone.
        if (instance->state == "running")
            return QColor(0x03, 0x7f, 0x0c);
        if (instance->state == "stopped" || instance->state == "stopping")
            return QColor(0xd1, 0x32, 0x12);
        if (instance->state == "pending")
            return QColor(0x00, 0x73, 0xbb);
        return QColor(0x8d, 0x99, 0xa8);
    case Qt::ToolTipRole:
        if (column == IamRoleColumn && !instance->instanceProfile.empty())
            return tr("Instance profile: %1").arg(QString::fromStdString(instance->instanceProfile));
        return {};
    }
    return {};
}

void InstancesModel::relatedChange(const iam::AccountChange &change)
{
    // The IAM role column reads through the instance profile: a role added to or
    // removed from it (or the profile deleted) changes the rows of its instances.
    if (change.entity != iam::AccountChange::Entity::InstanceProfile)
        return;
    for (const iam::Ec2Instance &instance : m_document.account().instances()) {
        if (instance.instanceProfile == change.name)
            refreshRow(instance.id);
    }
}
