#pragma once

// EC2 > Instances > Actions > Security > Modify IAM role, as the console shows it:
// the instance id, the "IAM role" dropdown (instance profiles by name, and "No IAM
// Role"), preselected with the instance's own; a refresh button; "Create new IAM
// role" (the Create role wizard, whose role's instance profile then appears in the
// dropdown and is chosen); "Update IAM role".
//
// Update makes the console's call as the signed-in caller (planIamRoleChange():
// Associate, Replace, or Disassociate once the user typed "Detach"). A refusal,
// iam:PassRole included, shows AWS's text in the dialog's own flash and leaves the
// dialog open; success emits iamRoleModified(flash text) and accepts.
//
// Object names: dialogMessageBar, instanceIdLabel, iamRoleCombo, refreshButton,
// createRoleButton, cancelButton, updateIamRoleButton; the detach box: detachConfirmDialog.

#include "Ec2Commands.h"

#include <QDialog>

class ConfirmActionDialog;
class InstanceProfileChoices;
class MessageBar;
class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;
class WorkspaceDocument;
namespace iam { struct AccountChange; }

class ModifyIamRoleDialog : public QDialog
{
    Q_OBJECT

public:
    ModifyIamRoleDialog(WorkspaceDocument &document, const QString &instanceId, QWidget *parent = nullptr);

    QString instanceId() const { return m_instanceId; }
    // The profile chosen in the dropdown; empty for "No IAM Role".
    QString chosenProfile() const;
    void chooseProfile(const QString &profileName);
    // What Update IAM role would do now.
    IamRolePlan plan() const;

    // Update IAM role: runs the plan (asking for "Detach" first when it detaches).
    void update();
    // The open "Detach IAM role?" box, or nullptr.
    ConfirmActionDialog *detachConfirmation() const { return m_detachBox; }

signals:
    void iamRoleModified(const QString &successText);

private:
    void createWidgets();
    void connectSignals();
    void onEntityChanged(const iam::AccountChange &change);
    void updateButtons();
    void confirmDetach(const IamRolePlan &plan);
    void run(const IamRolePlan &plan);
    void createRole();

    WorkspaceDocument &m_document;
    QString m_instanceId;
    InstanceProfileChoices *m_choices = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLabel *m_instanceLabel = nullptr;
    QComboBox *m_combo = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QPushButton *m_createRoleButton = nullptr;
    QPushButton *m_updateButton = nullptr;
    ConfirmActionDialog *m_detachBox = nullptr;
};
