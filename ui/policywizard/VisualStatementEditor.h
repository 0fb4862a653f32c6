#pragma once

// One permission block of the visual editor: Allow or Deny, a service, its
// actions, the resources and the request conditions, edited into one
// VisualStatement. The sections after Service appear once a service is chosen.

#include "VisualPolicy.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QRadioButton;
class VisualActionsPicker;
class VisualConditionsEditor;
class VisualResourcesEditor;
class VisualServicePicker;

class VisualStatementEditor : public QFrame
{
    Q_OBJECT

public:
    explicit VisualStatementEditor(QWidget *parent = nullptr);

    void setAccountId(const QString &accountId);
    // No signal.
    void setStatement(const VisualStatement &statement);
    const VisualStatement &statement() const { return m_statement; }
    void setRemovable(bool removable);

signals:
    void changed();
    void removeRequested();

private:
    void createWidgets();
    void connectSignals();
    void serviceChosen(const QString &prefix);
    void actionsChanged();
    void refreshSections();

    VisualStatement m_statement;
    QLabel *m_title = nullptr;
    QRadioButton *m_allow = nullptr;
    QRadioButton *m_deny = nullptr;
    QPushButton *m_remove = nullptr;
    VisualServicePicker *m_service = nullptr;
    QLabel *m_actionsLabel = nullptr;
    VisualActionsPicker *m_actions = nullptr;
    QWidget *m_afterService = nullptr;
    VisualResourcesEditor *m_resources = nullptr;
    VisualConditionsEditor *m_conditions = nullptr;
};
