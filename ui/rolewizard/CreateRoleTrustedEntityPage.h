#pragma once

// Step 1 of Create role, "Select trusted entity": the trusted entity type as the
// console's five cards, and below them the chosen type's options (use case, account,
// identity provider, SAML provider, or the custom trust policy editor). Next is
// enabled once the options make a trust policy; leaving the page writes the trust
// policy and the use case's suggestions into the draft.
//
// Object names: awsServiceRadio, awsAccountRadio, webIdentityRadio, samlRadio,
// customTrustPolicyRadio, trustedEntityProblem; the panels' own (ServiceUseCasePanel.h, ...).

#include "TrustedEntity.h"

#include <QList>
#include <QWizardPage>

class AccountTrustPanel;
class CustomTrustPolicyPanel;
class EntityTypeCard;
class QButtonGroup;
class QLabel;
class SamlTrustPanel;
class ServiceUseCasePanel;
class WebIdentityTrustPanel;
class WorkspaceDocument;
struct RoleDraft;

class CreateRoleTrustedEntityPage : public QWizardPage
{
    Q_OBJECT

public:
    CreateRoleTrustedEntityPage(WorkspaceDocument &document, RoleDraft &draft, QWidget *parent = nullptr);

    // The trusted entity as chosen so far.
    TrustedEntity trustedEntity() const;
    TrustedEntity::Type selectedType() const;

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void createWidgets();
    void connectSignals();
    void onTypeChosen();
    void onOptionsChanged();

    WorkspaceDocument &m_document;
    RoleDraft &m_draft;
    QButtonGroup *m_types = nullptr;
    QList<QWidget *> m_panels;
    ServiceUseCasePanel *m_servicePanel = nullptr;
    AccountTrustPanel *m_accountPanel = nullptr;
    WebIdentityTrustPanel *m_webIdentityPanel = nullptr;
    SamlTrustPanel *m_samlPanel = nullptr;
    CustomTrustPolicyPanel *m_customPanel = nullptr;
    QLabel *m_problem = nullptr;
};
