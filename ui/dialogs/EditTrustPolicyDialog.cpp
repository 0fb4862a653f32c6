#include "EditTrustPolicyDialog.h"

#include "ConsoleStyle.h"
#include "MessageBar.h"
#include "PolicyTextField.h"
#include "PrettyJson.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EditTrustPolicyDialog::EditTrustPolicyDialog(const QString &roleName, const QString &trustPolicy, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("editTrustPolicyDialog"));
    setWindowTitle(tr("Edit trust policy"));
    createWidgets(roleName, trustPolicy);
    connect(m_edit, &PolicyTextField::textChanged, this,
            [this] { m_updateButton->setEnabled(!m_edit->text().trimmed().isEmpty()); });
    // Not accept(): the page closes the dialog once IAM took the policy.
    connect(m_updateButton, &QPushButton::clicked, this, &EditTrustPolicyDialog::submitted);
}

QString EditTrustPolicyDialog::document() const
{
    return m_edit->text();
}

void EditTrustPolicyDialog::showError(const QString &title, const QString &text)
{
    m_messageBar->showError(title, text);
}

void EditTrustPolicyDialog::createWidgets(const QString &roleName, const QString &trustPolicy)
{
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("dialogMessageBar"));
    auto *about = new QLabel(tr("The trust policy of %1 says which principals may assume it, and under which "
                                "conditions.").arg(roleName),
                             this);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));

    m_edit = new PolicyTextField(this);
    m_edit->setObjectName(QStringLiteral("trustPolicyEdit"));
    m_edit->setText(prettyJson(trustPolicy));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_updateButton = buttons->addButton(tr("Update policy"), QDialogButtonBox::ActionRole);
    m_updateButton->setObjectName(QStringLiteral("updatePolicyButton"));
    ConsoleStyle::markPrimary(m_updateButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(about);
    layout->addWidget(m_edit, 1);
    layout->addWidget(buttons);
    resize(720, 560);
}
