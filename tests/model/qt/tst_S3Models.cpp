// The S3 lists as the signed-in caller sees them: ListBuckets and ListObjectsV2
// answers turned into rows updated in place, a denial turned into an error state
// (and back), folders by prefix, and the console's sizes, dates and names.

#include "AccountCommands.h"
#include "BucketObjectsModel.h"
#include "BucketsModel.h"
#include "S3Commands.h"
#include "S3ConsoleText.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kBucket = QStringLiteral("lab-bucket-111122223333");
const QString kReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

// How many calls of `operation` the event log holds.
int callsOf(const WorkspaceDocument &doc, const std::string &operation)
{
    int count = 0;
    for (const iam::Event &event : doc.account().eventLog().events()) {
        if (event.action == "s3:" + operation)
            ++count;
    }
    return count;
}

} // namespace

class tst_S3Models : public QObject
{
    Q_OBJECT

private slots:
    void bucketsAsRoot();
    void createdBucketIsOneRowInserted();
    void signingInAsLabUserDeniesTheListAndBack();
    void iamChangeRefreshesTheDeniedList();
    void severalChangesAskOnce();
    void objectsAtTheTopLevel();
    void folderNavigationByPrefix();
    void uploadedObjectsAreRowsInserted();
    void objectsDeniedForLabUser();
    void allPagesAreListed();
    void deletedBucketSaysNoSuchBucket();
    void sizeText_data();
    void sizeText();
    void consoleNames();
};

void tst_S3Models::bucketsAsRoot()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketsModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.hasError());
    QCOMPARE(model.headerData(BucketsModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(model.headerData(BucketsModel::RegionColumn, Qt::Horizontal).toString(), QStringLiteral("AWS Region"));
    QCOMPARE(model.headerData(BucketsModel::CreationDateColumn, Qt::Horizontal).toString(),
             QStringLiteral("Creation date"));
    QCOMPARE(model.index(0, BucketsModel::NameColumn).data().toString(), kBucket);
    QCOMPARE(model.index(0, BucketsModel::NameColumn).data(BucketsModel::KeyRole).toString(), kBucket);
    QCOMPARE(model.index(0, BucketsModel::RegionColumn).data().toString(),
             QStringLiteral("US East (N. Virginia) us-east-1"));
    QCOMPARE(model.index(0, BucketsModel::CreationDateColumn).data().toString(),
             QStringLiteral("April 30, 2024, 16:20:00 (UTC+00:00)"));
    // The list came from a call by root, logged as the console's.
    QCOMPARE(callsOf(doc, "ListBuckets"), 1);
    QCOMPARE(doc.account().eventLog().events().back().callerArn, std::string("arn:aws:iam::111122223333:root"));
}

void tst_S3Models::createdBucketIsOneRowInserted()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketsModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(doc.execute(createBucketCommand(doc, QStringLiteral("reports-eu"), QStringLiteral("eu-west-1"))).ok);
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.keyAt(1), QStringLiteral("reports-eu"));
    QCOMPARE(model.index(1, BucketsModel::RegionColumn).data().toString(),
             QStringLiteral("Europe (Ireland) eu-west-1"));

    doc.undoStack()->undo();
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(removed.count(), 1);
    doc.undoStack()->redo();
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("reports-eu")), 1);
}

void tst_S3Models::signingInAsLabUserDeniesTheListAndBack()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketsModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &BucketsModel::errorChanged);

    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QTRY_VERIFY(model.hasError());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.errorCode(), QStringLiteral("AccessDenied"));
    QCOMPARE(model.errorMessage(), QStringLiteral("Access Denied"));
    QCOMPARE(errors.count(), 1);
    const iam::Event &denied = doc.account().eventLog().events().back();
    QCOMPARE(denied.callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    QVERIFY(!denied.allowed);

    doc.setSignedIn(iam::CallerIdentity::root());
    QTRY_VERIFY(!model.hasError());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(errors.count(), 2);
}

void tst_S3Models::iamChangeRefreshesTheDeniedList()
{
    WorkspaceDocument doc(Catalogs::bundled());
    // Root gives lab-user read access to S3, then lab-user signs in: the list shows.
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    BucketsModel model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.hasError());

    // While lab-user is signed in, an IAM change (made here directly as root through
    // the API) may change what lab-user may do: the list is asked again.
    const iam::CallResult attached = doc.api().call(iam::CallerIdentity::root(), "iam", "AttachUserPolicy",
                                                    {{"UserName", "lab-user"}, {"PolicyArn", kReadOnly.toStdString()}});
    QVERIFY2(attached.ok(), attached.errorMessage.c_str());
    QTRY_VERIFY(!model.hasError());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.keyAt(0), kBucket);
}

