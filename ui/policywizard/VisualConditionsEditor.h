#pragma once

// The visual editor's "Request conditions" section (optional): rows of condition
// key, operator and value. Keys are offered from the chosen actions' keys and the
// global ones; operators from the key's type. A row's values are comma-separated;
// a row not edited keeps its values exactly as read.

#include "VisualPolicy.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QLineEdit;
class QPushButton;

class VisualConditionsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit VisualConditionsEditor(QWidget *parent = nullptr);

    // The keys offered: the global keys and those of `actions` of service `prefix`.
    void setContext(const QString &prefix, bool allActions, const QStringList &actions);
    // No signal.
    void setConditions(const QList<VisualCondition> &conditions);
    // The rows that name a key (a row just added has none yet).
    QList<VisualCondition> conditions() const;

signals:
    void changed();

private:
    struct Row
    {
        QComboBox *key = nullptr;
        QComboBox *op = nullptr;
        QLineEdit *value = nullptr;
        QPushButton *remove = nullptr;
    };

    void createWidgets();
    void rebuildRows();
    void addRow(int index);
    void rowEdited(int index, bool valueEdited);
    void fillOperators(QComboBox *op, const QString &key, const QString &current);

    QStringList m_keys;
    QList<VisualCondition> m_conditions;
    QList<Row> m_rows;
    QGridLayout *m_grid = nullptr;
    QPushButton *m_add = nullptr;
};
