// The S3 pages driven as a learner would: the bucket list (count, name filter,
// a name opening the bucket, Create bucket, lab-user's "You don't have
// permissions to list buckets"), a bucket (Objects with folders by prefix and
// object links, Properties, Permissions with the bucket policy edited and
// deleted) and an object (its overview and preview, or S3's refusal).

#include "BucketDetailPage.h"
#include "BucketObjectPage.h"
#include "BucketObjectsModel.h"
#include "BucketObjectsTab.h"
#include "BucketPermissionsTab.h"
#include "BucketsModel.h"
#include "BucketsPage.h"
#include "CreateBucketDialog.h"
#include "EditBucketPolicyDialog.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PolicyEditor.h"
#include "S3Commands.h"
#include "S3ErrorPanel.h"
#include "WorkspaceDocument.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kBucket = QStringLiteral("lab-bucket-111122223333");

QString heading(const QWidget &page)
{
    return page.findChild<QLabel *>(QStringLiteral("pageHeading"))->text();
}

QString field(const QWidget &page, const char *name)
{
    return page.findChild<QLabel *>(QLatin1String(name))->text();
}

// Clicks the cell showing `text` in the first column, as a learner clicks a link.
void clickName(QTableView *table, const QString &text)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (index.data().toString() == text) {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row %1").arg(text)));
}

ConsoleLocation lastLocation(const QSignalSpy &spy)
{
    return spy.last().at(0).value<ConsoleLocation>();
}

const char *const kPublicRead = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                                "\"Principal\": \"*\", \"Action\": \"s3:GetObject\", "
                                "\"Resource\": \"arn:aws:s3:::lab-bucket-111122223333/notes.txt\"}]}";

} // namespace

class tst_BucketsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void listCountsAndFiltersByName();
    void bucketNameOpensTheBucket();
    void labUserSeesThePermissionsMessage();
    void createBucketThroughTheDialog();
    void objectsTabNavigatesFolders();
    void objectNameOpensTheObject();
    void uploadPutsTheFileInTheFolderShown();
    void objectsDeniedShowTheErrorInTheTab();
    void propertiesShowTheBucketOverview();
    void bucketPolicyEditAndDelete();
    void bucketPolicyDeniedForLabUser();
    void objectPageShowsOverviewAndPreview();
    void objectPageDeniedShowsTheError();
};

void tst_BucketsPage::initTestCase()
{
    qRegisterMetaType<ConsoleLocation>();
}

void tst_BucketsPage::cleanup()
{
    QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty());
}

void tst_BucketsPage::listCountsAndFiltersByName()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    BucketsPage page(doc, navigation);
    page.show();
    QCOMPARE(heading(page), QStringLiteral("General purpose buckets (1)"));
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QCOMPARE(search->placeholderText(), QStringLiteral("Find buckets by name"));
    QVERIFY(doc.execute(createBucketCommand(doc, QStringLiteral("reports-archive"))).ok);
    QTRY_COMPARE(heading(page), QStringLiteral("General purpose buckets (2)"));

    QTest::keyClicks(search, QStringLiteral("REPORTS"));
    QCOMPARE(page.table()->model()->rowCount(), 1);
    QCOMPARE(page.table()->model()->index(0, 0).data().toString(), QStringLiteral("reports-archive"));
    // Only names are searched, not Regions.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("virginia"));
    QCOMPARE(page.table()->model()->rowCount(), 0);
    QCOMPARE(heading(page), QStringLiteral("General purpose buckets (2)"));
}

void tst_BucketsPage::bucketNameOpensTheBucket()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    QSignalSpy requested(&navigation, &Navigation::requested);
    BucketsPage page(doc, navigation);
    page.resize(900, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    clickName(page.table(), kBucket);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(lastLocation(requested), (ConsoleLocation{ConsoleLocation::Page::Bucket, kBucket}));
    QCOMPARE(page.crumbs().front().text, QStringLiteral("Amazon S3"));
}

