#pragma once

// A bucket's Permissions tab, its "Bucket policy" section: the policy as
// GetBucketPolicy answers the signed-in caller, read-only in the policy editor
// (with its findings), "No policy to display." when there is none, or S3's refusal
// in place. "Edit" opens EditBucketPolicyDialog; "Delete" asks to type "delete",
// then makes DeleteBucketPolicy (undoable), its outcome in the page's flash.
//
// Object names: permissionsTab, editPolicyButton, deletePolicyButton,
// bucketPolicyView, noPolicyLabel, policyErrorPanel.

#include <QTimer>
#include <QWidget>

class ConsolePage;
class PolicyEditor;
class QLabel;
class QPushButton;
class S3ErrorPanel;
class WorkspaceDocument;
namespace iam { struct AccountChange; }

class BucketPermissionsTab : public QWidget
{
    Q_OBJECT

public:
    BucketPermissionsTab(ConsolePage &page, WorkspaceDocument &document, const QString &bucket,
                         QWidget *parent = nullptr);

    // The policy last read, or empty (none, or not allowed to read it).
    QString policy() const { return m_policy; }
    // Asks GetBucketPolicy now (changes are otherwise picked up on the next turn).
    void refresh();

    void editPolicy();
    void deletePolicy();

private:
    void createWidgets();
    void connectSignals();
    void onEntityChanged(const iam::AccountChange &change);

    ConsolePage &m_page;
    WorkspaceDocument &m_document;
    QString m_bucket;
    QString m_policy;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    PolicyEditor *m_view = nullptr;
    QLabel *m_noPolicy = nullptr;
    S3ErrorPanel *m_errorPanel = nullptr;
    QTimer m_refreshTimer;
};
