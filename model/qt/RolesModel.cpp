#include "RolesModel.h"

#include "ConsoleTime.h"
#include "PrincipalActivity.h"
#include "TrustedEntities.h"
#include "WorkspaceDocument.h"

RolesModel::RolesModel(WorkspaceDocument &document, QObject *parent)
    : EntityListModel(document, parent)
{
    reload();
}

iam::AccountChange::Entity RolesModel::entity() const
{
    return iam::AccountChange::Entity::Role;
}

std::vector<std::string> RolesModel::currentKeys() const
{
    std::vector<std::string> keys;
    for (const iam::Role &role : m_document.account().roles())
        keys.push_back(role.name);
    return keys;
}

QStringList RolesModel::headers() const
{
    return {tr("Role name"), tr("Trusted entities"), tr("Last activity"), tr("Creation time")};
}

QVariant RolesModel::cell(const std::string &key, int column, int role) const
{
    const iam::Account &account = m_document.account();
    const iam::Role *entity = account.findRole(key);
    if (!entity)
        return {};
    const iam::Event *last = column == LastActivityColumn ? lastRoleActivity(account, *entity) : nullptr;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn: return QString::fromStdString(entity->name);
        case TrustedEntitiesColumn: return trustedEntitiesText(entity->trustPolicy);
        case LastActivityColumn: return lastActivityText(account, last);
        case CreationColumn: return timeAgo(entity->createDate, account.now());
        }
    } else if (role == SortRole) {
        switch (column) {
        case NameColumn: return QString::fromStdString(entity->name);
        case TrustedEntitiesColumn: return trustedEntitiesText(entity->trustPolicy);
        case LastActivityColumn: return last ? QString::fromStdString(last->time) : QString();
        case CreationColumn: return QString::fromStdString(entity->createDate);
        }
    } else if (role == Qt::ToolTipRole) {
        switch (column) {
        case NameColumn: return QString::fromStdString(entity->description);
        case TrustedEntitiesColumn: return trustedEntities(entity->trustPolicy).join(QLatin1Char('\n'));
        case LastActivityColumn: return last ? consoleDateTime(last->time) : QVariant();
        case CreationColumn: return consoleDateTime(entity->createDate);
        }
    }
    return {};
}

void RolesModel::relatedChange(const iam::AccountChange &change)
{
    // A role acts through its sessions; each allowed call moves its last activity.
    if (change.entity != iam::AccountChange::Entity::Event || change.kind != iam::AccountChange::Kind::Added)
        return;
    const iam::Event *event = eventOfChange(m_document.account().eventLog(), change);
    if (!event || !event->allowed)
        return;
    const std::optional<EventPrincipal> principal = eventPrincipal(event->callerArn);
    if (principal && principal->entity == iam::AccountChange::Entity::Role)
        refreshRow(principal->name);
}
