#include "CustomTrustPolicyPanel.h"

#include "PolicyEditor.h"
#include "PolicyFindingsModel.h"
#include "RoleWizardText.h"

#include <QVBoxLayout>

CustomTrustPolicyPanel::CustomTrustPolicyPanel(QWidget *parent)
    : QWidget(parent)
{
    createWidgets();
    connectSignals();
}

QString CustomTrustPolicyPanel::text() const
{
    return m_editor->text();
}

void CustomTrustPolicyPanel::setText(const QString &text)
{
    m_editor->setText(text);
}

bool CustomTrustPolicyPanel::hasErrors() const
{
    return m_editor->findingsModel()->hasErrors();
}

void CustomTrustPolicyPanel::validateNow()
{
    m_editor->validateNow();
}

void CustomTrustPolicyPanel::createWidgets()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(RoleWizardText::heading(tr("Custom trust policy"), this));
    layout->addWidget(RoleWizardText::hint(
        tr("Create a custom trust policy to enable others to perform actions in this account."), this));
    m_editor = new PolicyEditor(this);
    m_editor->setObjectName(QStringLiteral("customTrustPolicyEditor"));
    // Validated as a trust policy: a Principal is required, a Resource is not.
    m_editor->setPolicyType(iam::PolicyType::Trust);
    m_editor->setMinimumHeight(320);
    layout->addWidget(m_editor, 1);
}

void CustomTrustPolicyPanel::connectSignals()
{
    connect(m_editor, &PolicyEditor::textEdited, this, &CustomTrustPolicyPanel::changed);
    connect(m_editor, &PolicyEditor::findingsUpdated, this, &CustomTrustPolicyPanel::changed);
}
