#include "AttachEntitiesDialog.h"

#include "ConsoleStyle.h"
#include "WorkspaceDocument.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kKindRole = Qt::UserRole + 1;

} // namespace

AttachEntitiesDialog::AttachEntitiesDialog(const WorkspaceDocument &document, const QString &policyArn,
                                           QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("attachEntitiesDialog"));
    const QString name = QString::fromStdString(document.account().managedPolicyName(policyArn.toStdString()));
    setWindowTitle(tr("Attach %1").arg(name));
    createWidgets(name);
    fill(document, policyArn);
    updateAttachButton();
    connect(m_search, &QLineEdit::textChanged, this, &AttachEntitiesDialog::filter);
    connect(m_list, &QTreeWidget::itemChanged, this, &AttachEntitiesDialog::updateAttachButton);
}

QList<PolicyHolder> AttachEntitiesDialog::checkedEntities() const
{
    QList<PolicyHolder> checked;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            checked.append({PrincipalKind(item->data(0, kKindRole).toInt()), item->text(0), false});
    }
    return checked;
}

void AttachEntitiesDialog::createWidgets(const QString &policyName)
{
    auto *heading = new QLabel(tr("Attach %1").arg(policyName), this);
    heading->setObjectName(QStringLiteral("pageHeading"));
    auto *hint = new QLabel(tr("Choose the users, user groups and roles to attach this policy to."), this);
    hint->setProperty("class", QStringLiteral("muted"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("entitySearchEdit"));
    m_search->setPlaceholderText(tr("Filter entities by name"));
    m_search->setClearButtonEnabled(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("entityList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Entity name"), tr("Entity type")});
    m_list->setColumnWidth(0, 320);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_attachButton = buttons->addButton(tr("Attach policy"), QDialogButtonBox::AcceptRole);
    m_attachButton->setObjectName(QStringLiteral("attachPolicyButton"));
    ConsoleStyle::markPrimary(m_attachButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(600, 480);
}

// Entities that already attach the policy are left out: attaching again changes nothing.
void AttachEntitiesDialog::fill(const WorkspaceDocument &document, const QString &policyArn)
{
    const iam::Account &account = document.account();
    const std::string arn = policyArn.toStdString();
    const auto add = [&](PrincipalKind kind, const std::string &name, const std::vector<std::string> &attached) {
        if (std::find(attached.begin(), attached.end(), arn) != attached.end())
            return;
        auto *item = new QTreeWidgetItem(m_list, {QString::fromStdString(name), principalKindName(kind)});
        item->setData(0, kKindRole, int(kind));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
    };
    for (const iam::User &user : account.users())
        add(PrincipalKind::User, user.name, user.attachedPolicies);
    for (const iam::Group &group : account.groups())
        add(PrincipalKind::Group, group.name, group.attachedPolicies);
    for (const iam::Role &role : account.roles())
        add(PrincipalKind::Role, role.name, role.attachedPolicies);
}

void AttachEntitiesDialog::filter(const QString &text)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setHidden(!item->text(0).contains(text, Qt::CaseInsensitive));
    }
}

void AttachEntitiesDialog::updateAttachButton()
{
    m_attachButton->setEnabled(!checkedEntities().isEmpty());
}
