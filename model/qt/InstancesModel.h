#pragma once

// EC2 > Instances: Name, Instance ID, Instance state, Instance type, Availability
// zone, IAM role (the role in the instance's profile, "–" when none). Key: the
// instance id. A launch is one row inserted; a state change or a profile
// association is a dataChanged over that instance's row; a role added to or
// removed from an instance profile refreshes the rows of the instances that use it.

#include "EntityListModel.h"

namespace iam { class Account; struct Ec2Instance; }

class InstancesModel : public EntityListModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, InstanceIdColumn, StateColumn, TypeColumn, ZoneColumn, IamRoleColumn, ColumnCount };
    enum InstanceRole {
        StateRole = Qt::UserRole + 16,   // the EC2 state name: "running", "stopped", ...
    };

    explicit InstancesModel(WorkspaceDocument &document, QObject *parent = nullptr);

    // How the console shows a state: "Running", "Stopped", "Shutting-down".
    static QString stateText(const std::string &state);
    // The role an instance's profile holds, or empty (no profile, or a profile without a role).
    static QString iamRoleOf(const iam::Account &account, const iam::Ec2Instance &instance);

protected:
    iam::AccountChange::Entity entity() const override;
    std::vector<std::string> currentKeys() const override;
    QStringList headers() const override;
    QVariant cell(const std::string &key, int column, int role) const override;
    void relatedChange(const iam::AccountChange &change) override;

private:
    QString display(const iam::Ec2Instance &instance, int column) const;
};
