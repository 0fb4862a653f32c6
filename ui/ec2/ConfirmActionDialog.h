#pragma once

// The EC2 console's confirmation boxes: "Terminate instance?", "Stop instance?",
// and "Detach IAM role?", which asks the user to type "Detach" before its button
// enables. Opened with open(); confirmed() (then accepted()) when the user goes on.
//
// Object names: confirmText, confirmEdit (only with a word to type), confirmButton, cancelButton.

#include <QDialog>

class QLineEdit;
class QPushButton;

class ConfirmActionDialog : public QDialog
{
    Q_OBJECT

public:
    // `word`: what the user must type to confirm; empty: a click is enough.
    ConfirmActionDialog(const QString &title, const QString &text, const QString &confirmText,
                        const QString &word = {}, QWidget *parent = nullptr);

    QPushButton *confirmButton() const { return m_confirm; }

signals:
    void confirmed();

private:
    void createWidgets(const QString &text, const QString &confirmText);

    QString m_word;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_confirm = nullptr;
};
