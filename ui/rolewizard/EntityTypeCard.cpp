#include "EntityTypeCard.h"

#include "RoleWizardText.h"

#include <QMouseEvent>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

EntityTypeCard::EntityTypeCard(const QString &radioObjectName, const QString &title, const QString &description,
                               QWidget *parent)
    : QFrame(parent)
    , m_radio(new QRadioButton(title, this))
{
    setObjectName(radioObjectName + QStringLiteral("Card"));
    m_radio->setObjectName(radioObjectName);
    QFont font = m_radio->font();
    font.setBold(true);
    m_radio->setFont(font);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("EntityTypeCard { border: 1px solid palette(mid); border-radius: 2px; }"
                                 "EntityTypeCard[selected=\"true\"] { border: 2px solid #0073bb; }"));
    setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_radio);
    QLabel *text = RoleWizardText::hint(description, this);
    text->setContentsMargins(22, 0, 0, 0);
    layout->addWidget(text);
    layout->addStretch();

    connect(m_radio, &QRadioButton::toggled, this, &EntityTypeCard::updateSelected);
}

void EntityTypeCard::mouseReleaseEvent(QMouseEvent *event)
{
    // A click anywhere on the card chooses it, as on the console.
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        m_radio->click();
    QFrame::mouseReleaseEvent(event);
}

void EntityTypeCard::updateSelected()
{
    setProperty("selected", m_radio->isChecked());
    style()->unpolish(this);
    style()->polish(this);
}
