#include "BucketsModel.h"

#include "KeyedRowMerge.h"
#include "S3ConsoleText.h"
#include "WorkspaceDocument.h"

namespace {

// IAM edits change what a user or a role session may do; root's access never
// depends on them.
bool mayChangeAccess(const iam::AccountChange &change, const iam::CallerIdentity &caller)
{
    using Entity = iam::AccountChange::Entity;
    if (caller.kind == iam::CallerIdentity::Kind::Root)
        return false;
    return change.entity == Entity::User || change.entity == Entity::Group || change.entity == Entity::Role
        || change.entity == Entity::Policy;
}

} // namespace

BucketsModel::BucketsModel(WorkspaceDocument &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    // Deferred: a change arrives while an API call is still running, and a
    // command's several changes need one ListBuckets, not several.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &BucketsModel::refresh);
    connect(&document, &WorkspaceDocument::entityChanged, this, &BucketsModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&document, &WorkspaceDocument::signedInChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
    refresh();
}

int BucketsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BucketsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BucketsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    if (role == KeyRole)
        return row.key;
    if (role == SortRole && index.column() == CreationDateColumn)
        return QString::fromStdString(row.creationDate);
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn: return row.key;
    case RegionColumn: return S3ConsoleText::regionText(row.region);
    case CreationDateColumn: return S3ConsoleText::dateText(row.creationDate);
    default: return {};
    }
}

QVariant BucketsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case RegionColumn: return tr("AWS Region");
    case CreationDateColumn: return tr("Creation date");
    default: return {};
    }
}

QString BucketsModel::keyAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].key : QString();
}

int BucketsModel::rowOf(const QString &name) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].key == name)
            return int(i);
    }
    return -1;
}

void BucketsModel::refresh()
{
    m_refreshTimer.stop();
    const iam::CallResult result = m_document.call("s3", "ListBuckets");
    std::vector<Row> next;
    if (result.ok()) {
        for (const auto &bucket : result.response.value("Buckets", nlohmann::json::array())) {
            Row row;
            row.key = QString::fromStdString(bucket.value("Name", std::string()));
            row.creationDate = bucket.value("CreationDate", std::string());
            // The simulated ListBuckets answers as the API did before BucketRegion
            // was added; the Region is then the one the account keeps for the bucket.
            if (bucket.contains("BucketRegion")) {
                row.region = QString::fromStdString(bucket.value("BucketRegion", std::string()));
            } else if (const iam::S3Bucket *known = m_document.account().findBucket(row.key.toStdString())) {
                row.region = QString::fromStdString(known->region);
            }
            next.push_back(std::move(row));
        }
    }
    const KeyedRowOps ops{
        [this](int row) { beginRemoveRows({}, row, row); },
        [this] { endRemoveRows(); },
        [this](int row) { beginInsertRows({}, row, row); },
        [this] { endInsertRows(); },
        [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); },
    };
    if (!mergeKeyedRows(m_rows, next, ops)) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
    }
    setError(QString::fromStdString(result.errorCode), QString::fromStdString(result.errorMessage));
    emit refreshed();
}

void BucketsModel::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    if (change.entity == Entity::Bucket || change.entity == Entity::Account
        || mayChangeAccess(change, m_document.signedIn()))
        m_refreshTimer.start();
}

void BucketsModel::setError(const QString &code, const QString &message)
{
    if (code == m_errorCode && message == m_errorMessage)
        return;
    m_errorCode = code;
    m_errorMessage = message;
    emit errorChanged();
}
