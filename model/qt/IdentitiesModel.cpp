#include "IdentitiesModel.h"

#include "WorkspaceDocument.h"

#include <algorithm>

IdentitiesModel::IdentitiesModel(WorkspaceDocument &document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(&document, &WorkspaceDocument::entityChanged, this, &IdentitiesModel::onEntityChanged);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &IdentitiesModel::reload);
    reload();
}

int IdentitiesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size()) + 1;
}

QVariant IdentitiesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool root = index.row() == 0;
    switch (role) {
    case Qt::DisplayRole:
        return root ? tr("Root user (administrator)")
                    : tr("IAM user %1").arg(QString::fromStdString(m_users[std::size_t(index.row() - 1)]));
    case Qt::ToolTipRole:
        return QString::fromStdString(m_document.account().callerArn(identityAt(index.row())));
    default:
        return {};
    }
}

iam::CallerIdentity IdentitiesModel::identityAt(int row) const
{
    if (row <= 0 || row > int(m_users.size()))
        return iam::CallerIdentity::root();
    return iam::CallerIdentity::user(m_users[std::size_t(row - 1)]);
}

int IdentitiesModel::rowOf(const iam::CallerIdentity &identity) const
{
    if (identity.kind == iam::CallerIdentity::Kind::Root)
        return 0;
    if (identity.kind != iam::CallerIdentity::Kind::User)
        return -1;
    const auto it = std::find(m_users.begin(), m_users.end(), identity.name);
    return it == m_users.end() ? -1 : int(it - m_users.begin()) + 1;
}

void IdentitiesModel::onEntityChanged(const iam::AccountChange &change)
{
    using Kind = iam::AccountChange::Kind;
    if (change.entity == iam::AccountChange::Entity::Account && change.kind == Kind::Reset) {
        reload();
        return;
    }
    if (change.entity != iam::AccountChange::Entity::User)
        return;
    if (change.kind == Kind::Added) {
        // Users keep creation order; an undone delete comes back where it was.
        const auto &users = m_document.account().users();
        const auto at = std::find_if(users.begin(), users.end(), [&](const iam::User &u) { return u.name == change.name; });
        if (at == users.end() || std::find(m_users.begin(), m_users.end(), change.name) != m_users.end())
            return;
        int row = 0;
        for (auto it = users.begin(); it != at; ++it)
            if (std::find(m_users.begin(), m_users.end(), it->name) != m_users.end())
                ++row;
        beginInsertRows({}, row + 1, row + 1);
        m_users.insert(m_users.begin() + row, change.name);
        endInsertRows();
    } else if (change.kind == Kind::Removed) {
        const auto it = std::find(m_users.begin(), m_users.end(), change.name);
        if (it == m_users.end())
            return;
        const int row = int(it - m_users.begin()) + 1;
        beginRemoveRows({}, row, row);
        m_users.erase(it);
        endRemoveRows();
    }
}

void IdentitiesModel::reload()
{
    beginResetModel();
    m_users.clear();
    for (const iam::User &user : m_document.account().users())
        m_users.push_back(user.name);
    endResetModel();
}
