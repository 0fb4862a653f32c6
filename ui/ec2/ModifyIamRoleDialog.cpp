#include "ModifyIamRoleDialog.h"

#include "ConfirmActionDialog.h"
#include "ConsoleStyle.h"
#include "CreateRoleWizard.h"
#include "InstanceProfileChoices.h"
#include "MessageBar.h"
#include "WorkspaceDocument.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setProperty("class", QStringLiteral("muted"));
    return label;
}

} // namespace

ModifyIamRoleDialog::ModifyIamRoleDialog(WorkspaceDocument &document, const QString &instanceId, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_instanceId(instanceId)
    , m_choices(new InstanceProfileChoices(document, tr("No IAM Role"), this))
{
    setObjectName(QStringLiteral("modifyIamRoleDialog"));
    setWindowTitle(tr("Modify IAM role"));
    createWidgets();
    connectSignals();
    const iam::Ec2Instance *instance = m_document.account().findInstance(m_instanceId.toStdString());
    chooseProfile(instance ? QString::fromStdString(instance->instanceProfile) : QString());
    updateButtons();
}

QString ModifyIamRoleDialog::chosenProfile() const
{
    return m_choices->profileAt(m_combo->currentIndex());
}

void ModifyIamRoleDialog::chooseProfile(const QString &profileName)
{
    const int row = m_choices->rowOfProfile(profileName);
    m_combo->setCurrentIndex(row < 0 ? 0 : row);
}

IamRolePlan ModifyIamRoleDialog::plan() const
{
    return planIamRoleChange(m_document.account(), m_instanceId, chosenProfile());
}

void ModifyIamRoleDialog::createWidgets()
{
    auto *heading = new QLabel(tr("Modify IAM role"), this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    QFont big = heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    heading->setFont(big);
    auto *about = mutedLabel(tr("Attach an IAM role to your instance."), this);
    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("dialogMessageBar"));

    const iam::Ec2Instance *instance = m_document.account().findInstance(m_instanceId.toStdString());
    QString idText = m_instanceId;
    if (instance && !instance->name.empty())
        idText += QStringLiteral(" (%1)").arg(QString::fromStdString(instance->name));
    m_instanceLabel = new QLabel(idText, this);
    m_instanceLabel->setObjectName(QStringLiteral("instanceIdLabel"));
    m_instanceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("iamRoleCombo"));
    m_combo->setModel(m_choices);
    m_combo->setMinimumWidth(320);
    m_refreshButton = new QToolButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setText(QStringLiteral("\u21bb"));
    m_refreshButton->setToolTip(tr("Refresh"));
    m_createRoleButton = new QPushButton(tr("Create new IAM role"), this);
    m_createRoleButton->setObjectName(QStringLiteral("createRoleButton"));
    auto *roleRow = new QHBoxLayout;
    roleRow->addWidget(m_combo, 1);
    roleRow->addWidget(m_refreshButton);
    roleRow->addWidget(m_createRoleButton);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    m_updateButton = buttons->addButton(tr("Update IAM role"), QDialogButtonBox::ActionRole);
    m_updateButton->setObjectName(QStringLiteral("updateIamRoleButton"));
    ConsoleStyle::markPrimary(m_updateButton);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(about);
    layout->addWidget(m_messageBar);
    layout->addSpacing(8);
    layout->addWidget(boldLabel(tr("Instance ID"), this));
    layout->addWidget(m_instanceLabel);
    layout->addSpacing(8);
    layout->addWidget(boldLabel(tr("IAM role"), this));
    layout->addWidget(mutedLabel(tr("Select an IAM role to attach to your instance or create a new role if you "
                                    "haven't created any. The role you select replaces any roles that are "
                                    "currently attached to your instance."),
                                 this));
    layout->addLayout(roleRow);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(640, 360);
}

void ModifyIamRoleDialog::connectSignals()
{
    connect(m_combo, &QComboBox::currentIndexChanged, this, &ModifyIamRoleDialog::updateButtons);
    connect(m_updateButton, &QPushButton::clicked, this, &ModifyIamRoleDialog::update);
    connect(m_createRoleButton, &QPushButton::clicked, this, &ModifyIamRoleDialog::createRole);
    // The list follows the account as it changes; refresh keeps the choice and
    // clears a stale error, as the console's button re-reads the list.
    connect(m_refreshButton, &QToolButton::clicked, this, [this] {
        const QString chosen = chosenProfile();
        m_choices->refresh();
        chooseProfile(chosen);
        m_messageBar->dismiss();
    });
    connect(&m_document, &WorkspaceDocument::entityChanged, this, &ModifyIamRoleDialog::onEntityChanged);
}

void ModifyIamRoleDialog::onEntityChanged(const iam::AccountChange &change)
{
    if (change.entity == iam::AccountChange::Entity::Instance && change.name == m_instanceId.toStdString())
        updateButtons();
}

void ModifyIamRoleDialog::updateButtons()
{
    // Choosing what the instance already has would change nothing.
    m_updateButton->setEnabled(plan().change != IamRolePlan::Change::None);
}

void ModifyIamRoleDialog::update()
{
    const IamRolePlan current = plan();
    if (current.change == IamRolePlan::Change::None)
        return;
    if (current.change == IamRolePlan::Change::Disassociate)
        confirmDetach(current);
    else
        run(current);
}

void ModifyIamRoleDialog::confirmDetach(const IamRolePlan &plan)
{
    m_detachBox = new ConfirmActionDialog(
        tr("Detach IAM role?"),
        tr("Are you sure that you want to detach the IAM role %1 from instance %2? Applications on the instance "
           "that use the role's credentials lose access.")
            .arg(plan.currentProfile, plan.instanceId),
        tr("Detach"), tr("Detach"), this);
    m_detachBox->setObjectName(QStringLiteral("detachConfirmDialog"));
    m_detachBox->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_detachBox, &ConfirmActionDialog::confirmed, this, [this, plan] { run(plan); });
    connect(m_detachBox, &QObject::destroyed, this, [this] { m_detachBox = nullptr; });
    m_detachBox->open();
}

void ModifyIamRoleDialog::run(const IamRolePlan &plan)
{
    ApiCommand *command = modifyIamRoleCommand(m_document, plan);
    if (!command)
        return;
    const CommandOutcome outcome = m_document.execute(command);
    if (!outcome.ok) {
        const QString title = plan.change == IamRolePlan::Change::Disassociate
            ? tr("Failed to detach IAM role from instance %1").arg(plan.instanceId)
            : tr("Failed to attach %1 to instance %2").arg(plan.profileName, plan.instanceId);
        m_messageBar->showError(title, outcome.message);
        return;
    }
    m_messageBar->dismiss();
    emit iamRoleModified(plan.successText());
    accept();
}

void ModifyIamRoleDialog::createRole()
{
    CreateRoleWizard *wizard = CreateRoleWizard::openFor(m_document, this);
    // The console's new role for EC2 comes with an instance profile of its name:
    // once it exists, it is the one chosen here.
    connect(wizard, &CreateRoleWizard::roleCreated, this, [this](const QString &roleName) {
        for (const iam::InstanceProfile &profile : m_document.account().instanceProfiles()) {
            if (profile.role == roleName.toStdString()) {
                chooseProfile(QString::fromStdString(profile.name));
                return;
            }
        }
    });
}
