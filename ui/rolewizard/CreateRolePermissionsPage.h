#pragma once

// Step 2 of Create role, "Add permissions": the policy chooser (PolicyPicker) with
// the highlighted policy's JSON below it, and "Set permissions boundary - optional",
// collapsed until opened. The use case's suggested policies arrive checked.
//
// Object names: policyPicker (and its policySearchEdit, policyTypeFilter, policyTable),
// policyPreview, permissionsBoundaryToggle, noBoundaryRadio, useBoundaryRadio, boundaryCombo.

#include <QStringList>
#include <QWizardPage>

class PolicyPicker;
class QComboBox;
class QPlainTextEdit;
class QRadioButton;
class QToolButton;
class WorkspaceDocument;
struct RoleDraft;

class CreateRolePermissionsPage : public QWizardPage
{
    Q_OBJECT

public:
    CreateRolePermissionsPage(WorkspaceDocument &document, RoleDraft &draft, QWidget *parent = nullptr);

    PolicyPicker *picker() const { return m_picker; }

    void initializePage() override;
    // Going back keeps what was checked, as the console does.
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void createWidgets();
    void connectSignals();
    void showPreview(const QString &arn);
    void fillBoundaryCombo();
    QString boundaryArn() const;

    WorkspaceDocument &m_document;
    RoleDraft &m_draft;
    PolicyPicker *m_picker = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QToolButton *m_boundaryToggle = nullptr;
    QWidget *m_boundaryBox = nullptr;
    QRadioButton *m_noBoundary = nullptr;
    QRadioButton *m_useBoundary = nullptr;
    QComboBox *m_boundaryCombo = nullptr;
    // The use case's suggestions checked on the last visit, to swap them when the
    // user goes back and picks another use case.
    QStringList m_appliedSuggestions;
};
