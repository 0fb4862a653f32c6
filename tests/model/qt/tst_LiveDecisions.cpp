// LiveDecisions: debounced, off-thread decisions for the principal in view, kept in
// step with the edited text, the principal and the account; stale results dropped.

#include "AccountCommands.h"
#include "DecisionsModel.h"
#include "LiveDecisions.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using iam::Outcome;

namespace {

const QString kTrust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
const QString kUserPolicy = QStringLiteral(R"({"Version": "2012-10-17",
 "Statement": [
  {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
  {"Effect": "Allow", "Action": "iam:PassRole",
   "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})");
const QString kPassRoleOnly = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})");
const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const std::string kS3Access = "arn:aws:iam::111122223333:role/S3Access";
const std::string kOther = "arn:aws:iam::111122223333:role/Other";

void createRole(WorkspaceDocument &doc, const QString &name, QStringList policies = {})
{
    RoleDraft draft;
    draft.name = name;
    draft.trustPolicy = kTrust;
    draft.policyArns = std::move(policies);
    draft.createInstanceProfile = true;
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
}

// The row of `action` on `resource`, or -1.
int rowOf(const DecisionsModel &model, std::string_view action, std::string_view resource)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.rowAt(row).action == action && model.rowAt(row).resource == resource)
            return row;
    }
    return -1;
}

Outcome outcomeOf(const DecisionsModel &model, std::string_view action, std::string_view resource)
{
    const int row = rowOf(model, action, resource);
    return row < 0 ? Outcome::ImplicitDeny : model.rowAt(row).outcome;
}

} // namespace

class tst_LiveDecisions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void decidesTheEditedPolicyOffTheGuiThread();
    void keystrokesAreDebounced();
    void staleGenerationIsDropped();
    void changesAreMarkedAfterAnEdit();
    void accountChangeRecomputes();
    void principalChangeStartsAfresh();
    void followsTheSignedInCaller();
    void grammarErrorKeepsTheLastDecisions();
    void explainsASelectedRow();
    void destroyedWhileRunning();

private:
    WorkspaceDocument *m_doc = nullptr;
    LiveDecisions *m_live = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_LiveDecisions::init()
{
    m_doc = new WorkspaceDocument(Catalogs::bundled());
    QVERIFY(Catalogs::bundled().services);
    createRole(*m_doc, QStringLiteral("S3Access"), {kS3ReadOnly});
    createRole(*m_doc, QStringLiteral("Other"));
    m_live = new LiveDecisions(*m_doc);
    m_tester = new QAbstractItemModelTester(m_live->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_live->setPrincipal(iam::CallerIdentity::user("lab-user"));
}

void tst_LiveDecisions::cleanup()
{
    delete m_tester;
    delete m_live;
    delete m_doc;
}

void tst_LiveDecisions::decidesTheEditedPolicyOffTheGuiThread()
{
    m_live->setEditedPolicy(kUserPolicy, iam::EditedPolicyPlacement::ManagedPolicy);
    QVERIFY(m_live->isBusy());
    QCOMPARE(m_live->model()->rowCount(), 0);   // nothing computed on the caller's stack
    QTRY_VERIFY(!m_live->isBusy());
    const DecisionsModel &model = *m_live->model();
    QVERIFY(model.rowCount() > 500);   // ec2:* expanded through the catalog
    QCOMPARE(outcomeOf(model, "iam:PassRole", kS3Access), Outcome::Allowed);
    QCOMPARE(model.rowAt(rowOf(model, "iam:PassRole", kOther)).outcome, Outcome::ImplicitDeny);
    QCOMPARE(model.rowAt(rowOf(model, "s3:ListAllMyBuckets", "*")).outcome, Outcome::ImplicitDeny);
    QCOMPARE(m_live->editedPolicySource(), QStringLiteral("New policy"));
    QCOMPARE(model.changedCount(), 0);   // the first computation has nothing to compare with
    QVERIFY(m_live->timings().lastRun > 0);
    qInfo("walkthrough policy: %d rows, run %.2f ms on the worker, merge %.2f ms on the GUI thread",
          model.rowCount(), m_live->timings().lastRun, m_live->timings().lastApply);
}

void tst_LiveDecisions::keystrokesAreDebounced()
{
    m_live->setEditedPolicy(kPassRoleOnly, iam::EditedPolicyPlacement::ManagedPolicy);
    QTRY_VERIFY(!m_live->isBusy());
    const int results = m_live->timings().results;
    const std::uint64_t generation = m_live->requestedGeneration();
    // Typing ", ..." character by character within the debounce: one computation.
    QString text = kPassRoleOnly;
    for (int i = 0; i < 20; ++i) {
        text.insert(text.size() - 2, QLatin1Char(' '));
        m_live->setPolicyText(text);
    }
    QVERIFY(m_live->isBusy());
    QTRY_VERIFY(!m_live->isBusy());
    QCOMPARE(m_live->requestedGeneration(), generation + 1);
    QCOMPARE(m_live->timings().results, results + 1);
    // No keystroke waited on evaluation: each only restarted the timer.
    QVERIFY2(m_live->timings().worstKeystroke < 16, qPrintable(QString::number(m_live->timings().worstKeystroke)));
    qInfo("worst keystroke on the GUI thread: %.3f ms", m_live->timings().worstKeystroke);
}

void tst_LiveDecisions::staleGenerationIsDropped()
{
    m_live->setEditedPolicy(kPassRoleOnly, iam::EditedPolicyPlacement::ManagedPolicy);
    QTRY_VERIFY(!m_live->isBusy());
    const int results = m_live->timings().results;
    QSignalSpy updated(m_live, &LiveDecisions::decisionsUpdated);
    // Two quick edits, each sent to the worker at once: the first (all of "*",
    // slower) is either never started or its result is dropped on arrival.
    m_live->setPolicyText(QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})"));
    m_live->recomputeNow();
    const std::uint64_t first = m_live->requestedGeneration();
    m_live->setPolicyText(kUserPolicy);
    m_live->recomputeNow();
    QCOMPARE(m_live->requestedGeneration(), first + 1);
    QTRY_VERIFY(!m_live->isBusy());
    QTest::qWait(50);   // a late, stale result would land by now
    QCOMPARE(m_live->timings().results, results + 1);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(m_live->shownGeneration(), first + 1);
    // The last text's decisions: "*" would have allowed passing Other.
    QCOMPARE(outcomeOf(*m_live->model(), "iam:PassRole", kOther), Outcome::ImplicitDeny);
    QVERIFY(rowOf(*m_live->model(), "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*") >= 0);
}

