#pragma once

// A managed policy's "Entities attached" tab: every user, group and role that
// attaches the policy (Permissions policy) or has it as its permissions boundary,
// one row each, users then groups then roles in the account's order. Updated in
// place: one attach is one row inserted, one detach one row removed.

#include "PrincipalKind.h"

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace iam { struct AccountChange; }
class WorkspaceDocument;

class PolicyEntitiesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, AttachedAsColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1,   // int(PrincipalKind)
        BoundaryRole,                  // bool: attached as the permissions boundary
    };

    struct Entity
    {
        PrincipalKind kind = PrincipalKind::User;
        QString name;
        bool boundary = false;   // the permissions boundary, not a permissions policy

        friend bool operator==(const Entity &, const Entity &) = default;
    };

    PolicyEntitiesModel(WorkspaceDocument &document, const QString &policyArn, QObject *parent = nullptr);

    QString policyArn() const { return m_arn; }
    Entity entityAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Entity> currentEntities() const;
    void onEntityChanged(const iam::AccountChange &change);
    void reload();
    // Turns the rows into `wanted` by removing and inserting rows (a reset only if
    // the account reordered what both hold, which IAM never does).
    void update(const std::vector<Entity> &wanted);

    WorkspaceDocument &m_document;
    QString m_arn;
    std::vector<Entity> m_rows;
};
