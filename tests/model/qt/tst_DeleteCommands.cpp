// Deleting roles, users and groups: refused while they hold something
// (DeleteConflict), undone with their ids, denied for a caller without permission.

#include "AccountCommands.h"
#include "DeleteCommands.h"
#include "WorkspaceDocument.h"

#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

void createRole(WorkspaceDocument &doc, bool withPolicy)
{
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.trustPolicy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})");
    if (withPolicy)
        draft.policyArns = {kS3ReadOnly};
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
}

} // namespace

class tst_DeleteCommands : public QObject
{
    Q_OBJECT

private slots:
    void deleteRoleAndUndo();
    void roleWithPoliciesIsAConflict();
    void deniedForLabUser();
    void deleteUserAndGroup();
};

void tst_DeleteCommands::deleteRoleAndUndo()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, false);
    const std::string id = doc.account().findRole("S3Access")->id;
    QVERIFY(doc.execute(deleteRoleCommand(doc, QStringLiteral("S3Access"))).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete role S3Access"));
    QVERIFY(!doc.account().findRole("S3Access"));
    doc.undoStack()->undo();
    QVERIFY(doc.account().findRole("S3Access"));
    QCOMPARE(doc.account().findRole("S3Access")->id, id);
    doc.undoStack()->redo();
    QVERIFY(!doc.account().findRole("S3Access"));
}

void tst_DeleteCommands::roleWithPoliciesIsAConflict()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, true);
    const int steps = doc.undoStack()->count();
    const CommandOutcome outcome = doc.execute(deleteRoleCommand(doc, QStringLiteral("S3Access")));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("DeleteConflict"));
    QCOMPARE(outcome.message, QStringLiteral("Cannot delete entity, must detach all policies first."));
    QVERIFY(doc.account().findRole("S3Access"));
    QCOMPARE(doc.undoStack()->count(), steps);
}

void tst_DeleteCommands::deniedForLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc, false);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const CommandOutcome outcome = doc.execute(deleteRoleCommand(doc, QStringLiteral("S3Access")));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("AccessDenied"));
    QVERIFY(outcome.message.contains(QStringLiteral("iam:DeleteRole")));
    QVERIFY(doc.account().findRole("S3Access"));
}

void tst_DeleteCommands::deleteUserAndGroup()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("alice"))).ok);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(deleteUserCommand(doc, QStringLiteral("alice"))).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete user alice"));
    QVERIFY(!doc.account().findUser("alice"));
    QVERIFY(doc.execute(deleteGroupCommand(doc, QStringLiteral("developers"))).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete user group developers"));
    QVERIFY(!doc.account().findGroup("developers"));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(doc.account().findUser("alice"));
    QVERIFY(doc.account().findGroup("developers"));
    // lab-user holds an inline policy: IAM refuses to delete it.
    const CommandOutcome outcome = doc.execute(deleteUserCommand(doc, QStringLiteral("lab-user")));
    QCOMPARE(outcome.errorCode, QStringLiteral("DeleteConflict"));
}

QTEST_GUILESS_MAIN(tst_DeleteCommands)
#include "tst_DeleteCommands.moc"
