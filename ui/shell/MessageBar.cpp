#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    createWidgets();
    hide();
}

void MessageBar::createWidgets()
{
    m_icon = new QLabel(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("messageTitle"));
    m_title->setWordWrap(true);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("messageClose"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAutoRaise(true);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 8, 8);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addLayout(texts, 1);
    row->addWidget(m_close, 0, Qt::AlignTop);
}

void MessageBar::showMessage(Kind kind, const QString &title, const QString &text)
{
    m_kind = kind;
    static const char *const kinds[] = {"error", "success", "info"};
    setProperty("kind", QString::fromLatin1(kinds[int(kind)]));
    const QStyle::StandardPixmap icons[] = {QStyle::SP_MessageBoxCritical, QStyle::SP_DialogApplyButton,
                                            QStyle::SP_MessageBoxInformation};
    m_icon->setPixmap(style()->standardIcon(icons[int(kind)]).pixmap(18, 18));
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    // The style sheet picks colours by the "kind" property: re-polish for the new value.
    style()->unpolish(this);
    style()->polish(this);
    show();
}

void MessageBar::dismiss()
{
    hide();
}

QString MessageBar::title() const
{
    return m_title->text();
}

QString MessageBar::text() const
{
    return m_text->text();
}
