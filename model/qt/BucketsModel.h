#pragma once

// S3 > Buckets: the general purpose buckets the signed-in caller may list, as
// ListBuckets answers them (Name, AWS Region, Creation date). What a learner
// signed in as lab-user sees is what lab-user may see: a denied ListBuckets
// leaves the list empty and keeps AWS's error (errorCode(), errorMessage()) for
// the page's "You don't have permissions to list buckets".
//
// The list is asked again, once per turn of the event loop, when a bucket
// changes, when another identity signs in, when the account is replaced, and
// when IAM changes while someone other than root is signed in (a policy may now
// allow it). Rows are updated in place (KeyedRowMerge.h). Every refresh is a call
// by the signed-in caller and lands in the event log, as the console's would.

#include <QAbstractTableModel>
#include <QTimer>

#include <string>
#include <vector>

class WorkspaceDocument;
namespace iam { struct AccountChange; }

class BucketsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, RegionColumn, CreationDateColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1,   // the bucket's name (same value as EntityListModel::KeyRole)
        SortRole,                     // creation date as ISO text, else the display text
    };

    explicit BucketsModel(WorkspaceDocument &document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString keyAt(int row) const;
    int rowOf(const QString &name) const;

    // The last ListBuckets was refused: its error ("AccessDenied", "Access Denied").
    bool hasError() const { return !m_errorCode.isEmpty(); }
    QString errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }

    // Asks ListBuckets now (changes are otherwise picked up on the next turn of
    // the event loop).
    void refresh();
    bool isRefreshPending() const { return m_refreshTimer.isActive(); }

signals:
    // The error state changed (denied, or allowed again).
    void errorChanged();
    // A refresh finished (rows and error are current).
    void refreshed();

private:
    struct Row
    {
        QString key;
        QString region;
        std::string creationDate;
        friend bool operator==(const Row &, const Row &) = default;
    };

    void onEntityChanged(const iam::AccountChange &change);
    void setError(const QString &code, const QString &message);

    WorkspaceDocument &m_document;
    std::vector<Row> m_rows;
    QString m_errorCode;
    QString m_errorMessage;
    QTimer m_refreshTimer;
};
