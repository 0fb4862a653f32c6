#pragma once

// The IAM role dropdowns of EC2 (Launch instance's "IAM instance profile", Modify
// IAM role's "IAM role"): the account's instance profiles by name, in creation
// order, after one row that chooses none ("No IAM Role", or the launch wizard's
// "Select"). As in the console, the list is of instance profiles, not roles: a
// role created by the IAM console for EC2 has a profile of the same name. A new
// profile is one row inserted, so an open dropdown keeps its choice.
//
// Key (KeyRole): the profile's name, empty for the "none" row.

#include "RowListModel.h"

class InstanceProfileChoices : public RowListModel
{
    Q_OBJECT

public:
    enum ChoiceRole {
        ArnRole = FirstValueRole,   // the instance profile's ARN
        RoleNameRole,               // the role it holds, or empty
    };

    InstanceProfileChoices(WorkspaceDocument &document, const QString &noneText, QObject *parent = nullptr);

    // The row of a profile name (0, the "none" row, for an empty name); -1 when absent.
    int rowOfProfile(const QString &profileName) const { return rowOf(profileName); }
    QString profileAt(int row) const { return keyAt(row); }
    // Reads the account again (it is kept current anyway; this is the console's refresh button).
    using RowListModel::refresh;

protected:
    QStringList headers() const override;
    std::vector<Row> currentRows() const override;
    bool affectedBy(const iam::AccountChange &change) const override;

private:
    QString m_noneText;
};
