#pragma once

// The decisions panel's table: one row per request (action on a resource, and for
// a trust policy per caller) with its Allowed / Denied (explicit) / Denied
// (implicit) badge, and whether the outcome changed with the last edit.
//
// setRows() takes each new computation and updates the table in place: rows that
// stay get a dataChanged only when what they show changed, rows that come or go
// are inserted or removed where they stand (rows are kept sorted by
// DecisionRow::keyLess, so a keystroke that adds an action inserts its rows and
// resets nothing).

#include "DecisionResult.h"

#include <QAbstractTableModel>
#include <QColor>

#include <optional>
#include <vector>

class DecisionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ActionColumn, ResourceColumn, DecisionColumn, ChangedColumn, ColumnCount };
    enum Role {
        OutcomeRole = Qt::UserRole + 1,   // int(iam::Outcome)
        ChangedRole,                      // bool: the outcome differs from the previous computation
        PreviousOutcomeRole,              // int(iam::Outcome), or invalid for a new row
        BadgeColorRole,                   // QColor of the outcome's badge
        CallerRole,                       // QString: who asks (trust policy rows), empty for the principal
        KeyActionRole,                    // bool: one of the walkthrough's key actions
        NamedByPolicyRole,                // bool: named by the edited policy
        ReasonRole,                       // QString: AWS's words for a denial
    };

    explicit DecisionsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // `rows` sorted by DecisionRow::keyLess, each key once. With `markChanges`, a
    // row whose outcome differs from the one shown so far, or that is new, is
    // marked changed; without, no row is (a new principal: nothing to compare with).
    void setRows(std::vector<iam::DecisionRow> rows, bool markChanges);
    void clear();

    const iam::DecisionRow &rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)].decision; }
    int changedCount() const;

    // "Allowed", "Denied (explicit)", "Denied (implicit)".
    static QString badgeText(iam::Outcome outcome);
    static QColor badgeColor(iam::Outcome outcome);

private:
    struct Row
    {
        iam::DecisionRow decision;
        bool changed = false;
        std::optional<iam::Outcome> previous;
    };

    void emitRowsChanged(const std::vector<int> &rows);

    std::vector<Row> m_rows;
};
