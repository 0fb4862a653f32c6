#include "EntityListPage.h"

#include "EntityListModel.h"
#include "LinkItemDelegate.h"
#include "Navigation.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

EntityListPage::EntityListPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    createWidgets();
    connectSignals();
}

QList<Crumb> EntityListPage::crumbs() const
{
    return {{tr("IAM"), {ConsoleLocation::Page::Dashboard, {}}}, {m_title, {m_listPage, {}}}};
}

QString EntityListPage::selectedKey() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(EntityListModel::KeyRole).toString();
}

void EntityListPage::setListModel(EntityListModel *model, const QString &title, const QString &description,
                                  ConsoleLocation::Page detailPage, ConsoleLocation::Page listPage)
{
    m_model = model;
    m_title = title;
    m_description = description;
    m_detailPage = detailPage;
    m_listPage = listPage;
    m_proxy->setSourceModel(model);
    m_table->setItemDelegateForColumn(0, new LinkItemDelegate(m_table));
    m_table->sortByColumn(0, Qt::AscendingOrder);
    m_table->horizontalHeader()->resizeSection(0, 240);
    connect(model, &QAbstractItemModel::rowsInserted, this, &EntityListPage::updateHeading);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &EntityListPage::updateHeading);
    connect(model, &QAbstractItemModel::modelReset, this, &EntityListPage::updateHeading);
    // Connected once the view has its model (setModel replaces the selection model).
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { selectionChanged(); });
    updateHeading();
}

void EntityListPage::addActionButton(QPushButton *button)
{
    m_actions->addWidget(button);
}

void EntityListPage::createWidgets()
{
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search"));
    m_searchEdit->setClearButtonEnabled(true);

    // Search matches any column, as the console's filter box does.
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(EntityListModel::SortRole);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(200);

    m_actions = new QHBoxLayout;
    m_actions->setSpacing(8);
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_searchEdit, 1);
    toolbar->addLayout(m_actions);
    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_table, 1);
}

void EntityListPage::connectSignals()
{
    connect(m_searchEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QAbstractItemView::activated, this, &EntityListPage::open);
    // The name reads as a link: one click on it opens the entity, as in the console.
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == 0)
            open(index);
    });
}

void EntityListPage::updateHeading()
{
    setHeading(QStringLiteral("%1 (%2)").arg(m_title).arg(m_model ? m_model->rowCount() : 0), m_description);
}

void EntityListPage::open(const QModelIndex &index)
{
    if (index.isValid())
        m_navigation.go(m_detailPage, index.data(EntityListModel::KeyRole).toString());
}
