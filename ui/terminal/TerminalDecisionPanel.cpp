#include "TerminalDecisionPanel.h"

#include "TerminalDecisionHtml.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

TerminalDecisionPanel::TerminalDecisionPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("terminalDecisionPanel"));
    createWidgets();
}

void TerminalDecisionPanel::createWidgets()
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("terminalDecisionTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("terminalDecisionClose"));
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("terminalDecisionText"));
    m_text->setOpenLinks(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);
}

void TerminalDecisionPanel::showEntry(const TerminalEntry &entry)
{
    m_title->setText(entry.allowed() ? tr("Why this command was allowed") : tr("Why this command was denied"));
    m_text->setHtml(terminalDecisionHtml(entry));
    show();
}

QString TerminalDecisionPanel::text() const
{
    return m_text->toPlainText();
}