void tst_LiveDecisions::changesAreMarkedAfterAnEdit()
{
    m_live->setEditedPolicy(kUserPolicy, iam::EditedPolicyPlacement::ManagedPolicy);
    QTRY_VERIFY(!m_live->isBusy());
    const DecisionsModel &model = *m_live->model();
    QCOMPARE(model.changedCount(), 0);
    // The user points PassRole at Other instead.
    QString edited = kUserPolicy;
    edited.replace(QStringLiteral("role/S3Access"), QStringLiteral("role/Other"));
    m_live->setPolicyText(edited);
    QTRY_VERIFY(!m_live->isBusy());
    QCOMPARE(model.changedCount(), 2);
    const int other = rowOf(model, "iam:PassRole", kOther);
    const int s3Access = rowOf(model, "iam:PassRole", kS3Access);
    QCOMPARE(model.rowAt(other).outcome, Outcome::Allowed);
    QVERIFY(model.index(other, 0).data(DecisionsModel::ChangedRole).toBool());
    QVERIFY(model.index(s3Access, 0).data(DecisionsModel::ChangedRole).toBool());
    QCOMPARE(model.index(s3Access, 0).data(DecisionsModel::PreviousOutcomeRole).toInt(), int(Outcome::Allowed));
}

void tst_LiveDecisions::accountChangeRecomputes()
{
    m_live->setEditedPolicy(kPassRoleOnly, iam::EditedPolicyPlacement::ManagedPolicy);
    QTRY_VERIFY(!m_live->isBusy());
    QCOMPARE(outcomeOf(*m_live->model(), "s3:ListAllMyBuckets", "*"), Outcome::ImplicitDeny);
    // The administrator attaches AmazonS3ReadOnlyAccess to lab-user.
    QVERIFY(m_doc->execute(attachPolicyCommand(*m_doc, PrincipalKind::User, "lab-user", kS3ReadOnly)).ok);
    QTRY_COMPARE(outcomeOf(*m_live->model(), "s3:ListAllMyBuckets", "*"), Outcome::Allowed);
    const int row = rowOf(*m_live->model(), "s3:ListAllMyBuckets", "*");
    QVERIFY(m_live->model()->index(row, 0).data(DecisionsModel::ChangedRole).toBool());
    // A new role is a new PassRole row.
    createRole(*m_doc, QStringLiteral("Third"));
    QTRY_VERIFY(rowOf(*m_live->model(), "iam:PassRole", "arn:aws:iam::111122223333:role/Third") >= 0);
}

