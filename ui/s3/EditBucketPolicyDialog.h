#pragma once

// S3 > bucket > Permissions > Bucket policy > Edit: "Edit bucket policy", the
// bucket's ARN to copy into Resource, and the policy in the policy editor set to
// a resource policy, so findings come as you type (a statement without Principal
// is an error). "Save changes" stays disabled while the JSON has errors; it makes
// PutBucketPolicy as the signed-in caller (undoable). S3's refusal (AccessDenied,
// MalformedPolicy) stays in the dialog's flash with the text kept; on success the
// dialog says saved() and closes.
//
// Object names: editBucketPolicyDialog, bucketArnLabel, policyEditor,
// saveChangesButton, dialogMessageBar.

#include <QDialog>

class MessageBar;
class PolicyEditor;
class QLabel;
class QPushButton;
class WorkspaceDocument;

class EditBucketPolicyDialog : public QDialog
{
    Q_OBJECT

public:
    // `policy` is the bucket's current policy, or empty for none.
    EditBucketPolicyDialog(WorkspaceDocument &document, const QString &bucket, const QString &policy,
                           QWidget *parent = nullptr);

    PolicyEditor *editor() const { return m_editor; }
    MessageBar *dialogMessageBar() const { return m_messageBar; }
    void save();

signals:
    void saved();

private:
    void createWidgets();
    void updateSaveButton();

    WorkspaceDocument &m_document;
    QString m_bucket;
    MessageBar *m_messageBar = nullptr;
    QLabel *m_arn = nullptr;
    PolicyEditor *m_editor = nullptr;
    QPushButton *m_saveButton = nullptr;
};
