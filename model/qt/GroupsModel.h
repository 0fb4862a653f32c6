#pragma once

// The console's User groups list: Group name, Users (how many are members),
// Permissions (how many policies it holds, attached and inline), Creation time.
// Membership is kept on the users, so a user's change refreshes the counts.

#include "EntityListModel.h"

class GroupsModel : public EntityListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, UsersColumn, PermissionsColumn, CreationColumn, ColumnCount };

    explicit GroupsModel(WorkspaceDocument &document, QObject *parent = nullptr);

protected:
    iam::AccountChange::Entity entity() const override;
    std::vector<std::string> currentKeys() const override;
    QStringList headers() const override;
    QVariant cell(const std::string &key, int column, int role) const override;
    void relatedChange(const iam::AccountChange &change) override;

private:
    int memberCount(const std::string &group) const;
};