void tst_BucketsPage::labUserSeesThePermissionsMessage()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    BucketsPage page(doc, navigation);
    page.show();
    auto *panel = page.findChild<S3ErrorPanel *>(QStringLiteral("listErrorPanel"));
    QVERIFY(!panel->isVisible());

    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->title(), QStringLiteral("You don't have permissions to list buckets"));
    QVERIFY(panel->hint().contains(QStringLiteral("s3:ListAllMyBuckets")));
    QCOMPARE(panel->apiResponse(), QStringLiteral("Access Denied"));
    QVERIFY(!page.table()->isVisible());
    QCOMPARE(heading(page), QStringLiteral("General purpose buckets (0)"));

    doc.setSignedIn(iam::CallerIdentity::root());
    QTRY_VERIFY(page.table()->isVisible());
    QVERIFY(!panel->isVisible());
    QCOMPARE(heading(page), QStringLiteral("General purpose buckets (1)"));
}

void tst_BucketsPage::createBucketThroughTheDialog()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    BucketsPage page(doc, navigation);
    page.show();
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("createBucketButton")), Qt::LeftButton);
    auto *dialog = page.findChild<CreateBucketDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createBucketButton"));
    QVERIFY(!create->isEnabled());

    // S3's naming rules refuse capitals: the dialog stays, saying why.
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("bucketNameEdit"));
    QTest::keyClicks(name, QStringLiteral("Reports"));
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    auto *bar = dialog->findChild<MessageBar *>(QStringLiteral("dialogMessageBar"));
    QCOMPARE(bar->text(), QStringLiteral("The specified bucket is not valid."));

    name->clear();
    QTest::keyClicks(name, QStringLiteral("reports-eu"));
    auto *region = dialog->findChild<QComboBox *>(QStringLiteral("regionCombo"));
    region->setCurrentIndex(region->findData(QStringLiteral("eu-west-1")));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<CreateBucketDialog *>());
    const iam::S3Bucket *bucket = doc.account().findBucket("reports-eu");
    QVERIFY(bucket);
    QCOMPARE(bucket->region, std::string("eu-west-1"));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully created bucket \"reports-eu\""));
    QTRY_COMPARE(heading(page), QStringLiteral("General purpose buckets (2)"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Create bucket reports-eu"));
}

void tst_BucketsPage::objectsTabNavigatesFolders()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    QSignalSpy requested(&navigation, &Navigation::requested);
    BucketDetailPage page(doc, navigation, kBucket);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(heading(page), kBucket);
    QCOMPARE(page.tabs()->tabText(0), QStringLiteral("Objects"));
    QCOMPARE(page.tabs()->tabText(1), QStringLiteral("Properties"));
    QCOMPARE(page.tabs()->tabText(2), QStringLiteral("Permissions"));
    BucketObjectsTab *objects = page.objectsTab();
    QCOMPARE(field(page, "objectsHeading"), QStringLiteral("Objects (3)"));

    clickName(objects->table(), QStringLiteral("data/"));
    QCOMPARE(requested.count(), 0);   // a folder opens in place
    QCOMPARE(objects->model()->prefix(), QStringLiteral("data/"));
    QCOMPARE(field(page, "objectsHeading"), QStringLiteral("Objects (2)"));
    auto *path = page.findChild<QLabel *>(QStringLiteral("prefixPath"));
    QVERIFY(path->text().contains(QStringLiteral("data")));
    QCOMPARE(objects->table()->model()->index(0, 0).data().toString(), QStringLiteral("report.csv"));

    // The bucket's name in the path goes back to the top.
    emit path->linkActivated(QStringLiteral("#"));
    QCOMPARE(objects->model()->prefix(), QString());
    QCOMPARE(field(page, "objectsHeading"), QStringLiteral("Objects (3)"));

    // Find objects by prefix, within the folder.
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("objectSearchEdit")), QStringLiteral("no"));
    QCOMPARE(objects->table()->model()->rowCount(), 1);

    // A page opened on "bucket/prefix/" starts in that folder.
    BucketDetailPage inFolder(doc, navigation, kBucket + QStringLiteral("/images/"));
    QCOMPARE(inFolder.bucket(), kBucket);
    QCOMPARE(inFolder.objectsTab()->model()->prefix(), QStringLiteral("images/"));
    QVERIFY(BucketDetailPage::exists(doc, kBucket + QStringLiteral("/images/")));
    QVERIFY(!BucketDetailPage::exists(doc, QStringLiteral("no-such-bucket")));
}

