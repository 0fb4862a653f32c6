#include "SamlTrustPanel.h"

#include "RoleWizardText.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

SamlTrustPanel::SamlTrustPanel(const QString &accountId, QWidget *parent)
    : QWidget(parent)
{
    createWidgets(accountId);
    connectSignals();
    updateEnabled();
}

void SamlTrustPanel::apply(TrustedEntity &entity) const
{
    entity.samlProviderArn = m_provider->text().trimmed();
    entity.samlAccess = m_console->isChecked() ? TrustedEntity::SamlAccess::ProgrammaticAndConsole
                                               : TrustedEntity::SamlAccess::ProgrammaticOnly;
    entity.samlAttribute = m_attribute->currentText();
    entity.samlAttributeValue = m_value->text().trimmed();
}

void SamlTrustPanel::createWidgets(const QString &accountId)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(RoleWizardText::heading(tr("SAML 2.0 federation"), this));
    layout->addWidget(new QLabel(tr("SAML 2.0-based provider"), this));
    m_provider = new QLineEdit(this);
    m_provider->setObjectName(QStringLiteral("samlProviderEdit"));
    m_provider->setPlaceholderText(QStringLiteral("arn:aws:iam::%1:saml-provider/ExampleIdP").arg(accountId));
    m_provider->setMaximumWidth(480);
    layout->addWidget(m_provider);

    m_programmatic = new QRadioButton(tr("Allow programmatic access only"), this);
    m_programmatic->setObjectName(QStringLiteral("samlProgrammaticRadio"));
    m_console = new QRadioButton(tr("Allow programmatic and AWS Management Console access"), this);
    m_console->setObjectName(QStringLiteral("samlConsoleRadio"));
    m_console->setChecked(true);
    layout->addWidget(m_programmatic);
    layout->addWidget(m_console);

    // Programmatic access only: the role is limited to assertions carrying this attribute.
    m_attributeBox = new QWidget(this);
    auto *form = new QFormLayout(m_attributeBox);
    form->setContentsMargins(22, 0, 0, 0);
    m_attribute = new QComboBox(m_attributeBox);
    m_attribute->setObjectName(QStringLiteral("samlAttributeCombo"));
    m_attribute->addItems({QStringLiteral("SAML:aud"), QStringLiteral("SAML:edupersonaffiliation"),
                           QStringLiteral("SAML:edupersonorgdn"), QStringLiteral("SAML:iss"),
                           QStringLiteral("SAML:sub"), QStringLiteral("SAML:sub_type")});
    m_value = new QLineEdit(m_attributeBox);
    m_value->setObjectName(QStringLiteral("samlValueEdit"));
    form->addRow(tr("Attribute"), m_attribute);
    form->addRow(tr("Value"), m_value);
    layout->addWidget(m_attributeBox);
    layout->addStretch();
}

void SamlTrustPanel::connectSignals()
{
    connect(m_provider, &QLineEdit::textChanged, this, &SamlTrustPanel::changed);
    connect(m_console, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        emit changed();
    });
    connect(m_attribute, &QComboBox::currentIndexChanged, this, &SamlTrustPanel::changed);
    connect(m_value, &QLineEdit::textChanged, this, &SamlTrustPanel::changed);
}

void SamlTrustPanel::updateEnabled()
{
    m_attributeBox->setVisible(m_programmatic->isChecked());
}
