#include "InlinePolicyDialog.h"

#include "ConsoleStyle.h"
#include "MessageBar.h"
#include "PolicyTextField.h"
#include "PrettyJson.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// What the console's JSON editor starts from.
const char *const kEmptyPolicy = R"({"Version": "2012-10-17", "Statement": [{"Sid": "Statement1", "Effect": "Allow", "Action": [], "Resource": []}]})";

} // namespace

InlinePolicyDialog::InlinePolicyDialog(const QString &principalName, const QString &policyName,
                                       const QString &document, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("inlinePolicyDialog"));
    setWindowTitle(policyName.isEmpty() ? tr("Create inline policy") : tr("Edit inline policy"));
    createWidgets(principalName, policyName, document);
    connectSignals();
    updateButton();
}

QString InlinePolicyDialog::policyName() const
{
    return m_nameEdit->text().trimmed();
}

QString InlinePolicyDialog::document() const
{
    return m_documentEdit->text();
}

void InlinePolicyDialog::showError(const QString &title, const QString &text)
{
    m_messageBar->showError(title, text);
}

void InlinePolicyDialog::createWidgets(const QString &principalName, const QString &policyName,
                                       const QString &document)
{
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("dialogMessageBar"));
    auto *about = new QLabel(tr("Add an inline policy to %1. It is embedded in %1 and deleted with it.").arg(principalName),
                             this);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));

    auto *nameLabel = new QLabel(tr("Policy name"), this);
    m_nameEdit = new QLineEdit(policyName, this);
    m_nameEdit->setObjectName(QStringLiteral("policyNameEdit"));
    m_nameEdit->setPlaceholderText(tr("Enter a policy name"));
    m_nameEdit->setMaxLength(128);
    m_nameEdit->setReadOnly(!policyName.isEmpty());
    nameLabel->setBuddy(m_nameEdit);

    auto *documentLabel = new QLabel(tr("Policy editor"), this);
    m_documentEdit = new PolicyTextField(this);
    m_documentEdit->setObjectName(QStringLiteral("policyDocumentEdit"));
    m_documentEdit->setText(prettyJson(document.isEmpty() ? QString::fromLatin1(kEmptyPolicy) : document));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_createButton = buttons->addButton(policyName.isEmpty() ? tr("Create policy") : tr("Save changes"),
                                        QDialogButtonBox::ActionRole);
    m_createButton->setObjectName(QStringLiteral("createPolicyButton"));
    ConsoleStyle::markPrimary(m_createButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(about);
    layout->addWidget(nameLabel);
    layout->addWidget(m_nameEdit);
    layout->addWidget(documentLabel);
    layout->addWidget(m_documentEdit, 1);
    layout->addWidget(buttons);
    resize(720, 560);
}

void InlinePolicyDialog::connectSignals()
{
    connect(m_nameEdit, &QLineEdit::textChanged, this, &InlinePolicyDialog::updateButton);
    connect(m_documentEdit, &PolicyTextField::textChanged, this, &InlinePolicyDialog::updateButton);
    // Not accept(): the page closes the dialog once IAM took the policy.
    connect(m_createButton, &QPushButton::clicked, this, &InlinePolicyDialog::submitted);
}

void InlinePolicyDialog::updateButton()
{
    m_createButton->setEnabled(!policyName().isEmpty() && !document().trimmed().isEmpty());
}
