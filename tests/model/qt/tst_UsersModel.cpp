// The Users list: its columns, in-place updates as users come and go, and last
// activity refreshed for the calling user's row only.

#include "AccountCommands.h"
#include "UsersModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

class tst_UsersModel : public QObject
{
    Q_OBJECT

private slots:
    void listsTheDefaultUser();
    void createAndUndoAreRowsInsertedAndRemoved();
    void lastActivityFollowsTheUsersCalls();
    void groupsCountFollowsMembership();
    void accountReplacedResets();
};

void tst_UsersModel::listsTheDefaultUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    UsersModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(UsersModel::ColumnCount));
    QCOMPARE(model.headerData(UsersModel::LastActivityColumn, Qt::Horizontal).toString(), QStringLiteral("Last activity"));
    QCOMPARE(model.index(0, UsersModel::NameColumn).data().toString(), QStringLiteral("lab-user"));
    QCOMPARE(model.index(0, UsersModel::GroupsColumn).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(0, UsersModel::LastActivityColumn).data().toString(), QStringLiteral("None"));
    QCOMPARE(model.index(0, UsersModel::CreationColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("April 30, 2024, 16:20 (UTC)"));   // DefaultWorkspace.cpp
    QCOMPARE(model.index(0, 0).data(EntityListModel::KeyRole).toString(), QStringLiteral("lab-user"));
}

void tst_UsersModel::createAndUndoAreRowsInsertedAndRemoved()
{
    WorkspaceDocument doc(Catalogs::bundled());
    UsersModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("developer"))).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.front().at(1).toInt(), 1);
    QCOMPARE(model.keyAt(1), QStringLiteral("developer"));
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    doc.undoStack()->redo();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(reset.count(), 0);
}

void tst_UsersModel::lastActivityFollowsTheUsersCalls()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("developer"))).ok);
    UsersModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // The root user's calls are nobody's row.
    doc.call("iam", "ListUsers");
    QCOMPARE(changed.count(), 0);

    // lab-user may read itself (its self-service policy): its row, and only its row.
    doc.account().setClock("2024-05-01T09:00:00Z");
    const iam::CallResult result = doc.api().call(iam::CallerIdentity::user("lab-user"), "iam", "GetUser",
                                                  {{"UserName", "lab-user"}});
    QVERIFY(result.ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.front().at(1).toModelIndex().row(), 0);
    doc.account().setClock("2024-05-01T12:00:00Z");
    QCOMPARE(model.index(0, UsersModel::LastActivityColumn).data().toString(), QStringLiteral("3 hours ago"));
    QCOMPARE(model.index(1, UsersModel::LastActivityColumn).data().toString(), QStringLiteral("None"));

    // A denied call is no activity.
    changed.clear();
    QVERIFY(!doc.api().call(iam::CallerIdentity::user("developer"), "iam", "ListRoles").ok());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.index(1, UsersModel::LastActivityColumn).data().toString(), QStringLiteral("None"));
}

void tst_UsersModel::groupsCountFollowsMembership()
{
    WorkspaceDocument doc(Catalogs::bundled());
    UsersModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0, UsersModel::GroupsColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(0, UsersModel::GroupsColumn).data(EntityListModel::SortRole).toInt(), 1);
    QCOMPARE(model.index(0, UsersModel::GroupsColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("developers"));
    doc.undoStack()->undo();
    QCOMPARE(model.index(0, UsersModel::GroupsColumn).data().toString(), QStringLiteral("0"));
}

void tst_UsersModel::accountReplacedResets()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("developer"))).ok);
    UsersModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    doc.newWorkspace();
    QCOMPARE(model.rowCount(), 1);
}

QTEST_GUILESS_MAIN(tst_UsersModel)
#include "tst_UsersModel.moc"
