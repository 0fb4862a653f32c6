#pragma once

// S3 > Buckets > bucket > data/ > report.csv: the object's "Object overview"
// (Owner, AWS Region, Last modified, Size, Type, Key, S3 URI, Amazon Resource Name
// (ARN), Entity tag (Etag), Object URL) and a preview of its text, read with
// GetObject as the signed-in caller. A refusal shows S3's answer where the
// preview would be; the names that need no call (Key, S3 URI, ARN, Object URL)
// are shown regardless.
//
// The page's key is "bucket/key".
//
// Object names: bucketObjectPage, overviewOwner, overviewRegion,
// overviewLastModified, overviewSize, overviewType, overviewKey, overviewS3Uri,
// overviewArn, overviewEtag, overviewObjectUrl, previewText, previewErrorPanel.

#include "ConsolePage.h"

#include <QTimer>

class QLabel;
class QPlainTextEdit;
class S3ErrorPanel;
namespace iam { struct AccountChange; }

class BucketObjectPage : public ConsolePage
{
    Q_OBJECT

public:
    BucketObjectPage(WorkspaceDocument &document, Navigation &navigation, const QString &key,
                     QWidget *parent = nullptr);

    // Whether the factory may build the page: the bucket holds the key.
    static bool exists(const WorkspaceDocument &document, const QString &key);

    QList<Crumb> crumbs() const override;
    // Asks GetObject now (changes are otherwise picked up on the next turn).
    void refresh();

private:
    void createWidgets();
    void onEntityChanged(const iam::AccountChange &change);

    QString m_bucket;
    QString m_key;
    QLabel *m_lastModified = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_etag = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_noPreview = nullptr;
    S3ErrorPanel *m_errorPanel = nullptr;
    QTimer m_refreshTimer;
};
