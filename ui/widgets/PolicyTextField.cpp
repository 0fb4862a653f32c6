#include "PolicyTextField.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

PolicyTextField::PolicyTextField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
{
    m_edit->setObjectName(QStringLiteral("policyText"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabChangesFocus(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    setFocusProxy(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &PolicyTextField::textChanged);
}

QString PolicyTextField::text() const
{
    return m_edit->toPlainText();
}

void PolicyTextField::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

void PolicyTextField::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
}

bool PolicyTextField::isReadOnly() const
{
    return m_edit->isReadOnly();
}

QWidget *PolicyTextField::editorWidget() const
{
    return m_edit;
}
