#include "PrincipalPermissionsPanel.h"

#include "AccountCommands.h"
#include "AddPermissionsDialog.h"
#include "ConsolePage.h"
#include "ConsoleStyle.h"
#include "InlinePolicyDialog.h"
#include "LinkItemDelegate.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PermissionsBoundaryDialog.h"
#include "PrincipalPoliciesModel.h"
#include "WorkspaceDocument.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

PrincipalPermissionsPanel::PrincipalPermissionsPanel(ConsolePage &page, WorkspaceDocument &document,
                                                     Navigation &navigation, PrincipalKind kind, const QString &name,
                                                     QWidget *parent)
    : QWidget(parent)
    , m_page(page)
    , m_document(document)
    , m_navigation(navigation)
    , m_kind(kind)
    , m_name(name)
    , m_model(new PrincipalPoliciesModel(document, kind, name, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("permissionsPanel"));
    createWidgets();
    connectSignals();
    updateHeading();
    updateButtons();
    updateBoundary();
}

void PrincipalPermissionsPanel::createWidgets()
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("policiesHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_heading->setFont(bold);
    auto *about = new QLabel(tr("You can attach up to 10 managed policies."), this);
    about->setProperty("class", QStringLiteral("muted"));

    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removePolicyButton"));
    m_inlineButton = new QPushButton(tr("Create inline policy"), this);
    m_inlineButton->setObjectName(QStringLiteral("createInlinePolicyButton"));
    m_addButton = new QPushButton(tr("Add permissions"), this);
    m_addButton->setObjectName(QStringLiteral("addPermissionsButton"));
    ConsoleStyle::markPrimary(m_addButton);

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("policiesSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search"));
    m_searchEdit->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("policiesTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);   // the account's order until a header is clicked
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(260);
    m_table->setItemDelegateForColumn(PrincipalPoliciesModel::NameColumn, new LinkItemDelegate(m_table));

    auto *top = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_heading);
    titles->addWidget(about);
    top->addLayout(titles, 1);
    top->addWidget(m_removeButton, 0, Qt::AlignTop);
    top->addWidget(m_inlineButton, 0, Qt::AlignTop);
    top->addWidget(m_addButton, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_table, 1);
    if (m_kind != PrincipalKind::Group)   // groups have no permissions boundary
        createBoundaryBox();
}

void PrincipalPermissionsPanel::createBoundaryBox()
{
    m_boundaryBox = new QGroupBox(this);
    m_boundaryBox->setObjectName(QStringLiteral("boundaryBox"));
    m_boundaryLabel = new QLabel(m_boundaryBox);
    m_boundaryLabel->setObjectName(QStringLiteral("boundaryLabel"));
    m_boundaryLabel->setWordWrap(true);
    m_boundaryLabel->setTextFormat(Qt::RichText);
    m_setBoundaryButton = new QPushButton(m_boundaryBox);
    m_setBoundaryButton->setObjectName(QStringLiteral("setBoundaryButton"));
    m_removeBoundaryButton = new QPushButton(tr("Remove boundary"), m_boundaryBox);
    m_removeBoundaryButton->setObjectName(QStringLiteral("removeBoundaryButton"));
    auto *row = new QHBoxLayout(m_boundaryBox);
    row->addWidget(m_boundaryLabel, 1);
    row->addWidget(m_removeBoundaryButton, 0, Qt::AlignTop);
    row->addWidget(m_setBoundaryButton, 0, Qt::AlignTop);
    layout()->addWidget(m_boundaryBox);
}

