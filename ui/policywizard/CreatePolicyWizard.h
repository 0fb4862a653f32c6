#pragma once

// The console's Create policy, in its two steps: Specify permissions (visual or
// JSON editor) and Review and create (name, description, summary, tags). The
// pages fill a PolicyDraft; "Create policy" runs one createPolicyCommand as the
// signed-in caller. A refusal stays on the review page with AWS's text; success
// closes the wizard (Accepted) and the policy is one Edit > Undo away.
//
//   CreatePolicyWizard::openFor(document, this);   // non-modal, deletes itself
//
// Cancel leaves no trace: nothing reaches the account before Create policy.

#include "PolicyDraft.h"

#include <QWizard>

class PolicyReviewPage;
class SpecifyPermissionsPage;
class WorkspaceDocument;

class CreatePolicyWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SpecifyPermissionsPageId, ReviewPageId };

    // `initialDocument` (optional) prefills the JSON editor instead of the console's skeleton.
    explicit CreatePolicyWizard(WorkspaceDocument &document, QWidget *parent = nullptr,
                                const QString &initialDocument = {});

    // Opens a window-modal wizard that deletes itself when closed.
    static CreatePolicyWizard *openFor(WorkspaceDocument &document, QWidget *parent);

    const PolicyDraft &draft() const { return m_draft; }

    void accept() override;

signals:
    // After Create policy succeeded, before the wizard closes.
    void policyCreated(const QString &policyName);

private:
    void createPages();

    WorkspaceDocument &m_document;
    PolicyDraft m_draft;
    SpecifyPermissionsPage *m_permissions = nullptr;
    PolicyReviewPage *m_review = nullptr;
};
