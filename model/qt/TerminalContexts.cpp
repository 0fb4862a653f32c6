#include "TerminalContexts.h"

#include "WorkspaceDocument.h"

TerminalContexts::TerminalContexts(WorkspaceDocument &document, QObject *parent)
    : RowListModel(document, parent)
{
    reload();
}

QString TerminalContexts::localUser() const
{
    const iam::Account &account = m_document.account();
    if (!m_chosenUser.isEmpty() && account.findUser(m_chosenUser.toStdString()))
        return m_chosenUser;
    if (account.findUser("lab-user"))
        return QStringLiteral("lab-user");
    return account.users().empty() ? QString() : QString::fromStdString(account.users().front().name);
}

void TerminalContexts::setLocalUser(const QString &userName)
{
    m_chosenUser = userName;
    refresh();
}

iam::ShellContext TerminalContexts::contextAt(int row) const
{
    return contextOf(keyAt(row));
}

iam::ShellContext TerminalContexts::contextOf(const QString &key) const
{
    if (key != LocalKey && m_document.account().findInstance(key.toStdString()))
        return iam::ShellContext::instance(key.toStdString());
    return iam::ShellContext::localMachine(localUser().toStdString());
}

QString TerminalContexts::labelOf(const QString &key) const
{
    const int row = rowOf(key);
    return row < 0 ? QString() : data(index(row, 0)).toString();
}

QStringList TerminalContexts::headers() const
{
    return {tr("Context")};
}

std::vector<RowListModel::Row> TerminalContexts::currentRows() const
{
    std::vector<Row> rows;
    const QString user = localUser();
    rows.push_back({LocalKey,
                    {user.isEmpty() ? tr("Local machine (not configured)") : tr("Local machine (%1)").arg(user)},
                    {}});
    for (const iam::Ec2Instance &instance : m_document.account().instances()) {
        // A terminated instance is gone for good: nothing runs there any more.
        if (instance.state == "terminated")
            continue;
        const QString id = QString::fromStdString(instance.id);
        const QString label = instance.name.empty()
            ? tr("EC2 instance %1").arg(id)
            : tr("EC2 instance %1 (%2)").arg(id, QString::fromStdString(instance.name));
        rows.push_back({id, {label}, {}});
    }
    return rows;
}

bool TerminalContexts::affectedBy(const iam::AccountChange &change) const
{
    using Entity = iam::AccountChange::Entity;
    return change.entity == Entity::User || change.entity == Entity::Instance;
}
