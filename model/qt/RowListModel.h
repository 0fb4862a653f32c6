#pragma once

// A table derived from the account that is not one entity list: a principal's
// policies, a role's tags, a user's groups. The subclass says what the rows are
// now (currentRows()); on every relevant account change the model computes them
// again and applies the difference in place: rows that went away are removed,
// new ones inserted where they belong, changed ones get a dataChanged. A single
// attach is one rowsInserted, never a reset. Rows are told apart by their key.
//
//   class TagsModel : public RowListModel {
//       QStringList headers() const override { return {tr("Key"), tr("Value")}; }
//       std::vector<Row> currentRows() const override;   // one row per tag, key = tag key
//   };
//
// Call reload() at the end of the subclass's constructor.

#include "AccountChange.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariantList>

#include <vector>

class WorkspaceDocument;

class RowListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    struct Row
    {
        QString key;           // unique among the rows
        QStringList cells;     // the display text, one per column
        QVariantList values;   // what the subclass's own roles return, from FirstValueRole on

        friend bool operator==(const Row &, const Row &) = default;
    };

    enum Role {
        KeyRole = Qt::UserRole + 1,        // the row's key (as EntityListModel::KeyRole)
        FirstValueRole = Qt::UserRole + 16,
    };

    explicit RowListModel(WorkspaceDocument &document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString keyAt(int row) const;
    int rowOf(const QString &key) const;

protected:
    virtual QStringList headers() const = 0;
    virtual std::vector<Row> currentRows() const = 0;
    // Whether a change may alter the rows. Default: any change to an IAM entity
    // (users, groups, roles, policies, instance profiles), not events, instances or buckets.
    virtual bool affectedBy(const iam::AccountChange &change) const;

    // Recomputes the rows and applies the difference.
    void refresh();
    // A full reset, for the constructor and a replaced account.
    void reload();

    WorkspaceDocument &m_document;

private:
    void onEntityChanged(const iam::AccountChange &change);
    void removeMissing(const std::vector<Row> &next);
    void insertAndUpdate(const std::vector<Row> &next);

    std::vector<Row> m_rows;
};
