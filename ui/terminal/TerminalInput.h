#pragma once

// The terminal's input line: a QLineEdit that gives bash's keys to the terminal
// instead of to focus changes and the clipboard's defaults. Up/Down walk the
// history, Tab completes, Ctrl+L clears the screen, Ctrl+C abandons the line,
// Ctrl+Shift+C copies; pastes (Ctrl+V, Ctrl+Shift+V, Shift+Insert, the context
// menu) come out as textPasted() so a multi-line paste can run line by line.

#include <QLineEdit>

class TerminalInput : public QLineEdit
{
    Q_OBJECT

public:
    explicit TerminalInput(QWidget *parent = nullptr);

signals:
    void historyOlderRequested();
    void historyNewerRequested();
    void completionRequested();
    void clearScreenRequested();
    void interruptRequested();
    void copyRequested();
    void textPasted(const QString &text);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    // Whether the terminal, not QLineEdit or a window shortcut, handles the key.
    bool isTerminalKey(const QKeyEvent *event) const;
    void pasteClipboard();
};
