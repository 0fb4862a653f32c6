#pragma once

// The decisions a panel shows, kept live: for one principal (a user, a role, or
// whoever is signed in) and an optional policy being edited, DecisionBatch's rows
// in a DecisionsModel, recomputed as the text, the principal or the account changes.
//
//   LiveDecisions live(document);
//   live.setPrincipal(iam::CallerIdentity::user("lab-user"));
//   live.setEditedPolicy(text, iam::EditedPolicyPlacement::InlinePolicy, "MyPolicy");
//   connect(editor, &Editor::textChanged, &live, [&] { live.setPolicyText(editor->text()); });
//   view->setModel(live.model());
//   iam::DecisionExplanation why = live.explain(row);
//
// No keystroke waits on the engine (STYLE.md §8): setPolicyText() only stores the
// text and restarts a single-shot timer (~150 ms). On timeout the GUI thread builds
// a DecisionBatch if the account or principal changed since the last one (it reads
// the Account, which is single-threaded) and hands the batch and the text to a
// worker thread. Results come back queued, tagged with a generation; one older than
// the newest request is dropped. timings() says how long each part took.

#include "DecisionBatch.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

class DecisionsModel;
class DecisionWorker;
class QTimer;
class WorkspaceDocument;
namespace iam { struct AccountChange; }

class LiveDecisions : public QObject
{
    Q_OBJECT

public:
    // What the GUI thread spent, and what the worker took, in milliseconds.
    struct Timings
    {
        double worstKeystroke = 0;   // setPolicyText(): what a keystroke costs the GUI thread
        double lastStart = 0;        // debounce timeout: the text handed to the worker
        double worstStart = 0;
        double worstBuild = 0;       // a DecisionBatch built after an account or principal change
        double lastApply = 0;        // a result merged into the model
        double worstApply = 0;
        double lastRun = 0;          // DecisionBatch::run() on the worker
        double worstRun = 0;
        // Totals, for means: keystrokes, hand-overs, merges.
        double totalKeystroke = 0, totalStart = 0, totalApply = 0;
        int keystrokes = 0, starts = 0;
        int results = 0;             // results that landed
        int rejected = 0;            // texts with grammar errors (the model kept its rows)
        int dropped = 0;             // stale results dropped
    };

    explicit LiveDecisions(WorkspaceDocument &document, QObject *parent = nullptr);
    ~LiveDecisions() override;

    DecisionsModel *model() const { return m_model; }

    // Whose requests are decided. followSignedIn() tracks the console's caller.
    void setPrincipal(const iam::CallerIdentity &principal);
    void followSignedIn();
    bool followsSignedIn() const { return m_followSignedIn; }
    const iam::CallerIdentity &principal() const { return m_scenario.principal; }

    // The policy being edited and where it sits (DecisionScenario.h); Placement
    // None shows the principal's policies as they are.
    void setEditedPolicy(const QString &text, iam::EditedPolicyPlacement placement, const QString &policyId = {});
    // One keystroke's worth: the new text, decided after the debounce.
    void setPolicyText(const QString &text);
    QString policyText() const { return m_text; }
    // Managed policies to count as attached too (the Create role wizard's choices).
    void setAdditionalPolicies(const QStringList &policyArns);
    void setIncludeKeyActions(bool include);

    void setDebounceInterval(int milliseconds);
    int debounceInterval() const;
    // Decides now rather than after the debounce (still on the worker).
    void recomputeNow();

    // A computation is waiting for the debounce or running.
    bool isBusy() const { return m_busy; }
    // The generation of the result in the model, and of the newest request.
    std::uint64_t shownGeneration() const { return m_shownGeneration; }
    std::uint64_t requestedGeneration() const { return m_generation; }

    // The row's decision with the engine's trace (computed now, on this thread).
    iam::DecisionExplanation explain(int row) const;
    // The source id the edited policy's deciding statements carry.
    QString editedPolicySource() const;
    // What the caps left out, for the result shown.
    QStringList notes() const;
    // The edited policy's first grammar error ("line 3, column 5: ..."), or empty;
    // while set, the model keeps the decisions of the last text that parsed.
    QString policyError() const { return m_policyError; }
    const Timings &timings() const { return m_timings; }

signals:
    void decisionsUpdated();
    void busyChanged(bool busy);
    void policyErrorChanged(const QString &error);

private:
    void connectSignals();
    void onEntityChanged(const iam::AccountChange &change);
    void scenarioChanged();   // a new principal or placement: a new batch, no change marks
    void schedule();
    void start();
    void resultReady(std::uint64_t generation, std::shared_ptr<iam::DecisionResult> result, double milliseconds);
    void setBusy(bool busy);

    WorkspaceDocument &m_document;
    DecisionsModel *m_model = nullptr;
    QTimer *m_debounce = nullptr;
    iam::DecisionScenario m_scenario;
    bool m_followSignedIn = true;
    QString m_text;
    std::shared_ptr<const iam::DecisionBatch> m_batch;    // null: build one before the next run
    std::shared_ptr<const iam::DecisionResult> m_shown;   // the run behind the model's rows (moved there)
    std::uint64_t m_generation = 0;
    std::uint64_t m_shownGeneration = 0;
    bool m_markChanges = false;   // false until a result for the current scenario lands
    bool m_busy = false;
    QString m_policyError;
    Timings m_timings;
    std::unique_ptr<DecisionWorker> m_worker;   // last: joined first on destruction
};
