#include "S3ErrorPanel.h"

#include <QLabel>
#include <QVBoxLayout>

S3ErrorPanel::S3ErrorPanel(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("errorTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("errorHint"));
    m_hint->setWordWrap(true);
    auto *responseLabel = new QLabel(tr("API response"), this);
    responseLabel->setProperty("class", QStringLiteral("muted"));
    m_apiResponse = new QLabel(this);
    m_apiResponse->setObjectName(QStringLiteral("errorApiResponse"));
    m_apiResponse->setWordWrap(true);
    // The learner copies AWS's text into a search or a policy.
    m_apiResponse->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addSpacing(4);
    layout->addWidget(responseLabel);
    layout->addWidget(m_apiResponse);
}

void S3ErrorPanel::showError(const QString &title, const QString &hint, const QString &apiResponse)
{
    m_title->setText(title);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_apiResponse->setText(apiResponse);
    show();
}

QString S3ErrorPanel::title() const
{
    return m_title->text();
}

QString S3ErrorPanel::hint() const
{
    return m_hint->text();
}

QString S3ErrorPanel::apiResponse() const
{
    return m_apiResponse->text();
}
