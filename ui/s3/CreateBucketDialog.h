#pragma once

// S3 > Buckets > Create bucket: General configuration (AWS Region, Bucket name)
// and "Create bucket", which makes CreateBucket as the signed-in caller (an
// undoable command). S3's refusal (InvalidBucketName, BucketAlreadyOwnedByYou,
// AccessDenied) stays in the dialog's flash with the name kept; success closes it.
//
// Object names: createBucketDialog, regionCombo, bucketNameEdit, createBucketButton,
// dialogMessageBar.

#include <QDialog>

class MessageBar;
class QComboBox;
class QLineEdit;
class QPushButton;
class WorkspaceDocument;

class CreateBucketDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CreateBucketDialog(WorkspaceDocument &document, QWidget *parent = nullptr);

    void create();

signals:
    void created(const QString &bucket);

private:
    void createWidgets();

    WorkspaceDocument &m_document;
    MessageBar *m_messageBar = nullptr;
    QComboBox *m_region = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_createButton = nullptr;
};
