#pragma once

// "Edit trust policy": the role's trust policy in an editable JSON field. The page
// runs updateTrustPolicyCommand on submitted(); when IAM refuses it (a malformed
// policy, an unknown principal, a denial) the dialog stays open with AWS's
// message in its own flash; on success the page closes it.
//
// Object names: trustPolicyEdit, updatePolicyButton, dialogMessageBar.

#include <QDialog>

class MessageBar;
class PolicyTextField;
class QPushButton;

class EditTrustPolicyDialog : public QDialog
{
    Q_OBJECT

public:
    EditTrustPolicyDialog(const QString &roleName, const QString &trustPolicy, QWidget *parent = nullptr);

    QString document() const;
    void showError(const QString &title, const QString &text);

signals:
    void submitted();

private:
    void createWidgets(const QString &roleName, const QString &trustPolicy);

    MessageBar *m_messageBar = nullptr;
    PolicyTextField *m_edit = nullptr;
    QPushButton *m_updateButton = nullptr;
};
