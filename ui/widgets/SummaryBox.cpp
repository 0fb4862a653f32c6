#include "SummaryBox.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

SummaryBox::SummaryBox(QWidget *parent, int columns)
    : QGroupBox(tr("Summary"), parent)
    , m_grid(new QGridLayout(this))
    , m_columns(columns)
{
    setObjectName(QStringLiteral("summaryBox"));
    m_grid->setHorizontalSpacing(32);
    m_grid->setVerticalSpacing(12);
}

QLabel *SummaryBox::addField(const QString &objectName, const QString &label)
{
    auto *name = new QLabel(label, this);
    name->setProperty("class", QStringLiteral("muted"));
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->addWidget(name);
    cell->addWidget(value);
    m_grid->addLayout(cell, m_count / m_columns, m_count % m_columns, Qt::AlignTop);
    for (int column = 0; column < m_columns; ++column)
        m_grid->setColumnStretch(column, 1);
    ++m_count;
    return value;
}
