#pragma once

// The console's "Tags - optional" block: key/value rows, "Add new tag", Remove, and
// how many more may be added (IAM allows 50 per policy).

#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

class PolicyTagsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyTagsEditor(int maxTags = 50, QWidget *parent = nullptr);

    // The rows in order, keys and values trimmed of nothing (as typed).
    QList<QPair<QString, QString>> tags() const;
    int count() const { return int(m_rows.size()); }
    // Shows `error` under the rows (empty hides it).
    void setError(const QString &error);

signals:
    void changed();

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QLineEdit *key = nullptr;
        QLineEdit *value = nullptr;
    };

    void createWidgets();
    void addRow();
    void removeRow(QWidget *row);
    void updateRemaining();

    int m_maxTags;
    QList<Row> m_rows;
    QVBoxLayout *m_rowsLayout = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_remaining = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_empty = nullptr;
};
