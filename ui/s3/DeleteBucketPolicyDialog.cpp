#include "DeleteBucketPolicyDialog.h"

#include "ConsoleStyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

DeleteBucketPolicyDialog::DeleteBucketPolicyDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("deleteBucketPolicyDialog"));
    setWindowTitle(tr("Delete bucket policy?"));
    auto *about = new QLabel(tr("Deleting the bucket policy removes every permission it grants or denies. "
                                "To confirm deletion, enter <i>delete</i> in the text input field."),
                             this);
    about->setWordWrap(true);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_confirm->setPlaceholderText(tr("delete"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_deleteButton = buttons->addButton(tr("Delete"), QDialogButtonBox::AcceptRole);
    m_deleteButton->setObjectName(QStringLiteral("confirmDeleteButton"));
    m_deleteButton->setEnabled(false);
    ConsoleStyle::markPrimary(m_deleteButton);

    connect(m_confirm, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_deleteButton->setEnabled(text == QLatin1String("delete")); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_confirm);
    layout->addWidget(buttons);
}
