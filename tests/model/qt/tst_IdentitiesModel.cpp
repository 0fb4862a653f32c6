// IdentitiesModel: who can sign in — the root user, then the IAM users.

#include "AccountCommands.h"
#include "IdentitiesModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

class tst_IdentitiesModel : public QObject
{
    Q_OBJECT

private slots:
    void rootFirstThenUsers();
    void followsUsersAddedAndRemoved();
};

void tst_IdentitiesModel::rootFirstThenUsers()
{
    WorkspaceDocument doc(Catalogs::bundled());
    IdentitiesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Root user (administrator)"));
    QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("IAM user lab-user"));
    QCOMPARE(model.data(model.index(1, 0), Qt::ToolTipRole).toString(),
             QStringLiteral("arn:aws:iam::111122223333:user/lab-user"));
    QCOMPARE(model.identityAt(1), iam::CallerIdentity::user("lab-user"));
    QCOMPARE(model.rowOf(iam::CallerIdentity::root()), 0);
    QCOMPARE(model.rowOf(iam::CallerIdentity::user("nobody")), -1);
}

void tst_IdentitiesModel::followsUsersAddedAndRemoved()
{
    WorkspaceDocument doc(Catalogs::bundled());
    IdentitiesModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.identityAt(2), iam::CallerIdentity::user("dana"));
    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(iam::CallerIdentity::user("dana")), -1);
}

QTEST_GUILESS_MAIN(tst_IdentitiesModel)
#include "tst_IdentitiesModel.moc"
