#include "TerminalInput.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>

TerminalInput::TerminalInput(QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("terminalInput"));
    setFrame(false);
    setAttribute(Qt::WA_MacShowFocusRect, false);
}

bool TerminalInput::event(QEvent *event)
{
    // Tab would move the focus before keyPressEvent sees it, and a window's
    // shortcut (Ctrl+L, Ctrl+Shift+C, ...) would fire instead of the terminal's key.
    if (event->type() == QEvent::ShortcutOverride && isTerminalKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Tab
        && static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
        emit completionRequested();
        return true;
    }
    return QLineEdit::event(event);
}

bool TerminalInput::isTerminalKey(const QKeyEvent *event) const
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool ctrl = modifiers == Qt::ControlModifier;
    const bool ctrlShift = modifiers == (Qt::ControlModifier | Qt::ShiftModifier);
    switch (event->key()) {
    case Qt::Key_Tab:
    case Qt::Key_Up:
    case Qt::Key_Down:
        return modifiers == Qt::NoModifier;
    case Qt::Key_L:
    case Qt::Key_C:
        return ctrl || ctrlShift;
    case Qt::Key_V:
        return ctrl || ctrlShift;
    default:
        return event->matches(QKeySequence::Paste);
    }
}

void TerminalInput::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool ctrl = modifiers == Qt::ControlModifier;
    const bool ctrlShift = modifiers == (Qt::ControlModifier | Qt::ShiftModifier);
    if (event->key() == Qt::Key_Up && modifiers == Qt::NoModifier)
        emit historyOlderRequested();
    else if (event->key() == Qt::Key_Down && modifiers == Qt::NoModifier)
        emit historyNewerRequested();
    else if (event->key() == Qt::Key_L && ctrl)
        emit clearScreenRequested();
    else if (event->key() == Qt::Key_C && ctrl)
        emit interruptRequested();
    else if (event->key() == Qt::Key_C && ctrlShift)
        emit copyRequested();
    else if ((event->key() == Qt::Key_V && ctrlShift) || event->matches(QKeySequence::Paste))
        pasteClipboard();
    else
        QLineEdit::keyPressEvent(event);
}

// The standard menu, its Paste going through the terminal (QLineEdit's would
// flatten a multi-line paste into one line).
void TerminalInput::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // Qt 6.4 names none of its actions: Paste is known by its (translated) text.
    const QString pasteText = QLineEdit::tr("&Paste");
    for (QAction *action : menu->actions()) {
        if (action->text().section(QLatin1Char('\t'), 0, 0) == pasteText) {
            action->setObjectName(QStringLiteral("edit-paste"));
            disconnect(action, &QAction::triggered, nullptr, nullptr);
            connect(action, &QAction::triggered, this, &TerminalInput::pasteClipboard);
        }
    }
    menu->popup(event->globalPos());
}

void TerminalInput::pasteClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (!text.isEmpty())
        emit textPasted(text);
}
