#include "DecisionsModel.h"

#include <QFont>

#include <algorithm>

DecisionsModel::DecisionsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int DecisionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DecisionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DecisionsModel::badgeText(iam::Outcome outcome)
{
    switch (outcome) {
    case iam::Outcome::Allowed: return tr("Allowed");
    case iam::Outcome::ExplicitDeny: return tr("Denied (explicit)");
    case iam::Outcome::ImplicitDeny: return tr("Denied (implicit)");
    }
    return {};
}

QColor DecisionsModel::badgeColor(iam::Outcome outcome)
{
    // The console's status colours: success green, error red, and for "nothing
    // allows it" a muted amber, a warning rather than an error.
    switch (outcome) {
    case iam::Outcome::Allowed: return QColor(0x1d, 0x81, 0x02);
    case iam::Outcome::ExplicitDeny: return QColor(0xd1, 0x32, 0x12);
    case iam::Outcome::ImplicitDeny: return QColor(0x8a, 0x6a, 0x00);
    }
    return {};
}

QVariant DecisionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const iam::DecisionRow &decision = row.decision;
    const QString caller = QString::fromStdString(decision.caller);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ActionColumn: {
            const QString action = QString::fromStdString(decision.action);
            return caller.isEmpty() ? action : caller + QStringLiteral(": ") + action;
        }
        case ResourceColumn: return QString::fromStdString(decision.resource);
        case DecisionColumn: return badgeText(decision.outcome);
        case ChangedColumn: return row.changed ? tr("Changed") : QString();
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ActionColumn:
            if (decision.keyAction)
                return tr("A key action of the PassRole walkthrough");
            return {};
        case DecisionColumn:
            if (!decision.reason.empty())
                return QString::fromStdString(decision.reason);
            if (!decision.deciding.empty()) {
                const iam::DecidingStatement &first = decision.deciding.front();
                return tr("Allowed by %1, line %2").arg(QString::fromStdString(first.policy)).arg(first.line);
            }
            return {};
        case ChangedColumn:
            if (!row.changed)
                return {};
            return row.previous ? tr("Was %1 before the last edit").arg(badgeText(*row.previous))
                                : tr("New since the last edit");
        }
        return {};
    case Qt::FontRole:
        if (row.changed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        return index.column() == DecisionColumn ? QVariant(badgeColor(decision.outcome)) : QVariant();
    case OutcomeRole: return static_cast<int>(decision.outcome);
    case ChangedRole: return row.changed;
    case PreviousOutcomeRole: return row.previous ? QVariant(static_cast<int>(*row.previous)) : QVariant();
    case BadgeColorRole: return badgeColor(decision.outcome);
    case CallerRole: return caller;
    case KeyActionRole: return decision.keyAction;
    case NamedByPolicyRole: return decision.namedByPolicy;
    case ReasonRole: return QString::fromStdString(decision.reason);
    }
    return {};
}

QVariant DecisionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ActionColumn: return tr("Action");
    case ResourceColumn: return tr("Resource");
    case DecisionColumn: return tr("Decision");
    case ChangedColumn: return tr("Changed");
    }
    return {};
}

int DecisionsModel::changedCount() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.changed; }));
}

void DecisionsModel::clear()
{
    if (m_rows.empty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

void DecisionsModel::setRows(std::vector<iam::DecisionRow> rows, bool markChanges)
{
    using iam::DecisionRow;
    // 1. Rows whose key is gone leave, in runs, from the bottom up.
    std::vector<bool> kept(m_rows.size(), false);
    for (std::size_t i = 0, j = 0; i < m_rows.size() && j < rows.size();) {
        if (DecisionRow::sameKey(m_rows[i].decision, rows[j])) {
            kept[i++] = true;
            ++j;
        } else if (DecisionRow::keyLess(m_rows[i].decision, rows[j])) {
            ++i;
        } else {
            ++j;
        }
    }
    for (int last = static_cast<int>(m_rows.size()) - 1; last >= 0;) {
        if (kept[static_cast<std::size_t>(last)]) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !kept[static_cast<std::size_t>(first - 1)])
            --first;
        beginRemoveRows({}, first, last);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        last = first - 1;
    }

    // 2. What is left is the kept rows, in order: walk the new list, updating
    // those in place and inserting each run of new rows where it belongs.
    std::vector<int> touched;
    std::size_t at = 0;
    for (std::size_t j = 0; j < rows.size();) {
        if (at < m_rows.size() && DecisionRow::sameKey(m_rows[at].decision, rows[j])) {
            Row &row = m_rows[at];
            const bool outcomeChanged = row.decision.outcome != rows[j].outcome;
            const bool changed = markChanges && outcomeChanged;
            if (outcomeChanged || changed != row.changed || row.decision.reason != rows[j].reason)
                touched.push_back(static_cast<int>(at));
            row.previous = changed ? std::optional(row.decision.outcome) : std::nullopt;
            row.changed = changed;
            // Always take the new row: its statement positions and request
            // indices belong to the new computation, which explain() reads.
            row.decision = std::move(rows[j]);
            ++at;
            ++j;
            continue;
        }
        std::size_t end = j;
        while (end < rows.size() && !(at < m_rows.size() && DecisionRow::sameKey(m_rows[at].decision, rows[end])))
            ++end;
        const int first = static_cast<int>(at);
        beginInsertRows({}, first, first + static_cast<int>(end - j) - 1);
        std::vector<Row> added;
        added.reserve(end - j);
        for (std::size_t k = j; k < end; ++k)
            added.push_back(Row{std::move(rows[k]), markChanges, std::nullopt});
        m_rows.insert(m_rows.begin() + first, std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
        endInsertRows();
        at += end - j;
        j = end;
    }
    emitRowsChanged(touched);
}

void DecisionsModel::emitRowsChanged(const std::vector<int> &rows)
{
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t end = i;
        while (end + 1 < rows.size() && rows[end + 1] == rows[end] + 1)
            ++end;
        emit dataChanged(index(rows[i], 0), index(rows[end], ColumnCount - 1));
        i = end + 1;
    }
}
