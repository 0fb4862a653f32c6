#pragma once

// "An AWS account" of the AWS account trusted entity type: this account or another
// one (its 12-digit id), and the options "Require external ID" (with the id) and
// "Require MFA", which become conditions of the trust policy.
//
// Object names: thisAccountRadio, anotherAccountRadio, accountIdEdit,
// requireExternalIdCheck, externalIdEdit, requireMfaCheck.

#include "TrustedEntity.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QRadioButton;

class AccountTrustPanel : public QWidget
{
    Q_OBJECT

public:
    // `thisAccountId` is the signed-in account's id ("111122223333").
    explicit AccountTrustPanel(const QString &thisAccountId, QWidget *parent = nullptr);

    // Fills the account part of `entity`.
    void apply(TrustedEntity &entity) const;

signals:
    void changed();

private:
    void createWidgets();
    void connectSignals();
    void updateEnabled();

    QString m_thisAccountId;
    QRadioButton *m_thisAccount = nullptr;
    QRadioButton *m_anotherAccount = nullptr;
    QLineEdit *m_accountId = nullptr;
    QCheckBox *m_requireExternalId = nullptr;
    QLineEdit *m_externalId = nullptr;
    QWidget *m_externalIdBox = nullptr;
    QCheckBox *m_requireMfa = nullptr;
};
