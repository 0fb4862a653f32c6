#include "InstancesPage.h"

#include "ConsoleStyle.h"
#include "InstanceActions.h"
#include "InstancesModel.h"
#include "LaunchInstanceDialog.h"
#include "LinkItemDelegate.h"
#include "MessageBar.h"
#include "Navigation.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

InstancesPage::InstancesPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_model(new InstancesModel(document, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_actions(new InstanceActions(document, *this))
{
    setObjectName(QStringLiteral("instancesPage"));
    createWidgets();
    connectSignals();
    updateHeading();
}

QList<Crumb> InstancesPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("EC2"), {Page::Instances, {}}}, {tr("Instances"), {Page::Instances, {}}}};
}

QString InstancesPage::selectedInstanceId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(EntityListModel::KeyRole).toString();
}

void InstancesPage::selectInstance(const QString &instanceId)
{
    const int row = m_model->rowOf(instanceId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, InstancesModel::InstanceIdColumn));
    if (!index.isValid())
        return;   // filtered out
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
}

void InstancesPage::createWidgets()
{
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Find Instance by attribute or tag"));
    m_searchEdit->setClearButtonEnabled(true);

    m_launchButton = new QPushButton(tr("Launch instances"), this);
    m_launchButton->setObjectName(QStringLiteral("launchInstancesButton"));
    ConsoleStyle::markPrimary(m_launchButton);

    // The filter box matches any column, whatever the case.
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(EntityListModel::SortRole);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("table"));
    // A removed (or filtered-out) selected row leaves nothing selected: a view in
    // single selection would move the selection to a neighbour the user never
    // chose, and Terminate would then act on it. Connected before setModel() so
    // that it runs before the view's own handler.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                const QModelIndexList rows = m_table->selectionModel()->selectedRows();
                if (!rows.isEmpty() && rows.front().row() >= first && rows.front().row() <= last)
                    m_table->selectionModel()->clear();
            });
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);   // the account's order until a header is clicked
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(170);
    m_table->setItemDelegateForColumn(InstancesModel::InstanceIdColumn, new LinkItemDelegate(m_table));

    auto *toolbar = new QHBoxLayout;
    toolbar->setSpacing(8);
    toolbar->addWidget(m_searchEdit, 1);
    toolbar->addWidget(m_actions->instanceStateButton());
    toolbar->addWidget(m_actions->actionsButton());
    toolbar->addWidget(m_launchButton);
    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_table, 1);
}

void InstancesPage::connectSignals()
{
    connect(m_searchEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QAbstractItemView::activated, this, &InstancesPage::open);
    // The instance id reads as a link: one click on it opens the instance.
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == InstancesModel::InstanceIdColumn)
            open(index);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_actions->setInstanceId(selectedInstanceId()); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { m_actions->setInstanceId(selectedInstanceId()); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { m_actions->setInstanceId(selectedInstanceId()); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &InstancesPage::updateHeading);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &InstancesPage::updateHeading);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InstancesPage::updateHeading);
    connect(m_launchButton, &QPushButton::clicked, this, [this] { launchInstances(); });
}

void InstancesPage::updateHeading()
{
    setHeading(tr("Instances (%1)").arg(m_model->rowCount()));
}

void InstancesPage::open(const QModelIndex &index)
{
    if (index.isValid())
        m_navigation.go(ConsoleLocation::Page::Instance, index.data(EntityListModel::KeyRole).toString());
}

LaunchInstanceDialog *InstancesPage::launchInstances()
{
    auto *dialog = new LaunchInstanceDialog(m_document, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LaunchInstanceDialog::launched, this, [this](const QStringList &ids, const QString &text) {
        messageBar()->showSuccess(text);
        if (!ids.isEmpty())
            selectInstance(ids.front());
    });
    dialog->open();
    return dialog;
}
