// The S3 console's edits as undoable commands: a bucket policy put, undone and
// redone; S3's refusals (MalformedPolicy, AccessDenied for lab-user) leave the
// bucket and the undo stack as they were; buckets and objects likewise.

#include "S3Commands.h"
#include "WorkspaceDocument.h"

#include <QUndoStack>
#include <QtTest>

namespace {

const QString kBucket = QStringLiteral("lab-bucket-111122223333");

// Not a raw string: moc does not know them, and would read the "/*" of the
// Resource as the start of a comment.
constexpr const char *kReadPolicy = "{\n"
                                    "    \"Version\": \"2012-10-17\",\n"
                                    "    \"Statement\": [\n"
                                    "        {\n"
                                    "            \"Sid\": \"ReadObjects\",\n"
                                    "            \"Effect\": \"Allow\",\n"
                                    "            \"Principal\": {\"AWS\": \"%1\"},\n"
                                    "            \"Action\": \"s3:GetObject\",\n"
                                    "            \"Resource\": \"arn:aws:s3:::lab-bucket-111122223333/*\"\n"
                                    "        }\n"
                                    "    ]\n"
                                    "}";

QString readPolicy(const QString &principal)
{
    return QString::fromLatin1(kReadPolicy).arg(principal);
}

std::string policyOf(const WorkspaceDocument &doc, const QString &bucket = kBucket)
{
    const iam::S3Bucket *found = doc.account().findBucket(bucket.toStdString());
    return found ? found->policy : std::string("<no bucket>");
}

} // namespace

class tst_S3Commands : public QObject
{
    Q_OBJECT

private slots:
    void putBucketPolicyUndoRedo();
    void policyWithoutPrincipalIsMalformed();
    void labUserIsDenied();
    void deleteBucketPolicyUndoRedo();
    void createBucketInARegion();
    void createBucketRefusals();
    void putAndDeleteObjectUndo();
};

void tst_S3Commands::putBucketPolicyUndoRedo()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const QString policy = readPolicy(QStringLiteral("arn:aws:iam::111122223333:user/lab-user"));
    const CommandOutcome outcome = doc.execute(putBucketPolicyCommand(doc, kBucket, policy));
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Edit bucket policy of lab-bucket-111122223333"));
    QCOMPARE(policyOf(doc), policy.toStdString());
    QCOMPARE(doc.account().eventLog().events().back().action, std::string("s3:PutBucketPolicy"));
    const auto logged = doc.account().eventLog().events().size();

    doc.undoStack()->undo();
    QCOMPARE(policyOf(doc), std::string());
    doc.undoStack()->redo();
    QCOMPARE(policyOf(doc), policy.toStdString());
    // Undo and redo restore states; they are not S3 calls.
    QCOMPARE(doc.account().eventLog().events().size(), logged);

    // A second edit replaces the first; undoing it brings the first back.
    const QString second = readPolicy(QStringLiteral("arn:aws:iam::111122223333:root"));
    QVERIFY(doc.execute(putBucketPolicyCommand(doc, kBucket, second)).ok);
    QCOMPARE(policyOf(doc), second.toStdString());
    doc.undoStack()->undo();
    QCOMPARE(policyOf(doc), policy.toStdString());
}

void tst_S3Commands::policyWithoutPrincipalIsMalformed()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const QString noPrincipal = QStringLiteral("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
                                               "\"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": "
                                               "\"arn:aws:s3:::lab-bucket-111122223333/*\"}]}");
    const CommandOutcome outcome = doc.execute(putBucketPolicyCommand(doc, kBucket, noPrincipal));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("MalformedPolicy"));
    QVERIFY2(outcome.message.contains(QStringLiteral("Principal")), qPrintable(outcome.message));
    QCOMPARE(outcome.operation, QStringLiteral("PutBucketPolicy"));
    QCOMPARE(policyOf(doc), std::string());
    QCOMPARE(doc.undoStack()->count(), 0);

    const CommandOutcome broken = doc.execute(putBucketPolicyCommand(doc, kBucket, QStringLiteral("{\"Version\": ")));
    QCOMPARE(broken.errorCode, QStringLiteral("MalformedPolicy"));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void tst_S3Commands::labUserIsDenied()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(putBucketPolicyCommand(doc, kBucket, readPolicy(QStringLiteral("*")))).ok);
    const std::string before = policyOf(doc);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));

    const CommandOutcome put = doc.execute(putBucketPolicyCommand(doc, kBucket, readPolicy(QStringLiteral("*"))));
    QVERIFY(!put.ok);
    QCOMPARE(put.errorCode, QStringLiteral("AccessDenied"));
    QCOMPARE(put.message, QStringLiteral("Access Denied"));
    const CommandOutcome removed = doc.execute(deleteBucketPolicyCommand(doc, kBucket));
    QCOMPARE(removed.errorCode, QStringLiteral("AccessDenied"));
    QCOMPARE(policyOf(doc), before);
    QCOMPARE(doc.undoStack()->count(), 1);   // root's edit only
    const iam::Event &denied = doc.account().eventLog().events().back();
    QCOMPARE(denied.callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    QVERIFY(!denied.allowed);
}

