#include "AddPermissionsDialog.h"

#include "ConsoleStyle.h"
#include "PolicyPicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

AddPermissionsDialog::AddPermissionsDialog(WorkspaceDocument &document, const QString &principalName,
                                           const QStringList &attached, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("addPermissionsDialog"));
    setWindowTitle(tr("Add permissions"));
    createWidgets(document, principalName, attached);
    connect(m_picker, &PolicyPicker::checkedChanged, this,
            [this] { m_addButton->setEnabled(!m_picker->checkedPolicyArns().isEmpty()); });
    m_addButton->setEnabled(false);
}

QStringList AddPermissionsDialog::policyArns() const
{
    return m_picker->checkedPolicyArns();
}

void AddPermissionsDialog::createWidgets(WorkspaceDocument &document, const QString &principalName,
                                         const QStringList &attached)
{
    auto *heading = new QLabel(tr("Attach policy to %1").arg(principalName), this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.3);
    heading->setFont(font);

    m_picker = new PolicyPicker(document, this);
    m_picker->setObjectName(QStringLiteral("policyPicker"));
    m_picker->setDisabledPolicyArns(attached);
    m_picker->setDescription(tr("Choose one or more policies to attach to %1.").arg(principalName));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_addButton = buttons->addButton(tr("Add permissions"), QDialogButtonBox::AcceptRole);
    m_addButton->setObjectName(QStringLiteral("addPermissionsButton"));
    ConsoleStyle::markPrimary(m_addButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_picker, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}
