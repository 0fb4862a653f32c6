#pragma once

// The console's Users list: User name, Groups (how many), Last activity (the
// user's last allowed call in the event log, "None" if never), Creation time.
// A call by a user refreshes that user's row only.

#include "EntityListModel.h"

class UsersModel : public EntityListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, GroupsColumn, LastActivityColumn, CreationColumn, ColumnCount };

    explicit UsersModel(WorkspaceDocument &document, QObject *parent = nullptr);

protected:
    iam::AccountChange::Entity entity() const override;
    std::vector<std::string> currentKeys() const override;
    QStringList headers() const override;
    QVariant cell(const std::string &key, int column, int role) const override;
    void relatedChange(const iam::AccountChange &change) override;
};
