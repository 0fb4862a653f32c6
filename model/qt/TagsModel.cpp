#include "TagsModel.h"

#include "WorkspaceDocument.h"

TagsModel::TagsModel(WorkspaceDocument &document, PrincipalKind kind, const QString &name, QObject *parent)
    : RowListModel(document, parent)
    , m_kind(kind)
    , m_name(name)
{
    Q_ASSERT(kind != PrincipalKind::Group);
    reload();
}

QStringList TagsModel::headers() const
{
    return {tr("Key"), tr("Value")};
}

std::vector<RowListModel::Row> TagsModel::currentRows() const
{
    const iam::Account &account = m_document.account();
    const std::vector<iam::Tag> *tags = nullptr;
    if (m_kind == PrincipalKind::User) {
        if (const iam::User *user = account.findUser(m_name.toStdString()))
            tags = &user->tags;
    } else if (const iam::Role *role = account.findRole(m_name.toStdString())) {
        tags = &role->tags;
    }
    std::vector<Row> rows;
    if (tags) {
        for (const iam::Tag &tag : *tags) {
            const QString key = QString::fromStdString(tag.key);
            rows.push_back({key, {key, QString::fromStdString(tag.value)}, {}});
        }
    }
    return rows;
}

bool TagsModel::affectedBy(const iam::AccountChange &change) const
{
    using Entity = iam::AccountChange::Entity;
    const Entity mine = m_kind == PrincipalKind::User ? Entity::User : Entity::Role;
    return change.entity == mine && change.name == m_name.toStdString();
}
