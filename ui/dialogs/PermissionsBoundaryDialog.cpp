#include "PermissionsBoundaryDialog.h"

#include "ConsoleStyle.h"
#include "PolicyPicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

PermissionsBoundaryDialog::PermissionsBoundaryDialog(WorkspaceDocument &document, const QString &principalName,
                                                     const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_current(current)
{
    setObjectName(QStringLiteral("permissionsBoundaryDialog"));
    setWindowTitle(tr("Set permissions boundary"));
    createWidgets(document, principalName);
    if (!current.isEmpty())
        m_picker->setCheckedPolicyArns({current});
    connect(m_picker, &PolicyPicker::checkedChanged, this, &PermissionsBoundaryDialog::keepOneChecked);
    keepOneChecked();
}

QString PermissionsBoundaryDialog::policyArn() const
{
    const QStringList checked = m_picker->checkedPolicyArns();
    return checked.isEmpty() ? QString() : checked.back();
}

void PermissionsBoundaryDialog::createWidgets(WorkspaceDocument &document, const QString &principalName)
{
    auto *heading = new QLabel(tr("Set permissions boundary for %1").arg(principalName), this);
    heading->setObjectName(QStringLiteral("dialogHeading"));
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.3);
    heading->setFont(font);
    auto *about = new QLabel(tr("Use a managed policy to set the maximum permissions that identity-based policies "
                                "can grant to %1. The boundary does not grant permissions on its own.")
                                 .arg(principalName),
                             this);
    about->setWordWrap(true);
    about->setProperty("class", QStringLiteral("muted"));

    m_picker = new PolicyPicker(document, this);
    m_picker->setObjectName(QStringLiteral("policyPicker"));
    m_picker->setDescription(tr("Choose one policy to use as the permissions boundary."));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_setButton = buttons->addButton(tr("Set boundary"), QDialogButtonBox::AcceptRole);
    m_setButton->setObjectName(QStringLiteral("setBoundaryButton"));
    ConsoleStyle::markPrimary(m_setButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(about);
    layout->addWidget(m_picker, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}

// A boundary is one policy: the latest check wins, like a radio button.
void PermissionsBoundaryDialog::keepOneChecked()
{
    const QStringList checked = m_picker->checkedPolicyArns();
    if (checked.size() > 1) {
        m_picker->setCheckedPolicyArns({checked.back()});
        return;   // called again by the change just made
    }
    m_setButton->setEnabled(!checked.isEmpty() && checked.front() != m_current);
}
