#include "BucketDetailPage.h"

#include "BucketObjectsTab.h"
#include "BucketPermissionsTab.h"
#include "S3ConsoleText.h"
#include "SummaryBox.h"
#include "WorkspaceDocument.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QString bucketOf(const QString &key)
{
    QString bucket;
    return S3ConsoleText::splitObjectKey(key, &bucket, nullptr) ? bucket : key;
}

} // namespace

BucketDetailPage::BucketDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &key,
                                   QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_bucket(bucketOf(key))
{
    setObjectName(QStringLiteral("bucketDetailPage"));
    setHeading(m_bucket);
    QString prefix;
    S3ConsoleText::splitObjectKey(key, nullptr, &prefix);
    createWidgets(prefix);
    connect(&document, &WorkspaceDocument::signedInChanged, this, &BucketDetailPage::updateProperties);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &BucketDetailPage::updateProperties);
    updateProperties();
}

bool BucketDetailPage::exists(const WorkspaceDocument &document, const QString &key)
{
    return document.account().findBucket(bucketOf(key).toStdString()) != nullptr;
}

QList<Crumb> BucketDetailPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("Amazon S3"), {Page::Buckets, {}}}, {tr("Buckets"), {Page::Buckets, {}}},
            {m_bucket, {Page::Bucket, m_bucket}}};
}

void BucketDetailPage::createWidgets(const QString &prefix)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_objects = new BucketObjectsTab(*this, m_document, m_navigation, m_bucket, prefix, m_tabs);
    m_permissions = new BucketPermissionsTab(*this, m_document, m_bucket, m_tabs);
    m_tabs->addTab(m_objects, tr("Objects"));
    m_tabs->addTab(createPropertiesTab(), tr("Properties"));
    m_tabs->addTab(m_permissions, tr("Permissions"));
    contentLayout()->addWidget(m_tabs, 1);
}

QWidget *BucketDetailPage::createPropertiesTab()
{
    auto *tab = new QWidget(m_tabs);
    tab->setObjectName(QStringLiteral("propertiesTab"));
    auto *overview = new SummaryBox(tab);
    overview->setTitle(tr("Bucket overview"));
    m_region = overview->addField(QStringLiteral("propertyRegion"), tr("AWS Region"));
    m_arn = overview->addField(QStringLiteral("propertyArn"), tr("Amazon Resource Name (ARN)"));
    m_creationDate = overview->addField(QStringLiteral("propertyCreationDate"), tr("Creation date"));
    m_arn->setText(S3ConsoleText::bucketArn(m_bucket));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(overview);
    layout->addStretch(1);
    return tab;
}

// The overview as ListBuckets tells the signed-in caller; one who may not list
// buckets sees dashes, as the console shows what it could not load.
void BucketDetailPage::updateProperties()
{
    QString region = QStringLiteral("-");
    QString created = QStringLiteral("-");
    const iam::CallResult result = m_document.call("s3", "ListBuckets");
    for (const auto &bucket : result.response.value("Buckets", nlohmann::json::array())) {
        if (bucket.value("Name", std::string()) != m_bucket.toStdString())
            continue;
        created = S3ConsoleText::dateText(bucket.value("CreationDate", std::string()));
        // The simulated ListBuckets has no BucketRegion (the API before 2024): the
        // account's record of the bucket gives it.
        std::string code = bucket.value("BucketRegion", std::string());
        if (code.empty()) {
            if (const iam::S3Bucket *known = m_document.account().findBucket(m_bucket.toStdString()))
                code = known->region;
        }
        region = S3ConsoleText::regionText(QString::fromStdString(code));
    }
    m_region->setText(region);
    m_creationDate->setText(created);
    m_region->setToolTip(result.ok() ? QString() : QString::fromStdString(result.errorMessage));
}
