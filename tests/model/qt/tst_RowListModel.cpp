// The diff that keeps derived tables in place: removals in runs, insertions in
// runs, a row that changed place moved, changed rows a dataChanged, no resets.

#include "RowListModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

namespace {

// Rows given by the test instead of the account.
class FakeRows : public RowListModel
{
public:
    explicit FakeRows(WorkspaceDocument &doc)
        : RowListModel(doc)
    {
        reload();
    }
    void show(const QStringList &keys, const QString &suffix = {})
    {
        m_next.clear();
        for (const QString &key : keys)
            m_next.push_back({key, {key + suffix}, {key.size()}});
        refresh();
    }

protected:
    QStringList headers() const override { return {QStringLiteral("Name")}; }
    std::vector<Row> currentRows() const override { return m_next; }

private:
    std::vector<Row> m_next;
};

QStringList keys(const FakeRows &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.keyAt(row);
    return list;
}

} // namespace

class tst_RowListModel : public QObject
{
    Q_OBJECT

private slots:
    void appliesTheDifferenceInPlace();
};

void tst_RowListModel::appliesTheDifferenceInPlace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    FakeRows model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.show({"a", "b", "c", "d", "e"});
    QCOMPARE(inserted.count(), 1);   // one run
    QCOMPARE(keys(model), (QStringList{"a", "b", "c", "d", "e"}));

    model.show({"a", "e"});
    QCOMPARE(removed.count(), 1);   // b, c, d: one run
    QCOMPARE(removed.front().at(1).toInt(), 1);
    QCOMPARE(removed.front().at(2).toInt(), 3);

    model.show({"x", "a", "y", "z", "e"});
    QCOMPARE(inserted.count(), 3);   // x; then y, z
    QCOMPARE(keys(model), (QStringList{"x", "a", "y", "z", "e"}));

    model.show({"e", "x", "a", "y", "z"});
    QCOMPARE(moved.count(), 1);
    QCOMPARE(keys(model), (QStringList{"e", "x", "a", "y", "z"}));

    model.show({"e", "x", "a", "y", "z"}, QStringLiteral("!"));
    QCOMPARE(changed.count(), 5);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("e!"));
    QCOMPARE(model.index(0, 0).data(RowListModel::KeyRole).toString(), QStringLiteral("e"));
    QCOMPARE(model.index(0, 0).data(RowListModel::FirstValueRole).toInt(), 1);

    changed.clear();
    model.show({"e", "x", "a", "y", "z"}, QStringLiteral("!"));
    QCOMPARE(changed.count(), 0);   // nothing changed, nothing said
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("y")), 3);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
}

QTEST_GUILESS_MAIN(tst_RowListModel)
#include "tst_RowListModel.moc"
