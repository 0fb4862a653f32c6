#pragma once

// The live decisions panel, for the policy editor, the Create policy and Create
// role wizards and every principal's page: for the principal in view, the actions
// the edited policy names and the walkthrough's key actions, each with its
// Allowed / Denied (explicit) / Denied (implicit) badge, marked when an edit
// changed it; selecting one explains it.
//
//   auto *decisions = new DecisionsPanel(document, this);
//   decisions->setPrincipal(PrincipalKind::User, "lab-user");
//   decisions->setEditedPolicy(editor->text(), iam::EditedPolicyPlacement::InlinePolicy, "MyPolicy");
//   connect(editor, &PolicyEditor::textEdited, decisions, [=] { decisions->setPolicyText(editor->text()); });
//   connect(decisions, &DecisionsPanel::statementActivated, editor, ...);   // highlight it
//
// The work is LiveDecisions' (model/qt): debounced, off the GUI thread.

#include "DecisionScenario.h"
#include "PrincipalKind.h"

#include <QWidget>

class DecisionsModel;
class LiveDecisions;
class QComboBox;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;
class WorkspaceDocument;

class DecisionsPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Filter { All, Allowed, Denied };

    explicit DecisionsPanel(WorkspaceDocument &document, QWidget *parent = nullptr);

    // Users and roles (a group makes no requests: ignored). A name the account does
    // not have yet (the Create role wizard's) is decided with the edited policy alone.
    void setPrincipal(PrincipalKind kind, const QString &name);
    void setPrincipal(const iam::CallerIdentity &principal);
    void followSignedIn();
    // A principal's page shows its own decisions only: hide the chooser.
    void setPrincipalChooserVisible(bool visible);

    void setEditedPolicy(const QString &text, iam::EditedPolicyPlacement placement, const QString &policyId = {});
    void setPolicyText(const QString &text);
    void setAdditionalPolicies(const QStringList &policyArns);
    void setFilter(Filter filter);

    LiveDecisions *liveDecisions() const { return m_live; }
    // The model row shown at a row of the view (after filtering), or -1.
    int modelRow(int viewRow) const;

signals:
    // A deciding statement to show in the JSON: on selecting a decision (its first
    // deciding statement) and on clicking a statement in the explanation.
    void statementActivated(const QString &policyId, int line, int column);

private:
    void createWidgets();
    void connectSignals();
    void rebuildPrincipals();
    void selectPrincipalItem();
    void principalChosen(int index);
    void currentRowChanged(const QModelIndex &current);
    void showExplanation(bool announce);
    void updateSummary();
    void updateStatus();

    WorkspaceDocument &m_document;
    LiveDecisions *m_live = nullptr;
    QSortFilterProxyModel *m_filterModel = nullptr;
    QComboBox *m_principalCombo = nullptr;
    QLabel *m_principalLabel = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_notesLabel = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_explanation = nullptr;
};
