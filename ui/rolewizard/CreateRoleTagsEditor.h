#pragma once

// "Add tags - optional" of Create role: key / value rows with Remove, "Add new tag",
// and the count left of IAM's 50. Empty rows (no key, no value) are ignored.
//
// Object names: addTagButton, tagsRemainingLabel, and per row i: tagKeyEdit_i,
// tagValueEdit_i, removeTagButton_i.

#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QGridLayout;

class CreateRoleTagsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CreateRoleTagsEditor(QWidget *parent = nullptr);

    // The rows with a key or a value, in order.
    QList<QPair<QString, QString>> tags() const;
    int rowCount() const { return int(m_rows.size()); }

    void addRow();
    void removeRow(int row);

signals:
    void changed();

private:
    struct Row
    {
        QLineEdit *key = nullptr;
        QLineEdit *value = nullptr;
        QPushButton *remove = nullptr;
    };

    void createWidgets();
    void relayout();

    QList<Row> m_rows;
    QGridLayout *m_grid = nullptr;
    QLabel *m_keyHeader = nullptr;
    QLabel *m_valueHeader = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_remaining = nullptr;
};
