#include "PoliciesPage.h"

#include "ConsoleStyle.h"
#include "LinkItemDelegate.h"
#include "Navigation.h"
#include "PoliciesModel.h"
#include "PolicyCommands.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>

PoliciesPage::PoliciesPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_model(new PoliciesModel(document, this))
    , m_typeFilter(new QSortFilterProxyModel(this))
    , m_search(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("policiesPage"));
    m_typeFilter->setSourceModel(m_model);
    m_typeFilter->setFilterRole(PoliciesModel::TypeRole);
    m_search->setSourceModel(m_typeFilter);
    m_search->setFilterRole(EntityListModel::FilterRole);
    m_search->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setSortRole(EntityListModel::SortRole);
    m_search->setSortCaseSensitivity(Qt::CaseInsensitive);
    createWidgets();
    connectSignals();
    updateHeading();
    updateButtons();
}

QList<Crumb> PoliciesPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("IAM"), {Page::Dashboard, {}}}, {tr("Policies"), {Page::Policies, {}}}};
}

void PoliciesPage::createWidgets()
{
    m_typeCombo = new QComboBox(this);
    m_typeCombo->setObjectName(QStringLiteral("typeFilter"));
    m_typeCombo->setAccessibleName(tr("Filter by Type"));
    m_typeCombo->addItem(tr("All types"), -1);
    using Type = PoliciesModel::PolicyType;
    for (const Type type : {Type::AwsManaged, Type::CustomerManaged, Type::JobFunction})
        m_typeCombo->addItem(PoliciesModel::typeName(type), int(type));

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Filter policies by property or policy name"));
    m_searchEdit->setClearButtonEnabled(true);

    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_createButton = new QPushButton(tr("Create policy"), this);
    m_createButton->setObjectName(QStringLiteral("createPolicyButton"));
    ConsoleStyle::markPrimary(m_createButton);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(m_search);
    m_table->setItemDelegateForColumn(PoliciesModel::NameColumn, new LinkItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PoliciesModel::NameColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    // 1300 rows: fixed heights and widths spare the view measuring every row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(PoliciesModel::NameColumn, 320);
    header->resizeSection(PoliciesModel::TypeColumn, 190);
    header->resizeSection(PoliciesModel::UsedAsColumn, 190);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_searchEdit, 1);
    toolbar->addWidget(m_typeCombo);
    toolbar->addStretch();
    toolbar->addWidget(m_deleteButton);
    toolbar->addWidget(m_createButton);
    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_table, 1);
}

void PoliciesPage::connectSignals()
{
    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &PoliciesPage::filterByType);
    connect(m_searchEdit, &QLineEdit::textChanged, m_search, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QTableView::activated, this, &PoliciesPage::openPolicy);
    // The name reads as a link: one click on it opens the policy, as in the console.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PoliciesModel::NameColumn)
            openPolicy(index);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PoliciesPage::updateButtons);
    connect(m_createButton, &QPushButton::clicked, this, [this] { m_navigation.createPolicy(); });
    connect(m_deleteButton, &QPushButton::clicked, this, &PoliciesPage::deleteSelected);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PoliciesPage::updateHeading);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PoliciesPage::updateHeading);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PoliciesPage::updateHeading);
    // A selected row can be removed (deleted, undone) under the button.
    connect(m_search, &QAbstractItemModel::rowsRemoved, this, &PoliciesPage::updateButtons);
    connect(m_search, &QAbstractItemModel::modelReset, this, &PoliciesPage::updateButtons);
}

void PoliciesPage::updateHeading()
{
    setHeading(tr("Policies (%1)").arg(QLocale(QLocale::English).toString(m_model->rowCount())),
               tr("A policy is an object in AWS that defines permissions."));
}

void PoliciesPage::updateButtons()
{
    const QString arn = selectedArn();
    const QModelIndex source = m_model->index(m_model->rowOf(arn), 0);
    m_deleteButton->setEnabled(
        source.isValid()
        && source.data(PoliciesModel::TypeRole).toInt() == int(PoliciesModel::PolicyType::CustomerManaged));
}

void PoliciesPage::filterByType(int comboIndex)
{
    const int type = m_typeCombo->itemData(comboIndex).toInt();
    if (type < 0)
        m_typeFilter->setFilterRegularExpression(QRegularExpression());
    else
        m_typeFilter->setFilterRegularExpression(QRegularExpression(QStringLiteral("^%1$").arg(type)));
}

void PoliciesPage::openPolicy(const QModelIndex &index)
{
    const QString arn = index.data(EntityListModel::KeyRole).toString();
    if (!arn.isEmpty())
        m_navigation.go(ConsoleLocation::Page::Policy, arn);
}

void PoliciesPage::deleteSelected()
{
    const QString arn = selectedArn();
    if (arn.isEmpty())
        return;
    const QString name = m_model->index(m_model->rowOf(arn), PoliciesModel::NameColumn).data().toString();
    runCommand(deletePolicyCommand(m_document, arn), tr("Policy %1 deleted.").arg(name),
               tr("Failed to delete policy %1").arg(name));
    updateButtons();
}

QString PoliciesPage::selectedArn() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(EntityListModel::KeyRole).toString();
}
