#pragma once

// A bucket's Objects tab: "Objects (3)", the folder shown as a path of links
// (bucket / data / 2024 /), "Find objects by prefix", and the table of
// BucketObjectsModel: a folder's name opens the folder, an object's its page.
// "Upload" puts a file as an object in the folder shown (PutObject, undoable).
// A refused ListObjectsV2 shows "Insufficient permissions to list objects" and
// S3's answer instead of the table.
//
// Object names: prefixPath, objectsHeading, objectSearchEdit, uploadButton,
// objectsTable, objectsErrorPanel.

#include <QElapsedTimer>
#include <QWidget>

class BucketObjectsModel;
class ConsolePage;
class Navigation;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class S3ErrorPanel;
class WorkspaceDocument;

class BucketObjectsTab : public QWidget
{
    Q_OBJECT

public:
    BucketObjectsTab(ConsolePage &page, WorkspaceDocument &document, Navigation &navigation, const QString &bucket,
                     const QString &prefix, QWidget *parent = nullptr);

    BucketObjectsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void openFolder(const QString &prefix);
    // Puts the file at `path` as <folder shown><file name>; returns whether S3 took it.
    bool uploadFile(const QString &path);

private:
    void createWidgets();
    void connectSignals();
    void updateState();
    void open(const QModelIndex &index);
    void chooseFileToUpload();

    ConsolePage &m_page;
    WorkspaceDocument &m_document;
    Navigation &m_navigation;
    QString m_bucket;
    BucketObjectsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_path = nullptr;
    QLabel *m_heading = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QPushButton *m_uploadButton = nullptr;
    QTableView *m_table = nullptr;
    S3ErrorPanel *m_errorPanel = nullptr;
    QElapsedTimer m_sinceFolderOpened;
};
