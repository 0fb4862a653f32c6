#include "BucketObjectsTab.h"

#include "BucketObjectsModel.h"
#include "ConsolePage.h"
#include "LinkItemDelegate.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "S3Commands.h"
#include "S3ErrorPanel.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

BucketObjectsTab::BucketObjectsTab(ConsolePage &page, WorkspaceDocument &document, Navigation &navigation,
                                   const QString &bucket, const QString &prefix, QWidget *parent)
    : QWidget(parent)
    , m_page(page)
    , m_document(document)
    , m_navigation(navigation)
    , m_bucket(bucket)
    , m_model(new BucketObjectsModel(document, bucket, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("objectsTab"));
    createWidgets();
    connectSignals();
    m_model->setPrefix(prefix);
    updateState();
}

void BucketObjectsTab::openFolder(const QString &prefix)
{
    m_sinceFolderOpened.start();
    m_searchEdit->clear();
    m_model->setPrefix(prefix);
}

bool BucketObjectsTab::uploadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_page.messageBar()->showError(tr("Upload failed"), file.errorString());
        return false;
    }
    const QString key = m_model->prefix() + QFileInfo(path).fileName();
    return m_page.runCommand(putObjectCommand(m_document, m_bucket, key, file.readAll()),
                             tr("Upload succeeded: %1").arg(key), tr("Upload failed"));
}

void BucketObjectsTab::createWidgets()
{
    m_path = new QLabel(this);
    m_path->setObjectName(QStringLiteral("prefixPath"));
    m_path->setTextFormat(Qt::RichText);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("objectsHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    auto *about = new QLabel(tr("Objects are the fundamental entities stored in Amazon S3. For others to access "
                                "your objects, you'll need to explicitly grant them permissions."),
                             this);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("objectSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Find objects by prefix"));
    m_searchEdit->setClearButtonEnabled(true);
    m_uploadButton = new QPushButton(tr("Upload"), this);
    m_uploadButton->setObjectName(QStringLiteral("uploadButton"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(BucketObjectsModel::NameColumn);
    m_proxy->setSortRole(BucketObjectsModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("objectsTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(BucketObjectsModel::NameColumn, new LinkItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BucketObjectsModel::NameColumn, Qt::AscendingOrder);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(180);
    m_table->horizontalHeader()->resizeSection(BucketObjectsModel::NameColumn, 260);
    m_table->horizontalHeader()->resizeSection(BucketObjectsModel::LastModifiedColumn, 280);

    m_errorPanel = new S3ErrorPanel(this);
    m_errorPanel->setObjectName(QStringLiteral("objectsErrorPanel"));
    m_errorPanel->hide();

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_searchEdit, 1);
    toolbar->addWidget(m_uploadButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_path);
    layout->addWidget(m_heading);
    layout->addWidget(about);
    layout->addLayout(toolbar);
    layout->addWidget(m_errorPanel);
    layout->addWidget(m_table, 1);
    // Takes the room the table leaves when an error replaces it (no share while the table shows).
    layout->addStretch(0);
}

void BucketObjectsTab::connectSignals()
{
    // Within a folder the console finds objects whose names start with the text, as S3's prefixes do.
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterRegularExpression(QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(text)));
    });
    connect(m_path, &QLabel::linkActivated, this, [this](const QString &link) {
        // Links carry the folder's prefix after a marker, so that "" (the bucket) is a link too.
        openFolder(link.mid(1));
    });
    connect(m_uploadButton, &QPushButton::clicked, this, &BucketObjectsTab::chooseFileToUpload);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        // A double-click on a folder is a click (the folder opens, its rows replace
        // the list) then an activation of whatever row is now under the mouse: not
        // something the learner meant to open.
        if (m_sinceFolderOpened.isValid()
            && m_sinceFolderOpened.elapsed() < QApplication::doubleClickInterval())
            return;
        open(index);
    });
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == BucketObjectsModel::NameColumn)
            open(index);
    });
    connect(m_model, &BucketObjectsModel::refreshed, this, &BucketObjectsTab::updateState);
    connect(m_model, &BucketObjectsModel::prefixChanged, this, &BucketObjectsTab::updateState);
}

void BucketObjectsTab::updateState()
{
    // bucket / data / 2024 /: every part but the last is a link to its folder.
    const QString prefix = m_model->prefix();
    const QStringList folders = prefix.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList parts;
    const auto part = [&parts](const QString &text, const QString &target, bool link) {
        parts << (link ? QStringLiteral("<a href=\"#%1\">%2</a>").arg(target.toHtmlEscaped(), text.toHtmlEscaped())
                       : text.toHtmlEscaped());
    };
    part(m_bucket, QString(), !folders.isEmpty());
    QString path;
    for (qsizetype i = 0; i < folders.size(); ++i) {
        path += folders[i] + QLatin1Char('/');
        part(folders[i], path, i + 1 < folders.size());
    }
    m_path->setText(parts.join(QStringLiteral(" / ")) + QStringLiteral(" /"));
    m_heading->setText(tr("Objects (%1)").arg(m_model->rowCount()));

    if (m_model->hasError()) {
        const bool denied = m_model->errorCode() == QLatin1String("AccessDenied");
        m_errorPanel->showError(denied ? tr("Insufficient permissions to list objects") : tr("Failed to list objects"),
                                denied ? tr("After you or your AWS administrator has updated your permissions to "
                                            "allow the s3:ListBucket action, refresh the page.")
                                       : QString(),
                                m_model->errorMessage());
    } else {
        m_errorPanel->hide();
    }
    m_table->setVisible(!m_model->hasError());
}

void BucketObjectsTab::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString key = index.data(BucketObjectsModel::KeyRole).toString();
    if (index.data(BucketObjectsModel::IsFolderRole).toBool())
        openFolder(key);
    else
        m_navigation.go(ConsoleLocation::Page::BucketObject, m_bucket + QLatin1Char('/') + key);
}

void BucketObjectsTab::chooseFileToUpload()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Upload"));
    if (!path.isEmpty())
        uploadFile(path);
}