void tst_S3Models::severalChangesAskOnce()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketsModel model(doc);
    const int before = callsOf(doc, "ListBuckets");
    // One command, three buckets touched: one ListBuckets on the next turn.
    auto *command = new ApiCommand(doc, QStringLiteral("Create three"),
                                   {{"s3", "CreateBucket", {{"Bucket", "one-bucket"}}},
                                    {"s3", "CreateBucket", {{"Bucket", "two-bucket"}}},
                                    {"s3", "CreateBucket", {{"Bucket", "three-bucket"}}}});
    QVERIFY(doc.execute(command).ok);
    QVERIFY(model.isRefreshPending());
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(callsOf(doc, "ListBuckets"), before + 1);
    QCOMPARE(column(model, BucketsModel::NameColumn),
             QStringList({kBucket, QStringLiteral("one-bucket"), QStringLiteral("two-bucket"),
                          QStringLiteral("three-bucket")}));
}

void tst_S3Models::objectsAtTheTopLevel()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketObjectsModel model(doc, kBucket);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.hasError());
    QCOMPARE(column(model, BucketObjectsModel::NameColumn),
             QStringList({QStringLiteral("data/"), QStringLiteral("images/"), QStringLiteral("notes.txt")}));
    QCOMPARE(column(model, BucketObjectsModel::TypeColumn),
             QStringList({QStringLiteral("Folder"), QStringLiteral("Folder"), QStringLiteral("txt")}));
    QVERIFY(model.isFolder(0));
    QVERIFY(!model.isFolder(2));
    QCOMPARE(model.index(0, BucketObjectsModel::SizeColumn).data().toString(), QStringLiteral("-"));
    // "Objects in this bucket are private. ..." is 83 bytes.
    QCOMPARE(model.index(2, BucketObjectsModel::SizeColumn).data().toString(), QStringLiteral("83.0 B"));
    QCOMPARE(model.index(2, BucketObjectsModel::LastModifiedColumn).data().toString(),
             QStringLiteral("April 30, 2024, 16:20:00 (UTC+00:00)"));
    QCOMPARE(model.index(2, BucketObjectsModel::StorageClassColumn).data().toString(), QStringLiteral("Standard"));
    QCOMPARE(model.headerData(BucketObjectsModel::StorageClassColumn, Qt::Horizontal).toString(),
             QStringLiteral("Storage class"));
    // One ListObjectsV2 with the console's delimiter.
    const iam::Event &listed = doc.account().eventLog().events().back();
    QCOMPARE(listed.action, std::string("s3:ListObjectsV2"));
}

void tst_S3Models::folderNavigationByPrefix()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketObjectsModel model(doc, kBucket);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy prefixes(&model, &BucketObjectsModel::prefixChanged);

    model.setPrefix(QStringLiteral("data/"));
    QCOMPARE(prefixes.count(), 1);
    QCOMPARE(model.prefix(), QStringLiteral("data/"));
    QCOMPARE(column(model, BucketObjectsModel::NameColumn),
             QStringList({QStringLiteral("report.csv"), QStringLiteral("users.json")}));
    QCOMPARE(column(model, BucketObjectsModel::NameColumn, BucketObjectsModel::KeyRole),
             QStringList({QStringLiteral("data/report.csv"), QStringLiteral("data/users.json")}));
    QCOMPARE(column(model, BucketObjectsModel::TypeColumn),
             QStringList({QStringLiteral("csv"), QStringLiteral("json")}));

    // A folder within the folder, and back to the top.
    QVERIFY(doc.execute(putObjectCommand(doc, kBucket, QStringLiteral("data/2024/may.csv"), "a,b\n")).ok);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, BucketObjectsModel::NameColumn).data().toString(), QStringLiteral("2024/"));
    QCOMPARE(model.keyAt(0), QStringLiteral("data/2024/"));
    model.setPrefix(QString());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.keyAt(0), QStringLiteral("data/"));
    // Setting the same prefix again asks nothing.
    const auto calls = doc.account().eventLog().events().size();
    model.setPrefix(QString());
    QCOMPARE(doc.account().eventLog().events().size(), calls);
}

void tst_S3Models::uploadedObjectsAreRowsInserted()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketObjectsModel model(doc, kBucket);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(doc.execute(putObjectCommand(doc, kBucket, QStringLiteral("photos/cat.jpg"), "jpg")).ok);
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.keyAt(2), QStringLiteral("photos/"));

    // An object within a folder already shown changes no row.
    QVERIFY(doc.execute(putObjectCommand(doc, kBucket, QStringLiteral("data/more.csv"), "x")).ok);
    QTRY_VERIFY(!model.isRefreshPending());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(changed.count(), 0);

    // Replacing notes.txt changes its row: its size.
    QVERIFY(doc.execute(putObjectCommand(doc, kBucket, QStringLiteral("notes.txt"), QByteArray(1300, 'x'))).ok);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(model.index(model.rowOf(QStringLiteral("notes.txt")), BucketObjectsModel::SizeColumn).data().toString(),
             QStringLiteral("1.3 KB"));

    QVERIFY(doc.execute(deleteObjectCommand(doc, kBucket, QStringLiteral("notes.txt"))).ok);
    QTRY_COMPARE(model.rowCount(), 3);
    doc.undoStack()->undo();
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(reset.count(), 0);
}

