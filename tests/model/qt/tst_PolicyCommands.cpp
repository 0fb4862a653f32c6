// The policy pages' commands: delete, set default version, attach to and detach
// from several entities as one undo step; refusals change nothing.

#include "AccountCommands.h"
#include "PolicyCommands.h"
#include "WorkspaceDocument.h"

#include <QTest>
#include <QUndoStack>

namespace {

const QString kCustomer = QStringLiteral("arn:aws:iam::111122223333:policy/IAM-User-Policy");
const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const char *kV1 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]})";
const char *kV2 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]})";
const char *kTrustEc2 = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";

void createCustomerPolicy(WorkspaceDocument &doc)
{
    PolicyDraft draft{QStringLiteral("IAM-User-Policy"), QStringLiteral("/"), {}, QString::fromLatin1(kV1), {}};
    QVERIFY(doc.execute(createPolicyCommand(doc, draft)).ok);
}

const iam::ManagedPolicy *customer(const WorkspaceDocument &doc)
{
    return doc.account().findPolicy(kCustomer.toStdString());
}

bool attached(const std::vector<std::string> &arns, const QString &arn)
{
    return std::find(arns.begin(), arns.end(), arn.toStdString()) != arns.end();
}

} // namespace

class tst_PolicyCommands : public QObject
{
    Q_OBJECT

private slots:
    void deleteRemovesOtherVersionsFirst();
    void deleteIsRefusedWhileAttached();
    void setDefaultVersion();
    void setDefaultVersionDeniedToLabUser();
    void attachToSeveralEntitiesIsOneUndoStep();
    void aRefusedAttachRollsBackTheOthers();
};

void tst_PolicyCommands::deleteRemovesOtherVersionsFirst()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    QVERIFY(doc.execute(createPolicyVersionCommand(doc, kCustomer, QString::fromLatin1(kV2))).ok);
    QVERIFY(doc.execute(deletePolicyCommand(doc, kCustomer)).ok);
    QVERIFY(!customer(doc));
    QCOMPARE(doc.undoStack()->text(doc.undoStack()->index() - 1), QStringLiteral("Delete policy IAM-User-Policy"));
    doc.undoStack()->undo();
    QVERIFY(customer(doc));
    QCOMPARE(customer(doc)->versions.size(), std::size_t(2));
    QCOMPARE(customer(doc)->defaultVersionId, std::string("v2"));
}

void tst_PolicyCommands::deleteIsRefusedWhileAttached()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    QVERIFY(doc.execute(createPolicyVersionCommand(doc, kCustomer, QString::fromLatin1(kV2))).ok);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, QStringLiteral("lab-user"), kCustomer)).ok);
    const int steps = doc.undoStack()->count();
    const CommandOutcome outcome = doc.execute(deletePolicyCommand(doc, kCustomer));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("DeleteConflict"));
    QCOMPARE(outcome.message, QStringLiteral("Cannot delete a policy attached to entities."));
    // The version deleted before DeletePolicy was refused is back.
    QVERIFY(customer(doc));
    QCOMPARE(customer(doc)->versions.size(), std::size_t(2));
    QCOMPARE(doc.undoStack()->count(), steps);
}

void tst_PolicyCommands::setDefaultVersion()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    QVERIFY(doc.execute(createPolicyVersionCommand(doc, kCustomer, QString::fromLatin1(kV2))).ok);
    QVERIFY(doc.execute(setDefaultPolicyVersionCommand(doc, kCustomer, QStringLiteral("v1"))).ok);
    QCOMPARE(customer(doc)->defaultVersionId, std::string("v1"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Set v1 as the default version of IAM-User-Policy"));
    doc.undoStack()->undo();
    QCOMPARE(customer(doc)->defaultVersionId, std::string("v2"));
    doc.undoStack()->redo();
    QCOMPARE(customer(doc)->defaultVersionId, std::string("v1"));
}

void tst_PolicyCommands::setDefaultVersionDeniedToLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    createCustomerPolicy(doc);
    QVERIFY(doc.execute(createPolicyVersionCommand(doc, kCustomer, QString::fromLatin1(kV2))).ok);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const CommandOutcome outcome = doc.execute(setDefaultPolicyVersionCommand(doc, kCustomer, QStringLiteral("v1")));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("AccessDenied"));
    QVERIFY2(outcome.message.contains(QStringLiteral("is not authorized to perform: iam:SetDefaultPolicyVersion")),
             qPrintable(outcome.message));
    QCOMPARE(customer(doc)->defaultVersionId, std::string("v2"));
}

void tst_PolicyCommands::attachToSeveralEntitiesIsOneUndoStep()
{
    WorkspaceDocument doc(Catalogs::bundled());
    RoleDraft role;
    role.name = QStringLiteral("S3Access");
    role.trustPolicy = QString::fromLatin1(kTrustEc2);
    QVERIFY(doc.execute(createRoleCommand(doc, role)).ok);
    const int steps = doc.undoStack()->count();
    const QList<PolicyHolder> holders{{PrincipalKind::User, QStringLiteral("lab-user"), false},
                                      {PrincipalKind::Role, QStringLiteral("S3Access"), false}};
    QVERIFY(doc.execute(attachPolicyToEntitiesCommand(doc, kS3ReadOnly, holders)).ok);
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Attach AmazonS3ReadOnlyAccess to 2 entities"));
    QVERIFY(attached(doc.account().findUser("lab-user")->attachedPolicies, kS3ReadOnly));
    QVERIFY(attached(doc.account().findRole("S3Access")->attachedPolicies, kS3ReadOnly));
    doc.undoStack()->undo();
    QVERIFY(!attached(doc.account().findUser("lab-user")->attachedPolicies, kS3ReadOnly));
    QVERIFY(!attached(doc.account().findRole("S3Access")->attachedPolicies, kS3ReadOnly));

    doc.undoStack()->redo();
    QVERIFY(doc.execute(detachPolicyFromEntitiesCommand(doc, kS3ReadOnly, holders)).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Detach AmazonS3ReadOnlyAccess from 2 entities"));
    QVERIFY(!attached(doc.account().findRole("S3Access")->attachedPolicies, kS3ReadOnly));
}

void tst_PolicyCommands::aRefusedAttachRollsBackTheOthers()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const QList<PolicyHolder> holders{{PrincipalKind::User, QStringLiteral("lab-user"), false},
                                      {PrincipalKind::Role, QStringLiteral("NoSuchRole"), false}};
    const CommandOutcome outcome = doc.execute(attachPolicyToEntitiesCommand(doc, kS3ReadOnly, holders));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("NoSuchEntity"));
    QVERIFY(!attached(doc.account().findUser("lab-user")->attachedPolicies, kS3ReadOnly));
    QCOMPARE(doc.undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(tst_PolicyCommands)
#include "tst_PolicyCommands.moc"
