#pragma once

// The toolbar the Instances list and an instance's page share: "Instance state ▾"
// (Stop instance, Start instance, Terminate instance) and "Actions ▾" with its
// "Security" submenu holding "Modify IAM role". Each acts on one instance, as the
// signed-in caller, through the page's runCommand() (its flash says how it went).
// Stop and Terminate ask first; Modify IAM role opens its dialog over the page and
// shows the dialog's success in the page's flash. Enabled only with an instance,
// and each state action only where EC2 allows it (Start for a stopped instance).
//
// Object names: instanceStateButton, actionsButton, actionStopInstance,
// actionStartInstance, actionTerminateInstance, securityMenu, actionModifyIamRole;
// the boxes they open: stopConfirmDialog, terminateConfirmDialog, modifyIamRoleDialog.

#include <QObject>
#include <QString>

#include <functional>

class ConsolePage;
class ModifyIamRoleDialog;
class QAction;
class QPushButton;
class WorkspaceDocument;
namespace iam { struct AccountChange; }

class InstanceActions : public QObject
{
    Q_OBJECT

public:
    InstanceActions(WorkspaceDocument &document, ConsolePage &page);

    QPushButton *instanceStateButton() const { return m_stateButton; }
    QPushButton *actionsButton() const { return m_actionsButton; }

    // The instance acted on; empty: none (everything disabled).
    void setInstanceId(const QString &instanceId);
    QString instanceId() const { return m_instanceId; }

    void start();
    void stop();
    void terminate();
    ModifyIamRoleDialog *modifyIamRole();

private:
    void createActions();
    void onEntityChanged(const iam::AccountChange &change);
    void updateEnabled();
    void confirm(const QString &objectName, const QString &title, const QString &text, const QString &button,
                 const std::function<void()> &then);

    WorkspaceDocument &m_document;
    ConsolePage &m_page;
    QString m_instanceId;
    QPushButton *m_stateButton = nullptr;
    QPushButton *m_actionsButton = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_terminateAction = nullptr;
    QAction *m_modifyIamRoleAction = nullptr;
};
