#pragma once

// EC2 > Instances, as the console lays it out: "Instances (2)", the filter box,
// "Instance state ▾", "Actions ▾" (Security › Modify IAM role) and the orange
// "Launch instances"; the table (Name, Instance ID as a link to the instance's
// page, Instance state, Instance type, Availability zone, IAM role). The actions
// apply to the selected instance and are disabled without one.
//
// Object names: searchEdit, table, instanceStateButton, actionsButton,
// launchInstancesButton (and InstanceActions' actions); launchInstanceDialog.

#include "ConsolePage.h"

class InstanceActions;
class InstancesModel;
class LaunchInstanceDialog;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

class InstancesPage : public ConsolePage
{
    Q_OBJECT

public:
    InstancesPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    QList<Crumb> crumbs() const override;

    QString selectedInstanceId() const;
    void selectInstance(const QString &instanceId);
    QTableView *table() const { return m_table; }
    InstanceActions *instanceActions() const { return m_actions; }

    // Launch instances: opens "Launch an instance" over the page.
    LaunchInstanceDialog *launchInstances();

private:
    void createWidgets();
    void connectSignals();
    void updateHeading();
    void open(const QModelIndex &index);

    InstancesModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    InstanceActions *m_actions = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QPushButton *m_launchButton = nullptr;
    QTableView *m_table = nullptr;
};
