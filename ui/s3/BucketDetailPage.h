#pragma once

// S3 > Buckets > lab-bucket-111122223333: the bucket's name as the heading and its
// tabs, each filled by calls of the signed-in caller: Objects (BucketObjectsTab),
// Properties (Bucket overview: AWS Region, Amazon Resource Name (ARN), Creation
// date) and Permissions (BucketPermissionsTab: the bucket policy).
//
// The page's key is the bucket's name, or "bucket/prefix/" to open the Objects tab
// in a folder (the crumbs of an object's page link there).
//
// Object names: bucketDetailPage, tabs, objectsTab, propertiesTab, permissionsTab,
// propertyRegion, propertyArn, propertyCreationDate.

#include "ConsolePage.h"

class BucketObjectsTab;
class BucketPermissionsTab;
class QLabel;
class QTabWidget;

class BucketDetailPage : public ConsolePage
{
    Q_OBJECT

public:
    BucketDetailPage(WorkspaceDocument &document, Navigation &navigation, const QString &key,
                     QWidget *parent = nullptr);

    // Whether the factory may build the page: the bucket exists.
    static bool exists(const WorkspaceDocument &document, const QString &key);

    QList<Crumb> crumbs() const override;
    QString bucket() const { return m_bucket; }
    QTabWidget *tabs() const { return m_tabs; }
    BucketObjectsTab *objectsTab() const { return m_objects; }
    BucketPermissionsTab *permissionsTab() const { return m_permissions; }

private:
    void createWidgets(const QString &prefix);
    QWidget *createPropertiesTab();
    void updateProperties();

    QString m_bucket;
    QTabWidget *m_tabs = nullptr;
    BucketObjectsTab *m_objects = nullptr;
    BucketPermissionsTab *m_permissions = nullptr;
    QLabel *m_region = nullptr;
    QLabel *m_arn = nullptr;
    QLabel *m_creationDate = nullptr;
};
