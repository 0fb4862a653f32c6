#pragma once

// The groups a user belongs to, as the user's Groups tab lists them: Group name
// and the group's attached policies. Updated in place as the user joins and
// leaves groups and as the groups' policies change.

#include "RowListModel.h"

class UserGroupsModel : public RowListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, PoliciesColumn, ColumnCount };

    UserGroupsModel(WorkspaceDocument &document, const QString &userName, QObject *parent = nullptr);

protected:
    QStringList headers() const override;
    std::vector<Row> currentRows() const override;

private:
    QString m_userName;
};
