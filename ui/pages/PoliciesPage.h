#pragma once

// IAM > Policies: every managed policy (AWS's and the account's) in a sortable
// table with "Filter by Type" and a search box, "Create policy" (the wizard) and
// "Delete" for a customer-managed policy. Activating a row opens the policy.
//
// Object names: typeFilter, searchEdit, table, createPolicyButton, deleteButton.

#include "ConsolePage.h"

class PoliciesModel;
class QComboBox;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

class PoliciesPage : public ConsolePage
{
    Q_OBJECT

public:
    PoliciesPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    QList<Crumb> crumbs() const override;

private:
    void createWidgets();
    void connectSignals();
    void updateHeading();
    void updateButtons();
    void filterByType(int comboIndex);
    void openPolicy(const QModelIndex &index);
    void deleteSelected();
    // The ARN of the selected row, or empty.
    QString selectedArn() const;

    PoliciesModel *m_model = nullptr;
    // Type filter first, then the search text (and the sorting) over what it keeps.
    QSortFilterProxyModel *m_typeFilter = nullptr;
    QSortFilterProxyModel *m_search = nullptr;
    QComboBox *m_typeCombo = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_createButton = nullptr;
};
