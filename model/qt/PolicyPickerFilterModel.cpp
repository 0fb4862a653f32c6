#include "PolicyPickerFilterModel.h"

PolicyPickerFilterModel::PolicyPickerFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PolicyPickerFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateRowsFilter();
}

void PolicyPickerFilterModel::setKindFilter(std::optional<PolicyPickerModel::PolicyKind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

bool PolicyPickerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, PolicyPickerModel::NameColumn, sourceParent);
    if (m_kind && index.data(PolicyPickerModel::PolicyKindRole).toInt() != int(*m_kind))
        return false;
    return m_searchText.isEmpty()
        || index.data(PolicyPickerModel::FilterRole).toString().contains(m_searchText, Qt::CaseInsensitive);
}
