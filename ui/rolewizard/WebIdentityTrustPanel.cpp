#include "WebIdentityTrustPanel.h"

#include "RoleWizardText.h"
#include "TrustPolicyBuilder.h"

#include <QComboBox>
#include <QLineEdit>
#include <QVBoxLayout>

WebIdentityTrustPanel::WebIdentityTrustPanel(QWidget *parent)
    : QWidget(parent)
{
    createWidgets();
    connectSignals();
}

void WebIdentityTrustPanel::apply(TrustedEntity &entity) const
{
    entity.webIdentityProvider = provider();
    entity.audience = m_audience->text().trimmed();
}

TrustedEntity::WebIdentityProvider WebIdentityTrustPanel::provider() const
{
    return TrustedEntity::WebIdentityProvider(m_provider->currentData().toInt());
}

void WebIdentityTrustPanel::createWidgets()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(RoleWizardText::heading(tr("Web identity"), this));
    layout->addWidget(new QLabel(tr("Identity provider"), this));
    m_provider = new QComboBox(this);
    m_provider->setObjectName(QStringLiteral("identityProviderCombo"));
    using P = TrustedEntity::WebIdentityProvider;
    for (P provider : {P::Cognito, P::LoginWithAmazon, P::Facebook, P::Google})
        m_provider->addItem(TrustPolicyBuilder::webIdentityProviderName(provider), int(provider));
    m_provider->setMaximumWidth(320);
    layout->addWidget(m_provider);
    m_audienceLabel = new QLabel(TrustPolicyBuilder::webIdentityAudienceLabel(provider()), this);
    m_audienceLabel->setObjectName(QStringLiteral("audienceLabel"));
    layout->addWidget(m_audienceLabel);
    m_audience = new QLineEdit(this);
    m_audience->setObjectName(QStringLiteral("audienceEdit"));
    m_audience->setMaximumWidth(320);
    layout->addWidget(m_audience);
    layout->addStretch();
}

void WebIdentityTrustPanel::connectSignals()
{
    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        m_audienceLabel->setText(TrustPolicyBuilder::webIdentityAudienceLabel(provider()));
        emit changed();
    });
    connect(m_audience, &QLineEdit::textChanged, this, &WebIdentityTrustPanel::changed);
}
