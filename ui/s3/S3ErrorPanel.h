#pragma once

// The S3 console's in-place error, where a table or a preview would be: what the
// caller may not do, what to ask for, and S3's own answer under "API response"
// ("Access Denied"). Not a flash: it stays while the error does.
//
//   panel->showError(tr("You don't have permissions to list buckets"),
//                    tr("After you or your AWS administrator ..."), result.errorMessage);
//
// Object names (children): errorTitle, errorHint, errorApiResponse.

#include <QFrame>

class QLabel;

class S3ErrorPanel : public QFrame
{
    Q_OBJECT

public:
    explicit S3ErrorPanel(QWidget *parent = nullptr);

    void showError(const QString &title, const QString &hint, const QString &apiResponse);

    QString title() const;
    QString hint() const;
    QString apiResponse() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_apiResponse = nullptr;
};