void tst_BucketsPage::objectNameOpensTheObject()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    QSignalSpy requested(&navigation, &Navigation::requested);
    BucketDetailPage page(doc, navigation, kBucket + QStringLiteral("/data/"));
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    clickName(page.objectsTab()->table(), QStringLiteral("report.csv"));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(lastLocation(requested),
             (ConsoleLocation{ConsoleLocation::Page::BucketObject, kBucket + QStringLiteral("/data/report.csv")}));

    // An object uploaded through the API appears in place.
    QVERIFY(doc.execute(putObjectCommand(doc, kBucket, QStringLiteral("data/extra.csv"), "1")).ok);
    QTRY_COMPARE(field(page, "objectsHeading"), QStringLiteral("Objects (3)"));
}

void tst_BucketsPage::uploadPutsTheFileInTheFolderShown()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    BucketDetailPage page(doc, navigation, kBucket + QStringLiteral("/data/"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("june.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("month,requests\n2024-06,1500\n");
    file.close();

    QVERIFY(page.objectsTab()->uploadFile(file.fileName()));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Upload succeeded: data/june.csv"));
    const iam::S3Bucket *bucket = doc.account().findBucket(kBucket.toStdString());
    const auto uploaded = std::find_if(bucket->objects.begin(), bucket->objects.end(),
                                       [](const iam::S3Object &object) { return object.key == "data/june.csv"; });
    QVERIFY(uploaded != bucket->objects.end());
    QCOMPARE(uploaded->content, std::string("month,requests\n2024-06,1500\n"));
    QTRY_COMPARE(field(page, "objectsHeading"), QStringLiteral("Objects (3)"));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Upload data/june.csv"));

    // lab-user may not put objects: the flash says so and nothing is added.
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QFile other(dir.filePath(QStringLiteral("july.csv")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    QVERIFY(!page.objectsTab()->uploadFile(other.fileName()));
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Upload failed"));
    QCOMPARE(page.messageBar()->text(), QStringLiteral("Access Denied"));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_BucketsPage::objectsDeniedShowTheErrorInTheTab()
{
    WorkspaceDocument doc(Catalogs::bundled());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    Navigation navigation;
    BucketDetailPage page(doc, navigation, kBucket);
    page.show();
    auto *panel = page.findChild<S3ErrorPanel *>(QStringLiteral("objectsErrorPanel"));
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->title(), QStringLiteral("Insufficient permissions to list objects"));
    QCOMPARE(panel->apiResponse(), QStringLiteral("Access Denied"));
    QVERIFY(!page.objectsTab()->table()->isVisible());
    QCOMPARE(field(page, "objectsHeading"), QStringLiteral("Objects (0)"));

    // Attaching read access (root, through the API) lets lab-user list.
    const iam::CallResult attached = doc.api().call(
        iam::CallerIdentity::root(), "iam", "AttachUserPolicy",
        {{"UserName", "lab-user"}, {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}});
    QVERIFY(attached.ok());
    QTRY_VERIFY(page.objectsTab()->table()->isVisible());
    QVERIFY(!panel->isVisible());
    QCOMPARE(field(page, "objectsHeading"), QStringLiteral("Objects (3)"));
}

void tst_BucketsPage::propertiesShowTheBucketOverview()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    BucketDetailPage page(doc, navigation, kBucket);
    QCOMPARE(field(page, "propertyRegion"), QStringLiteral("US East (N. Virginia) us-east-1"));
    QCOMPARE(field(page, "propertyArn"), QStringLiteral("arn:aws:s3:::lab-bucket-111122223333"));
    QCOMPARE(field(page, "propertyCreationDate"), QStringLiteral("April 30, 2024, 16:20:00 (UTC+00:00)"));
    // As lab-user, who may not list buckets, the overview cannot be loaded.
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QCOMPARE(field(page, "propertyCreationDate"), QStringLiteral("-"));
    QCOMPARE(field(page, "propertyArn"), QStringLiteral("arn:aws:s3:::lab-bucket-111122223333"));
}

void tst_BucketsPage::bucketPolicyEditAndDelete()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    BucketDetailPage page(doc, navigation, kBucket);
    page.resize(1000, 700);
    page.show();
    page.tabs()->setCurrentIndex(2);
    auto *noPolicy = page.findChild<QLabel *>(QStringLiteral("noPolicyLabel"));
    auto *view = page.findChild<PolicyEditor *>(QStringLiteral("bucketPolicyView"));
    auto *deleteButton = page.findChild<QPushButton *>(QStringLiteral("deletePolicyButton"));
    QVERIFY(noPolicy->isVisible());
    QCOMPARE(noPolicy->text(), QStringLiteral("No policy to display."));
    QVERIFY(!view->isVisible());
    QVERIFY(!deleteButton->isEnabled());

    // Edit: the dialog opens over the page; typing the policy and saving puts it.
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("editPolicyButton")), Qt::LeftButton);
    auto *dialog = page.findChild<EditBucketPolicyDialog *>();
    QVERIFY(dialog);
    QsciScintilla *edit = dialog->editor()->textEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QString::fromLatin1(kPublicRead));
    QTest::keyClick(edit, Qt::Key_Escape);
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChangesButton"));
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<EditBucketPolicyDialog *>());
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully edited bucket policy."));
    QCOMPARE(doc.account().findBucket(kBucket.toStdString())->policy, std::string(kPublicRead));
    QTRY_VERIFY(view->isVisible());
    QVERIFY(view->isReadOnly());
    QVERIFY(view->text().contains(QStringLiteral("\"Principal\": \"*\"")));
    QVERIFY(!noPolicy->isVisible());
    QVERIFY(deleteButton->isEnabled());

    // Delete asks to type "delete" first.
    QTest::mouseClick(deleteButton, Qt::LeftButton);
    auto *confirm = page.findChild<QDialog *>(QStringLiteral("deleteBucketPolicyDialog"));
    QVERIFY(confirm);
    auto *confirmButton = confirm->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"));
    QVERIFY(!confirmButton->isEnabled());
    QTest::keyClicks(confirm->findChild<QLineEdit *>(QStringLiteral("confirmEdit")), QStringLiteral("delete"));
    QVERIFY(confirmButton->isEnabled());
    QTest::mouseClick(confirmButton, Qt::LeftButton);
    QCOMPARE(doc.account().findBucket(kBucket.toStdString())->policy, std::string());
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Successfully deleted bucket policy."));
    QTRY_VERIFY(noPolicy->isVisible());

    // Undo brings the policy back, and the tab shows it.
    doc.undoStack()->undo();
    QCOMPARE(doc.account().findBucket(kBucket.toStdString())->policy, std::string(kPublicRead));
    QTRY_VERIFY(view->isVisible());
    QCOMPARE(page.permissionsTab()->policy(), QString::fromLatin1(kPublicRead));
}

