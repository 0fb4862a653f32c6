#include "PolicyVersionsModel.h"

#include "ConsoleTime.h"
#include "ManagedPolicyCatalog.h"
#include "WorkspaceDocument.h"

#include <algorithm>

PolicyVersionsModel::PolicyVersionsModel(WorkspaceDocument &document, const QString &policyArn, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_arn(policyArn)
{
    connect(&document, &WorkspaceDocument::entityChanged, this, &PolicyVersionsModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &PolicyVersionsModel::reload);
    m_rows = currentVersions();
}

QString PolicyVersionsModel::versionIdAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? QString::fromStdString(m_rows[std::size_t(row)].id) : QString();
}

bool PolicyVersionsModel::isDefaultAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) && m_rows[std::size_t(row)].isDefault;
}

int PolicyVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PolicyVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Version &version = m_rows[std::size_t(index.row())];
    switch (role) {
    case VersionIdRole: return QString::fromStdString(version.id);
    case DefaultRole: return version.isDefault;
    case Qt::DisplayRole:
        if (index.column() == CreatedColumn)
            return version.created.empty() ? QStringLiteral("-") : consoleDateTime(version.created);
        if (index.column() == VersionColumn) {
            // "v2" -> "Version 2"
            const QString number = QString::fromStdString(version.id).mid(1);
            const QString text = tr("Version %1").arg(number);
            return version.isDefault ? tr("%1 (Default)").arg(text) : text;
        }
        return {};
    default: return {};
    }
}

QVariant PolicyVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn: return tr("Version");
    case CreatedColumn: return tr("Creation time");
    default: return {};
    }
}

std::vector<PolicyVersionsModel::Version> PolicyVersionsModel::currentVersions() const
{
    const iam::Account &account = m_document.account();
    const std::string arn = m_arn.toStdString();
    std::vector<Version> versions;
    if (const iam::ManagedPolicy *policy = account.findPolicy(arn)) {
        for (auto it = policy->versions.rbegin(); it != policy->versions.rend(); ++it)
            versions.push_back({it->versionId, it->createDate, it->versionId == policy->defaultVersionId});
    } else if (const iam::AwsManagedPolicy *aws = account.awsManaged() ? account.awsManaged()->find(arn) : nullptr) {
        // The catalog keeps the default version only; its time is the policy's last update.
        std::string created;
        if (const iam::ManagedPolicyCatalog *catalog = m_document.catalogs().managedPolicies)
            if (const iam::CatalogManagedPolicy *entry = catalog->findByArn(arn))
                created = entry->updateDate.empty() ? entry->createDate : entry->updateDate;
        versions.push_back({aws->defaultVersionId, created, true});
    }
    return versions;
}

void PolicyVersionsModel::onEntityChanged(const iam::AccountChange &change)
{
    using Changed = iam::AccountChange::Entity;
    if ((change.entity == Changed::Policy && change.name == m_arn.toStdString()) || change.entity == Changed::Account)
        update(currentVersions());
}

void PolicyVersionsModel::reload()
{
    beginResetModel();
    m_rows = currentVersions();
    endResetModel();
}

// Versions are keyed by id; newest first, so a new version is inserted at the top.
void PolicyVersionsModel::update(const std::vector<Version> &wanted)
{
    const auto findId = [](const std::vector<Version> &list, std::size_t from, const std::string &id) {
        return std::find_if(list.begin() + std::ptrdiff_t(from), list.end(), [&](const Version &v) { return v.id == id; });
    };
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (findId(wanted, 0, m_rows[std::size_t(row)].id) != wanted.end())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    for (std::size_t row = 0; row < wanted.size(); ++row) {
        if (row < m_rows.size() && m_rows[row].id == wanted[row].id) {
            Version &version = m_rows[row];
            if (version.isDefault != wanted[row].isDefault || version.created != wanted[row].created) {
                version = wanted[row];
                emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
            }
            continue;
        }
        if (findId(m_rows, row, wanted[row].id) != m_rows.end()) {
            reload();   // reordered: versions never are
            return;
        }
        beginInsertRows({}, int(row), int(row));
        m_rows.insert(m_rows.begin() + std::ptrdiff_t(row), wanted[row]);
        endInsertRows();
    }
}
