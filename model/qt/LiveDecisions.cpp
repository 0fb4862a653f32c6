#include "LiveDecisions.h"

#include "DecisionWorker.h"
#include "DecisionsModel.h"
#include "WorkspaceDocument.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace {

double millisecondsSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

LiveDecisions::LiveDecisions(WorkspaceDocument &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_model(new DecisionsModel(this))
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    m_scenario.principal = m_document.signedIn();
    // Results are posted back to this object's thread; once it is gone, Qt drops them.
    m_worker = std::make_unique<DecisionWorker>([this](std::uint64_t generation, DecisionWorker::Result result) {
        QMetaObject::invokeMethod(
            this, [this, generation, result] { resultReady(generation, result.decisions, result.milliseconds); },
            Qt::QueuedConnection);
    });
    connectSignals();
    schedule();
}

LiveDecisions::~LiveDecisions()
{
    // Join the worker while every member it may post to still exists.
    m_worker.reset();
}

void LiveDecisions::connectSignals()
{
    connect(m_debounce, &QTimer::timeout, this, &LiveDecisions::start);
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &LiveDecisions::onEntityChanged);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &LiveDecisions::scenarioChanged);
    connect(&m_document, &WorkspaceDocument::signedInChanged, this, [this] {
        if (!m_followSignedIn)
            return;
        m_scenario.principal = m_document.signedIn();
        scenarioChanged();
    });
}

void LiveDecisions::onEntityChanged(const iam::AccountChange &change)
{
    // Every call appends to the event log; that decides nothing.
    if (change.entity == iam::AccountChange::Entity::Event)
        return;
    // A run in flight decided on the account as it was: let it go.
    ++m_generation;
    m_batch.reset();
    schedule();
}

void LiveDecisions::scenarioChanged()
{
    // A run in flight decided for the previous principal or placement: let it go.
    ++m_generation;
    m_batch.reset();
    m_markChanges = false;
    schedule();
}

void LiveDecisions::setPrincipal(const iam::CallerIdentity &principal)
{
    if (!m_followSignedIn && m_scenario.principal == principal)
        return;
    m_followSignedIn = false;
    m_scenario.principal = principal;
    scenarioChanged();
}

void LiveDecisions::followSignedIn()
{
    m_followSignedIn = true;
    m_scenario.principal = m_document.signedIn();
    scenarioChanged();
}

void LiveDecisions::setEditedPolicy(const QString &text, iam::EditedPolicyPlacement placement, const QString &policyId)
{
    const std::string id = policyId.toStdString();
    if (placement == m_scenario.placement && id == m_scenario.editedPolicyId)
        return setPolicyText(text);   // the same policy: an edit, its changes marked
    m_text = text;
    m_scenario.placement = placement;
    m_scenario.editedPolicyId = id;
    scenarioChanged();
}

void LiveDecisions::setPolicyText(const QString &text)
{
    QElapsedTimer timer;
    timer.start();
    // QString is implicitly shared: this copies a pointer, not the text.
    m_text = text;
    schedule();
    const double took = millisecondsSince(timer);
    m_timings.worstKeystroke = std::max(m_timings.worstKeystroke, took);
    m_timings.totalKeystroke += took;
    ++m_timings.keystrokes;
}

void LiveDecisions::setAdditionalPolicies(const QStringList &policyArns)
{
    std::vector<std::string> arns;
    for (const QString &arn : policyArns)
        arns.push_back(arn.toStdString());
    if (arns == m_scenario.additionalPolicyArns)
        return;
    m_scenario.additionalPolicyArns = std::move(arns);
    m_batch.reset();
    schedule();
}

void LiveDecisions::setIncludeKeyActions(bool include)
{
    if (m_scenario.includeKeyActions == include)
        return;
    m_scenario.includeKeyActions = include;
    m_batch.reset();
    schedule();
}

void LiveDecisions::setDebounceInterval(int milliseconds)
{
    m_debounce->setInterval(milliseconds);
}

int LiveDecisions::debounceInterval() const
{
    return m_debounce->interval();
}

void LiveDecisions::recomputeNow()
{
    m_debounce->stop();
    start();
}

void LiveDecisions::schedule()
{
    m_debounce->start();
    setBusy(true);
}

void LiveDecisions::start()
{
    QElapsedTimer timer;
    timer.start();
    if (!m_batch) {
        m_batch = std::make_shared<const iam::DecisionBatch>(m_document.account(), m_document.catalogs().services,
                                                             m_scenario);
        m_timings.worstBuild = std::max(m_timings.worstBuild, millisecondsSince(timer));
        timer.restart();
    }
    m_worker->submit(++m_generation, m_batch, m_text.toStdString());
    setBusy(true);
    m_timings.lastStart = millisecondsSince(timer);
    m_timings.worstStart = std::max(m_timings.worstStart, m_timings.lastStart);
    m_timings.totalStart += m_timings.lastStart;
    ++m_timings.starts;
}

void LiveDecisions::resultReady(std::uint64_t generation, std::shared_ptr<iam::DecisionResult> result,
                                double milliseconds)
{
    m_timings.lastRun = milliseconds;
    m_timings.worstRun = std::max(m_timings.worstRun, milliseconds);
    // A newer request is on its way (or the scenario changed since): this one is stale.
    if (generation != m_generation) {
        ++m_timings.dropped;
        return;
    }
    if (!m_debounce->isActive())
        setBusy(false);
    QString error;
    if (!result->evaluated) {
        ++m_timings.rejected;
        const iam::Diagnostic &first = result->policyErrors.front();
        error = tr("Line %1, column %2: %3")
                    .arg(first.where.line)
                    .arg(first.where.column)
                    .arg(QString::fromStdString(first.message));
    } else {
        QElapsedTimer timer;
        timer.start();
        // The rows move to the model; m_shown keeps the run explain() needs.
        m_model->setRows(std::move(result->rows), m_markChanges);
        result->rows.clear();
        m_timings.lastApply = millisecondsSince(timer);
        m_timings.worstApply = std::max(m_timings.worstApply, m_timings.lastApply);
        m_timings.totalApply += m_timings.lastApply;
        m_shown = std::move(result);
        m_shownGeneration = generation;
        m_markChanges = true;
        ++m_timings.results;
    }
    if (error != m_policyError) {
        m_policyError = error;
        emit policyErrorChanged(m_policyError);
    }
    emit decisionsUpdated();
}

void LiveDecisions::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

iam::DecisionExplanation LiveDecisions::explain(int row) const
{
    if (!m_shown || row < 0 || row >= m_model->rowCount())
        return {};
    return iam::DecisionBatch::explain(*m_shown, m_model->rowAt(row));
}

QString LiveDecisions::editedPolicySource() const
{
    return m_shown ? QString::fromStdString(m_shown->editedPolicySource) : QString();
}

QStringList LiveDecisions::notes() const
{
    QStringList notes;
    if (m_shown) {
        for (const std::string &note : m_shown->notes)
            notes.push_back(QString::fromStdString(note));
    }
    return notes;
}
