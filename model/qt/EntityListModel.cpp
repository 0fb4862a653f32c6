#include "EntityListModel.h"

#include "WorkspaceDocument.h"

#include <algorithm>

EntityListModel::EntityListModel(WorkspaceDocument &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(&document, &WorkspaceDocument::entityChanged, this, &EntityListModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &EntityListModel::reload);
}

int EntityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int EntityListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant EntityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::string &key = m_keys[std::size_t(index.row())];
    if (role == KeyRole)
        return QString::fromStdString(key);
    return cell(key, index.column(), role);
}

QVariant EntityListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList names = headers();
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    return names[section];
}

QString EntityListModel::keyAt(int row) const
{
    return row >= 0 && row < int(m_keys.size()) ? QString::fromStdString(m_keys[std::size_t(row)]) : QString();
}

int EntityListModel::rowOf(const QString &key) const
{
    const auto it = std::find(m_keys.begin(), m_keys.end(), key.toStdString());
    return it == m_keys.end() ? -1 : int(it - m_keys.begin());
}

void EntityListModel::relatedChange(const iam::AccountChange &)
{
}

void EntityListModel::reload()
{
    beginResetModel();
    m_keys = currentKeys();
    endResetModel();
}

void EntityListModel::refreshAllRows()
{
    if (!m_keys.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void EntityListModel::refreshRow(const std::string &key)
{
    const auto it = std::find(m_keys.begin(), m_keys.end(), key);
    if (it == m_keys.end())
        return;
    const int row = int(it - m_keys.begin());
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void EntityListModel::onEntityChanged(const iam::AccountChange &change)
{
    using Kind = iam::AccountChange::Kind;
    if (change.entity != entity() || change.kind == Kind::Reset) {
        if (change.kind == Kind::Reset && change.entity == iam::AccountChange::Entity::Account)
            reload();
        else
            relatedChange(change);
        return;
    }
    switch (change.kind) {
    case Kind::Added: insertKey(change.name); break;
    case Kind::Removed: removeKey(change.name); break;
    case Kind::Modified:
        refreshRow(change.name);
        relatedChange(change);
        break;
    case Kind::Reset: break;
    }
}

// The new key goes where the account has it, so the model's order stays the
// account's (creation order) whatever mix of adds and removes came before.
void EntityListModel::insertKey(const std::string &key)
{
    if (std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end())
        return;
    const std::vector<std::string> now = currentKeys();
    const auto at = std::find(now.begin(), now.end(), key);
    if (at == now.end())
        return;   // not one this model lists (a filtered subclass)
    // Insert after the nearest key before it that the model already has.
    std::size_t row = 0;
    for (auto it = std::make_reverse_iterator(at); it != now.rend(); ++it) {
        const auto found = std::find(m_keys.begin(), m_keys.end(), *it);
        if (found != m_keys.end()) {
            row = std::size_t(found - m_keys.begin()) + 1;
            break;
        }
    }
    beginInsertRows({}, int(row), int(row));
    m_keys.insert(m_keys.begin() + std::ptrdiff_t(row), key);
    endInsertRows();
}

void EntityListModel::removeKey(const std::string &key)
{
    const auto it = std::find(m_keys.begin(), m_keys.end(), key);
    if (it == m_keys.end())
        return;
    const int row = int(it - m_keys.begin());
    beginRemoveRows({}, row, row);
    m_keys.erase(it);
    endRemoveRows();
}
