#include "ConsolePage.h"

#include "ApiCommand.h"
#include "MessageBar.h"
#include "WorkspaceDocument.h"

#include <QLabel>
#include <QVBoxLayout>

ConsolePage::ConsolePage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_navigation(navigation)
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("pageHeading"));
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setWordWrap(true);
    m_subtitle->hide();
    m_messageBar = new MessageBar(this);
    m_content = new QVBoxLayout;
    m_content->setSpacing(12);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_heading);
    layout->addWidget(m_subtitle);
    layout->addLayout(m_content, 1);
}

QString ConsolePage::heading() const
{
    return m_heading->text();
}

void ConsolePage::setHeading(const QString &heading, const QString &subtitle)
{
    m_heading->setText(heading);
    m_subtitle->setText(subtitle);
    m_subtitle->setVisible(!subtitle.isEmpty());
}

bool ConsolePage::runCommand(ApiCommand *command, const QString &success, const QString &failureTitle)
{
    const CommandOutcome outcome = m_document.execute(command);
    if (!outcome.ok) {
        m_messageBar->showError(failureTitle, outcome.message);
        return false;
    }
    if (success.isEmpty())
        m_messageBar->dismiss();
    else
        m_messageBar->showSuccess(success);
    return true;
}
