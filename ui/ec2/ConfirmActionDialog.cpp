#include "ConfirmActionDialog.h"

#include "ConsoleStyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ConfirmActionDialog::ConfirmActionDialog(const QString &title, const QString &text, const QString &confirmText,
                                         const QString &word, QWidget *parent)
    : QDialog(parent)
    , m_word(word)
{
    setWindowTitle(title);
    createWidgets(text, confirmText);
    if (m_edit) {
        // The console compares the typed word exactly: "detach" does not confirm.
        connect(m_edit, &QLineEdit::textChanged, this,
                [this](const QString &typed) { m_confirm->setEnabled(typed == m_word); });
    }
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        emit confirmed();
        accept();
    });
}

void ConfirmActionDialog::createWidgets(const QString &text, const QString &confirmText)
{
    auto *heading = new QLabel(windowTitle(), this);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    heading->setFont(bold);
    auto *body = new QLabel(text, this);
    body->setObjectName(QStringLiteral("confirmText"));
    body->setWordWrap(true);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(body);
    if (!m_word.isEmpty()) {
        auto *prompt = new QLabel(tr("To confirm, type <i>%1</i> in the field.").arg(m_word.toHtmlEscaped()), this);
        m_edit = new QLineEdit(this);
        m_edit->setObjectName(QStringLiteral("confirmEdit"));
        m_edit->setPlaceholderText(m_word);
        layout->addWidget(prompt);
        layout->addWidget(m_edit);
    }

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    m_confirm = buttons->addButton(confirmText, QDialogButtonBox::ActionRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setEnabled(m_word.isEmpty());
    m_confirm->setDefault(true);   // Enter in the field confirms, once the word is right
    ConsoleStyle::markPrimary(m_confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}
