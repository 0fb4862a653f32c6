#pragma once

// The Custom trust policy trusted entity type: the policy editor (highlighting,
// findings as you type) with the trust policy, starting from the console's skeleton.
//
// Object names: customTrustPolicyEditor (the PolicyEditor).

#include <QWidget>

class PolicyEditor;

class CustomTrustPolicyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CustomTrustPolicyPanel(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    // Whether the editor's last validation found errors.
    bool hasErrors() const;
    // Validates what was typed now rather than after the editor's pause.
    void validateNow();
    PolicyEditor *editor() const { return m_editor; }

signals:
    void changed();

private:
    void createWidgets();
    void connectSignals();

    PolicyEditor *m_editor = nullptr;
};
