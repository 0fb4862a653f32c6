#include "BucketsPage.h"

#include "BucketsModel.h"
#include "ConsoleStyle.h"
#include "CreateBucketDialog.h"
#include "LinkItemDelegate.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "S3ErrorPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

BucketsPage::BucketsPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_model(new BucketsModel(document, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("bucketsPage"));
    createWidgets();
    connectSignals();
    updateState();
}

QList<Crumb> BucketsPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("Amazon S3"), {Page::Buckets, {}}}, {tr("Buckets"), {Page::Buckets, {}}}};
}

void BucketsPage::createWidgets()
{
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Find buckets by name"));
    m_searchEdit->setClearButtonEnabled(true);
    m_createButton = new QPushButton(tr("Create bucket"), this);
    m_createButton->setObjectName(QStringLiteral("createBucketButton"));
    ConsoleStyle::markPrimary(m_createButton);

    // The console's filter matches bucket names only.
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(BucketsModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(BucketsModel::SortRole);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(BucketsModel::NameColumn, new LinkItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BucketsModel::NameColumn, Qt::AscendingOrder);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(260);

    m_errorPanel = new S3ErrorPanel(this);
    m_errorPanel->setObjectName(QStringLiteral("listErrorPanel"));
    m_errorPanel->hide();

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_searchEdit, 1);
    toolbar->addWidget(m_createButton);
    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_errorPanel);
    contentLayout()->addWidget(m_table, 1);
    // Takes the room the table leaves when an error replaces it (no share while the table shows).
    contentLayout()->addStretch(0);
}

void BucketsPage::connectSignals()
{
    connect(m_searchEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_createButton, &QPushButton::clicked, this, &BucketsPage::createBucket);
    connect(m_table, &QAbstractItemView::activated, this, &BucketsPage::open);
    // The name reads as a link: one click on it opens the bucket, as in the console.
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == BucketsModel::NameColumn)
            open(index);
    });
    connect(m_model, &BucketsModel::refreshed, this, &BucketsPage::updateState);
}

void BucketsPage::updateState()
{
    setHeading(tr("General purpose buckets (%1)").arg(m_model->rowCount()),
               tr("Buckets are containers for data stored in S3."));
    if (m_model->hasError()) {
        m_errorPanel->showError(tr("You don't have permissions to list buckets"),
                                tr("After you or your AWS administrator has updated your permissions to allow the "
                                   "s3:ListAllMyBuckets action, refresh this page."),
                                m_model->errorMessage());
    } else {
        m_errorPanel->hide();
    }
    m_table->setVisible(!m_model->hasError());
}

void BucketsPage::open(const QModelIndex &index)
{
    if (index.isValid())
        m_navigation.go(ConsoleLocation::Page::Bucket, index.data(BucketsModel::KeyRole).toString());
}

void BucketsPage::createBucket()
{
    auto *dialog = new CreateBucketDialog(m_document, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateBucketDialog::created, this, [this](const QString &bucket) {
        messageBar()->showSuccess(tr("Successfully created bucket \"%1\"").arg(bucket));
    });
    dialog->open();
}
