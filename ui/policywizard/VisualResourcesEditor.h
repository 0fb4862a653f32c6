#pragma once

// The visual editor's "Resources" section: "All resources" (`*`) or "Specific",
// where ARNs are added from the ARN formats of the resource types the chosen
// actions accept (a field per ${Variable}, "Any" for `*`), or typed, and removed.

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

class VisualResourcesEditor : public QWidget
{
    Q_OBJECT

public:
    explicit VisualResourcesEditor(QWidget *parent = nullptr);

    // Prefills the Account fields of new ARNs.
    void setAccountId(const QString &accountId) { m_accountId = accountId; }

    // The resource types of `actions` of service `prefix` (all the service's types
    // when `allActions`) offer ARN builders. No signal.
    void setContext(const QString &prefix, bool allActions, const QStringList &actions);
    // No signal.
    void setResources(bool allResources, const QStringList &arns);

    bool allResources() const;
    QStringList resources() const;

signals:
    void changed();

private:
    void createWidgets();
    void connectSignals();
    void rebuildBuilders();
    QWidget *createBuilder(const QString &type, const QString &arnFormat);
    void addArn(const QString &arn);
    void showMode();

    QString m_accountId;
    QString m_prefix;
    bool m_allActions = false;
    QStringList m_actions;

    QRadioButton *m_allRadio = nullptr;
    QRadioButton *m_specificRadio = nullptr;
    QWidget *m_specific = nullptr;
    QLabel *m_note = nullptr;
    QVBoxLayout *m_builders = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_remove = nullptr;
};
