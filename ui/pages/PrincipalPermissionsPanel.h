#pragma once

// The Permissions tab of a role, user or group page: "Permissions policies (N)"
// with Remove, Create inline policy and Add permissions, the policies table
// (PrincipalPoliciesModel: for a user also what its groups grant), and for users
// and roles the Permissions boundary section (Set / Change / Remove boundary).
// Every edit goes through the page's runCommand(), so a denial shows AWS's text
// in the page's red flash and changes nothing.
//
// Activating a managed policy opens its page; an inline one opens it for editing
// (a group's inline policy opens the group).
//
// Object names: policiesHeading, policiesSearchEdit, policiesTable, removePolicyButton,
// createInlinePolicyButton, addPermissionsButton, boundaryBox, boundaryLabel,
// setBoundaryButton, removeBoundaryButton.

#include "PrincipalKind.h"

#include <QWidget>

class ConsolePage;
class Navigation;
class PrincipalPoliciesModel;
class QGroupBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class WorkspaceDocument;
namespace iam { struct AccountChange; }

class PrincipalPermissionsPanel : public QWidget
{
    Q_OBJECT

public:
    PrincipalPermissionsPanel(ConsolePage &page, WorkspaceDocument &document, Navigation &navigation,
                              PrincipalKind kind, const QString &name, QWidget *parent = nullptr);

    PrincipalPoliciesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    // The user actions, also called by tests' clicks.
    void addPermissions();
    void removeSelected();
    void createInlinePolicy();
    void setBoundary();
    void removeBoundary();

private:
    void createWidgets();
    void createBoundaryBox();
    void connectSignals();
    void updateHeading();
    void updateButtons();
    void updateBoundary();
    void open(const QModelIndex &index);
    void editInlinePolicy(const QString &policyName, const QString &document);
    // The managed policy ARNs attached directly (greyed in Add permissions).
    QStringList attachedArns() const;
    QString boundaryArn() const;
    QString inlineDocument(const QString &policyName) const;
    // "role", "user", "user group": the console's flash texts name the kind.
    QString kindNoun() const;
    QModelIndex selectedRow() const;

    ConsolePage &m_page;
    WorkspaceDocument &m_document;
    Navigation &m_navigation;
    PrincipalKind m_kind;
    QString m_name;

    PrincipalPoliciesModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_heading = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_inlineButton = nullptr;
    QPushButton *m_addButton = nullptr;
    QGroupBox *m_boundaryBox = nullptr;
    QLabel *m_boundaryLabel = nullptr;
    QPushButton *m_setBoundaryButton = nullptr;
    QPushButton *m_removeBoundaryButton = nullptr;
};
