#pragma once

// The console's "Permissions policies" chooser as a model: every managed policy the
// account can attach (its customer-managed ones in creation order, then AWS's,
// sorted by name), each row checkable in column 0. Columns: Policy name, Type,
// Description. Customer policies created or deleted while it is shown come and go
// in place; a deleted policy that was checked is unchecked.
//
//   PolicyPickerModel model(doc);
//   model.setCheckedPolicyArns({"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"});
//   connect(&model, &PolicyPickerModel::checkedChanged, ...);
//   model.checkedPolicyArns();   // in the order they were checked
//
// Filter it with PolicyPickerFilterModel (search text, type).

#include "EntityListModel.h"

#include <QStringList>

namespace iam {
class Account;
struct AccountChange;
}

class PolicyPickerModel : public EntityListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, DescriptionColumn, ColumnCount };
    // The console's policy types, as its "Filter by Type" lists them.
    enum class PolicyKind { AwsManaged, CustomerManaged, JobFunction };
    // Beyond EntityListModel's roles.
    enum PickerRole {
        PolicyKindRole = EntityListModel::FilterRole + 1,   // PolicyKind as int
        PolicyNameRole,                                     // the name alone (QString)
    };

    explicit PolicyPickerModel(WorkspaceDocument &document, QObject *parent = nullptr);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The checked policies, in the order the user checked them.
    QStringList checkedPolicyArns() const { return m_checked; }
    // Replaces the checked set; ARNs the model does not list are ignored.
    void setCheckedPolicyArns(const QStringList &arns);
    bool isChecked(const QString &arn) const { return m_checked.contains(arn); }
    void setChecked(const QString &arn, bool checked);

    // Rows shown but not checkable (greyed): policies already attached, when the
    // picker adds permissions to an existing role or user.
    void setDisabledPolicyArns(const QStringList &arns);

    // "AWS managed", "Customer managed", "AWS managed - job function".
    static QString kindText(PolicyKind kind);
    // The type of a managed policy of `account` (AWS's under /job-function/ are job functions).
    static PolicyKind kindOf(const iam::Account &account, const QString &arn);

signals:
    void checkedChanged();

protected:
    iam::AccountChange::Entity entity() const override;
    std::vector<std::string> currentKeys() const override;
    QStringList headers() const override;
    QVariant cell(const std::string &key, int column, int role) const override;

private:
    void onEntityChanged(const iam::AccountChange &change);
    void onAccountReplaced();
    void refreshArns(const QStringList &arns);

    QStringList m_checked;
    QStringList m_disabled;
};