void PrincipalPermissionsPanel::connectSignals()
{
    connect(m_searchEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_addButton, &QPushButton::clicked, this, &PrincipalPermissionsPanel::addPermissions);
    connect(m_removeButton, &QPushButton::clicked, this, &PrincipalPermissionsPanel::removeSelected);
    connect(m_inlineButton, &QPushButton::clicked, this, &PrincipalPermissionsPanel::createInlinePolicy);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PrincipalPermissionsPanel::updateButtons);
    connect(m_table, &QAbstractItemView::activated, this, &PrincipalPermissionsPanel::open);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &PrincipalPermissionsPanel::updateHeading);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PrincipalPermissionsPanel::updateHeading);
    if (m_boundaryBox) {
        connect(m_setBoundaryButton, &QPushButton::clicked, this, &PrincipalPermissionsPanel::setBoundary);
        connect(m_removeBoundaryButton, &QPushButton::clicked, this, &PrincipalPermissionsPanel::removeBoundary);
        connect(&m_document, &WorkspaceDocument::entityChanged, this, &PrincipalPermissionsPanel::updateBoundary);
        connect(&m_document, &WorkspaceDocument::accountReplaced, this, &PrincipalPermissionsPanel::updateBoundary);
    }
}

void PrincipalPermissionsPanel::updateHeading()
{
    m_heading->setText(tr("Permissions policies (%1)").arg(m_model->rowCount()));
}

void PrincipalPermissionsPanel::updateButtons()
{
    const QModelIndex row = selectedRow();
    // A group's policy is removed on the group's page, not the member's.
    m_removeButton->setEnabled(row.isValid() && row.data(PrincipalPoliciesModel::ViaGroupRole).toString().isEmpty());
}

void PrincipalPermissionsPanel::updateBoundary()
{
    if (!m_boundaryBox)
        return;
    const QString arn = boundaryArn();
    const QString noun = kindNoun();
    m_boundaryBox->setTitle(arn.isEmpty() ? tr("Permissions boundary (not set)") : tr("Permissions boundary (set)"));
    m_boundaryLabel->setText(
        arn.isEmpty()
            ? tr("Set a permissions boundary to control the maximum permissions this %1 can have. "
                 "This is an advanced feature used to delegate permission management to others.").arg(noun)
            : tr("<b>%1</b> (%2)<br>The %3 can do no more than this policy allows.")
                  .arg(QString::fromStdString(m_document.account().managedPolicyName(arn.toStdString())).toHtmlEscaped(),
                       PrincipalPoliciesModel::managedPolicyType(arn), noun));
    m_setBoundaryButton->setText(arn.isEmpty() ? tr("Set permissions boundary") : tr("Change boundary"));
    m_removeBoundaryButton->setVisible(!arn.isEmpty());
}

void PrincipalPermissionsPanel::addPermissions()
{
    auto *dialog = new AddPermissionsDialog(m_document, m_name, attachedArns(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList arns = dialog->policyArns();
        if (arns.isEmpty())
            return;
        m_page.runCommand(attachPoliciesCommand(m_document, m_kind, m_name, arns),
                          arns.size() == 1 ? tr("Policy was successfully attached to %1.").arg(kindNoun())
                                           : tr("Policies were successfully attached to %1.").arg(kindNoun()),
                          arns.size() == 1 ? tr("Failed to attach policy") : tr("Failed to attach policies"));
    });
    dialog->open();
}

void PrincipalPermissionsPanel::removeSelected()
{
    const QModelIndex row = selectedRow();
    if (!row.isValid() || !row.data(PrincipalPoliciesModel::ViaGroupRole).toString().isEmpty())
        return;
    const QString policyName = row.data(PrincipalPoliciesModel::PolicyNameRole).toString();
    ApiCommand *command = row.data(PrincipalPoliciesModel::InlineRole).toBool()
        ? deleteInlinePolicyCommand(m_document, m_kind, m_name, policyName)
        : detachPolicyCommand(m_document, m_kind, m_name, row.data(PrincipalPoliciesModel::PolicyArnRole).toString());
    m_page.runCommand(command, tr("Policy was successfully removed from %1.").arg(kindNoun()),
                      tr("Failed to remove policy %1").arg(policyName));
}

void PrincipalPermissionsPanel::createInlinePolicy()
{
    editInlinePolicy({}, {});
}

