#include "RowListModel.h"

#include "WorkspaceDocument.h"

#include <QSet>

#include <algorithm>

RowListModel::RowListModel(WorkspaceDocument &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(&document, &WorkspaceDocument::entityChanged, this, &RowListModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &RowListModel::reload);
}

int RowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RowListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant RowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() < row.cells.size() ? row.cells[index.column()] : QString();
    if (role == KeyRole)
        return row.key;
    if (role >= FirstValueRole && role - FirstValueRole < row.values.size())
        return row.values[role - FirstValueRole];
    return {};
}

QVariant RowListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList names = headers();
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    return names[section];
}

QString RowListModel::keyAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].key : QString();
}

int RowListModel::rowOf(const QString &key) const
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [&key](const Row &row) { return row.key == key; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

bool RowListModel::affectedBy(const iam::AccountChange &change) const
{
    using Entity = iam::AccountChange::Entity;
    switch (change.entity) {
    case Entity::User:
    case Entity::Group:
    case Entity::Role:
    case Entity::Policy:
    case Entity::InstanceProfile:
        return true;
    case Entity::Instance:
    case Entity::Bucket:
    case Entity::Event:
    case Entity::Account:
        return false;
    }
    return false;
}

void RowListModel::reload()
{
    beginResetModel();
    m_rows = currentRows();
    endResetModel();
}

void RowListModel::onEntityChanged(const iam::AccountChange &change)
{
    if (change.kind == iam::AccountChange::Kind::Reset && change.entity == iam::AccountChange::Entity::Account)
        reload();
    else if (affectedBy(change))
        refresh();
}

void RowListModel::refresh()
{
    const std::vector<Row> next = currentRows();
    if (next == m_rows)
        return;
    removeMissing(next);
    insertAndUpdate(next);
    Q_ASSERT(m_rows == next);
}

// Rows whose key is gone, removed bottom-up in contiguous runs (one signal a run).
void RowListModel::removeMissing(const std::vector<Row> &next)
{
    QSet<QString> keep;
    for (const Row &row : next)
        keep.insert(row.key);
    int last = int(m_rows.size()) - 1;
    while (last >= 0) {
        if (keep.contains(m_rows[std::size_t(last)].key)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !keep.contains(m_rows[std::size_t(first - 1)].key))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        last = first - 1;
    }
}

// Every remaining row is in `next`: walk it, inserting runs of new rows, moving a
// row that changed place (rare: a group left and joined again), updating the rest.
void RowListModel::insertAndUpdate(const std::vector<Row> &next)
{
    QSet<QString> present;
    for (const Row &row : m_rows)
        present.insert(row.key);
    std::size_t i = 0;
    while (i < next.size()) {
        if (!present.contains(next[i].key)) {
            std::size_t end = i + 1;
            while (end < next.size() && !present.contains(next[end].key))
                ++end;
            beginInsertRows({}, int(i), int(end - 1));
            m_rows.insert(m_rows.begin() + std::ptrdiff_t(i), next.begin() + std::ptrdiff_t(i),
                          next.begin() + std::ptrdiff_t(end));
            endInsertRows();
            i = end;
            continue;
        }
        if (m_rows[i].key != next[i].key) {
            const int from = rowOf(next[i].key);
            beginMoveRows({}, from, from, {}, int(i));
            std::rotate(m_rows.begin() + std::ptrdiff_t(i), m_rows.begin() + from, m_rows.begin() + from + 1);
            endMoveRows();
        }
        if (!(m_rows[i] == next[i])) {
            m_rows[i] = next[i];
            emit dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
        }
        ++i;
    }
}
