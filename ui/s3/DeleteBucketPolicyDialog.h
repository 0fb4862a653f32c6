#pragma once

// "Delete bucket policy?": the console's confirmation, which asks the learner to
// type "delete" before the Delete button does anything. The caller deletes on
// accepted().
//
// Object names: deleteBucketPolicyDialog, confirmEdit, confirmDeleteButton.

#include <QDialog>

class QLineEdit;
class QPushButton;

class DeleteBucketPolicyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DeleteBucketPolicyDialog(QWidget *parent = nullptr);

private:
    QLineEdit *m_confirm = nullptr;
    QPushButton *m_deleteButton = nullptr;
};
