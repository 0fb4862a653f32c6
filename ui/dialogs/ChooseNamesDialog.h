#pragma once

// A searchable checklist of names with one primary button: the user page's "Add
// user to groups" (the groups it is not in) and the group page's "Add users" (the
// users not in it). The page makes the call with checkedNames() when accepted.
//
// Object names: namesSearchEdit, namesList, addButton.

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;
class QPushButton;

class ChooseNamesDialog : public QDialog
{
    Q_OBJECT

public:
    // `heading` above the list ("User groups (3)"), `acceptText` on the button ("Add user to groups").
    ChooseNamesDialog(const QString &title, const QString &heading, const QStringList &names,
                      const QString &acceptText, QWidget *parent = nullptr);

    QStringList checkedNames() const;
    void setChecked(const QString &name, bool checked);

private:
    void createWidgets(const QString &heading, const QStringList &names, const QString &acceptText);
    void connectSignals();
    void filter(const QString &text);

    QLineEdit *m_searchEdit = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
};
