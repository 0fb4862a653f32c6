#include "PolicyDetailPage.h"

#include "AccountCommands.h"
#include "AttachEntitiesDialog.h"
#include "ConsoleTime.h"
#include "EditPolicyDialog.h"
#include "LinkItemDelegate.h"
#include "ManagedPolicyCatalog.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PoliciesModel.h"
#include "PolicyCommands.h"
#include "PolicyEntitiesModel.h"
#include "PolicyPermissionsPanel.h"
#include "PolicyVersionsModel.h"
#include "PrettyJson.h"
#include "WorkspaceDocument.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setShowGrid(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultSectionSize(240);
    return view;
}

QLabel *makeValue(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

PolicyDetailPage::PolicyDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &policyArn,
                                   QWidget *parent)
    : ConsolePage(document, navigation, parent)
    , m_arn(policyArn)
    , m_entities(new PolicyEntitiesModel(document, policyArn, this))
    , m_versions(new PolicyVersionsModel(document, policyArn, this))
{
    setObjectName(QStringLiteral("policyDetailPage"));
    createWidgets();
    connectSignals();
    showPolicy();
    updateButtons();
}

bool PolicyDetailPage::exists(const WorkspaceDocument &document, const QString &policyArn)
{
    return document.account().managedPolicyExists(policyArn.toStdString());
}

QList<Crumb> PolicyDetailPage::crumbs() const
{
    using Page = ConsoleLocation::Page;
    return {{tr("IAM"), {Page::Dashboard, {}}},
            {tr("Policies"), {Page::Policies, {}}},
            {policyName(), {Page::Policy, m_arn}}};
}

void PolicyDetailPage::createWidgets()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_permissions = new PolicyPermissionsPanel(m_document.catalogs().services, m_tabs);
    m_permissions->setEditable(isCustomerManaged());
    m_tabs->addTab(m_permissions, tr("Permissions"));
    m_tabs->addTab(createEntitiesTab(), tr("Entities attached"));
    m_tabs->addTab(createVersionsTab(), tr("Policy versions"));
    contentLayout()->addWidget(createDetails());
    contentLayout()->addWidget(m_tabs, 1);
}

QWidget *PolicyDetailPage::createDetails()
{
    auto *box = new QGroupBox(tr("Policy details"), this);
    m_type = makeValue(QStringLiteral("typeValue"), box);
    m_created = makeValue(QStringLiteral("createdValue"), box);
    m_edited = makeValue(QStringLiteral("editedValue"), box);
    m_arnLabel = makeValue(QStringLiteral("arnValue"), box);
    m_description = makeValue(QStringLiteral("descriptionValue"), box);
    auto *left = new QFormLayout;
    left->addRow(tr("Type"), m_type);
    left->addRow(tr("Creation time"), m_created);
    left->addRow(tr("Edited time"), m_edited);
    auto *right = new QFormLayout;
    right->addRow(tr("ARN"), m_arnLabel);
    right->addRow(tr("Description"), m_description);
    auto *layout = new QHBoxLayout(box);
    layout->addLayout(left, 1);
    layout->addLayout(right, 2);
    return box;
}

QWidget *PolicyDetailPage::createEntitiesTab()
{
    auto *tab = new QWidget(this);
    m_attachButton = new QPushButton(tr("Attach"), tab);
    m_attachButton->setObjectName(QStringLiteral("attachButton"));
    m_detachButton = new QPushButton(tr("Detach"), tab);
    m_detachButton->setObjectName(QStringLiteral("detachButton"));
    m_entitiesView = makeTable(QStringLiteral("entitiesTable"), m_entities, tab);
    m_entitiesView->setItemDelegateForColumn(PolicyEntitiesModel::NameColumn, new LinkItemDelegate(m_entitiesView));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("An entity is an IAM user, group, or role that uses this policy."), tab), 1);
    bar->addWidget(m_detachButton);
    bar->addWidget(m_attachButton);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_entitiesView, 1);
    return tab;
}

