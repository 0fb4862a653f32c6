#pragma once

// The Create policy visual editor: a permission block per statement
// (VisualStatementEditor) and "Add more permissions". It edits a VisualPolicy;
// the JSON is VisualPolicy::toJson() of policy().

#include "VisualPolicy.h"

#include <QWidget>

class QPushButton;
class QVBoxLayout;
class VisualStatementEditor;

class VisualPolicyEditor : public QWidget
{
    Q_OBJECT

public:
    explicit VisualPolicyEditor(QWidget *parent = nullptr);

    // Prefills the Account field of the ARN builders.
    void setAccountId(const QString &accountId);
    // No signal.
    void setPolicy(const VisualPolicy &policy);
    VisualPolicy policy() const;

signals:
    void policyChanged();

private:
    void createWidgets();
    void addStatementEditor(const VisualStatement &statement);
    void addStatement();
    void removeStatement(VisualStatementEditor *editor);
    void updateRemovable();

    QString m_accountId;
    VisualPolicy m_policy;   // version and id; the statements live in the editors
    QList<VisualStatementEditor *> m_editors;
    QVBoxLayout *m_statements = nullptr;
    QPushButton *m_add = nullptr;
};
