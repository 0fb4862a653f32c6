#pragma once

// The JSON field of the detail pages' policy dialogs (inline policy, trust policy)
// and of the read-only trust policy view: for now a monospace QPlainTextEdit.
// Kept behind this small interface (the same one PolicyEditor offers: text,
// setText, setReadOnly, textChanged) so it can become the full policy editor
// without touching the dialogs.

#include <QWidget>

class QPlainTextEdit;

class PolicyTextField : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyTextField(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;
    // The text widget itself, for tests typing into it.
    QWidget *editorWidget() const;

signals:
    void textChanged();

private:
    QPlainTextEdit *m_edit = nullptr;
};
