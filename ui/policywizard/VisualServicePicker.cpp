#include "VisualServicePicker.h"

#include "Catalogs.h"
#include "PolicySummary.h"
#include "ServiceCatalog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

VisualServicePicker::VisualServicePicker(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("servicePicker"));
    createWidgets();
    connectSignals();
    showChoice();
}

void VisualServicePicker::createWidgets()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("serviceSearch"));
    m_search->setPlaceholderText(tr("Choose a service"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("serviceList"));
    m_list->setMinimumHeight(160);
    fillList();

    m_chosen = new QLabel(this);
    m_chosen->setObjectName(QStringLiteral("serviceLabel"));
    m_chosen->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_change = new QPushButton(tr("Change"), this);
    m_change->setObjectName(QStringLiteral("changeServiceButton"));

    auto *chosenRow = new QHBoxLayout;
    chosenRow->addWidget(m_chosen, 1);
    chosenRow->addWidget(m_change);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(chosenRow);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
}

void VisualServicePicker::connectSignals()
{
    connect(m_search, &QLineEdit::textChanged, this, &VisualServicePicker::filter);
    connect(m_list, &QListWidget::itemClicked, this, &VisualServicePicker::choose);
    connect(m_list, &QListWidget::itemActivated, this, &VisualServicePicker::choose);
    connect(m_change, &QPushButton::clicked, this, [this] {
        // Back to the list; the statement keeps its service until another is chosen.
        m_chosen->hide();
        m_change->hide();
        m_search->show();
        m_list->show();
        m_search->setFocus();
    });
}

void VisualServicePicker::fillList()
{
    const iam::ServiceCatalog *catalog = Catalogs::bundled().services;
    if (!catalog)
        return;
    for (const iam::CatalogService &service : catalog->services()) {
        const QString prefix = QString::fromStdString(service.prefix);
        auto *item = new QListWidgetItem(shortServiceName(QString::fromStdString(service.name)), m_list);
        item->setData(Qt::UserRole, prefix);
        item->setToolTip(QStringLiteral("%1 (%2)").arg(QString::fromStdString(service.name), prefix));
    }
    m_list->sortItems();
}

void VisualServicePicker::filter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const bool match = needle.isEmpty() || item->text().contains(needle, Qt::CaseInsensitive)
                        || item->data(Qt::UserRole).toString().contains(needle, Qt::CaseInsensitive)
                        || item->toolTip().contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

void VisualServicePicker::choose(QListWidgetItem *item)
{
    if (!item)
        return;
    const QString prefix = item->data(Qt::UserRole).toString();
    const bool changed = prefix != m_service;
    m_service = prefix;
    showChoice();
    if (changed)
        emit serviceChosen(prefix);
}

void VisualServicePicker::setService(const QString &prefix)
{
    m_service = prefix;
    showChoice();
}

void VisualServicePicker::showChoice()
{
    const bool chosen = !m_service.isEmpty();
    m_chosen->setText(displayName(m_service));
    m_chosen->setVisible(chosen);
    m_change->setVisible(chosen);
    m_search->setVisible(!chosen);
    m_list->setVisible(!chosen);
}

QString VisualServicePicker::displayName(const QString &prefix)
{
    const iam::ServiceCatalog *catalog = Catalogs::bundled().services;
    const iam::CatalogService *service = catalog ? catalog->service(prefix.toStdString()) : nullptr;
    return service ? shortServiceName(QString::fromStdString(service->name)) : prefix;
}
