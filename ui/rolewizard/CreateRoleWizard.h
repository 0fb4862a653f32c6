#pragma once

// The console's Create role, in its three steps: Select trusted entity, Add
// permissions, Name, review, and create. The pages fill one RoleDraft; "Create
// role" (the orange Finish button) runs createRoleCommand as the signed-in caller
// (CreateRole, AttachRolePolicy per policy, and for EC2 CreateInstanceProfile +
// AddRoleToInstanceProfile), one undo step. A refusal stays on the last page with
// AWS's text in its red flash; Cancel leaves no trace.
//
//   CreateRoleWizard::openFor(document, window);   // window-modal, deletes itself when closed

#include "RoleDraft.h"

#include <QWizard>

class CreateRolePermissionsPage;
class CreateRoleReviewPage;
class CreateRoleTrustedEntityPage;
class QLabel;
class WorkspaceDocument;

class CreateRoleWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { TrustedEntityPage, PermissionsPage, ReviewPage };

    explicit CreateRoleWizard(WorkspaceDocument &document, QWidget *parent = nullptr);

    // A new wizard over `parent`, opened window-modal, deleted when closed.
    static CreateRoleWizard *openFor(WorkspaceDocument &document, QWidget *parent);

    const RoleDraft &draft() const { return m_draft; }
    CreateRoleTrustedEntityPage *trustedEntityPage() const { return m_trustedEntityPage; }
    CreateRolePermissionsPage *permissionsPage() const { return m_permissionsPage; }
    CreateRoleReviewPage *reviewPage() const { return m_reviewPage; }

    int nextId() const override;

signals:
    // The role exists: its command is on the undo stack.
    void roleCreated(const QString &roleName);

private:
    void createWidgets();
    void connectSignals();
    void updateSteps(int id);
    void goBackTo(int id);

    WorkspaceDocument &m_document;
    RoleDraft m_draft;
    CreateRoleTrustedEntityPage *m_trustedEntityPage = nullptr;
    CreateRolePermissionsPage *m_permissionsPage = nullptr;
    CreateRoleReviewPage *m_reviewPage = nullptr;
    QLabel *m_steps = nullptr;
};
