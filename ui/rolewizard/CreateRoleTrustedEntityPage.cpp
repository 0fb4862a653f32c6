#include "CreateRoleTrustedEntityPage.h"

#include "AccountTrustPanel.h"
#include "CustomTrustPolicyPanel.h"
#include "EntityTypeCard.h"
#include "RoleDraft.h"
#include "RoleUseCases.h"
#include "RoleWizardText.h"
#include "SamlTrustPanel.h"
#include "ServiceUseCasePanel.h"
#include "TrustPolicyBuilder.h"
#include "WebIdentityTrustPanel.h"
#include "WorkspaceDocument.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {

// The EC2 service principal: a role it may assume gets an instance profile.
const QString kEc2Principal = QStringLiteral("ec2.amazonaws.com");

} // namespace

CreateRoleTrustedEntityPage::CreateRoleTrustedEntityPage(WorkspaceDocument &document, RoleDraft &draft,
                                                         QWidget *parent)
    : QWizardPage(parent)
    , m_document(document)
    , m_draft(draft)
    , m_types(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("trustedEntityPage"));
    setTitle(tr("Select trusted entity"));
    createWidgets();
    connectSignals();
}

TrustedEntity::Type CreateRoleTrustedEntityPage::selectedType() const
{
    const int id = m_types->checkedId();
    return id < 0 ? TrustedEntity::Type::AwsService : TrustedEntity::Type(id);
}

TrustedEntity CreateRoleTrustedEntityPage::trustedEntity() const
{
    TrustedEntity entity;
    entity.type = selectedType();
    switch (entity.type) {
    case TrustedEntity::Type::AwsService:
        if (const RoleUseCase *useCase = m_servicePanel->selectedUseCase())
            entity.servicePrincipals = {useCase->principal};
        break;
    case TrustedEntity::Type::AwsAccount: m_accountPanel->apply(entity); break;
    case TrustedEntity::Type::WebIdentity: m_webIdentityPanel->apply(entity); break;
    case TrustedEntity::Type::Saml: m_samlPanel->apply(entity); break;
    case TrustedEntity::Type::Custom: entity.customDocument = m_customPanel->text(); break;
    }
    return entity;
}

void CreateRoleTrustedEntityPage::createWidgets()
{
    const QString accountId = QString::fromStdString(m_document.account().accountId());
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    layout->addWidget(RoleWizardText::heading(tr("Trusted entity type"), content));
    auto *cards = new QGridLayout;
    struct Card { TrustedEntity::Type type; const char *objectName; const char *title; const char *description; };
    const Card kinds[] = {
        {TrustedEntity::Type::AwsService, "awsServiceRadio", QT_TR_NOOP("AWS service"),
         QT_TR_NOOP("Allow AWS services like EC2, Lambda, or others to perform actions in this account.")},
        {TrustedEntity::Type::AwsAccount, "awsAccountRadio", QT_TR_NOOP("AWS account"),
         QT_TR_NOOP("Allow entities in other AWS accounts belonging to you or a 3rd party to perform actions in "
                    "this account.")},
        {TrustedEntity::Type::WebIdentity, "webIdentityRadio", QT_TR_NOOP("Web identity"),
         QT_TR_NOOP("Allows users federated by the specified external web identity provider to assume this role to "
                    "perform actions in this account.")},
        {TrustedEntity::Type::Saml, "samlRadio", QT_TR_NOOP("SAML 2.0 federation"),
         QT_TR_NOOP("Allow users federated with SAML 2.0 from a corporate directory to perform actions in this "
                    "account.")},
        {TrustedEntity::Type::Custom, "customTrustPolicyRadio", QT_TR_NOOP("Custom trust policy"),
         QT_TR_NOOP("Create a custom trust policy to enable others to perform actions in this account.")},
    };
    int position = 0;
    for (const Card &kind : kinds) {
        auto *card = new EntityTypeCard(QString::fromLatin1(kind.objectName), tr(kind.title), tr(kind.description),
                                        content);
        m_types->addButton(card->radio(), int(kind.type));
        cards->addWidget(card, position / 3, position % 3);
        ++position;
    }
    layout->addLayout(cards);
    layout->addSpacing(12);

    m_servicePanel = new ServiceUseCasePanel(content);
    m_accountPanel = new AccountTrustPanel(accountId, content);
    m_webIdentityPanel = new WebIdentityTrustPanel(content);
    m_samlPanel = new SamlTrustPanel(accountId, content);
    m_customPanel = new CustomTrustPolicyPanel(content);
    // One panel shown at a time (index == TrustedEntity::Type); hidden ones take no
    // room, which a stacked widget's tallest page (the editor) would.
    m_panels = {m_servicePanel, m_accountPanel, m_webIdentityPanel, m_samlPanel, m_customPanel};
    for (QWidget *panel : std::as_const(m_panels)) {
        panel->hide();
        layout->addWidget(panel, panel == m_customPanel ? 100 : 0);
    }

    m_problem = RoleWizardText::hint(QString(), content);
    m_problem->setObjectName(QStringLiteral("trustedEntityProblem"));
    layout->addWidget(m_problem);
    layout->addStretch(1);   // spare room below the options (the editor, when shown, takes it)

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The page scrolls down, never sideways: long texts wrap instead.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(scroll);
}

