// ApiCommand through WorkspaceDocument::execute(): the first run makes the calls
// as the caller, a refusal rolls everything back, undo and redo restore states.

#include "AccountCommands.h"
#include "WorkspaceDocument.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

RoleDraft s3AccessDraft()
{
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.description = QStringLiteral("Allows EC2 instances to call AWS services on your behalf.");
    draft.trustPolicy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
    draft.policyArns = {kS3ReadOnly};
    draft.createInstanceProfile = true;
    return draft;
}

} // namespace

class tst_ApiCommand : public QObject
{
    Q_OBJECT

private slots:
    void createRoleMakesTheConsolesCalls();
    void undoAndRedoRestoreWithoutNewCalls();
    void refusalChangesNothing();
    void laterRefusalRollsBackEarlierCalls();
    void commandRunsAsTheCallerItWasMadeFor();
};

void tst_ApiCommand::createRoleMakesTheConsolesCalls()
{
    WorkspaceDocument doc(Catalogs::bundled());
    ApiCommand *command = createRoleCommand(doc, s3AccessDraft());
    const CommandOutcome outcome = doc.execute(command);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QStringList operations;
    for (const iam::Event &event : doc.account().eventLog().events())
        operations << QString::fromStdString(event.action);
    QCOMPARE(operations, QStringList({"iam:CreateRole", "iam:AttachRolePolicy", "iam:CreateInstanceProfile",
                                      "iam:AddRoleToInstanceProfile"}));
    const iam::Role *role = doc.account().findRole("S3Access");
    QVERIFY(role);
    QCOMPARE(role->attachedPolicies, std::vector<std::string>{kS3ReadOnly.toStdString()});
    QCOMPARE(doc.account().findInstanceProfile("S3Access")->role, std::string("S3Access"));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Create role S3Access"));
}

void tst_ApiCommand::undoAndRedoRestoreWithoutNewCalls()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createRoleCommand(doc, s3AccessDraft())).ok);
    const std::string id = doc.account().findRole("S3Access")->id;
    const std::size_t events = doc.account().eventLog().events().size();

    doc.undoStack()->undo();
    QVERIFY(!doc.account().findRole("S3Access"));
    QVERIFY(!doc.account().findInstanceProfile("S3Access"));
    doc.undoStack()->redo();
    QCOMPARE(doc.account().findRole("S3Access")->id, id);
    QVERIFY(doc.account().findInstanceProfile("S3Access"));
    // Undo and redo are not AWS calls: the log holds the four calls only.
    QCOMPARE(doc.account().eventLog().events().size(), events);
}

void tst_ApiCommand::refusalChangesNothing()
{
    WorkspaceDocument doc(Catalogs::bundled());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QSignalSpy changes(&doc, &WorkspaceDocument::entityChanged);
    const CommandOutcome outcome = doc.execute(createRoleCommand(doc, s3AccessDraft()));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("AccessDenied"));
    QCOMPARE(outcome.operation, QStringLiteral("CreateRole"));
    QVERIFY2(outcome.message.startsWith("User: arn:aws:iam::111122223333:user/lab-user is not authorized to perform: "
                                        "iam:CreateRole on resource: arn:aws:iam::111122223333:role/S3Access"),
             qPrintable(outcome.message));
    QVERIFY(!doc.account().findRole("S3Access"));
    QCOMPARE(doc.undoStack()->count(), 0);
    // Only the refused call's event: no entity changed.
    for (const QVariantList &args : changes)
        QCOMPARE(args.at(0).value<iam::AccountChange>().entity, iam::AccountChange::Entity::Event);
}

// The console leaves nothing half-created: CreateRole succeeded, the attachment of
// a policy that does not exist failed, and the role is gone again.
void tst_ApiCommand::laterRefusalRollsBackEarlierCalls()
{
    WorkspaceDocument doc(Catalogs::bundled());
    RoleDraft draft = s3AccessDraft();
    draft.policyArns = {QStringLiteral("arn:aws:iam::aws:policy/NoSuchPolicy")};
    const CommandOutcome outcome = doc.execute(createRoleCommand(doc, draft));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.operation, QStringLiteral("AttachRolePolicy"));
    QCOMPARE(outcome.errorCode, QStringLiteral("NoSuchEntity"));
    QVERIFY(!doc.account().findRole("S3Access"));
    QVERIFY(!doc.account().findInstanceProfile("S3Access"));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void tst_ApiCommand::commandRunsAsTheCallerItWasMadeFor()
{
    WorkspaceDocument doc(Catalogs::bundled());
    ApiCommand *command = createUserCommand(doc, QStringLiteral("dana"));
    // Signing in as someone else after the command was made does not change its caller.
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QVERIFY(doc.execute(command).ok);
    QCOMPARE(doc.account().eventLog().events().back().callerArn, std::string("arn:aws:iam::111122223333:root"));
}

QTEST_GUILESS_MAIN(tst_ApiCommand)
#include "tst_ApiCommand.moc"
