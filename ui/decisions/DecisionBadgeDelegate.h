#pragma once

// Paints the decisions table's Decision column as the console's status badges (a
// green "Allowed", a red "Denied (explicit)", an amber "Denied (implicit)") and its
// Changed column as an orange dot on rows whose outcome changed with the last edit.

#include <QStyledItemDelegate>

class DecisionBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};
