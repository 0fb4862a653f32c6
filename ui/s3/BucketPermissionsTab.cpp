#include "BucketPermissionsTab.h"

#include "ConsolePage.h"
#include "DeleteBucketPolicyDialog.h"
#include "EditBucketPolicyDialog.h"
#include "MessageBar.h"
#include "PolicyEditor.h"
#include "PrettyJson.h"
#include "S3Commands.h"
#include "S3ErrorPanel.h"
#include "WorkspaceDocument.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

BucketPermissionsTab::BucketPermissionsTab(ConsolePage &page, WorkspaceDocument &document, const QString &bucket,
                                           QWidget *parent)
    : QWidget(parent)
    , m_page(page)
    , m_document(document)
    , m_bucket(bucket)
{
    setObjectName(QStringLiteral("permissionsTab"));
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    createWidgets();
    connectSignals();
    refresh();
}

void BucketPermissionsTab::refresh()
{
    m_refreshTimer.stop();
    const iam::CallResult result = m_document.call("s3", "GetBucketPolicy", {{"Bucket", m_bucket.toStdString()}});
    const bool none = result.errorCode == "NoSuchBucketPolicy";
    m_policy = result.ok() ? QString::fromStdString(result.response.value("Policy", std::string())) : QString();
    if (result.ok()) {
        const QString shown = prettyJson(m_policy);
        if (m_view->text() != shown)
            m_view->setText(shown);
    }
    m_view->setVisible(result.ok());
    m_noPolicy->setVisible(none);
    m_deleteButton->setEnabled(result.ok());
    if (result.ok() || none) {
        m_errorPanel->hide();
    } else {
        const bool denied = result.errorCode == "AccessDenied";
        m_errorPanel->showError(denied ? tr("Insufficient permissions to view the bucket policy")
                                       : tr("Failed to get the bucket policy"),
                                denied ? tr("After you or your AWS administrator has updated your permissions to "
                                            "allow the s3:GetBucketPolicy action, refresh the page.")
                                       : QString(),
                                QString::fromStdString(result.errorMessage));
    }
}

void BucketPermissionsTab::editPolicy()
{
    auto *dialog = new EditBucketPolicyDialog(m_document, m_bucket, m_policy, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EditBucketPolicyDialog::saved, this,
            [this] { m_page.messageBar()->showSuccess(tr("Successfully edited bucket policy.")); });
    dialog->open();
}

void BucketPermissionsTab::deletePolicy()
{
    auto *dialog = new DeleteBucketPolicyDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_page.runCommand(deleteBucketPolicyCommand(m_document, m_bucket), tr("Successfully deleted bucket policy."),
                          tr("Failed to delete bucket policy"));
    });
    dialog->open();
}

void BucketPermissionsTab::createWidgets()
{
    auto *heading = new QLabel(tr("Bucket policy"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto *about = new QLabel(tr("The bucket policy, written in JSON, provides access to the objects stored in the "
                                "bucket. Bucket policies don't apply to objects owned by other accounts."),
                             this);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));
    m_editButton = new QPushButton(tr("Edit"), this);
    m_editButton->setObjectName(QStringLiteral("editPolicyButton"));
    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deletePolicyButton"));

    m_view = new PolicyEditor(this);
    m_view->setObjectName(QStringLiteral("bucketPolicyView"));
    m_view->setPolicyType(iam::PolicyType::Resource);
    m_view->setReadOnly(true);
    m_noPolicy = new QLabel(tr("No policy to display."), this);
    m_noPolicy->setObjectName(QStringLiteral("noPolicyLabel"));
    m_noPolicy->setAlignment(Qt::AlignCenter);
    m_errorPanel = new S3ErrorPanel(this);
    m_errorPanel->setObjectName(QStringLiteral("policyErrorPanel"));
    m_errorPanel->hide();

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(heading);
    titles->addWidget(about);
    top->addLayout(titles, 1);
    top->addWidget(m_editButton, 0, Qt::AlignTop);
    top->addWidget(m_deleteButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_errorPanel);
    layout->addWidget(m_noPolicy);
    layout->addWidget(m_view, 1);
    // Takes the room the policy leaves when there is none to show (no share while it shows).
    layout->addStretch(0);
}

void BucketPermissionsTab::connectSignals()
{
    connect(&m_refreshTimer, &QTimer::timeout, this, &BucketPermissionsTab::refresh);
    connect(m_editButton, &QPushButton::clicked, this, &BucketPermissionsTab::editPolicy);
    connect(m_deleteButton, &QPushButton::clicked, this, &BucketPermissionsTab::deletePolicy);
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &BucketPermissionsTab::onEntityChanged);
    connect(&m_document, &WorkspaceDocument::signedInChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(&m_document, &WorkspaceDocument::accountReplaced, &m_refreshTimer, qOverload<>(&QTimer::start));
}

void BucketPermissionsTab::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    const bool iamChange = change.entity == Entity::User || change.entity == Entity::Group
        || change.entity == Entity::Role || change.entity == Entity::Policy;
    if ((change.entity == Entity::Bucket && QString::fromStdString(change.name) == m_bucket)
        || change.entity == Entity::Account
        || (iamChange && m_document.signedIn().kind != iam::CallerIdentity::Kind::Root))
        m_refreshTimer.start();
}
