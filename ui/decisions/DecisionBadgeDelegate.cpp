#include "DecisionBadgeDelegate.h"

#include "DecisionsModel.h"

#include <QApplication>
#include <QPainter>

namespace {

constexpr int kPadding = 8;

} // namespace

void DecisionBadgeDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    QStyleOptionViewItem background(option);
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
}

void DecisionBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int column = index.column();
    if (column != DecisionsModel::DecisionColumn && column != DecisionsModel::ChangedColumn)
        return QStyledItemDelegate::paint(painter, option, index);
    paintBackground(painter, option, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (column == DecisionsModel::DecisionColumn) {
        const QString text = index.data().toString();
        QFont font = option.font;
        font.setBold(true);
        const QFontMetrics metrics(font);
        const int height = metrics.height() + 4;
        const QRect pill(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1,
                         metrics.horizontalAdvance(text) + 2 * kPadding, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(index.data(DecisionsModel::BadgeColorRole).value<QColor>());
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, text);
    } else if (index.data(DecisionsModel::ChangedRole).toBool()) {
        // The console's orange: "this is new since you last looked".
        const int diameter = 8;
        const QRect dot(option.rect.left() + kPadding, option.rect.center().y() - diameter / 2 + 1, diameter, diameter);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xec, 0x72, 0x11));
        painter->drawEllipse(dot);
        QFont font = option.font;
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                                   : QPalette::Text));
        painter->drawText(option.rect.adjusted(kPadding + diameter + 6, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                          index.data().toString());
    }
    painter->restore();
}

QSize DecisionBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    if (index.column() == DecisionsModel::DecisionColumn)
        size.setWidth(metrics.horizontalAdvance(index.data().toString()) + 2 * kPadding + 8);
    else if (index.column() == DecisionsModel::ChangedColumn)
        size.setWidth(metrics.horizontalAdvance(tr("Changed")) + 2 * kPadding + 14);
    size.setHeight(std::max(size.height(), metrics.height() + 8));
    return size;
}
