#pragma once

// The visual editor's "Service" section: a searchable list of the catalog's
// services ("Choose a service"); once one is chosen, its name and a Change button.

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

class VisualServicePicker : public QWidget
{
    Q_OBJECT

public:
    explicit VisualServicePicker(QWidget *parent = nullptr);

    // Shows `prefix` as chosen (empty: the list to choose from). No signal.
    void setService(const QString &prefix);
    QString service() const { return m_service; }

    // "S3" for "s3": the console's short name, or the prefix itself if unknown.
    static QString displayName(const QString &prefix);

signals:
    void serviceChosen(const QString &prefix);

private:
    void createWidgets();
    void connectSignals();
    void fillList();
    void filter(const QString &text);
    void choose(QListWidgetItem *item);
    void showChoice();

    QString m_service;
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_chosen = nullptr;
    QPushButton *m_change = nullptr;
};
