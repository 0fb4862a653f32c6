#pragma once

// The console's Roles list: Role name, Trusted entities (from the trust policy:
// "AWS Service: ec2", "Account: 111122223333"), Last activity (the last allowed
// call of any of its sessions, "None" if never), Creation time. A session's call
// refreshes that role's row only.

#include "EntityListModel.h"

class RolesModel : public EntityListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TrustedEntitiesColumn, LastActivityColumn, CreationColumn, ColumnCount };

    explicit RolesModel(WorkspaceDocument &document, QObject *parent = nullptr);

protected:
    iam::AccountChange::Entity entity() const override;
    std::vector<std::string> currentKeys() const override;
    QStringList headers() const override;
    QVariant cell(const std::string &key, int column, int role) const override;
    void relatedChange(const iam::AccountChange &change) override;
};