void CreateRoleTrustedEntityPage::connectSignals()
{
    connect(m_types, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            onTypeChosen();
    });
    connect(m_servicePanel, &ServiceUseCasePanel::changed, this, &CreateRoleTrustedEntityPage::onOptionsChanged);
    connect(m_accountPanel, &AccountTrustPanel::changed, this, &CreateRoleTrustedEntityPage::onOptionsChanged);
    connect(m_webIdentityPanel, &WebIdentityTrustPanel::changed, this, &CreateRoleTrustedEntityPage::onOptionsChanged);
    connect(m_samlPanel, &SamlTrustPanel::changed, this, &CreateRoleTrustedEntityPage::onOptionsChanged);
    connect(m_customPanel, &CustomTrustPolicyPanel::changed, this, &CreateRoleTrustedEntityPage::onOptionsChanged);
}

void CreateRoleTrustedEntityPage::initializePage()
{
    // The console opens on "AWS service", and the custom editor on its skeleton.
    if (m_types->checkedId() < 0)
        m_types->button(int(TrustedEntity::Type::AwsService))->setChecked(true);
    if (m_customPanel->text().trimmed().isEmpty())
        m_customPanel->setText(TrustPolicyBuilder::customSkeleton());
    onOptionsChanged();
}

void CreateRoleTrustedEntityPage::onTypeChosen()
{
    for (int i = 0; i < m_panels.size(); ++i)
        m_panels[i]->setVisible(i == int(selectedType()));
    onOptionsChanged();
}

void CreateRoleTrustedEntityPage::onOptionsChanged()
{
    const TrustedEntity entity = trustedEntity();
    QString problem = TrustPolicyBuilder::incompleteReason(entity);
    if (problem.isEmpty() && entity.type == TrustedEntity::Type::Custom && m_customPanel->hasErrors())
        problem = tr("Resolve the errors in the trust policy to continue.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    emit completeChanged();
}

bool CreateRoleTrustedEntityPage::isComplete() const
{
    const TrustedEntity entity = trustedEntity();
    if (!TrustPolicyBuilder::incompleteReason(entity).isEmpty())
        return false;
    return entity.type != TrustedEntity::Type::Custom || !m_customPanel->hasErrors();
}

bool CreateRoleTrustedEntityPage::validatePage()
{
    const TrustedEntity entity = trustedEntity();
    if (entity.type == TrustedEntity::Type::Custom) {
        // Text typed within the editor's pause has not been checked yet.
        m_customPanel->validateNow();
        if (m_customPanel->hasErrors())
            return false;
    }
    m_draft.trustPolicy = TrustPolicyBuilder::build(entity);
    m_draft.customTrustPolicy = entity.type == TrustedEntity::Type::Custom;
    const RoleUseCase *useCase =
        entity.type == TrustedEntity::Type::AwsService ? m_servicePanel->selectedUseCase() : nullptr;
    m_draft.suggestedDescription = useCase ? useCase->roleDescription : QString();
    m_draft.suggestedPolicyArns = useCase ? useCase->managedPolicyArns : QStringList();
    // The console creates the instance profile for roles EC2 may assume.
    m_draft.createInstanceProfile = entity.servicePrincipals.contains(kEc2Principal);
    return true;
}
