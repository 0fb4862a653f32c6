// The users of a group, in place as they join and leave, with their last activity.

#include "AccountCommands.h"
#include "GroupUsersModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

class tst_GroupUsersModel : public QObject
{
    Q_OBJECT

private slots:
    void followsMembershipAndActivity();
};

void tst_GroupUsersModel::followsMembershipAndActivity()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("alice"))).ok);
    GroupUsersModel model(doc, QStringLiteral("developers"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("alice"), QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    QCOMPARE(inserted.count(), 2);
    // In the account's order (lab-user was created first), not the order they joined.
    QCOMPARE(model.keyAt(0), QStringLiteral("lab-user"));
    QCOMPARE(model.keyAt(1), QStringLiteral("alice"));
    QCOMPARE(model.index(0, GroupUsersModel::LastActivityColumn).data().toString(), QStringLiteral("None"));

    QVERIFY(doc.api().call(iam::CallerIdentity::user("lab-user"), "iam", "GetUser", {{"UserName", "lab-user"}}).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, GroupUsersModel::LastActivityColumn).data().toString(), QStringLiteral("Now"));

    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.keyAt(0), QStringLiteral("alice"));
}

QTEST_GUILESS_MAIN(tst_GroupUsersModel)
#include "tst_GroupUsersModel.moc"
