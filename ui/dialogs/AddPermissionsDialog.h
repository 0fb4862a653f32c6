#pragma once

// "Add permissions" on a role, user or group page: the console's "Attach policy to
// S3Access", i.e. the searchable, filterable (All types / AWS managed / Customer
// managed) policy list with checkboxes, the policies already attached greyed out.
// "Add permissions" is enabled once one is checked; the page attaches them all as
// one command (attachPoliciesCommand) when the dialog is accepted.
//
// Object names: policyPicker (and its policySearchEdit, policyTypeFilter,
// policyTable), addPermissionsButton.

#include <QDialog>
#include <QStringList>

class PolicyPicker;
class QPushButton;
class WorkspaceDocument;

class AddPermissionsDialog : public QDialog
{
    Q_OBJECT

public:
    AddPermissionsDialog(WorkspaceDocument &document, const QString &principalName, const QStringList &attached,
                         QWidget *parent = nullptr);

    // The checked policies, in the order they were checked.
    QStringList policyArns() const;
    PolicyPicker *picker() const { return m_picker; }

private:
    void createWidgets(WorkspaceDocument &document, const QString &principalName, const QStringList &attached);

    PolicyPicker *m_picker = nullptr;
    QPushButton *m_addButton = nullptr;
};
