// DecisionsModel: badges, change marks, and in-place updates (a keystroke that
// adds an action inserts rows; one that flips a decision changes one row).

#include "DecisionsModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

using iam::DecisionRow;
using iam::Outcome;

namespace {

DecisionRow row(std::string action, std::string resource, Outcome outcome = Outcome::ImplicitDeny)
{
    DecisionRow r;
    r.action = std::move(action);
    r.resource = std::move(resource);
    r.outcome = outcome;
    if (outcome == Outcome::ImplicitDeny)
        r.reason = "because no identity-based policy allows the " + r.action + " action";
    return r;
}

std::vector<DecisionRow> sorted(std::vector<DecisionRow> rows)
{
    std::sort(rows.begin(), rows.end(), DecisionRow::keyLess);
    return rows;
}

const std::string kS3Access = "arn:aws:iam::111122223333:role/S3Access";
const std::string kOther = "arn:aws:iam::111122223333:role/Other";

std::vector<DecisionRow> walkthroughRows(Outcome passS3Access = Outcome::Allowed)
{
    return sorted({row("ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*", Outcome::Allowed),
                   row("iam:PassRole", kOther), row("iam:PassRole", kS3Access, passS3Access),
                   row("s3:ListAllMyBuckets", "*")});
}

} // namespace

class tst_DecisionsModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void badgesAndHeaders();
    void newRowsMarkedOnlyWhenComparing();
    void flippedDecisionChangesOneRow();
    void marksClearOnTheNextEdit();
    void addedActionInsertsRows();
    void removedActionRemovesRows();
    void withoutMarkingNothingIsChanged();
    void randomEditsKeepRowsInPlace();

