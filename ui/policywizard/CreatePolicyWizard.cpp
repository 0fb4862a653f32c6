#include "CreatePolicyWizard.h"

#include "AccountCommands.h"
#include "ConsoleStyle.h"
#include "PolicyReviewPage.h"
#include "SpecifyPermissionsPage.h"
#include "WorkspaceDocument.h"

#include <QAbstractButton>

CreatePolicyWizard::CreatePolicyWizard(WorkspaceDocument &document, QWidget *parent, const QString &initialDocument)
    : QWizard(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("createPolicyWizard"));
    setWindowTitle(tr("Create policy"));
    m_draft.document = initialDocument;
    createPages();
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::BackButton, tr("Previous"));
    setButtonText(QWizard::NextButton, tr("Next"));
    setButtonText(QWizard::FinishButton, tr("Create policy"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    ConsoleStyle::markPrimary(button(QWizard::NextButton));
    ConsoleStyle::markPrimary(button(QWizard::FinishButton));
    resize(1000, 760);
}

void CreatePolicyWizard::createPages()
{
    m_permissions = new SpecifyPermissionsPage(m_document, m_draft, this);
    m_review = new PolicyReviewPage(m_document, m_draft, this);
    setPage(SpecifyPermissionsPageId, m_permissions);
    setPage(ReviewPageId, m_review);
    setStartId(SpecifyPermissionsPageId);
}

CreatePolicyWizard *CreatePolicyWizard::openFor(WorkspaceDocument &document, QWidget *parent)
{
    auto *wizard = new CreatePolicyWizard(document, parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
    return wizard;
}

void CreatePolicyWizard::accept()
{
    // Finish: the review page writes the draft; then the one API call.
    if (!validateCurrentPage())
        return;
    const CommandOutcome outcome = m_document.execute(createPolicyCommand(m_document, m_draft));
    if (!outcome.ok) {
        m_review->showRefusal(tr("Failed to create policy %1").arg(m_draft.name), outcome.message);
        return;
    }
    emit policyCreated(m_draft.name);
    QWizard::accept();
}
