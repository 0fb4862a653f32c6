#pragma once

// Step 3 of Create role, "Name, review, and create": role name and description with
// the console's rules shown under each field, the trust policy of step 1 (read-only),
// the permissions summary of step 2, and tags. Create role runs the one command
// (createRoleCommand) as the signed-in caller; a refusal shows AWS's text in the
// page's red flash, keeps the wizard open and creates nothing.
//
// Object names: messageBar, roleNameEdit, roleNameHint, descriptionEdit,
// descriptionHint, trustPolicyView, permissionsSummaryTable, tagsEditor (and its
// addTagButton), editTrustedEntityButton, editPermissionsButton.

#include <QWizardPage>

class CreateRoleTagsEditor;
class MessageBar;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTableWidget;
class WorkspaceDocument;
struct RoleDraft;

class CreateRoleReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    CreateRoleReviewPage(WorkspaceDocument &document, RoleDraft &draft, QWidget *parent = nullptr);

    MessageBar *messageBar() const { return m_messageBar; }

    void initializePage() override;
    // Going back keeps the name, description and tags.
    void cleanupPage() override;
    bool isComplete() const override;
    // Creates the role; false (wizard stays open) when AWS refused.
    bool validatePage() override;

signals:
    // "Edit" of step 1 or step 2: the wizard goes back to that step.
    void editTrustedEntityRequested();
    void editPermissionsRequested();
    // The role was created (the command is on the undo stack).
    void roleCreated(const QString &roleName);

private:
    void createWidgets();
    void connectSignals();
    void updateHints();
    void fillSummary();
    QWidget *stepHeading(const QString &title, QPushButton **editButton, const QString &editObjectName);

    WorkspaceDocument &m_document;
    RoleDraft &m_draft;
    QScrollArea *m_scroll = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameHint = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_descriptionHint = nullptr;
    QPlainTextEdit *m_trustPolicy = nullptr;
    QTableWidget *m_summary = nullptr;
    CreateRoleTagsEditor *m_tags = nullptr;
    QLabel *m_tagsHint = nullptr;
    QPushButton *m_editTrust = nullptr;
    QPushButton *m_editPermissions = nullptr;
    // The description last prefilled from the use case: replaced when the use case
    // changes, unless the user has written their own.
    QString m_prefilledDescription;
};
