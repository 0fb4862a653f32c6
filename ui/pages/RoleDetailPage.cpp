#include "RoleDetailPage.h"

#include "AccountCommands.h"
#include "ConsoleTime.h"
#include "DecisionsPanel.h"
#include "DeleteCommands.h"
#include "EditTrustPolicyDialog.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PolicyTextField.h"
#include "PrettyJson.h"
#include "PrincipalActivity.h"
#include "PrincipalPermissionsPanel.h"
#include "SummaryBox.h"
#include "TagsModel.h"
#include "WorkspaceDocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

RoleDetailPage::RoleDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &roleName,
                               QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_roleName(roleName)
{
    setObjectName(QStringLiteral("roleDetailPage"));
    setHeading(roleName);
    createWidgets();
    connectSignals();
    updateSummary();
}

bool RoleDetailPage::exists(const WorkspaceDocument &document, const QString &roleName)
{
    return document.account().findRole(roleName.toStdString()) != nullptr;
}

QList<Crumb> RoleDetailPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("IAM"), {Page::Dashboard, {}}}, {tr("Roles"), {Page::Roles, {}}}, {m_roleName, {Page::Role, m_roleName}}};
}

void RoleDetailPage::createWidgets()
{
    m_deleteButton = new QPushButton(tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteRoleButton"));
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_deleteButton);

    auto *summary = new SummaryBox(this);
    m_creationDate = summary->addField(QStringLiteral("summaryCreationDate"), tr("Creation date"));
    m_arn = summary->addField(QStringLiteral("summaryArn"), tr("ARN"));
    m_lastActivity = summary->addField(QStringLiteral("summaryLastActivity"), tr("Last activity"));
    m_description = summary->addField(QStringLiteral("summaryDescription"), tr("Description"));
    m_instanceProfileArn = summary->addField(QStringLiteral("summaryInstanceProfileArn"), tr("Instance profile ARN"));
    m_maxSession = summary->addField(QStringLiteral("summaryMaxSession"), tr("Maximum session duration"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_permissions = new PrincipalPermissionsPanel(*this, m_document, m_navigation, PrincipalKind::Role, m_roleName, m_tabs);
    m_tabs->addTab(m_permissions, tr("Permissions"));
    m_tabs->addTab(createTrustTab(), tr("Trust relationships"));
    m_tabs->addTab(createTagsTab(), tr("Tags"));
    // What this role may do, decided live by the engine as its policies change.
    auto *decisions = new DecisionsPanel(m_document, m_tabs);
    decisions->setPrincipal(PrincipalKind::Role, m_roleName);
    decisions->setPrincipalChooserVisible(false);
    m_tabs->addTab(decisions, tr("Access decisions"));

    contentLayout()->addLayout(actions);
    contentLayout()->addWidget(summary);
    contentLayout()->addWidget(m_tabs, 1);
}

QWidget *RoleDetailPage::createTrustTab()
{
    auto *tab = new QWidget(m_tabs);
    tab->setObjectName(QStringLiteral("trustTab"));
    auto *heading = new QLabel(tr("Trusted entities"), tab);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto *about = new QLabel(tr("Entities that can assume this role under specified conditions."), tab);
    about->setProperty("class", QStringLiteral("muted"));
    m_editTrustButton = new QPushButton(tr("Edit trust policy"), tab);
    m_editTrustButton->setObjectName(QStringLiteral("editTrustPolicyButton"));
    m_trustView = new PolicyTextField(tab);
    m_trustView->setObjectName(QStringLiteral("trustPolicyView"));
    m_trustView->setReadOnly(true);

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(heading);
    titles->addWidget(about);
    top->addLayout(titles, 1);
    top->addWidget(m_editTrustButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_trustView, 1);
    return tab;
}

QWidget *RoleDetailPage::createTagsTab()
{
    auto *tab = new QWidget(m_tabs);
    auto *about = new QLabel(tr("Tags are key-value pairs that you can add to AWS resources to help identify, "
                                "organize, or search for resources."), tab);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));
    m_tagsTable = new QTableView(tab);
    m_tagsTable->setObjectName(QStringLiteral("tagsTable"));
    m_tagsTable->setModel(new TagsModel(m_document, PrincipalKind::Role, m_roleName, m_tagsTable));
    m_tagsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tagsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tagsTable->verticalHeader()->hide();
    m_tagsTable->horizontalHeader()->setStretchLastSection(true);
    m_tagsTable->horizontalHeader()->setDefaultSectionSize(260);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(about);
    layout->addWidget(m_tagsTable, 1);
    return tab;
}

void RoleDetailPage::connectSignals()
{
    connect(m_editTrustButton, &QPushButton::clicked, this, &RoleDetailPage::editTrustPolicy);
    connect(m_deleteButton, &QPushButton::clicked, this, &RoleDetailPage::deleteRole);
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &RoleDetailPage::onEntityChanged);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &RoleDetailPage::updateSummary);
}

void RoleDetailPage::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    // The summary shows the role, its instance profile, and its sessions' last call.
    if ((change.entity == Entity::Role && change.name == m_roleName.toStdString())
        || change.entity == Entity::InstanceProfile || change.entity == Entity::Event)
        updateSummary();
}

void RoleDetailPage::updateSummary()
{
    const iam::Account &account = m_document.account();
    const iam::Role *role = account.findRole(m_roleName.toStdString());
    m_editTrustButton->setEnabled(role);
    m_deleteButton->setEnabled(role);
    if (!role)
        return;
    m_creationDate->setText(consoleDateTime(role->createDate));
    m_arn->setText(QString::fromStdString(account.roleArn(*role)));
    QString profileArn;
    for (const iam::InstanceProfile &profile : account.instanceProfiles()) {
        if (profile.role == role->name)
            profileArn = QString::fromStdString(account.instanceProfileArn(profile));
    }
    m_instanceProfileArn->setText(profileArn.isEmpty() ? QStringLiteral("-") : profileArn);
    m_lastActivity->setText(lastActivityText(account, lastRoleActivity(account, *role)));
    m_maxSession->setText(sessionDurationText(role->maxSessionDuration));
    m_description->setText(role->description.empty() ? QStringLiteral("-") : QString::fromStdString(role->description));
    const QString trust = prettyJson(QString::fromStdString(role->trustPolicy));
    if (m_trustView->text() != trust)
        m_trustView->setText(trust);
}

void RoleDetailPage::editTrustPolicy()
{
    const iam::Role *role = m_document.account().findRole(m_roleName.toStdString());
    if (!role)
        return;
    auto *dialog = new EditTrustPolicyDialog(m_roleName, QString::fromStdString(role->trustPolicy), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EditTrustPolicyDialog::submitted, this, [this, dialog] {
        if (runCommand(updateTrustPolicyCommand(m_document, m_roleName, dialog->document()),
                       tr("Trust policy updated."), tr("Failed to update trust policy"))) {
            dialog->accept();
            return;
        }
        // The learner fixes the policy in the dialog: the error belongs there.
        dialog->showError(messageBar()->title(), messageBar()->text());
        messageBar()->dismiss();
    });
    dialog->open();
}

void RoleDetailPage::deleteRole()
{
    // IAM refuses while policies or an instance profile hold the role (DeleteConflict):
    // the flash says what to remove first. Undo brings a deleted role back.
    if (runCommand(deleteRoleCommand(m_document, m_roleName), {}, tr("Failed to delete role %1").arg(m_roleName)))
        m_navigation.go(ConsoleLocation::Page::Roles);
}
