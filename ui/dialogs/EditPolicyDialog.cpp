#include "EditPolicyDialog.h"

#include "ConsoleStyle.h"
#include "MessageBar.h"
#include "PolicyEditor.h"
#include "PolicyFindingsModel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EditPolicyDialog::EditPolicyDialog(const QString &policyName, const QString &json, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("editPolicyDialog"));
    setWindowTitle(tr("Modify permissions in %1").arg(policyName));
    createWidgets(policyName);
    m_editor->setText(json);
    updateSaveButton();
    connect(m_editor, &PolicyEditor::findingsUpdated, this, &EditPolicyDialog::updateSaveButton);
    connect(m_saveButton, &QPushButton::clicked, this, &EditPolicyDialog::saveRequested);
}

QString EditPolicyDialog::text() const
{
    return m_editor->text();
}

void EditPolicyDialog::showError(const QString &title, const QString &message)
{
    m_messageBar->showError(title, message);
}

void EditPolicyDialog::createWidgets(const QString &policyName)
{
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("dialogMessageBar"));
    auto *heading = new QLabel(tr("Modify permissions in %1").arg(policyName), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    auto *hint = new QLabel(tr("Add permissions by selecting services, actions, resources, and conditions. "
                               "Build permission statements using the JSON editor."),
                            this);
    hint->setProperty("class", QStringLiteral("muted"));
    hint->setWordWrap(true);

    m_editor = new PolicyEditor(this);
    m_editor->setObjectName(QStringLiteral("policyEditor"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->addButton(tr("Save changes"), QDialogButtonBox::ActionRole);
    m_saveButton->setObjectName(QStringLiteral("saveChangesButton"));
    ConsoleStyle::markPrimary(m_saveButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    resize(820, 640);
}

// The console's Next stays disabled while the JSON has errors.
void EditPolicyDialog::updateSaveButton()
{
    m_saveButton->setEnabled(!m_editor->findingsModel()->hasErrors());
}