QWidget *PolicyDetailPage::createVersionsTab()
{
    auto *tab = new QWidget(this);
    m_setDefaultButton = new QPushButton(tr("Set as default"), tab);
    m_setDefaultButton->setObjectName(QStringLiteral("setDefaultButton"));
    m_setDefaultButton->setVisible(isCustomerManaged());
    m_versionsView = makeTable(QStringLiteral("versionsTable"), m_versions, tab);
    m_versionsView->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("The default version defines the permissions of the policy."), tab), 1);
    bar->addWidget(m_setDefaultButton);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_versionsView, 1);
    return tab;
}

void PolicyDetailPage::connectSignals()
{
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &PolicyDetailPage::onEntityChanged);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, &PolicyDetailPage::leaveIfGone);
    connect(m_permissions, &PolicyPermissionsPanel::editRequested, this, &PolicyDetailPage::editPolicy);
    connect(m_attachButton, &QPushButton::clicked, this, &PolicyDetailPage::attachEntities);
    connect(m_detachButton, &QPushButton::clicked, this, &PolicyDetailPage::detachSelected);
    connect(m_setDefaultButton, &QPushButton::clicked, this, &PolicyDetailPage::setDefaultVersion);
    connect(m_entitiesView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == PolicyEntitiesModel::NameColumn)
            openEntity(index.row());
    });
    connect(m_entitiesView, &QTableView::activated, this, [this](const QModelIndex &index) { openEntity(index.row()); });
    for (QTableView *view : {m_entitiesView, m_versionsView}) {
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PolicyDetailPage::updateButtons);
        connect(view->model(), &QAbstractItemModel::rowsRemoved, this, &PolicyDetailPage::updateButtons);
        connect(view->model(), &QAbstractItemModel::dataChanged, this, &PolicyDetailPage::updateButtons);
    }
}

void PolicyDetailPage::showPolicy()
{
    const iam::Account &account = m_document.account();
    const std::string arn = m_arn.toStdString();
    std::string path = "/";
    std::string created;
    std::string edited;
    std::string description;
    if (const iam::ManagedPolicy *policy = account.findPolicy(arn)) {
        path = policy->path;
        created = policy->createDate;
        description = policy->description;
        for (const iam::PolicyVersion &version : policy->versions)
            if (version.versionId == policy->defaultVersionId)
                edited = version.createDate;
    } else if (const iam::ManagedPolicyCatalog *catalog = m_document.catalogs().managedPolicies) {
        if (const iam::CatalogManagedPolicy *policy = catalog->findByArn(arn)) {
            path = policy->path;
            created = policy->createDate;
            edited = policy->updateDate;
            description = policy->description;
        }
    }
    setHeading(policyName());
    m_type->setText(PoliciesModel::typeName(PoliciesModel::typeOf(arn, path)));
    m_created->setText(created.empty() ? QStringLiteral("-") : consoleDateTime(created));
    m_edited->setText(edited.empty() ? QStringLiteral("-") : consoleDateTime(edited));
    m_arnLabel->setText(m_arn);
    m_description->setText(description.empty() ? QStringLiteral("-") : QString::fromStdString(description));
    m_permissions->setDocument(documentText());
}

void PolicyDetailPage::onEntityChanged(const iam::AccountChange &change)
{
    using Entity = iam::AccountChange::Entity;
    using Kind = iam::AccountChange::Kind;
    if (change.entity == Entity::Account && change.kind == Kind::Reset) {
        leaveIfGone();
        return;
    }
    if (change.entity != Entity::Policy || change.name != m_arn.toStdString())
        return;
    if (change.kind == Kind::Removed)
        leaveIfGone();
    else
        showPolicy();
}

// The policy was deleted (or its creation undone): back to the list, once the
// change that removed it has been handled everywhere.
void PolicyDetailPage::leaveIfGone()
{
    if (exists(m_document, m_arn)) {
        showPolicy();
        return;
    }
    QMetaObject::invokeMethod(this, [this] { m_navigation.go(ConsoleLocation::Page::Policies); }, Qt::QueuedConnection);
}

