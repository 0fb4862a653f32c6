#include "CreateRoleWizard.h"

#include "ConsoleStyle.h"
#include "CreateRolePermissionsPage.h"
#include "CreateRoleReviewPage.h"
#include "CreateRoleTrustedEntityPage.h"

#include <QAbstractButton>
#include <QLabel>

CreateRoleWizard::CreateRoleWizard(WorkspaceDocument &document, QWidget *parent)
    : QWizard(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("createRoleWizard"));
    setWindowTitle(tr("Create role"));
    createWidgets();
    connectSignals();
    updateSteps(TrustedEntityPage);
}

CreateRoleWizard *CreateRoleWizard::openFor(WorkspaceDocument &document, QWidget *parent)
{
    auto *wizard = new CreateRoleWizard(document, parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
    return wizard;
}

void CreateRoleWizard::createWidgets()
{
    setWizardStyle(QWizard::ClassicStyle);
    // Enter in the policy search box filters; it must not press Next.
    setOption(QWizard::NoDefaultButton);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::BackButton, tr("Previous"));
    setButtonText(QWizard::NextButton, tr("Next"));
    setButtonText(QWizard::FinishButton, tr("Create role"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    ConsoleStyle::markPrimary(button(QWizard::NextButton));
    ConsoleStyle::markPrimary(button(QWizard::FinishButton));

    m_trustedEntityPage = new CreateRoleTrustedEntityPage(m_document, m_draft, this);
    m_permissionsPage = new CreateRolePermissionsPage(m_document, m_draft, this);
    m_reviewPage = new CreateRoleReviewPage(m_document, m_draft, this);
    setPage(TrustedEntityPage, m_trustedEntityPage);
    setPage(PermissionsPage, m_permissionsPage);
    setPage(ReviewPage, m_reviewPage);
    setStartId(TrustedEntityPage);

    // The console's step list on the left.
    m_steps = new QLabel(this);
    m_steps->setObjectName(QStringLiteral("createRoleSteps"));
    m_steps->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_steps->setWordWrap(true);
    m_steps->setFixedWidth(200);
    m_steps->setContentsMargins(8, 8, 16, 8);
    setSideWidget(m_steps);
    resize(1080, 760);
}

void CreateRoleWizard::connectSignals()
{
    connect(this, &QWizard::currentIdChanged, this, &CreateRoleWizard::updateSteps);
    connect(m_reviewPage, &CreateRoleReviewPage::editTrustedEntityRequested, this,
            [this] { goBackTo(TrustedEntityPage); });
    connect(m_reviewPage, &CreateRoleReviewPage::editPermissionsRequested, this,
            [this] { goBackTo(PermissionsPage); });
    connect(m_reviewPage, &CreateRoleReviewPage::roleCreated, this, &CreateRoleWizard::roleCreated);
}

int CreateRoleWizard::nextId() const
{
    switch (currentId()) {
    case TrustedEntityPage: return PermissionsPage;
    case PermissionsPage: return ReviewPage;
    default: return -1;
    }
}

void CreateRoleWizard::updateSteps(int id)
{
    const QString steps[] = {tr("Select trusted entity"), tr("Add permissions"), tr("Name, review, and create")};
    QString html;
    for (int i = 0; i < 3; ++i) {
        const QString line = tr("Step %1").arg(i + 1) + QStringLiteral("<br>") + steps[i].toHtmlEscaped();
        html += i == id ? QStringLiteral("<p><b>%1</b></p>").arg(line)
                        : QStringLiteral("<p><span style=\"color: #687078\">%1</span></p>").arg(line);
    }
    m_steps->setText(html);
}

void CreateRoleWizard::goBackTo(int id)
{
    // The pages keep their input when left backwards (their cleanupPage() keeps it).
    // Page ids follow the steps' order.
    while (currentId() > id)
        back();
}
