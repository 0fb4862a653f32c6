#pragma once

// What the Users, User groups and Roles lists share, as the console lays them
// out: "Roles (3)" with the list's description under it, a search box that
// filters on every column (case-insensitive), the page's buttons beside it, and a
// sortable table whose name column reads as a link. Activating a row (double-
// click, Enter, or a click on the name) opens its detail page.
//
// A subclass gives the model, title, description and detail page, then adds its
// buttons:
//
//   RolesPage::RolesPage(...) : EntityListPage(doc, nav, parent) {
//       setListModel(new RolesModel(doc, this), tr("Roles"), description, ConsoleLocation::Page::Role);
//       addActionButton(m_deleteButton);
//   }
//
// Object names: searchEdit, table.

#include "ConsolePage.h"

class EntityListModel;
class QHBoxLayout;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

class EntityListPage : public ConsolePage
{
    Q_OBJECT

public:
    EntityListPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    QList<Crumb> crumbs() const override;

    // The key (name) of the selected row, or empty.
    QString selectedKey() const;
    QTableView *table() const { return m_table; }

protected:
    void setListModel(EntityListModel *model, const QString &title, const QString &description,
                      ConsoleLocation::Page detailPage, ConsoleLocation::Page listPage);
    // Buttons go right of the search box, in the order added (primary last).
    void addActionButton(QPushButton *button);
    // Called when the selection changes (enable Delete and the like).
    virtual void selectionChanged() {}

private:
    void createWidgets();
    void connectSignals();
    void updateHeading();
    void open(const QModelIndex &index);

    EntityListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QString m_title;
    QString m_description;
    ConsoleLocation::Page m_detailPage = ConsoleLocation::Page::Dashboard;
    ConsoleLocation::Page m_listPage = ConsoleLocation::Page::Dashboard;
    QLineEdit *m_searchEdit = nullptr;
    QHBoxLayout *m_actions = nullptr;
    QTableView *m_table = nullptr;
};
