#pragma once

// A table column drawn as the console draws its links (the name column of the
// Users and Roles lists): in the palette's link colour. The view decides what a
// click or activation does; this only makes the cell look like a way in.

#include <QStyledItemDelegate>

class LinkItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
