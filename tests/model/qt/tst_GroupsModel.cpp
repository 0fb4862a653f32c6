// The User groups list: members and policies counted, kept in place as users
// join and leave (membership lives on the user) and as policies are attached.

#include "AccountCommands.h"
#include "GroupsModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

class tst_GroupsModel : public QObject
{
    Q_OBJECT

private slots:
    void countsMembersAndPolicies();
};

void tst_GroupsModel::countsMembersAndPolicies()
{
    WorkspaceDocument doc(Catalogs::bundled());
    GroupsModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.headerData(GroupsModel::UsersColumn, Qt::Horizontal).toString(), QStringLiteral("Users"));
    QCOMPARE(model.index(0, GroupsModel::NameColumn).data().toString(), QStringLiteral("developers"));
    QCOMPARE(model.index(0, GroupsModel::UsersColumn).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(0, GroupsModel::PermissionsColumn).data().toString(), QStringLiteral("0"));

    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(model.index(0, GroupsModel::UsersColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(0, GroupsModel::UsersColumn).data(EntityListModel::SortRole).toInt(), 1);

    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Group, QStringLiteral("developers"),
                                            QStringLiteral("arn:aws:iam::aws:policy/ReadOnlyAccess"))).ok);
    QCOMPARE(model.index(0, GroupsModel::PermissionsColumn).data().toString(), QStringLiteral("1"));

    // Undo restores the user alone; the count follows all the same.
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(model.index(0, GroupsModel::UsersColumn).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(0, GroupsModel::PermissionsColumn).data().toString(), QStringLiteral("0"));
    QCOMPARE(inserted.count(), 1);
}

QTEST_GUILESS_MAIN(tst_GroupsModel)
#include "tst_GroupsModel.moc"
