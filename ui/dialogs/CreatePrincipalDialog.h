#pragma once

// "Create user" and "Create user group": the name, checked as it is typed against
// IAM's rules and the names already taken, so the primary button is enabled only
// for a name IAM would accept. The page makes the call when the dialog is
// accepted (ConsolePage::runCommand), so a denial shows in the page's flash.
//
// Object names: nameEdit, nameProblem, createButton.

#include "PrincipalKind.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class WorkspaceDocument;

class CreatePrincipalDialog : public QDialog
{
    Q_OBJECT

public:
    // `kind` is User or Group.
    CreatePrincipalDialog(WorkspaceDocument &document, PrincipalKind kind, QWidget *parent = nullptr);

    QString name() const;

private:
    void createWidgets();
    void connectSignals();
    void validate();

    WorkspaceDocument &m_document;
    PrincipalKind m_kind;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_createButton = nullptr;
};
