#pragma once

// The console's "Modify permissions in <policy>": the policy's JSON in the policy
// editor (findings as you type) and "Save changes", which asks the page to save
// (CreatePolicyVersion, as the new default). The dialog stays open when the save
// is refused, showing why, so that the edit is not lost.
//
//   auto *dialog = new EditPolicyDialog(policyName, json, this);
//   connect(dialog, &EditPolicyDialog::saveRequested, this, [=] {
//       if (save(dialog->text())) dialog->accept(); else dialog->showError(title, message);
//   });
//   dialog->open();
//
// Object names: policyEditor, saveChangesButton, dialogMessageBar.

#include <QDialog>

class MessageBar;
class PolicyEditor;
class QPushButton;

class EditPolicyDialog : public QDialog
{
    Q_OBJECT

public:
    EditPolicyDialog(const QString &policyName, const QString &json, QWidget *parent = nullptr);

    QString text() const;
    void showError(const QString &title, const QString &message);
    PolicyEditor *editor() const { return m_editor; }

signals:
    void saveRequested();

private:
    void createWidgets(const QString &policyName);
    void updateSaveButton();

    PolicyEditor *m_editor = nullptr;
    MessageBar *m_messageBar = nullptr;
    QPushButton *m_saveButton = nullptr;
};
