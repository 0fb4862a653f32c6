#include "InstanceDetailPage.h"

#include "ConsoleTime.h"
#include "InstanceActions.h"
#include "InstancesModel.h"
#include "LaunchDraft.h"
#include "Navigation.h"
#include "SummaryBox.h"
#include "WorkspaceDocument.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

const QString kNone = QStringLiteral("\u2013");

// The role's name as the console's link to its IAM page.
QString roleLink(const QString &role)
{
    return role.isEmpty() ? kNone : QStringLiteral("<a href=\"role:%1\">%2</a>").arg(role, role.toHtmlEscaped());
}

QString imageName(const std::string &imageId)
{
    for (const MachineImage &image : quickStartImages()) {
        if (image.id.toStdString() == imageId)
            return image.name;
    }
    return kNone;
}

} // namespace

InstanceDetailPage::InstanceDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &instanceId,
                                       QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_instanceId(instanceId)
    , m_actions(new InstanceActions(document, *this))
{
    setObjectName(QStringLiteral("instanceDetailPage"));
    createWidgets();
    connectSignals();
    m_actions->setInstanceId(instanceId);
    updateSummary();
}

bool InstanceDetailPage::exists(const WorkspaceDocument &document, const QString &instanceId)
{
    return document.account().findInstance(instanceId.toStdString()) != nullptr;
}

QList<Crumb> InstanceDetailPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("EC2"), {Page::Instances, {}}},
            {tr("Instances"), {Page::Instances, {}}},
            {m_instanceId, {Page::Instance, m_instanceId}}};
}

void InstanceDetailPage::createWidgets()
{
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_actions->instanceStateButton());
    actions->addWidget(m_actions->actionsButton());

    auto *summary = new SummaryBox(this);
    m_summaryId = summary->addField(QStringLiteral("summaryInstanceId"), tr("Instance ID"));
    m_summaryState = summary->addField(QStringLiteral("summaryState"), tr("Instance state"));
    m_summaryType = summary->addField(QStringLiteral("summaryType"), tr("Instance type"));
    m_summaryRole = summary->addField(QStringLiteral("summaryIamRole"), tr("IAM Role"));
    m_summaryImage = summary->addField(QStringLiteral("summaryAmiId"), tr("AMI ID"));
    m_summaryLaunch = summary->addField(QStringLiteral("summaryLaunchTime"), tr("Launch time"));
    m_summaryRole->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createDetailsTab(), tr("Details"));
    m_tabs->addTab(createSecurityTab(), tr("Security"));

    contentLayout()->addLayout(actions);
    contentLayout()->addWidget(summary);
    contentLayout()->addWidget(m_tabs, 1);
}

QLabel *InstanceDetailPage::addRow(QFormLayout *form, const QString &objectName, const QString &label)
{
    auto *value = new QLabel(form->parentWidget());
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *name = new QLabel(label, form->parentWidget());
    name->setProperty("class", QStringLiteral("muted"));
    form->addRow(name, value);
    return value;
}

QWidget *InstanceDetailPage::createDetailsTab()
{
    auto *tab = new QWidget(m_tabs);
    tab->setObjectName(QStringLiteral("detailsTab"));
    auto *form = new QFormLayout(tab);
    form->setContentsMargins(0, 12, 0, 0);
    m_detailsImage = addRow(form, QStringLiteral("detailsImageId"), tr("AMI ID"));
    m_detailsImageName = addRow(form, QStringLiteral("detailsImageName"), tr("AMI name"));
    m_detailsZone = addRow(form, QStringLiteral("detailsZone"), tr("Availability Zone"));
    return tab;
}

QWidget *InstanceDetailPage::createSecurityTab()
{
    auto *tab = new QWidget(m_tabs);
    tab->setObjectName(QStringLiteral("securityTab"));
    auto *heading = new QLabel(tr("Security details"), tab);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto *form = new QFormLayout;
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addStretch(1);
    // addRow() parents to the form's widget, which is the tab once the layout is set.
    m_securityRole = addRow(form, QStringLiteral("securityIamRole"), tr("IAM Role"));
    m_securityRole->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_securityProfileArn = addRow(form, QStringLiteral("securityInstanceProfileArn"), tr("Instance profile ARN"));
    m_securityOwner = addRow(form, QStringLiteral("securityOwnerId"), tr("Owner ID"));
    return tab;
}

void InstanceDetailPage::connectSignals()
{
    connect(m_summaryRole, &QLabel::linkActivated, this, &InstanceDetailPage::openLink);
    connect(m_securityRole, &QLabel::linkActivated, this, &InstanceDetailPage::openLink);
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &InstanceDetailPage::onEntityChanged);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &InstanceDetailPage::updateSummary);
}

void InstanceDetailPage::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    // The IAM role is read through the profile, which another page may change.
    if ((change.entity == Entity::Instance && change.name == m_instanceId.toStdString())
        || change.entity == Entity::InstanceProfile)
        updateSummary();
}

void InstanceDetailPage::updateSummary()
{
    const iam::Account &account = m_document.account();
    const iam::Ec2Instance *instance = account.findInstance(m_instanceId.toStdString());
    if (!instance) {
        setHeading(tr("Instance summary for %1").arg(m_instanceId));
        return;
    }
    setHeading(instance->name.empty()
                   ? tr("Instance summary for %1").arg(m_instanceId)
                   : tr("Instance summary for %1 (%2)").arg(m_instanceId, QString::fromStdString(instance->name)));
    const QString role = InstancesModel::iamRoleOf(account, *instance);
    m_summaryId->setText(m_instanceId);
    m_summaryState->setText(InstancesModel::stateText(instance->state));
    m_summaryType->setText(QString::fromStdString(instance->instanceType));
    m_summaryRole->setText(roleLink(role));
    m_summaryImage->setText(QString::fromStdString(instance->imageId));
    m_summaryLaunch->setText(instance->launchTime.empty() ? kNone : consoleDateTime(instance->launchTime));
    m_detailsImage->setText(QString::fromStdString(instance->imageId));
    m_detailsImageName->setText(imageName(instance->imageId));
    m_detailsZone->setText(QString::fromStdString(instance->region + "a"));
    m_securityRole->setText(roleLink(role));
    const iam::InstanceProfile *profile = account.findInstanceProfile(instance->instanceProfile);
    m_securityProfileArn->setText(profile ? QString::fromStdString(account.instanceProfileArn(*profile)) : kNone);
    m_securityOwner->setText(QString::fromStdString(account.accountId()));
}

void InstanceDetailPage::openLink(const QString &link)
{
    if (link.startsWith(QLatin1String("role:")))
        m_navigation.go(ConsoleLocation::Page::Role, link.mid(5));
}
