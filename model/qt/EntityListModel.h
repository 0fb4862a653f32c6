#pragma once

// A table of one kind of account entity (users, roles, policies, ...), kept in step
// with the account one change at a time: an added entity is a row inserted, a
// removed one a row removed, a modified one a dataChanged over its row. The model
// holds the entities' keys (names; ARNs for policies), never copies of them, and
// asks the account for everything it shows.
//
// A subclass says which entity it lists, what the keys are in the account's order,
// and what to show for a key:
//
//   class RolesModel : public EntityListModel {
//       iam::AccountChange::Entity entity() const override { return Entity::Role; }
//       std::vector<std::string> currentKeys() const override;   // role names, creation order
//       QVariant cell(const std::string &key, int column, int role) const override;
//   };
//
// Call reload() at the end of the subclass's constructor.

#include "AccountChange.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <string>
#include <vector>

class WorkspaceDocument;

class EntityListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Custom roles shared by every entity list.
    enum Role {
        KeyRole = Qt::UserRole + 1,   // the entity's key (QString): name, or ARN for policies
        SortRole,                     // what a column sorts by, when not its display text
        FilterRole,                   // the text a search box matches
    };

    explicit EntityListModel(WorkspaceDocument &document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The key shown in `row`, and the row of a key (-1 when absent).
    QString keyAt(int row) const;
    int rowOf(const QString &key) const;

protected:
    virtual iam::AccountChange::Entity entity() const = 0;
    virtual std::vector<std::string> currentKeys() const = 0;
    virtual QStringList headers() const = 0;
    virtual QVariant cell(const std::string &key, int column, int role) const = 0;
    // Another entity's change that alters rows of this model (a policy attached to
    // a role changes the policy's "used as"). Default: none.
    virtual void relatedChange(const iam::AccountChange &change);

    // Rebuilds the key list from the account (a full reset: use for New / Open).
    void reload();
    // A dataChanged over every row: for changes that touch all of them at once.
    void refreshAllRows();
    // A dataChanged over the row of `key`, if shown.
    void refreshRow(const std::string &key);

    WorkspaceDocument &m_document;

private:
    void onEntityChanged(const iam::AccountChange &change);
    void insertKey(const std::string &key);
    void removeKey(const std::string &key);

    std::vector<std::string> m_keys;
};
