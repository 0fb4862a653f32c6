#pragma once

// A bucket's Objects tab: what ListObjectsV2 (Delimiter "/", Prefix = the folder
// shown) answers the signed-in caller. Folders ("photos/", type Folder) come
// first, then the objects at this level: Name, Type (the extension), Last
// modified, Size ("1.2 KB"), Storage class (Standard).
//
//   BucketObjectsModel objects(doc, "lab-bucket-111122223333");
//   objects.setPrefix("data/");          // into a folder: the list is asked again
//   if (objects.hasError()) ...          // "AccessDenied": the tab says so
//
// Like BucketsModel, the list is asked again (once per turn of the event loop)
// when the bucket changes, another identity signs in, the account is replaced,
// or IAM changes under a caller other than root, and updated in place.

#include <QAbstractTableModel>
#include <QTimer>

#include <string>
#include <vector>

class WorkspaceDocument;
namespace iam { struct AccountChange; }

class BucketObjectsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, LastModifiedColumn, SizeColumn, StorageClassColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1,   // the full key ("data/report.csv"), or the folder's prefix ("data/")
        SortRole,                     // folders before objects; sizes and times by value
        IsFolderRole,                 // bool
    };

    BucketObjectsModel(WorkspaceDocument &document, const QString &bucket, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString bucket() const { return m_bucket; }
    QString prefix() const { return m_prefix; }
    // Shows the folder `prefix` ("" for the bucket's top level, else ending in "/").
    void setPrefix(const QString &prefix);

    QString keyAt(int row) const;
    bool isFolder(int row) const;
    int rowOf(const QString &key) const;

    bool hasError() const { return !m_errorCode.isEmpty(); }
    QString errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }

    void refresh();
    bool isRefreshPending() const { return m_refreshTimer.isActive(); }

signals:
    void prefixChanged(const QString &prefix);
    void errorChanged();
    void refreshed();

private:
    struct Row
    {
        QString key;
        bool folder = false;
        qint64 size = 0;
        std::string lastModified;
        QString storageClass;
        friend bool operator==(const Row &, const Row &) = default;
    };

    // The whole folder, page after page (ListObjectsV2 answers 1,000 at most).
    std::vector<Row> listFolder(QString *errorCode, QString *errorMessage);
    void onEntityChanged(const iam::AccountChange &change);
    void setError(const QString &code, const QString &message);
    QString displayName(const Row &row) const;

    WorkspaceDocument &m_document;
    QString m_bucket;
    QString m_prefix;
    std::vector<Row> m_rows;
    QString m_errorCode;
    QString m_errorMessage;
    QTimer m_refreshTimer;
};
