#include "InstanceActions.h"

#include "ConfirmActionDialog.h"
#include "ConsolePage.h"
#include "Ec2Commands.h"
#include "MessageBar.h"
#include "ModifyIamRoleDialog.h"
#include "WorkspaceDocument.h"

#include <QAction>
#include <QMenu>
#include <QPushButton>

InstanceActions::InstanceActions(WorkspaceDocument &document, ConsolePage &page)
    : QObject(&page)
    , m_document(document)
    , m_page(page)
{
    createActions();
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &InstanceActions::onEntityChanged);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &InstanceActions::updateEnabled);
    updateEnabled();
}

void InstanceActions::createActions()
{
    m_stateButton = new QPushButton(tr("Instance state"), &m_page);
    m_stateButton->setObjectName(QStringLiteral("instanceStateButton"));
    auto *stateMenu = new QMenu(m_stateButton);
    stateMenu->setObjectName(QStringLiteral("instanceStateMenu"));
    m_stopAction = stateMenu->addAction(tr("Stop instance"), this, &InstanceActions::stop);
    m_stopAction->setObjectName(QStringLiteral("actionStopInstance"));
    m_startAction = stateMenu->addAction(tr("Start instance"), this, &InstanceActions::start);
    m_startAction->setObjectName(QStringLiteral("actionStartInstance"));
    m_terminateAction = stateMenu->addAction(tr("Terminate instance"), this, &InstanceActions::terminate);
    m_terminateAction->setObjectName(QStringLiteral("actionTerminateInstance"));
    m_stateButton->setMenu(stateMenu);

    m_actionsButton = new QPushButton(tr("Actions"), &m_page);
    m_actionsButton->setObjectName(QStringLiteral("actionsButton"));
    auto *actionsMenu = new QMenu(m_actionsButton);
    actionsMenu->setObjectName(QStringLiteral("actionsMenu"));
    QMenu *security = actionsMenu->addMenu(tr("Security"));
    security->setObjectName(QStringLiteral("securityMenu"));
    m_modifyIamRoleAction = security->addAction(tr("Modify IAM role"), this, [this] { modifyIamRole(); });
    m_modifyIamRoleAction->setObjectName(QStringLiteral("actionModifyIamRole"));
    m_actionsButton->setMenu(actionsMenu);
}

void InstanceActions::setInstanceId(const QString &instanceId)
{
    m_instanceId = instanceId;
    updateEnabled();
}

void InstanceActions::onEntityChanged(const iam::AccountChange &change)
{
    if (change.entity == iam::AccountChange::Entity::Instance && change.name == m_instanceId.toStdString())
        updateEnabled();
}

void InstanceActions::updateEnabled()
{
    const iam::Ec2Instance *instance = m_document.account().findInstance(m_instanceId.toStdString());
    const std::string state = instance ? instance->state : std::string();
    const bool gone = state == "terminated" || state == "shutting-down";
    m_stateButton->setEnabled(instance);
    m_actionsButton->setEnabled(instance);
    m_startAction->setEnabled(state == "stopped");
    m_stopAction->setEnabled(state == "running" || state == "pending");
    m_terminateAction->setEnabled(instance && !gone);
    m_modifyIamRoleAction->setEnabled(instance && !gone);
}

void InstanceActions::start()
{
    const QString id = m_instanceId;
    if (!id.isEmpty())
        m_page.runCommand(startInstancesCommand(m_document, {id}), tr("Successfully started %1").arg(id),
                          tr("Failed to start the instance %1").arg(id));
}

void InstanceActions::stop()
{
    const QString id = m_instanceId;
    confirm(QStringLiteral("stopConfirmDialog"), tr("Stop instance?"),
            tr("To confirm that you want to stop the instance %1, choose the stop button below. Storage on any "
               "instance store volumes will be lost.")
                .arg(id),
            tr("Stop"), [this, id] {
                m_page.runCommand(stopInstancesCommand(m_document, {id}), tr("Successfully stopped %1").arg(id),
                                  tr("Failed to stop the instance %1").arg(id));
            });
}

void InstanceActions::terminate()
{
    const QString id = m_instanceId;
    confirm(QStringLiteral("terminateConfirmDialog"), tr("Terminate instance?"),
            tr("On an EBS-backed instance, the default action is for the root EBS volume to be deleted when the "
               "instance is terminated. Storage on any local drives will be lost. Are you sure that you want to "
               "terminate %1?")
                .arg(id),
            tr("Terminate"), [this, id] {
                m_page.runCommand(terminateInstancesCommand(m_document, {id}),
                                  tr("Successfully terminated %1").arg(id),
                                  tr("Failed to terminate the instance %1").arg(id));
            });
}

// The box acts on the instance it asked about, even if the selection moved meanwhile.
void InstanceActions::confirm(const QString &objectName, const QString &title, const QString &text,
                              const QString &button, const std::function<void()> &then)
{
    if (m_instanceId.isEmpty())
        return;
    auto *box = new ConfirmActionDialog(title, text, button, {}, &m_page);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &ConfirmActionDialog::confirmed, this, then);
    box->open();
}

ModifyIamRoleDialog *InstanceActions::modifyIamRole()
{
    if (m_instanceId.isEmpty())
        return nullptr;
    auto *dialog = new ModifyIamRoleDialog(m_document, m_instanceId, &m_page);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ModifyIamRoleDialog::iamRoleModified, &m_page,
            [this](const QString &text) { m_page.messageBar()->showSuccess(text); });
    dialog->open();
    return dialog;
}
