#include "BucketObjectPage.h"

#include "S3ConsoleText.h"
#include "S3ErrorPanel.h"
#include "SummaryBox.h"
#include "WorkspaceDocument.h"

#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStringDecoder>
#include <QVBoxLayout>

BucketObjectPage::BucketObjectPage(WorkspaceDocument &document, Navigation &navigation, const QString &key,
                                   QWidget *parent)
    : ConsolePage(document, navigation, parent)
{
    setObjectName(QStringLiteral("bucketObjectPage"));
    S3ConsoleText::splitObjectKey(key, &m_bucket, &m_key);
    setHeading(m_key.section(QLatin1Char('/'), -1));
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    createWidgets();
    connect(&m_refreshTimer, &QTimer::timeout, this, &BucketObjectPage::refresh);
    connect(&document, &WorkspaceDocument::entityChanged, this, &BucketObjectPage::onEntityChanged);
    connect(&document, &WorkspaceDocument::signedInChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&document, &WorkspaceDocument::accountReplaced, &m_refreshTimer, qOverload<>(&QTimer::start));
    refresh();
}

bool BucketObjectPage::exists(const WorkspaceDocument &document, const QString &key)
{
    QString bucket;
    QString objectKey;
    if (!S3ConsoleText::splitObjectKey(key, &bucket, &objectKey))
        return false;
    const iam::S3Bucket *found = document.account().findBucket(bucket.toStdString());
    if (!found)
        return false;
    for (const iam::S3Object &object : found->objects) {
        if (object.key == objectKey.toStdString())
            return true;
    }
    return false;
}

QList<Crumb> BucketObjectPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    QList<Crumb> crumbs = {{tr("Amazon S3"), {Page::Buckets, {}}}, {tr("Buckets"), {Page::Buckets, {}}},
                           {m_bucket, {Page::Bucket, m_bucket}}};
    // Each folder of the key opens the bucket's Objects tab in that folder.
    const QStringList parts = m_key.split(QLatin1Char('/'));
    QString prefix;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        prefix += parts[i] + QLatin1Char('/');
        crumbs.append({parts[i] + QLatin1Char('/'), {Page::Bucket, m_bucket + QLatin1Char('/') + prefix}});
    }
    crumbs.append({parts.back(), {Page::BucketObject, m_bucket + QLatin1Char('/') + m_key}});
    return crumbs;
}

void BucketObjectPage::createWidgets()
{
    auto *overview = new SummaryBox(this);
    overview->setTitle(tr("Object overview"));
    QLabel *owner = overview->addField(QStringLiteral("overviewOwner"), tr("Owner"));
    QLabel *region = overview->addField(QStringLiteral("overviewRegion"), tr("AWS Region"));
    m_lastModified = overview->addField(QStringLiteral("overviewLastModified"), tr("Last modified"));
    m_size = overview->addField(QStringLiteral("overviewSize"), tr("Size"));
    QLabel *type = overview->addField(QStringLiteral("overviewType"), tr("Type"));
    QLabel *key = overview->addField(QStringLiteral("overviewKey"), tr("Key"));
    QLabel *uri = overview->addField(QStringLiteral("overviewS3Uri"), tr("S3 URI"));
    QLabel *arn = overview->addField(QStringLiteral("overviewArn"), tr("Amazon Resource Name (ARN)"));
    m_etag = overview->addField(QStringLiteral("overviewEtag"), tr("Entity tag (Etag)"));
    QLabel *url = overview->addField(QStringLiteral("overviewObjectUrl"), tr("Object URL"));

    // The bucket belongs to the account the console is signed in to: its owner and
    // Region are the account's, not something S3 could refuse to say.
    const iam::Account &account = m_document.account();
    owner->setText(QString::fromStdString(account.alias().empty() ? account.accountId() : account.alias()));
    const iam::S3Bucket *bucket = account.findBucket(m_bucket.toStdString());
    region->setText(bucket ? S3ConsoleText::regionText(QString::fromStdString(bucket->region)) : QStringLiteral("-"));
    type->setText(S3ConsoleText::objectType(m_key));
    key->setText(m_key);
    uri->setText(S3ConsoleText::s3Uri(m_bucket, m_key));
    arn->setText(S3ConsoleText::objectArn(m_bucket, m_key));
    url->setText(S3ConsoleText::objectUrl(m_bucket, m_key));

    auto *previewBox = new QGroupBox(tr("Preview"), this);
    m_preview = new QPlainTextEdit(previewBox);
    m_preview->setObjectName(QStringLiteral("previewText"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_noPreview = new QLabel(tr("Preview isn't available for this object."), previewBox);
    m_noPreview->setObjectName(QStringLiteral("noPreviewLabel"));
    m_noPreview->hide();
    m_errorPanel = new S3ErrorPanel(previewBox);
    m_errorPanel->setObjectName(QStringLiteral("previewErrorPanel"));
    m_errorPanel->hide();
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_errorPanel);
    previewLayout->addWidget(m_noPreview);
    previewLayout->addWidget(m_preview, 1);

    contentLayout()->addWidget(overview);
    contentLayout()->addWidget(previewBox, 1);
}

void BucketObjectPage::refresh()
{
    m_refreshTimer.stop();
    const iam::CallResult result =
        m_document.call("s3", "GetObject", {{"Bucket", m_bucket.toStdString()}, {"Key", m_key.toStdString()}});
    const QString dash = QStringLiteral("-");
    if (!result.ok()) {
        m_lastModified->setText(dash);
        m_size->setText(dash);
        m_etag->setText(dash);
        m_preview->hide();
        m_noPreview->hide();
        const bool denied = result.errorCode == "AccessDenied";
        m_errorPanel->showError(denied ? tr("Insufficient permissions to read the object")
                                       : tr("Failed to read the object"),
                                denied ? tr("After you or your AWS administrator has updated your permissions to "
                                            "allow the s3:GetObject action, refresh the page.")
                                       : QString(),
                                QString::fromStdString(result.errorMessage));
        return;
    }
    m_errorPanel->hide();
    const nlohmann::json &response = result.response;
    m_lastModified->setText(S3ConsoleText::dateText(response.value("LastModified", std::string())));
    m_size->setText(S3ConsoleText::sizeText(response.value("ContentLength", qint64(0))));
    // S3 quotes the ETag; the console shows the hex digits alone.
    m_etag->setText(QString::fromStdString(response.value("ETag", std::string())).remove(QLatin1Char('"')));

    const std::string body = response.value("Body", std::string());
    auto decode = QStringDecoder(QStringDecoder::Utf8);
    const QString text = decode(QByteArrayView(body.data(), qsizetype(body.size())));
    const bool isText = !decode.hasError() && !text.contains(QChar(0));
    m_preview->setVisible(isText);
    m_noPreview->setVisible(!isText);
    if (isText && m_preview->toPlainText() != text)
        m_preview->setPlainText(text);
}

void BucketObjectPage::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    const bool iamChange = change.entity == Entity::User || change.entity == Entity::Group
        || change.entity == Entity::Role || change.entity == Entity::Policy;
    if ((change.entity == Entity::Bucket && QString::fromStdString(change.name) == m_bucket)
        || change.entity == Entity::Account
        || (iamChange && m_document.signedIn().kind != iam::CallerIdentity::Kind::Root))
        m_refreshTimer.start();
}
