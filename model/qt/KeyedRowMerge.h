#pragma once

// Brings a list model's rows to a new answer of the same list (ListBuckets,
// ListObjectsV2) one row at a time, so that views keep their selection and
// scroll position: rows no longer there are removed, new ones inserted where
// the answer has them, changed ones reported through `changed`.
//
//   const bool inPlace = mergeKeyedRows(m_rows, std::move(next), ops);
//   if (!inPlace) { beginResetModel(); m_rows = std::move(next); endResetModel(); }
//
// Row needs a QString `key` (unique within a list) and operator==. Returns false,
// having changed nothing, when the rows both lists hold come in a different order
// (the caller resets then).

#include <QSet>
#include <QString>

#include <functional>
#include <vector>

struct KeyedRowOps
{
    std::function<void(int)> beginRemove;   // a row about to go
    std::function<void()> endRemove;
    std::function<void(int)> beginInsert;   // a row about to arrive at this position
    std::function<void()> endInsert;
    std::function<void(int)> changed;       // a row whose values changed
};

template <class Row>
bool mergeKeyedRows(std::vector<Row> &rows, const std::vector<Row> &next, const KeyedRowOps &ops)
{
    QSet<QString> nextKeys;
    QSet<QString> rowKeys;
    for (const Row &row : next)
        nextKeys.insert(row.key);
    for (const Row &row : rows)
        rowKeys.insert(row.key);
    // The kept rows must come in the same order in both lists.
    std::vector<const Row *> kept;
    for (const Row &row : rows) {
        if (nextKeys.contains(row.key))
            kept.push_back(&row);
    }
    std::size_t at = 0;
    for (const Row &row : next) {
        if (at < kept.size() && kept[at]->key == row.key)
            ++at;
        else if (rowKeys.contains(row.key))
            return false;
    }

    for (int i = int(rows.size()) - 1; i >= 0; --i) {
        if (!nextKeys.contains(rows[std::size_t(i)].key)) {
            ops.beginRemove(i);
            rows.erase(rows.begin() + i);
            ops.endRemove();
        }
    }
    for (std::size_t i = 0; i < next.size(); ++i) {
        if (i < rows.size() && rows[i].key == next[i].key) {
            if (!(rows[i] == next[i])) {
                rows[i] = next[i];
                ops.changed(int(i));
            }
            continue;
        }
        ops.beginInsert(int(i));
        rows.insert(rows.begin() + std::ptrdiff_t(i), next[i]);
        ops.endInsert();
    }
    return true;
}
