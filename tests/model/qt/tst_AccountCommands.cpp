// The console's edits as commands: the calls each makes, its text in the console's
// words, and undo / redo of each, checked on the account after every step.

#include "AccountCommands.h"
#include "WorkspaceDocument.h"

#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kAdmin = QStringLiteral("arn:aws:iam::aws:policy/AdministratorAccess");
const QString kTrust = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})");
const QString kReadBuckets = QStringLiteral(
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]})");

void createRole(WorkspaceDocument &doc)
{
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.trustPolicy = kTrust;
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
}

const iam::Role &role(const WorkspaceDocument &doc)
{
    return *doc.account().findRole("S3Access");
}

} // namespace

class tst_AccountCommands : public QObject
{
    Q_OBJECT

private slots:
    void attachSpeaksTheConsolesLanguage();
    void attachSeveralIsOneUndoStep();
    void detach();
    void inlinePolicy();
    void permissionsBoundary();
    void trustPolicy();
    void groupMembership();
    void createPolicyAndNewVersion();
};

void tst_AccountCommands::attachSpeaksTheConsolesLanguage()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, "S3Access", kS3ReadOnly)).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Attach AmazonS3ReadOnlyAccess to S3Access"));
    QCOMPARE(role(doc).attachedPolicies.size(), std::size_t(1));
    doc.undoStack()->undo();
    QVERIFY(role(doc).attachedPolicies.empty());
    doc.undoStack()->redo();
    QCOMPARE(role(doc).attachedPolicies.front(), kS3ReadOnly.toStdString());
}

void tst_AccountCommands::attachSeveralIsOneUndoStep()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    QVERIFY(doc.execute(attachPoliciesCommand(doc, PrincipalKind::Role, "S3Access", {kS3ReadOnly, kAdmin})).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Attach 2 policies to S3Access"));
    QCOMPARE(role(doc).attachedPolicies.size(), std::size_t(2));
    doc.undoStack()->undo();
    QVERIFY(role(doc).attachedPolicies.empty());
}

void tst_AccountCommands::detach()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Role, "S3Access", kS3ReadOnly)).ok);
    QVERIFY(doc.execute(detachPolicyCommand(doc, PrincipalKind::Role, "S3Access", kS3ReadOnly)).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Detach AmazonS3ReadOnlyAccess from S3Access"));
    QVERIFY(role(doc).attachedPolicies.empty());
    doc.undoStack()->undo();
    QCOMPARE(role(doc).attachedPolicies.size(), std::size_t(1));
}

void tst_AccountCommands::inlinePolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(putInlinePolicyCommand(doc, PrincipalKind::User, "lab-user", "ReadBuckets", kReadBuckets)).ok);
    const auto inlineNames = [&] {
        QStringList names;
        for (const iam::InlinePolicy &p : doc.account().findUser("lab-user")->inlinePolicies)
            names << QString::fromStdString(p.name);
        return names;
    };
    QVERIFY(inlineNames().contains("ReadBuckets"));
    QVERIFY(doc.execute(deleteInlinePolicyCommand(doc, PrincipalKind::User, "lab-user", "ReadBuckets")).ok);
    QVERIFY(!inlineNames().contains("ReadBuckets"));
    doc.undoStack()->undo();
    QVERIFY(inlineNames().contains("ReadBuckets"));
    doc.undoStack()->undo();
    QVERIFY(!inlineNames().contains("ReadBuckets"));
}

void tst_AccountCommands::permissionsBoundary()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(setPermissionsBoundaryCommand(doc, PrincipalKind::User, "lab-user", kS3ReadOnly)).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Set permissions boundary AmazonS3ReadOnlyAccess on lab-user"));
    QCOMPARE(doc.account().findUser("lab-user")->permissionsBoundary, kS3ReadOnly.toStdString());
    QVERIFY(doc.execute(removePermissionsBoundaryCommand(doc, PrincipalKind::User, "lab-user")).ok);
    QVERIFY(doc.account().findUser("lab-user")->permissionsBoundary.empty());
    doc.undoStack()->undo();
    QCOMPARE(doc.account().findUser("lab-user")->permissionsBoundary, kS3ReadOnly.toStdString());
}

void tst_AccountCommands::trustPolicy()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createRole(doc);
    const std::string before = role(doc).trustPolicy;
    const QString lambda = QString(kTrust).replace("ec2.amazonaws.com", "lambda.amazonaws.com");
    QVERIFY(doc.execute(updateTrustPolicyCommand(doc, "S3Access", lambda)).ok);
    QVERIFY(QString::fromStdString(role(doc).trustPolicy).contains("lambda.amazonaws.com"));
    doc.undoStack()->undo();
    QCOMPARE(role(doc).trustPolicy, before);

    // A trust policy the engine refuses is refused by the call: nothing changes.
    const CommandOutcome bad = doc.execute(updateTrustPolicyCommand(doc, "S3Access", "{\"Version\": "));
    QVERIFY(!bad.ok);
    QCOMPARE(bad.errorCode, QStringLiteral("MalformedPolicyDocument"));
    QCOMPARE(role(doc).trustPolicy, before);
}

void tst_AccountCommands::groupMembership()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, "Developers")).ok);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, "lab-user", "Developers")).ok);
    QCOMPARE(doc.account().findUser("lab-user")->groups, std::vector<std::string>{"Developers"});
    QVERIFY(doc.execute(removeUserFromGroupCommand(doc, "lab-user", "Developers")).ok);
    QVERIFY(doc.account().findUser("lab-user")->groups.empty());
    doc.undoStack()->undo();
    QCOMPARE(doc.account().findUser("lab-user")->groups.size(), std::size_t(1));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(!doc.account().findGroup("Developers"));
}

void tst_AccountCommands::createPolicyAndNewVersion()
{
    WorkspaceDocument doc(Catalogs::bundled());
    PolicyDraft draft;
    draft.name = QStringLiteral("IAM-User-Policy");
    draft.document = kReadBuckets;
    draft.tags = {{QStringLiteral("team"), QStringLiteral("lab")}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
    const QString arn = QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy");
    const iam::ManagedPolicy *policy = doc.account().findPolicy(arn.toStdString());
    QVERIFY(policy);
    QCOMPARE(policy->tags.size(), std::size_t(1));

    QVERIFY(doc.execute(createPolicyVersionCommand(doc, arn, QString(kReadBuckets).replace("ListAllMyBuckets", "ListBucket"))).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Edit policy IAM-User-Policy"));
    QCOMPARE(doc.account().findPolicy(arn.toStdString())->defaultVersionId, std::string("v2"));
    doc.undoStack()->undo();
    QCOMPARE(doc.account().findPolicy(arn.toStdString())->defaultVersionId, std::string("v1"));
    QCOMPARE(doc.account().findPolicy(arn.toStdString())->versions.size(), std::size_t(1));
    doc.undoStack()->undo();
    QVERIFY(!doc.account().findPolicy(arn.toStdString()));
}

QTEST_GUILESS_MAIN(tst_AccountCommands)
#include "tst_AccountCommands.moc"
