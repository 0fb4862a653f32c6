#include "VisualPolicyEditor.h"

#include "VisualStatementEditor.h"

#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

VisualPolicyEditor::VisualPolicyEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("visualEditor"));
    createWidgets();
}

void VisualPolicyEditor::createWidgets()
{
    auto *content = new QWidget;
    m_statements = new QVBoxLayout;
    m_statements->setContentsMargins(0, 0, 0, 0);
    m_add = new QPushButton(tr("Add more permissions"), content);
    m_add->setObjectName(QStringLiteral("addStatementButton"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(m_statements);
    contentLayout->addWidget(m_add, 0, Qt::AlignLeft);
    contentLayout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_add, &QPushButton::clicked, this, &VisualPolicyEditor::addStatement);
}

void VisualPolicyEditor::setAccountId(const QString &accountId)
{
    m_accountId = accountId;
    for (VisualStatementEditor *editor : std::as_const(m_editors))
        editor->setAccountId(accountId);
}

void VisualPolicyEditor::setPolicy(const VisualPolicy &policy)
{
    m_policy = policy;
    qDeleteAll(m_editors);
    m_editors.clear();
    for (const VisualStatement &statement : policy.statements)
        addStatementEditor(statement);
    updateRemovable();
}

VisualPolicy VisualPolicyEditor::policy() const
{
    VisualPolicy policy = m_policy;
    policy.statements.clear();
    for (const VisualStatementEditor *editor : m_editors)
        policy.statements << editor->statement();
    return policy;
}

void VisualPolicyEditor::addStatementEditor(const VisualStatement &statement)
{
    auto *editor = new VisualStatementEditor(this);
    editor->setAccountId(m_accountId);
    editor->setStatement(statement);
    m_statements->addWidget(editor);
    m_editors << editor;
    connect(editor, &VisualStatementEditor::changed, this, &VisualPolicyEditor::policyChanged);
    connect(editor, &VisualStatementEditor::removeRequested, this, [this, editor] { removeStatement(editor); });
}

void VisualPolicyEditor::addStatement()
{
    // The console's Sids: VisualEditor0, VisualEditor1, ... the first one not taken.
    QStringList taken;
    for (const VisualStatementEditor *editor : std::as_const(m_editors))
        taken << editor->statement().sid;
    int n = 0;
    while (taken.contains(VisualPolicy::visualEditorSid(n)))
        ++n;
    VisualStatement statement;
    statement.sid = VisualPolicy::visualEditorSid(n);
    addStatementEditor(statement);
    updateRemovable();
    emit policyChanged();
}

void VisualPolicyEditor::removeStatement(VisualStatementEditor *editor)
{
    if (m_editors.size() <= 1)
        return;
    m_editors.removeOne(editor);
    // Later: the click that asked for it is still being delivered to its button.
    editor->hide();
    editor->deleteLater();
    updateRemovable();
    emit policyChanged();
}

void VisualPolicyEditor::updateRemovable()
{
    for (VisualStatementEditor *editor : std::as_const(m_editors))
        editor->setRemovable(m_editors.size() > 1);
}
