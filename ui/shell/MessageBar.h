#pragma once

// The console's flash: a coloured bar at the top of a page that says what just
// happened. Red for a refused call, with AWS's error text (selectable, to copy),
// green for success, blue for information. It stays until dismissed or replaced;
// it never blocks the page the way a message box would.

#include <QFrame>

class QLabel;
class QToolButton;

class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Error, Success, Info };

    explicit MessageBar(QWidget *parent = nullptr);

    // `title` in bold ("Failed to create role S3Access"), `text` below it.
    void showMessage(Kind kind, const QString &title, const QString &text = {});
    void showError(const QString &title, const QString &text) { showMessage(Kind::Error, title, text); }
    void showSuccess(const QString &title) { showMessage(Kind::Success, title); }
    void dismiss();

    Kind kind() const { return m_kind; }
    QString title() const;
    QString text() const;

private:
    void createWidgets();

    Kind m_kind = Kind::Info;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
};