void tst_S3Models::objectsDeniedForLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    BucketObjectsModel model(doc, kBucket);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);

    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QTRY_VERIFY(model.hasError());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.errorCode(), QStringLiteral("AccessDenied"));

    // A bucket policy naming lab-user lets it list, even with no IAM permission.
    doc.setSignedIn(iam::CallerIdentity::root());
    const QString policy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:user/lab-user"}, "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3:::%1"}]})").arg(kBucket);
    QVERIFY(doc.execute(putBucketPolicyCommand(doc, kBucket, policy)).ok);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QTRY_VERIFY(!model.hasError());
    QCOMPARE(model.rowCount(), 3);
}

void tst_S3Models::allPagesAreListed()
{
    WorkspaceDocument doc(Catalogs::bundled());
    // Set up directly: 1,200 objects under logs/ (more than one ListObjectsV2 page).
    iam::S3Bucket *bucket = doc.account().findBucket(kBucket.toStdString());
    for (int i = 0; i < 1200; ++i) {
        const std::string key = QStringLiteral("logs/%1.log").arg(i, 4, 10, QLatin1Char('0')).toStdString();
        bucket->objects.push_back({key, "x", "2024-04-30T16:20:00Z"});
    }
    std::sort(bucket->objects.begin(), bucket->objects.end(),
              [](const iam::S3Object &a, const iam::S3Object &b) { return a.key < b.key; });
    BucketObjectsModel model(doc, kBucket);
    model.setPrefix(QStringLiteral("logs/"));
    QCOMPARE(model.rowCount(), 1200);
    QCOMPARE(model.keyAt(1199), QStringLiteral("logs/1199.log"));
}

void tst_S3Models::deletedBucketSaysNoSuchBucket()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createBucketCommand(doc, QStringLiteral("short-lived"))).ok);
    BucketObjectsModel model(doc, QStringLiteral("short-lived"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasError());
    QVERIFY(doc.execute(deleteBucketCommand(doc, QStringLiteral("short-lived"))).ok);
    QTRY_VERIFY(model.hasError());
    QCOMPARE(model.errorCode(), QStringLiteral("NoSuchBucket"));
    doc.undoStack()->undo();
    QTRY_VERIFY(!model.hasError());
}

void tst_S3Models::sizeText_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << qint64(0) << "0 B";
    QTest::newRow("bytes") << qint64(58) << "58.0 B";
    QTest::newRow("just-under-a-kilobyte") << qint64(1023) << "1023.0 B";
    QTest::newRow("kilobyte") << qint64(1024) << "1.0 KB";
    QTest::newRow("kilobytes-rounded") << qint64(1229) << "1.2 KB";
    QTest::newRow("rounds-up-to-next-unit") << qint64(1048575) << "1.0 MB";
    QTest::newRow("megabytes") << qint64(2831155) << "2.7 MB";
    QTest::newRow("gigabytes") << qint64(5) * 1024 * 1024 * 1024 << "5.0 GB";
}

void tst_S3Models::sizeText()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(S3ConsoleText::sizeText(bytes), text);
}

void tst_S3Models::consoleNames()
{
    using namespace S3ConsoleText;
    QCOMPARE(objectType(QStringLiteral("data/report.csv")), QStringLiteral("csv"));
    QCOMPARE(objectType(QStringLiteral("data.v2/README")), QStringLiteral("-"));
    QCOMPARE(objectType(QStringLiteral(".profile")), QStringLiteral("-"));
    QCOMPARE(bucketArn(kBucket), QStringLiteral("arn:aws:s3:::lab-bucket-111122223333"));
    QCOMPARE(objectArn(kBucket, QStringLiteral("data/report.csv")),
             QStringLiteral("arn:aws:s3:::lab-bucket-111122223333/data/report.csv"));
    QCOMPARE(s3Uri(kBucket, QStringLiteral("notes.txt")), QStringLiteral("s3://lab-bucket-111122223333/notes.txt"));
    QCOMPARE(objectUrl(kBucket, QStringLiteral("my notes/a+b.txt")),
             QStringLiteral("https://lab-bucket-111122223333.s3.amazonaws.com/my%20notes/a%2Bb.txt"));
    QCOMPARE(dateText("not a date"), QStringLiteral("not a date"));
    QCOMPARE(regionText(QStringLiteral("xx-moon-1")), QStringLiteral("xx-moon-1"));
    QString bucket;
    QString key;
    QVERIFY(splitObjectKey(QStringLiteral("b/data/report.csv"), &bucket, &key));
    QCOMPARE(bucket, QStringLiteral("b"));
    QCOMPARE(key, QStringLiteral("data/report.csv"));
    QVERIFY(!splitObjectKey(QStringLiteral("no-slash"), &bucket, &key));
}

QTEST_GUILESS_MAIN(tst_S3Models)
#include "tst_S3Models.moc"
