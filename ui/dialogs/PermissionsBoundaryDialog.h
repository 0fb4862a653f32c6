#pragma once

// "Set permissions boundary": one managed policy that caps what a user or role may
// do (its permissions are the intersection of this and its identity policies).
// The same policy list as Add permissions, but checking one unchecks the other.
// The page sets it (setPermissionsBoundaryCommand) when the dialog is accepted.
//
// Object names: policyPicker, setBoundaryButton.

#include <QDialog>

class PolicyPicker;
class QPushButton;
class WorkspaceDocument;

class PermissionsBoundaryDialog : public QDialog
{
    Q_OBJECT

public:
    // `current`: the boundary set now (checked to begin with), or empty.
    PermissionsBoundaryDialog(WorkspaceDocument &document, const QString &principalName, const QString &current,
                              QWidget *parent = nullptr);

    // The chosen policy's ARN, or empty.
    QString policyArn() const;
    PolicyPicker *picker() const { return m_picker; }

private:
    void createWidgets(WorkspaceDocument &document, const QString &principalName);
    void keepOneChecked();

    PolicyPicker *m_picker = nullptr;
    QPushButton *m_setButton = nullptr;
    QString m_current;
};
