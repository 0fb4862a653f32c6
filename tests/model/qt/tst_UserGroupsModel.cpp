// The groups of a user, in place as it joins and leaves them.

#include "AccountCommands.h"
#include "UserGroupsModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

class tst_UserGroupsModel : public QObject
{
    Q_OBJECT

private slots:
    void followsMembership();
};

void tst_UserGroupsModel::followsMembership()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("auditors"))).ok);
    UserGroupsModel model(doc, QStringLiteral("lab-user"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("auditors"))).ok);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.keyAt(0), QStringLiteral("developers"));
    QCOMPARE(model.keyAt(1), QStringLiteral("auditors"));

    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Group, QStringLiteral("auditors"),
                                            QStringLiteral("arn:aws:iam::aws:policy/SecurityAudit"))).ok);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, UserGroupsModel::PoliciesColumn).data().toString(), QStringLiteral("SecurityAudit"));

    QVERIFY(doc.execute(removeUserFromGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.keyAt(0), QStringLiteral("auditors"));
    doc.undoStack()->undo();
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(model.keyAt(0), QStringLiteral("developers"));
}

QTEST_GUILESS_MAIN(tst_UserGroupsModel)
#include "tst_UserGroupsModel.moc"
