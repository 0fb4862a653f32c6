#include "CreateBucketDialog.h"

#include "ConsoleStyle.h"
#include "MessageBar.h"
#include "S3Commands.h"
#include "S3ConsoleText.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

CreateBucketDialog::CreateBucketDialog(WorkspaceDocument &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("createBucketDialog"));
    setWindowTitle(tr("Create bucket"));
    createWidgets();
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_createButton->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_createButton, &QPushButton::clicked, this, &CreateBucketDialog::create);
    m_createButton->setEnabled(false);
}

void CreateBucketDialog::create()
{
    const QString name = m_name->text().trimmed();
    const CommandOutcome outcome =
        m_document.execute(createBucketCommand(m_document, name, m_region->currentData().toString()));
    if (!outcome.ok) {
        m_messageBar->showError(tr("Failed to create bucket"), outcome.message);
        return;
    }
    emit created(name);
    accept();
}

void CreateBucketDialog::createWidgets()
{
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("dialogMessageBar"));

    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    for (const char *code : {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1",
                             "ap-southeast-2", "ap-northeast-1"}) {
        const QString id = QString::fromLatin1(code);
        m_region->addItem(S3ConsoleText::regionText(id), id);
    }
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("bucketNameEdit"));
    m_name->setPlaceholderText(tr("myawsbucket"));
    auto *nameHint = new QLabel(tr("Bucket name must be unique within the global namespace and follow the bucket "
                                   "naming rules: 3 to 63 characters; lowercase letters, numbers, dots (.) and "
                                   "hyphens (-); beginning and ending with a letter or number."),
                                this);
    nameHint->setWordWrap(true);
    nameHint->setProperty("class", QStringLiteral("muted"));

    auto *general = new QGroupBox(tr("General configuration"), this);
    auto *form = new QFormLayout(general);
    form->addRow(tr("AWS Region"), m_region);
    form->addRow(tr("Bucket name"), m_name);
    form->addRow(QString(), nameHint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_createButton = buttons->addButton(tr("Create bucket"), QDialogButtonBox::ActionRole);
    m_createButton->setObjectName(QStringLiteral("createBucketButton"));
    ConsoleStyle::markPrimary(m_createButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(general);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(640, 360);
}