void tst_BucketsPage::bucketPolicyDeniedForLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(putBucketPolicyCommand(doc, kBucket, QString::fromLatin1(kPublicRead))).ok);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    Navigation navigation;
    BucketDetailPage page(doc, navigation, kBucket);
    page.show();
    page.tabs()->setCurrentIndex(2);
    auto *panel = page.findChild<S3ErrorPanel *>(QStringLiteral("policyErrorPanel"));
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->apiResponse(), QStringLiteral("Access Denied"));
    QVERIFY(!page.findChild<PolicyEditor *>(QStringLiteral("bucketPolicyView"))->isVisible());
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("noPolicyLabel"))->isVisible());
}

void tst_BucketsPage::objectPageShowsOverviewAndPreview()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    const QString key = kBucket + QStringLiteral("/data/report.csv");
    QVERIFY(BucketObjectPage::exists(doc, key));
    QVERIFY(!BucketObjectPage::exists(doc, kBucket + QStringLiteral("/data/missing.csv")));
    QVERIFY(!BucketObjectPage::exists(doc, kBucket));
    BucketObjectPage page(doc, navigation, key);
    page.show();
    QCOMPARE(heading(page), QStringLiteral("report.csv"));
    QCOMPARE(field(page, "overviewOwner"), QStringLiteral("iam-studio-lab"));
    QCOMPARE(field(page, "overviewRegion"), QStringLiteral("US East (N. Virginia) us-east-1"));
    QCOMPARE(field(page, "overviewLastModified"), QStringLiteral("April 30, 2024, 16:20:00 (UTC+00:00)"));
    QCOMPARE(field(page, "overviewSize"), QStringLiteral("53.0 B"));
    QCOMPARE(field(page, "overviewType"), QStringLiteral("csv"));
    QCOMPARE(field(page, "overviewKey"), QStringLiteral("data/report.csv"));
    QCOMPARE(field(page, "overviewS3Uri"), QStringLiteral("s3://lab-bucket-111122223333/data/report.csv"));
    QCOMPARE(field(page, "overviewArn"), QStringLiteral("arn:aws:s3:::lab-bucket-111122223333/data/report.csv"));
    QCOMPARE(field(page, "overviewObjectUrl"),
             QStringLiteral("https://lab-bucket-111122223333.s3.amazonaws.com/data/report.csv"));
    QCOMPARE(field(page, "overviewEtag").size(), 32);   // the MD5, unquoted
    auto *preview = page.findChild<QPlainTextEdit *>(QStringLiteral("previewText"));
    QVERIFY(preview->isVisible());
    QCOMPARE(preview->toPlainText(), QStringLiteral("month,requests,denied\n2024-03,1250,17\n2024-04,1398,9\n"));

    // Crumbs: Amazon S3 > Buckets > bucket > data/ > report.csv; the folder opens the bucket there.
    const QList<Crumb> crumbs = page.crumbs();
    QCOMPARE(crumbs.size(), 5);
    QCOMPARE(crumbs[3].text, QStringLiteral("data/"));
    QCOMPARE(crumbs[3].location, (ConsoleLocation{ConsoleLocation::Page::Bucket, kBucket + QStringLiteral("/data/")}));
    QCOMPARE(crumbs[4].text, QStringLiteral("report.csv"));

    // Replaced through the API: the page follows.
    QVERIFY(doc.execute(putObjectCommand(doc, kBucket, QStringLiteral("data/report.csv"), "month\n")).ok);
    QTRY_COMPARE(preview->toPlainText(), QStringLiteral("month\n"));
    QCOMPARE(field(page, "overviewSize"), QStringLiteral("6.0 B"));
}

void tst_BucketsPage::objectPageDeniedShowsTheError()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation navigation;
    BucketObjectPage page(doc, navigation, kBucket + QStringLiteral("/notes.txt"));
    page.show();
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    auto *panel = page.findChild<S3ErrorPanel *>(QStringLiteral("previewErrorPanel"));
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->title(), QStringLiteral("Insufficient permissions to read the object"));
    QCOMPARE(panel->apiResponse(), QStringLiteral("Access Denied"));
    QVERIFY(!page.findChild<QPlainTextEdit *>(QStringLiteral("previewText"))->isVisible());
    QCOMPARE(field(page, "overviewSize"), QStringLiteral("-"));
    QCOMPARE(field(page, "overviewS3Uri"), QStringLiteral("s3://lab-bucket-111122223333/notes.txt"));
    const iam::Event &denied = doc.account().eventLog().events().back();
    QCOMPARE(denied.action, std::string("s3:GetObject"));
    QVERIFY(!denied.allowed);
}

QTEST_MAIN(tst_BucketsPage)
#include "tst_BucketsPage.moc"
