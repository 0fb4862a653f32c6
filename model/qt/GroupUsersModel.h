#pragma once

// The users in a group, as the group's Users tab lists them: User name, Last
// activity, Creation time. Membership is kept on the users; the rows follow it in
// place, and a member's call refreshes its last activity.

#include "RowListModel.h"

class GroupUsersModel : public RowListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, LastActivityColumn, CreationColumn, ColumnCount };

    GroupUsersModel(WorkspaceDocument &document, const QString &groupName, QObject *parent = nullptr);

protected:
    QStringList headers() const override;
    std::vector<Row> currentRows() const override;
    bool affectedBy(const iam::AccountChange &change) const override;

private:
    QString m_groupName;
};