void tst_S3Commands::deleteBucketPolicyUndoRedo()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const QString policy = readPolicy(QStringLiteral("arn:aws:iam::111122223333:root"));
    QVERIFY(doc.execute(putBucketPolicyCommand(doc, kBucket, policy)).ok);
    QVERIFY(doc.execute(deleteBucketPolicyCommand(doc, kBucket)).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete bucket policy of lab-bucket-111122223333"));
    QCOMPARE(policyOf(doc), std::string());
    doc.undoStack()->undo();
    QCOMPARE(policyOf(doc), policy.toStdString());
    doc.undoStack()->redo();
    QCOMPARE(policyOf(doc), std::string());
}

void tst_S3Commands::createBucketInARegion()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createBucketCommand(doc, QStringLiteral("reports-eu"), QStringLiteral("eu-west-1"))).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Create bucket reports-eu"));
    const iam::S3Bucket *bucket = doc.account().findBucket("reports-eu");
    QVERIFY(bucket);
    QCOMPARE(bucket->region, std::string("eu-west-1"));
    QVERIFY(doc.execute(createBucketCommand(doc, QStringLiteral("reports-us"), QStringLiteral("us-east-1"))).ok);
    QCOMPARE(doc.account().findBucket("reports-us")->region, std::string("us-east-1"));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(!doc.account().findBucket("reports-eu"));
    QVERIFY(!doc.account().findBucket("reports-us"));
    doc.undoStack()->redo();
    QVERIFY(doc.account().findBucket("reports-eu"));
}

void tst_S3Commands::createBucketRefusals()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QCOMPARE(doc.execute(createBucketCommand(doc, QStringLiteral("Bad_Name"))).errorCode,
             QStringLiteral("InvalidBucketName"));
    QCOMPARE(doc.execute(createBucketCommand(doc, kBucket)).errorCode, QStringLiteral("BucketAlreadyOwnedByYou"));
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QCOMPARE(doc.execute(createBucketCommand(doc, QStringLiteral("lab-user-bucket"))).errorCode,
             QStringLiteral("AccessDenied"));
    QVERIFY(!doc.account().findBucket("lab-user-bucket"));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void tst_S3Commands::putAndDeleteObjectUndo()
{
    WorkspaceDocument doc(Catalogs::bundled());
    const auto objectCount = [&doc] { return doc.account().findBucket(kBucket.toStdString())->objects.size(); };
    const std::size_t before = objectCount();
    QVERIFY(doc.execute(putObjectCommand(doc, kBucket, QStringLiteral("photos/cat.jpg"), "meow")).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Upload photos/cat.jpg"));
    QCOMPARE(objectCount(), before + 1);
    QVERIFY(doc.execute(deleteObjectCommand(doc, kBucket, QStringLiteral("notes.txt"))).ok);
    QCOMPARE(objectCount(), before);
    doc.undoStack()->undo();
    QCOMPARE(objectCount(), before + 1);
    doc.undoStack()->undo();
    QCOMPARE(objectCount(), before);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QCOMPARE(doc.execute(deleteObjectCommand(doc, kBucket, QStringLiteral("notes.txt"))).errorCode,
             QStringLiteral("AccessDenied"));
    QCOMPARE(objectCount(), before);
}

QTEST_GUILESS_MAIN(tst_S3Commands)
#include "tst_S3Commands.moc"
