#pragma once

// The Web identity trusted entity type: the identity provider (Amazon Cognito, Login
// with Amazon, Facebook, Google) and its audience, whose label follows the provider
// ("Identity pool ID", "Application ID", "Audience").
//
// Object names: identityProviderCombo, audienceEdit.

#include "TrustedEntity.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

class WebIdentityTrustPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WebIdentityTrustPanel(QWidget *parent = nullptr);

    void apply(TrustedEntity &entity) const;

signals:
    void changed();

private:
    void createWidgets();
    void connectSignals();
    TrustedEntity::WebIdentityProvider provider() const;

    QComboBox *m_provider = nullptr;
    QLabel *m_audienceLabel = nullptr;
    QLineEdit *m_audience = nullptr;
};