void PolicyDetailPage::openEntity(int row)
{
    using Page = ConsoleLocation::Page;
    const PolicyEntitiesModel::Entity entity = m_entities->entityAt(row);
    if (entity.name.isEmpty())
        return;
    switch (entity.kind) {
    case PrincipalKind::User: m_navigation.go(Page::User, entity.name); break;
    case PrincipalKind::Group: m_navigation.go(Page::Group, entity.name); break;
    case PrincipalKind::Role: m_navigation.go(Page::Role, entity.name); break;
    }
}

void PolicyDetailPage::updateButtons()
{
    m_detachButton->setEnabled(m_entitiesView->selectionModel()->hasSelection());
    const QModelIndexList versions = m_versionsView->selectionModel()->selectedRows();
    m_setDefaultButton->setEnabled(!versions.isEmpty() && !m_versions->isDefaultAt(versions.front().row()));
}

void PolicyDetailPage::editPolicy()
{
    auto *dialog = new EditPolicyDialog(policyName(), documentText(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EditPolicyDialog::saveRequested, this, [this, dialog] {
        const QString name = policyName();
        if (runCommand(createPolicyVersionCommand(m_document, m_arn, dialog->text()), tr("Policy %1 updated.").arg(name),
                       tr("Failed to update policy %1").arg(name)))
            dialog->accept();
        else
            dialog->showError(messageBar()->title(), messageBar()->text());
    });
    dialog->open();
}

void PolicyDetailPage::attachEntities()
{
    auto *dialog = new AttachEntitiesDialog(m_document, m_arn, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<PolicyHolder> holders = dialog->checkedEntities();
        if (!holders.isEmpty())
            runCommand(attachPolicyToEntitiesCommand(m_document, m_arn, holders),
                       tr("Policy %1 attached.").arg(policyName()), tr("Failed to attach policy %1").arg(policyName()));
    });
    dialog->open();
}

void PolicyDetailPage::detachSelected()
{
    QList<PolicyHolder> holders;
    for (const QModelIndex &row : m_entitiesView->selectionModel()->selectedRows()) {
        const PolicyEntitiesModel::Entity entity = m_entities->entityAt(row.row());
        holders.append({entity.kind, entity.name, entity.boundary});
    }
    if (holders.isEmpty())
        return;
    runCommand(detachPolicyFromEntitiesCommand(m_document, m_arn, holders), tr("Policy %1 detached.").arg(policyName()),
               tr("Failed to detach policy %1").arg(policyName()));
}

void PolicyDetailPage::setDefaultVersion()
{
    const QModelIndexList rows = m_versionsView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString versionId = m_versions->versionIdAt(rows.front().row());
    runCommand(setDefaultPolicyVersionCommand(m_document, m_arn, versionId),
               tr("Version %1 of %2 is now the default.").arg(versionId, policyName()),
               tr("Failed to set the default version of %1").arg(policyName()));
}

bool PolicyDetailPage::isCustomerManaged() const
{
    return m_document.account().findPolicy(m_arn.toStdString()) != nullptr;
}

QString PolicyDetailPage::policyName() const
{
    const std::string name = m_document.account().managedPolicyName(m_arn.toStdString());
    return name.empty() ? m_arn.section(QLatin1Char('/'), -1) : QString::fromStdString(name);
}

// AWS-managed documents come indented from the catalog in AWS's member order;
// customer-managed ones as written, re-indented by four spaces.
QString PolicyDetailPage::documentText() const
{
    const std::string arn = m_arn.toStdString();
    if (!isCustomerManaged()) {
        if (const iam::ManagedPolicyCatalog *catalog = m_document.catalogs().managedPolicies) {
            const std::string text = catalog->documentText(arn, 4);
            if (!text.empty())
                return QString::fromStdString(text);
        }
    }
    const std::optional<std::string> document = m_document.account().managedPolicyDocument(arn);
    return document ? prettyJson(QString::fromStdString(*document), 4) : QString();
}
