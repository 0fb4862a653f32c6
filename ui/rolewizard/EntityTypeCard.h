#pragma once

// One of the console's "Trusted entity type" cards: a radio button with the type's
// name and its one-line description below, the whole card clickable and outlined
// when chosen. The radio carries the object name tests and users find it by.

#include <QFrame>

class QRadioButton;

class EntityTypeCard : public QFrame
{
    Q_OBJECT

public:
    EntityTypeCard(const QString &radioObjectName, const QString &title, const QString &description,
                   QWidget *parent = nullptr);

    QRadioButton *radio() const { return m_radio; }

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void updateSelected();

    QRadioButton *m_radio = nullptr;
};
