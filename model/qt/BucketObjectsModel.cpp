#include "BucketObjectsModel.h"

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

// "STANDARD" -> "Standard", "STANDARD_IA" -> "Standard-IA", as the console writes them.
QString storageClassText(const QString &apiName)
{
    if (apiName == QLatin1String("STANDARD"))
        return QStringLiteral("Standard");
    if (apiName == QLatin1String("STANDARD_IA"))
        return QStringLiteral("Standard-IA");
    if (apiName == QLatin1String("INTELLIGENT_TIERING"))
        return QStringLiteral("Intelligent-Tiering");
    if (apiName == QLatin1String("GLACIER"))
        return QStringLiteral("Glacier Flexible Retrieval");
    return apiName;
}

} // namespace

BucketObjectsModel::BucketObjectsModel(WorkspaceDocument &document, const QString &bucket, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_bucket(bucket)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &BucketObjectsModel::refresh);
    connect(&document, &WorkspaceDocument::entityChanged, this, &BucketObjectsModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&document, &WorkspaceDocument::signedInChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
    refresh();
}

int BucketObjectsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BucketObjectsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BucketObjectsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const QString dash = QStringLiteral("-");
    switch (role) {
    case KeyRole: return row.key;
    case IsFolderRole: return row.folder;
    case SortRole: {
        // Folders sort above objects (in ascending order), as the console lists them.
        const QString group = row.folder ? QStringLiteral("0") : QStringLiteral("1");
        switch (index.column()) {
        case SizeColumn: return group + QStringLiteral("%1").arg(row.size, 20, 10, QLatin1Char('0'));
        case LastModifiedColumn: return group + QString::fromStdString(row.lastModified);
        default: return group + data(index, Qt::DisplayRole).toString();
        }
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return displayName(row);
        case TypeColumn: return row.folder ? tr("Folder") : S3ConsoleText::objectType(row.key);
        case LastModifiedColumn: return row.folder ? dash : S3ConsoleText::dateText(row.lastModified);
        case SizeColumn: return row.folder ? dash : S3ConsoleText::sizeText(row.size);
        case StorageClassColumn: return row.folder ? dash : storageClassText(row.storageClass);
        default: return {};
        }
    case Qt::ToolTipRole: return index.column() == NameColumn ? row.key : QVariant();
    default: return {};
    }
}

QVariant BucketObjectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case LastModifiedColumn: return tr("Last modified");
    case SizeColumn: return tr("Size");
    case StorageClassColumn: return tr("Storage class");
    default: return {};
    }
}

void BucketObjectsModel::setPrefix(const QString &prefix)
{
    if (prefix == m_prefix)
        return;
    m_prefix = prefix;
    // Another folder is another list: a reset, not an edit of this one.
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit prefixChanged(prefix);
    refresh();
}

QString BucketObjectsModel::keyAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].key : QString();
}

bool BucketObjectsModel::isFolder(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[std::size_t(row)].folder;
}

int BucketObjectsModel::rowOf(const QString &key) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].key == key)
            return int(i);
    }
    return -1;
}

void BucketObjectsModel::refresh()
{
    m_refreshTimer.stop();
    QString code;
    QString message;
    const std::vector<Row> next = listFolder(&code, &message);
    const KeyedRowOps ops{
        [this](int row) { beginRemoveRows({}, row, row); },
        [this] { endRemoveRows(); },
        [this](int row) { beginInsertRows({}, row, row); },
        [this] { endInsertRows(); },
        [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); },
    };
    if (!mergeKeyedRows(m_rows, next, ops)) {
        beginResetModel();
        m_rows = next;
        endResetModel();
    }
    setError(code, message);
    emit refreshed();
}

std::vector<BucketObjectsModel::Row> BucketObjectsModel::listFolder(QString *errorCode, QString *errorMessage)
{
    std::vector<Row> folders;
    std::vector<Row> objects;
    nlohmann::json params = {{"Bucket", m_bucket.toStdString()}, {"Delimiter", "/"}};
    if (!m_prefix.isEmpty())
        params["Prefix"] = m_prefix.toStdString();
    for (;;) {
        const iam::CallResult result = m_document.call("s3", "ListObjectsV2", params);
        if (!result.ok()) {
            *errorCode = QString::fromStdString(result.errorCode);
            *errorMessage = QString::fromStdString(result.errorMessage);
            return {};
        }
        const nlohmann::json &response = result.response;
        for (const auto &common : response.value("CommonPrefixes", nlohmann::json::array()))
            folders.push_back({QString::fromStdString(common.value("Prefix", std::string())), true, 0, {}, {}});
        for (const auto &object : response.value("Contents", nlohmann::json::array())) {
            Row row;
            row.key = QString::fromStdString(object.value("Key", std::string()));
            row.size = object.value("Size", qint64(0));
            row.lastModified = object.value("LastModified", std::string());
            row.storageClass = QString::fromStdString(object.value("StorageClass", std::string("STANDARD")));
            objects.push_back(std::move(row));
        }
        if (!response.value("IsTruncated", false) || !response.contains("NextContinuationToken"))
            break;
        params["ContinuationToken"] = response["NextContinuationToken"];
    }
    folders.insert(folders.end(), objects.begin(), objects.end());
    return folders;
}

void BucketObjectsModel::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    if ((change.entity == Entity::Bucket && QString::fromStdString(change.name) == m_bucket)
        || change.entity == Entity::Account || mayChangeAccess(change, m_document.signedIn()))
        m_refreshTimer.start();
}

void BucketObjectsModel::setError(const QString &code, const QString &message)
{
    if (code == m_errorCode && message == m_errorMessage)
        return;
    m_errorCode = code;
    m_errorMessage = message;
    emit errorChanged();
}

QString BucketObjectsModel::displayName(const Row &row) const
{
    // Within a folder the console shows names relative to it: "report.csv", "2024/".
    return row.key.startsWith(m_prefix) ? row.key.mid(m_prefix.size()) : row.key;
}
