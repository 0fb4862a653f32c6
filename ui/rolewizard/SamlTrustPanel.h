#pragma once

// The SAML 2.0 federation trusted entity type: the SAML provider's ARN and the
// access ("Allow programmatic access only", which needs an attribute and value, or
// "Allow programmatic and AWS Management Console access").
//
// Object names: samlProviderEdit, samlProgrammaticRadio, samlConsoleRadio,
// samlAttributeCombo, samlValueEdit.

#include "TrustedEntity.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QRadioButton;

class SamlTrustPanel : public QWidget
{
    Q_OBJECT

public:
    // `accountId` fills the ARN's placeholder.
    explicit SamlTrustPanel(const QString &accountId, QWidget *parent = nullptr);

    void apply(TrustedEntity &entity) const;

signals:
    void changed();

private:
    void createWidgets(const QString &accountId);
    void connectSignals();
    void updateEnabled();

    QLineEdit *m_provider = nullptr;
    QRadioButton *m_programmatic = nullptr;
    QRadioButton *m_console = nullptr;
    QWidget *m_attributeBox = nullptr;
    QComboBox *m_attribute = nullptr;
    QLineEdit *m_value = nullptr;
};
