#pragma once

// Create policy, step 1: "Specify permissions". A Visual / JSON switch over the
// visual editor and the JSON policy editor (with live findings). The JSON editor's
// text is the policy at all times: each visual edit rewrites it, and switching to
// Visual reads it back; a policy the visual editor can't show keeps the JSON
// editor, with the reason above it. Next waits while the JSON has an error.

#include <QWizardPage>

class DecisionsPanel;
class MessageBar;
class PolicyEditor;
class QLabel;
class QPushButton;
class QStackedWidget;
class VisualPolicyEditor;
class WorkspaceDocument;
struct PolicyDraft;

class SpecifyPermissionsPage : public QWizardPage
{
    Q_OBJECT

public:
    SpecifyPermissionsPage(WorkspaceDocument &document, PolicyDraft &draft, QWidget *parent = nullptr);

    // The console's starting point in the JSON editor: one empty statement.
    static QString defaultPolicy();

    bool isComplete() const override;
    bool validatePage() override;

    bool isVisualShown() const;
    PolicyEditor *jsonEditor() const { return m_json; }
    VisualPolicyEditor *visualEditor() const { return m_visual; }
    DecisionsPanel *decisionsPanel() const { return m_decisions; }

private:
    void createWidgets();
    void connectSignals();
    void showVisual();
    void showJson();
    void visualEdited();
    void updateCharacterCount();
    void highlightStatementAt(int line, int column);

    WorkspaceDocument &m_document;
    PolicyDraft &m_draft;
    QPushButton *m_visualButton = nullptr;
    QPushButton *m_jsonButton = nullptr;
    MessageBar *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    VisualPolicyEditor *m_visual = nullptr;
    PolicyEditor *m_json = nullptr;
    DecisionsPanel *m_decisions = nullptr;
    QLabel *m_characters = nullptr;
    // The JSON text the visual editor shows; another text must be read back first.
    QString m_syncedText;
};
