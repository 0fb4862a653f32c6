#pragma once

// "Create inline policy" (and editing one): the policy's name and its JSON. The
// page runs the command on submitted(); when IAM refuses the document (malformed,
// or denied) the dialog stays open with AWS's message in its own flash, so the
// learner can fix the JSON, and the page closes it on success.
//
// Object names: policyNameEdit, policyDocumentEdit, createPolicyButton, dialogMessageBar.

#include <QDialog>

class MessageBar;
class PolicyTextField;
class QLineEdit;
class QPushButton;

class InlinePolicyDialog : public QDialog
{
    Q_OBJECT

public:
    // An existing policy is edited under its name (not changeable); a new one
    // starts from the console's empty statement.
    InlinePolicyDialog(const QString &principalName, const QString &policyName = {}, const QString &document = {},
                       QWidget *parent = nullptr);

    QString policyName() const;
    QString document() const;
    void showError(const QString &title, const QString &text);

signals:
    void submitted();

private:
    void createWidgets(const QString &principalName, const QString &policyName, const QString &document);
    void connectSignals();
    void updateButton();

    MessageBar *m_messageBar = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    PolicyTextField *m_documentEdit = nullptr;
    QPushButton *m_createButton = nullptr;
};
