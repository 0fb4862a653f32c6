#include "LinkItemDelegate.h"

void LinkItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QColor link = option->palette.color(QPalette::Link);
    option->palette.setColor(QPalette::Text, link);
    option->palette.setColor(QPalette::HighlightedText, link);
}