void PrincipalPermissionsPanel::editInlinePolicy(const QString &policyName, const QString &document)
{
    auto *dialog = new InlinePolicyDialog(m_name, policyName, document, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool creating = policyName.isEmpty();
    connect(dialog, &InlinePolicyDialog::submitted, this, [this, dialog, creating] {
        const QString name = dialog->policyName();
        const bool done = m_page.runCommand(
            putInlinePolicyCommand(m_document, m_kind, m_name, name, dialog->document()),
            creating ? tr("Policy %1 was successfully created.").arg(name)
                     : tr("Policy %1 was successfully updated.").arg(name),
            creating ? tr("Failed to create policy %1").arg(name) : tr("Failed to update policy %1").arg(name));
        if (done) {
            dialog->accept();
            return;
        }
        // The learner fixes the JSON in the dialog: the error belongs there.
        dialog->showError(m_page.messageBar()->title(), m_page.messageBar()->text());
        m_page.messageBar()->dismiss();
    });
    dialog->open();
}

void PrincipalPermissionsPanel::setBoundary()
{
    auto *dialog = new PermissionsBoundaryDialog(m_document, m_name, boundaryArn(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString arn = dialog->policyArn();
        if (arn.isEmpty())
            return;
        m_page.runCommand(setPermissionsBoundaryCommand(m_document, m_kind, m_name, arn),
                          tr("Permissions boundary was successfully set."), tr("Failed to set permissions boundary"));
    });
    dialog->open();
}

void PrincipalPermissionsPanel::removeBoundary()
{
    if (boundaryArn().isEmpty())
        return;
    m_page.runCommand(removePermissionsBoundaryCommand(m_document, m_kind, m_name),
                      tr("Permissions boundary was successfully removed."), tr("Failed to remove permissions boundary"));
}

void PrincipalPermissionsPanel::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString group = index.data(PrincipalPoliciesModel::ViaGroupRole).toString();
    if (!index.data(PrincipalPoliciesModel::InlineRole).toBool())
        m_navigation.go(ConsoleLocation::Page::Policy, index.data(PrincipalPoliciesModel::PolicyArnRole).toString());
    else if (!group.isEmpty())
        m_navigation.go(ConsoleLocation::Page::Group, group);
    else {
        const QString name = index.data(PrincipalPoliciesModel::PolicyNameRole).toString();
        editInlinePolicy(name, inlineDocument(name));
    }
}

QStringList PrincipalPermissionsPanel::attachedArns() const
{
    QStringList arns;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(PrincipalPoliciesModel::ViaGroupRole).toString().isEmpty()
            && !index.data(PrincipalPoliciesModel::InlineRole).toBool())
            arns << index.data(PrincipalPoliciesModel::PolicyArnRole).toString();
    }
    return arns;
}

QString PrincipalPermissionsPanel::boundaryArn() const
{
    const iam::Account &account = m_document.account();
    const std::string name = m_name.toStdString();
    if (m_kind == PrincipalKind::User) {
        if (const iam::User *user = account.findUser(name))
            return QString::fromStdString(user->permissionsBoundary);
    } else if (m_kind == PrincipalKind::Role) {
        if (const iam::Role *role = account.findRole(name))
            return QString::fromStdString(role->permissionsBoundary);
    }
    return {};
}

QString PrincipalPermissionsPanel::inlineDocument(const QString &policyName) const
{
    const iam::Account &account = m_document.account();
    const std::string name = m_name.toStdString();
    const std::vector<iam::InlinePolicy> *policies = nullptr;
    if (m_kind == PrincipalKind::User) {
        if (const iam::User *user = account.findUser(name))
            policies = &user->inlinePolicies;
    } else if (m_kind == PrincipalKind::Role) {
        if (const iam::Role *role = account.findRole(name))
            policies = &role->inlinePolicies;
    } else if (const iam::Group *group = account.findGroup(name)) {
        policies = &group->inlinePolicies;
    }
    if (policies) {
        for (const iam::InlinePolicy &policy : *policies) {
            if (QString::fromStdString(policy.name) == policyName)
                return QString::fromStdString(policy.document);
        }
    }
    return {};
}

QString PrincipalPermissionsPanel::kindNoun() const
{
    switch (m_kind) {
    case PrincipalKind::User: return tr("user");
    case PrincipalKind::Group: return tr("user group");
    case PrincipalKind::Role: return tr("role");
    }
    return {};
}

QModelIndex PrincipalPermissionsPanel::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QModelIndex() : rows.front();
}
