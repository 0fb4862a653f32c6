#include "AccountTrustPanel.h"

#include "RoleWizardText.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

AccountTrustPanel::AccountTrustPanel(const QString &thisAccountId, QWidget *parent)
    : QWidget(parent)
    , m_thisAccountId(thisAccountId)
{
    createWidgets();
    connectSignals();
    updateEnabled();
}

void AccountTrustPanel::apply(TrustedEntity &entity) const
{
    entity.accountId = m_thisAccount->isChecked() ? m_thisAccountId : m_accountId->text().trimmed();
    entity.requireExternalId = m_requireExternalId->isChecked();
    entity.externalId = m_externalId->text();
    entity.requireMfa = m_requireMfa->isChecked();
}

void AccountTrustPanel::createWidgets()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(RoleWizardText::heading(tr("An AWS account"), this));
    layout->addWidget(RoleWizardText::hint(
        tr("Allow entities in other AWS accounts belonging to you or a 3rd party to perform actions in this account."),
        this));

    m_thisAccount = new QRadioButton(tr("This account (%1)").arg(m_thisAccountId), this);
    m_thisAccount->setObjectName(QStringLiteral("thisAccountRadio"));
    m_thisAccount->setChecked(true);
    m_anotherAccount = new QRadioButton(tr("Another AWS account"), this);
    m_anotherAccount->setObjectName(QStringLiteral("anotherAccountRadio"));
    m_accountId = new QLineEdit(this);
    m_accountId->setObjectName(QStringLiteral("accountIdEdit"));
    m_accountId->setPlaceholderText(tr("Account ID"));
    m_accountId->setMaxLength(12);
    m_accountId->setMaximumWidth(320);
    layout->addWidget(m_thisAccount);
    layout->addWidget(m_anotherAccount);
    auto *accountBox = new QWidget(this);
    auto *accountLayout = new QVBoxLayout(accountBox);
    accountLayout->setContentsMargins(22, 0, 0, 0);
    accountLayout->addWidget(new QLabel(tr("Account ID"), accountBox));
    accountLayout->addWidget(RoleWizardText::hint(tr("Identifier of the account that can use this role"), accountBox));
    accountLayout->addWidget(m_accountId);
    layout->addWidget(accountBox);

    layout->addSpacing(8);
    layout->addWidget(RoleWizardText::heading(tr("Options"), this));
    m_requireExternalId = new QCheckBox(tr("Require external ID (Best practice when a third party will assume this role)"),
                                        this);
    m_requireExternalId->setObjectName(QStringLiteral("requireExternalIdCheck"));
    layout->addWidget(m_requireExternalId);
    m_externalIdBox = new QWidget(this);
    auto *externalLayout = new QVBoxLayout(m_externalIdBox);
    externalLayout->setContentsMargins(22, 0, 0, 0);
    externalLayout->addWidget(new QLabel(tr("External ID"), m_externalIdBox));
    externalLayout->addWidget(RoleWizardText::hint(
        tr("You can increase the security of your role by requiring an optional external identifier, which prevents "
           "\"confused deputy\" attacks. This is recommended if you do not own or have administrative access to the "
           "account that can assume this role."),
        m_externalIdBox));
    m_externalId = new QLineEdit(m_externalIdBox);
    m_externalId->setObjectName(QStringLiteral("externalIdEdit"));
    m_externalId->setMaximumWidth(320);
    externalLayout->addWidget(m_externalId);
    layout->addWidget(m_externalIdBox);

    m_requireMfa = new QCheckBox(tr("Require MFA"), this);
    m_requireMfa->setObjectName(QStringLiteral("requireMfaCheck"));
    layout->addWidget(m_requireMfa);
    QLabel *mfaHint = RoleWizardText::hint(
        tr("Requires that the assuming entity use multi-factor authentication."), this);
    mfaHint->setContentsMargins(22, 0, 0, 0);
    layout->addWidget(mfaHint);
    layout->addStretch();
}

void AccountTrustPanel::connectSignals()
{
    for (QAbstractButton *button : {static_cast<QAbstractButton *>(m_thisAccount),
                                    static_cast<QAbstractButton *>(m_anotherAccount),
                                    static_cast<QAbstractButton *>(m_requireExternalId),
                                    static_cast<QAbstractButton *>(m_requireMfa)}) {
        connect(button, &QAbstractButton::toggled, this, [this] {
            updateEnabled();
            emit changed();
        });
    }
    connect(m_accountId, &QLineEdit::textChanged, this, &AccountTrustPanel::changed);
    connect(m_externalId, &QLineEdit::textChanged, this, &AccountTrustPanel::changed);
}

void AccountTrustPanel::updateEnabled()
{
    m_accountId->setEnabled(m_anotherAccount->isChecked());
    m_externalIdBox->setVisible(m_requireExternalId->isChecked());
}
