#include "EditBucketPolicyDialog.h"

#include "ConsoleStyle.h"
#include "MessageBar.h"
#include "PolicyEditor.h"
#include "PolicyFindingsModel.h"
#include "PrettyJson.h"
#include "S3Commands.h"
#include "S3ConsoleText.h"
#include "WorkspaceDocument.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EditBucketPolicyDialog::EditBucketPolicyDialog(WorkspaceDocument &document, const QString &bucket,
                                               const QString &policy, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_bucket(bucket)
{
    setObjectName(QStringLiteral("editBucketPolicyDialog"));
    setWindowTitle(tr("Edit bucket policy"));
    createWidgets();
    m_editor->setText(policy.isEmpty() ? QString() : prettyJson(policy));
    updateSaveButton();
    connect(m_editor, &PolicyEditor::findingsUpdated, this, &EditBucketPolicyDialog::updateSaveButton);
    // Typing restarts validation: Save waits for its findings, as the console's does.
    connect(m_editor, &PolicyEditor::textEdited, this, &EditBucketPolicyDialog::updateSaveButton);
    connect(m_saveButton, &QPushButton::clicked, this, &EditBucketPolicyDialog::save);
}

void EditBucketPolicyDialog::save()
{
    m_editor->validateNow();
    if (m_editor->findingsModel()->hasErrors())
        return;
    const CommandOutcome outcome = m_document.execute(putBucketPolicyCommand(m_document, m_bucket, m_editor->text()));
    if (!outcome.ok) {
        m_messageBar->showError(tr("Failed to edit bucket policy"),
                                QStringLiteral("%1: %2").arg(outcome.errorCode, outcome.message));
        return;
    }
    emit saved();
    accept();
}

void EditBucketPolicyDialog::createWidgets()
{
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("dialogMessageBar"));
    auto *heading = new QLabel(tr("Edit bucket policy"), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    auto *about = new QLabel(tr("The bucket policy, written in JSON, provides access to the objects stored in the "
                                "bucket. Bucket policies don't apply to objects owned by other accounts."),
                             this);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));

    auto *arnCaption = new QLabel(tr("Bucket ARN"), this);
    arnCaption->setProperty("class", QStringLiteral("muted"));
    m_arn = new QLabel(S3ConsoleText::bucketArn(m_bucket), this);
    m_arn->setObjectName(QStringLiteral("bucketArnLabel"));
    m_arn->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *policyCaption = new QLabel(tr("Policy"), this);
    QFont bold = policyCaption->font();
    bold.setBold(true);
    policyCaption->setFont(bold);

    m_editor = new PolicyEditor(this);
    m_editor->setObjectName(QStringLiteral("policyEditor"));
    m_editor->setPolicyType(iam::PolicyType::Resource);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->addButton(tr("Save changes"), QDialogButtonBox::ActionRole);
    m_saveButton->setObjectName(QStringLiteral("saveChangesButton"));
    ConsoleStyle::markPrimary(m_saveButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(heading);
    layout->addWidget(about);
    layout->addWidget(arnCaption);
    layout->addWidget(m_arn);
    layout->addWidget(policyCaption);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    resize(820, 640);
}

void EditBucketPolicyDialog::updateSaveButton()
{
    m_saveButton->setEnabled(!m_editor->isValidationPending() && !m_editor->text().trimmed().isEmpty()
                             && !m_editor->findingsModel()->hasErrors());
}
