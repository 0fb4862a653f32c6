#pragma once

// S3 > Buckets: "General purpose buckets (1)" as ListBuckets answers the signed-in
// caller, "Find buckets by name", the table (Name as a link to the bucket, AWS
// Region, Creation date) and "Create bucket". A denied ListBuckets shows the
// console's "You don't have permissions to list buckets" with S3's answer in
// place of the table.
//
// Object names: bucketsPage, searchEdit, table, createBucketButton, listErrorPanel.

#include "ConsolePage.h"

class BucketsModel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class S3ErrorPanel;

class BucketsPage : public ConsolePage
{
    Q_OBJECT

public:
    BucketsPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    QList<Crumb> crumbs() const override;
    BucketsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    // Opens "Create bucket" over the page (not modal to the test: open(), not exec()).
    void createBucket();

private:
    void createWidgets();
    void connectSignals();
    void updateState();
    void open(const QModelIndex &index);

    BucketsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QPushButton *m_createButton = nullptr;
    QTableView *m_table = nullptr;
    S3ErrorPanel *m_errorPanel = nullptr;
};
