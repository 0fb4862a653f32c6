#include "InstanceProfileChoices.h"

#include "WorkspaceDocument.h"

InstanceProfileChoices::InstanceProfileChoices(WorkspaceDocument &document, const QString &noneText, QObject *parent)
    : RowListModel(document, parent)
    , m_noneText(noneText)
{
    reload();
}

QStringList InstanceProfileChoices::headers() const
{
    return {tr("IAM role")};
}

std::vector<RowListModel::Row> InstanceProfileChoices::currentRows() const
{
    const iam::Account &account = m_document.account();
    std::vector<Row> rows{{QString(), {m_noneText}, {QString(), QString()}}};
    for (const iam::InstanceProfile &profile : account.instanceProfiles()) {
        const QString name = QString::fromStdString(profile.name);
        rows.push_back({name, {name},
                        {QString::fromStdString(account.instanceProfileArn(profile)),
                         QString::fromStdString(profile.role)}});
    }
    return rows;
}

bool InstanceProfileChoices::affectedBy(const iam::AccountChange &change) const
{
    return change.entity == iam::AccountChange::Entity::InstanceProfile;
}