void tst_LiveDecisions::principalChangeStartsAfresh()
{
    m_live->setEditedPolicy({}, iam::EditedPolicyPlacement::None);
    QTRY_VERIFY(!m_live->isBusy());
    QCOMPARE(outcomeOf(*m_live->model(), "s3:ListAllMyBuckets", "*"), Outcome::ImplicitDeny);
    // The instance's role reads the buckets: the walkthrough's other half.
    m_live->setPrincipal(iam::DecisionScenario::roleSession("S3Access"));
    QTRY_VERIFY(!m_live->isBusy());
    QCOMPARE(outcomeOf(*m_live->model(), "s3:ListAllMyBuckets", "*"), Outcome::Allowed);
    QCOMPARE(outcomeOf(*m_live->model(), "s3:GetObject", "arn:aws:s3:::lab-bucket-111122223333/notes.txt"),
             Outcome::Allowed);
    QCOMPARE(m_live->model()->changedCount(), 0);
    QVERIFY(!m_live->followsSignedIn());
}

void tst_LiveDecisions::followsTheSignedInCaller()
{
    m_live->followSignedIn();
    QTRY_VERIFY(!m_live->isBusy());
    // Root: the account's own root user is allowed everything.
    QCOMPARE(outcomeOf(*m_live->model(), "iam:CreateRole", "arn:aws:iam::111122223333:role/*"), Outcome::Allowed);
    m_doc->setSignedIn(iam::CallerIdentity::user("lab-user"));
    QCOMPARE(m_live->principal(), iam::CallerIdentity::user("lab-user"));
    QTRY_VERIFY(!m_live->isBusy());
    QCOMPARE(outcomeOf(*m_live->model(), "iam:CreateRole", "arn:aws:iam::111122223333:role/*"), Outcome::ImplicitDeny);
}

void tst_LiveDecisions::grammarErrorKeepsTheLastDecisions()
{
    m_live->setEditedPolicy(kPassRoleOnly, iam::EditedPolicyPlacement::ManagedPolicy);
    QTRY_VERIFY(!m_live->isBusy());
    const int rows = m_live->model()->rowCount();
    QSignalSpy errors(m_live, &LiveDecisions::policyErrorChanged);
    m_live->setPolicyText(QStringLiteral("{\"Version\": \"2012-10-17\",\n \"Statement\": ["));
    QTRY_VERIFY(!m_live->policyError().isEmpty());
    QVERIFY2(m_live->policyError().startsWith(QStringLiteral("Line 2, column")), qPrintable(m_live->policyError()));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(m_live->model()->rowCount(), rows);
    QCOMPARE(outcomeOf(*m_live->model(), "iam:PassRole", kS3Access), Outcome::Allowed);
    // Fixed: the error goes.
    m_live->setPolicyText(kPassRoleOnly);
    QTRY_VERIFY(m_live->policyError().isEmpty());
    QCOMPARE(errors.count(), 2);
}

void tst_LiveDecisions::explainsASelectedRow()
{
    m_live->setEditedPolicy(kUserPolicy, iam::EditedPolicyPlacement::InlinePolicy, QStringLiteral("IAM-User-Policy"));
    QTRY_VERIFY(!m_live->isBusy());
    QCOMPARE(m_live->editedPolicySource(), QStringLiteral("user/lab-user inline policy IAM-User-Policy"));
    const iam::DecisionExplanation allowed = m_live->explain(rowOf(*m_live->model(), "iam:PassRole", kS3Access));
    QVERIFY(allowed.valid);
    QCOMPARE(allowed.deciding.size(), std::size_t(1));
    QCOMPARE(allowed.deciding.front().policy, m_live->editedPolicySource().toStdString());
    QCOMPARE(allowed.deciding.front().line, 4);
    const iam::DecisionExplanation denied = m_live->explain(rowOf(*m_live->model(), "iam:PassRole", kOther));
    QCOMPARE(denied.almostApplied.size(), std::size_t(1));
    QCOMPARE(denied.almostApplied.front().failed, std::string("resource"));
    QVERIFY(!m_live->explain(-1).valid);
    QVERIFY(!m_live->explain(m_live->model()->rowCount()).valid);
}

void tst_LiveDecisions::destroyedWhileRunning()
{
    LiveDecisions live(*m_doc);
    live.setEditedPolicy(QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})"),
                         iam::EditedPolicyPlacement::ManagedPolicy);
    live.recomputeNow();
    // Leaves scope with the run in flight: the destructor waits, nothing lands later.
}

QTEST_MAIN(tst_LiveDecisions)
#include "tst_LiveDecisions.moc"
