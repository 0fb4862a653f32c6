#pragma once

// What the "Permissions policies" list shows of a PolicyPickerModel: the policies
// whose name contains the search text (case-insensitive, as the console's filter
// box matches), of the type chosen in "Filter by Type", sorted by the clicked column.
//
//   PolicyPickerFilterModel filter;
//   filter.setSourceModel(&pickerModel);
//   filter.setSearchText("AmazonS3ReadOnly");
//   filter.setKindFilter(PolicyPickerModel::PolicyKind::AwsManaged);   // or std::nullopt: all types

#include "PolicyPickerModel.h"

#include <QSortFilterProxyModel>

#include <optional>

class PolicyPickerFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PolicyPickerFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setKindFilter(std::optional<PolicyPickerModel::PolicyKind> kind);
    std::optional<PolicyPickerModel::PolicyKind> kindFilter() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    std::optional<PolicyPickerModel::PolicyKind> m_kind;
};