private:
    DecisionsModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_DecisionsModel::init()
{
    m_model = new DecisionsModel;
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_DecisionsModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void tst_DecisionsModel::badgesAndHeaders()
{
    QCOMPARE(m_model->columnCount(), 4);
    QCOMPARE(m_model->headerData(DecisionsModel::ActionColumn, Qt::Horizontal).toString(), QStringLiteral("Action"));
    QCOMPARE(m_model->headerData(DecisionsModel::ResourceColumn, Qt::Horizontal).toString(), QStringLiteral("Resource"));
    QCOMPARE(m_model->headerData(DecisionsModel::DecisionColumn, Qt::Horizontal).toString(), QStringLiteral("Decision"));
    QCOMPARE(m_model->headerData(DecisionsModel::ChangedColumn, Qt::Horizontal).toString(), QStringLiteral("Changed"));

    std::vector<DecisionRow> rows = sorted({row("iam:PassRole", kS3Access, Outcome::Allowed),
                                            row("iam:PassRole", kOther, Outcome::ImplicitDeny),
                                            row("s3:DeleteBucket", "arn:aws:s3:::b", Outcome::ExplicitDeny)});
    rows.front().keyAction = true;
    m_model->setRows(rows, false);
    QCOMPARE(m_model->rowCount(), 3);
    const auto decision = [&](int r) { return m_model->index(r, DecisionsModel::DecisionColumn); };
    // Rows sorted by action, then resource: Other before S3Access.
    QCOMPARE(m_model->index(0, DecisionsModel::ResourceColumn).data().toString(), QString::fromStdString(kOther));
    QCOMPARE(decision(0).data().toString(), QStringLiteral("Denied (implicit)"));
    QCOMPARE(decision(1).data().toString(), QStringLiteral("Allowed"));
    QCOMPARE(decision(2).data().toString(), QStringLiteral("Denied (explicit)"));
    QCOMPARE(decision(1).data(DecisionsModel::OutcomeRole).toInt(), int(Outcome::Allowed));
    QCOMPARE(decision(1).data(DecisionsModel::BadgeColorRole).value<QColor>(), DecisionsModel::badgeColor(Outcome::Allowed));
    QVERIFY(DecisionsModel::badgeColor(Outcome::Allowed) != DecisionsModel::badgeColor(Outcome::ExplicitDeny));
    QVERIFY(DecisionsModel::badgeColor(Outcome::ImplicitDeny) != DecisionsModel::badgeColor(Outcome::ExplicitDeny));
    // A denial's tooltip is AWS's reason.
    QCOMPARE(decision(0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("because no identity-based policy allows the iam:PassRole action"));
    QCOMPARE(m_model->index(0, 0).data(DecisionsModel::KeyActionRole).toBool(), true);
}

void tst_DecisionsModel::newRowsMarkedOnlyWhenComparing()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->setRows(walkthroughRows(), true);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    // Compared with an empty table every row is new, hence changed; LiveDecisions
    // does not compare its first computation for a principal.
    QCOMPARE(m_model->changedCount(), 4);
    m_model->clear();
    m_model->setRows(walkthroughRows(), false);
    QCOMPARE(m_model->changedCount(), 0);
}

void tst_DecisionsModel::flippedDecisionChangesOneRow()
{
    m_model->setRows(walkthroughRows(Outcome::Allowed), false);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    m_model->setRows(walkthroughRows(Outcome::ImplicitDeny), true);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.first().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 2);
    QCOMPARE(bottomRight.row(), 2);
    QCOMPARE(bottomRight.column(), DecisionsModel::ChangedColumn);

    const QModelIndex pass = m_model->index(2, DecisionsModel::DecisionColumn);
    QCOMPARE(pass.data().toString(), QStringLiteral("Denied (implicit)"));
    QVERIFY(pass.data(DecisionsModel::ChangedRole).toBool());
    QCOMPARE(pass.data(DecisionsModel::PreviousOutcomeRole).toInt(), int(Outcome::Allowed));
    QCOMPARE(m_model->index(2, DecisionsModel::ChangedColumn).data().toString(), QStringLiteral("Changed"));
    QCOMPARE(m_model->index(2, DecisionsModel::ChangedColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Was Allowed before the last edit"));
    QVERIFY(m_model->index(2, DecisionsModel::ActionColumn).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(m_model->changedCount(), 1);
    QVERIFY(!m_model->index(0, 0).data(DecisionsModel::ChangedRole).toBool());
}

void tst_DecisionsModel::marksClearOnTheNextEdit()
{
    m_model->setRows(walkthroughRows(Outcome::Allowed), false);
    m_model->setRows(walkthroughRows(Outcome::ImplicitDeny), true);
    QCOMPARE(m_model->changedCount(), 1);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    // An edit that changes no decision: the old mark goes, on its row only.
    m_model->setRows(walkthroughRows(Outcome::ImplicitDeny), true);
    QCOMPARE(m_model->changedCount(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    changed.clear();
    m_model->setRows(walkthroughRows(Outcome::ImplicitDeny), true);
    QCOMPARE(changed.count(), 0);
}

void tst_DecisionsModel::addedActionInsertsRows()
{
    m_model->setRows(walkthroughRows(), false);
    const QPersistentModelIndex listBuckets = m_model->index(3, 0);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);

    // The user types "iam:GetRole" into the Action list: two rows, one per role.
    std::vector<DecisionRow> rows = walkthroughRows();
    rows.push_back(row("iam:GetRole", kS3Access, Outcome::Allowed));
    rows.push_back(row("iam:GetRole", kOther, Outcome::Allowed));
    m_model->setRows(sorted(rows), true);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);   // after ec2:RunInstances
    QCOMPARE(inserted.first().at(2).toInt(), 2);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->index(1, 0).data().toString(), QStringLiteral("iam:GetRole"));
    QVERIFY(m_model->index(1, 0).data(DecisionsModel::ChangedRole).toBool());
    QCOMPARE(m_model->index(1, DecisionsModel::ChangedColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("New since the last edit"));
    QCOMPARE(m_model->changedCount(), 2);
    // Rows that stayed are the same rows, moved down.
    QCOMPARE(listBuckets.row(), 5);
    QCOMPARE(listBuckets.data().toString(), QStringLiteral("s3:ListAllMyBuckets"));
}

void tst_DecisionsModel::removedActionRemovesRows()
{
    std::vector<DecisionRow> rows = walkthroughRows();
    rows.push_back(row("iam:GetRole", kS3Access, Outcome::Allowed));
    rows.push_back(row("iam:GetRole", kOther, Outcome::Allowed));
    m_model->setRows(sorted(rows), false);
    const QPersistentModelIndex passRole = m_model->index(3, 0);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    m_model->setRows(walkthroughRows(), true);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(removed.first().at(2).toInt(), 2);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(passRole.row(), 1);
    QCOMPARE(m_model->changedCount(), 0);
}

void tst_DecisionsModel::withoutMarkingNothingIsChanged()
{
    m_model->setRows(walkthroughRows(Outcome::Allowed), false);
    m_model->setRows(walkthroughRows(Outcome::ExplicitDeny), false);
    QCOMPARE(m_model->changedCount(), 0);
    QCOMPARE(m_model->index(2, DecisionsModel::DecisionColumn).data().toString(), QStringLiteral("Denied (explicit)"));
}

void tst_DecisionsModel::randomEditsKeepRowsInPlace()
{
    // Random subsets of a universe of requests, each a computation: after each the
    // model holds exactly the new rows, and a persistent index of a row that stayed
    // still points at it.
    QRandomGenerator random(4);
    std::vector<DecisionRow> universe;
    for (int a = 0; a < 12; ++a) {
        for (int r = 0; r < 5; ++r)
            universe.push_back(row("svc:Action" + std::to_string(a), "arn:aws:svc:::res" + std::to_string(r)));
    }
    universe = sorted(universe);
    std::vector<DecisionRow> previous;
    for (int round = 0; round < 60; ++round) {
        std::vector<DecisionRow> rows;
        for (const DecisionRow &candidate : universe) {
            if (random.bounded(3) != 0) {
                DecisionRow copy = candidate;
                copy.outcome = random.bounded(2) ? Outcome::Allowed : Outcome::ImplicitDeny;
                rows.push_back(copy);
            }
        }
        std::vector<QPersistentModelIndex> kept;
        std::vector<std::string> keptKeys;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            kept.emplace_back(m_model->index(r, 0));
            keptKeys.push_back(m_model->rowAt(r).action + " " + m_model->rowAt(r).resource);
        }
        m_model->setRows(rows, true);
        QCOMPARE(m_model->rowCount(), int(rows.size()));
        int marked = 0;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const DecisionRow &shown = m_model->rowAt(int(r));
            QVERIFY(DecisionRow::sameKey(shown, rows[r]));
            QCOMPARE(shown.outcome, rows[r].outcome);
            const auto before = std::find_if(previous.begin(), previous.end(),
                                             [&](const DecisionRow &p) { return DecisionRow::sameKey(p, shown); });
            const bool expectChanged = before == previous.end() || before->outcome != shown.outcome;
            QCOMPARE(m_model->index(int(r), 0).data(DecisionsModel::ChangedRole).toBool(), expectChanged);
            marked += expectChanged;
        }
        QCOMPARE(m_model->changedCount(), marked);
        for (std::size_t k = 0; k < kept.size(); ++k) {
            if (!kept[k].isValid())
                continue;
            const DecisionRow &now = m_model->rowAt(kept[k].row());
            QCOMPARE(now.action + " " + now.resource, keptKeys[k]);
        }
        previous = rows;
    }
}

QTEST_MAIN(tst_DecisionsModel)
#include "tst_DecisionsModel.moc"
