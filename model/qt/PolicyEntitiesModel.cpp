#include "PolicyEntitiesModel.h"

#include "WorkspaceDocument.h"

#include <algorithm>

PolicyEntitiesModel::PolicyEntitiesModel(WorkspaceDocument &document, const QString &policyArn, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_arn(policyArn)
{
    connect(&document, &WorkspaceDocument::entityChanged, this, &PolicyEntitiesModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &PolicyEntitiesModel::reload);
    m_rows = currentEntities();
}

PolicyEntitiesModel::Entity PolicyEntitiesModel::entityAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)] : Entity{};
}

int PolicyEntitiesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PolicyEntitiesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyEntitiesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entity &entity = m_rows[std::size_t(index.row())];
    switch (role) {
    case KindRole: return int(entity.kind);
    case BoundaryRole: return entity.boundary;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return entity.name;
        case TypeColumn: return principalKindName(entity.kind);
        case AttachedAsColumn: return entity.boundary ? tr("Permissions boundary") : tr("Permissions policy");
        default: return {};
        }
    default: return {};
    }
}

QVariant PolicyEntitiesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Entity name");
    case TypeColumn: return tr("Entity type");
    case AttachedAsColumn: return tr("Attached as");
    default: return {};
    }
}

std::vector<PolicyEntitiesModel::Entity> PolicyEntitiesModel::currentEntities() const
{
    const iam::Account &account = m_document.account();
    const std::string arn = m_arn.toStdString();
    std::vector<Entity> entities;
    const auto add = [&](PrincipalKind kind, const std::string &name, const std::vector<std::string> &attached,
                         const std::string &boundary) {
        if (std::find(attached.begin(), attached.end(), arn) != attached.end())
            entities.push_back({kind, QString::fromStdString(name), false});
        if (boundary == arn)
            entities.push_back({kind, QString::fromStdString(name), true});
    };
    for (const iam::User &user : account.users())
        add(PrincipalKind::User, user.name, user.attachedPolicies, user.permissionsBoundary);
    for (const iam::Group &group : account.groups())
        add(PrincipalKind::Group, group.name, group.attachedPolicies, {});
    for (const iam::Role &role : account.roles())
        add(PrincipalKind::Role, role.name, role.attachedPolicies, role.permissionsBoundary);
    return entities;
}

void PolicyEntitiesModel::onEntityChanged(const iam::AccountChange &change)
{
    using Changed = iam::AccountChange::Entity;
    switch (change.entity) {
    case Changed::User:
    case Changed::Group:
    case Changed::Role:
    case Changed::Account:
        update(currentEntities());
        break;
    default:
        break;
    }
}

void PolicyEntitiesModel::reload()
{
    beginResetModel();
    m_rows = currentEntities();
    endResetModel();
}

void PolicyEntitiesModel::update(const std::vector<Entity> &wanted)
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (std::find(wanted.begin(), wanted.end(), m_rows[std::size_t(row)]) != wanted.end())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    for (std::size_t row = 0; row < wanted.size(); ++row) {
        if (row < m_rows.size() && m_rows[row] == wanted[row])
            continue;
        if (std::find(m_rows.begin() + std::ptrdiff_t(row), m_rows.end(), wanted[row]) != m_rows.end()) {
            reload();   // reordered: not something IAM does
            return;
        }
        beginInsertRows({}, int(row), int(row));
        m_rows.insert(m_rows.begin() + std::ptrdiff_t(row), wanted[row]);
        endInsertRows();
    }
}
