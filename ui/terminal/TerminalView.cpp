#include "TerminalView.h"

#include "TerminalDecisionPanel.h"
#include "TerminalInput.h"
#include "TerminalSession.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace {

// A dark terminal whatever the console's palette: it reads as a shell, not a form.
const QColor kBackground(0x1e, 0x1e, 0x1e);
const QColor kText(0xd4, 0xd4, 0xd4);
const QColor kPrompt(0x6a, 0xd3, 0x6a);
const QColor kError(0xff, 0x8c, 0x69);
const QColor kAllowed(0x3f, 0xb9, 0x50);
const QColor kDenied(0xf8, 0x51, 0x49);

const QString kDecisionScheme = QStringLiteral("decision");

QString withoutFinalNewline(QString text)
{
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    return text;
}

QString commonPrefix(const QStringList &words)
{
    QString prefix = words.value(0);
    for (const QString &word : words) {
        int same = 0;
        while (same < prefix.size() && same < word.size() && prefix[same] == word[same])
            ++same;
        prefix.truncate(same);
    }
    return prefix;
}

} // namespace

TerminalView::TerminalView(TerminalSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("terminalView"));
    createWidgets();
    connectSignals();
    updatePrompt();
}

void TerminalView::createWidgets()
{
    m_transcript = new QTextBrowser(this);
    m_transcript->setObjectName(QStringLiteral("terminalTranscript"));
    m_transcript->setOpenLinks(false);
    m_transcript->setOpenExternalLinks(false);
    m_transcript->setUndoRedoEnabled(false);
    m_transcript->setLineWrapMode(QTextEdit::WidgetWidth);
    m_transcript->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_transcript->setContextMenuPolicy(Qt::CustomContextMenu);
    m_transcript->document()->setMaximumBlockCount(20000);
    m_transcript->installEventFilter(this);
    m_transcript->viewport()->installEventFilter(this);

    m_prompt = new QLabel(this);
    m_prompt->setObjectName(QStringLiteral("terminalPrompt"));
    m_prompt->setTextFormat(Qt::PlainText);
    m_input = new TerminalInput(this);

    auto *copy = new QAction(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("actionTerminalCopy"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TerminalView::copySelection);
    addAction(copy);

    auto *inputRow = new QHBoxLayout;
    inputRow->setContentsMargins(4, 0, 4, 2);
    inputRow->setSpacing(0);
    inputRow->addWidget(m_prompt);
    inputRow->addWidget(m_input, 1);

    auto *shell = new QWidget(this);
    shell->setObjectName(QStringLiteral("terminalShell"));
    auto *shellLayout = new QVBoxLayout(shell);
    shellLayout->setContentsMargins(0, 0, 0, 0);
    shellLayout->setSpacing(0);
    shellLayout->addWidget(m_transcript, 1);
    shellLayout->addLayout(inputRow);

    m_decisionPanel = new TerminalDecisionPanel(this);
    m_decisionPanel->hide();

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("terminalSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(shell);
    m_splitter->addWidget(m_decisionPanel);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    styleTerminal();
    setFocusProxy(m_input);
}

void TerminalView::styleTerminal()
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QWidget *widget : {static_cast<QWidget *>(m_transcript), static_cast<QWidget *>(m_prompt),
                            static_cast<QWidget *>(m_input)})
        widget->setFont(mono);
    const QString sheet = QStringLiteral(
        "#terminalShell, #terminalTranscript, #terminalInput, #terminalPrompt {"
        " background: %1; color: %2; border: none; selection-background-color: #264f78; selection-color: %2; }"
        "#terminalPrompt { color: %3; }");
    findChild<QWidget *>(QStringLiteral("terminalShell"))
        ->setStyleSheet(sheet.arg(kBackground.name(), kText.name(), kPrompt.name()));
}

void TerminalView::connectSignals()
{
    connect(&m_session, &TerminalSession::entryAdded, this, &TerminalView::appendEntry);
    connect(&m_session, &TerminalSession::screenCleared, this, &TerminalView::clearScreen);
    connect(&m_session, &TerminalSession::contextChanged, this, &TerminalView::updatePrompt);
    connect(m_input, &QLineEdit::returnPressed, this, &TerminalView::submit);
    connect(m_input, &TerminalInput::historyOlderRequested, this, &TerminalView::historyOlder);
    connect(m_input, &TerminalInput::historyNewerRequested, this, &TerminalView::historyNewer);
    connect(m_input, &TerminalInput::completionRequested, this, &TerminalView::complete);
    connect(m_input, &TerminalInput::clearScreenRequested, &m_session, &TerminalSession::clearScreen);
    connect(m_input, &TerminalInput::interruptRequested, this, &TerminalView::interrupt);
    connect(m_input, &TerminalInput::copyRequested, this, &TerminalView::copySelection);
    connect(m_input, &TerminalInput::textPasted, this, &TerminalView::paste);
    connect(m_transcript, &QTextBrowser::anchorClicked, this, &TerminalView::badgeClicked);
    connect(m_transcript, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createTranscriptMenu();
        menu->popup(m_transcript->viewport()->mapToGlobal(pos));
    });
}

QMenu *TerminalView::createTranscriptMenu()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copy = menu->addAction(tr("Copy"), this, &TerminalView::copySelection);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy->setEnabled(m_transcript->textCursor().hasSelection() || m_input->hasSelectedText());
    menu->addAction(tr("Select all"), m_transcript, &QTextEdit::selectAll);
    menu->addSeparator();
    QAction *pasteAction = menu->addAction(tr("Paste"), this, [this] { paste(QGuiApplication::clipboard()->text()); });
    pasteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    menu->addAction(tr("Clear"), &m_session, &TerminalSession::clearScreen);
    return menu;
}

void TerminalView::runLine(const QString &line)
{
    m_session.run(line);
}

void TerminalView::submit()
{
    const QString line = m_input->text();
    m_input->clear();
    runLine(line);
}

void TerminalView::showDecision(int entryIndex)
{
    const auto &entries = m_session.entries();
    if (entryIndex < 0 || entryIndex >= int(entries.size()))
        return;
    m_decisionPanel->showEntry(entries[std::size_t(entryIndex)]);
    if (m_splitter->sizes().value(1) == 0)
        m_splitter->setSizes({m_splitter->width() * 3 / 5, m_splitter->width() * 2 / 5});
}

QString TerminalView::transcriptText() const
{
    return m_transcript->toPlainText();
}

void TerminalView::copySelection()
{
    if (m_transcript->textCursor().hasSelection())
        m_transcript->copy();
    else if (m_input->hasSelectedText())
        m_input->copy();
}

// Typing with the transcript focused goes to the input line, as in a terminal.
bool TerminalView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_transcript && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (plain && !key->text().isEmpty() && key->text().at(0).isPrint()) {
            m_input->setFocus();
            m_input->insert(key->text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TerminalView::appendEntry(int index)
{
    const TerminalEntry &entry = m_session.entries()[std::size_t(index)];
    appendCommandLine(entry.prompt, entry.commandLine);
    if (entry.madeCalls())
        appendBadge(entry, index);
    appendOutput(entry.out, kText);
    appendOutput(entry.err, kError);
    scrollToEnd();
}

void TerminalView::appendCommandLine(const QString &prompt, const QString &line)
{
    appendNewLine();
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat promptFormat;
    promptFormat.setForeground(kPrompt);
    cursor.insertText(prompt, promptFormat);
    QTextCharFormat lineFormat;
    lineFormat.setForeground(kText);
    cursor.insertText(line, lineFormat);
}

void TerminalView::appendBadge(const TerminalEntry &entry, int index)
{
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral("   "), QTextCharFormat());
    QTextCharFormat badge;
    badge.setAnchor(true);
    badge.setAnchorHref(kDecisionScheme + QLatin1Char(':') + QString::number(index));
    badge.setForeground(entry.allowed() ? kAllowed : kDenied);
    badge.setFontWeight(QFont::Bold);
    badge.setToolTip(tr("Click to see why"));
    cursor.insertText(entry.allowed() ? tr("✔ allowed") : tr("✖ denied"), badge);
}

void TerminalView::appendOutput(const QString &text, const QColor &color)
{
    if (text.isEmpty())
        return;
    appendNewLine();
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    format.setForeground(color);
    cursor.insertText(withoutFinalNewline(text), format);
}

// Lines are blocks: every line but the first starts a new one.
void TerminalView::appendNewLine()
{
    if (m_transcript->document()->isEmpty())
        return;
    QTextCursor cursor(m_transcript->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock();
}

void TerminalView::scrollToEnd()
{
    QScrollBar *bar = m_transcript->verticalScrollBar();
    bar->setValue(bar->maximum());
    // A long output may be laid out after this returns: follow it once more then.
    QTimer::singleShot(0, this, [bar] { bar->setValue(bar->maximum()); });
}

void TerminalView::clearScreen()
{
    m_transcript->clear();
}

void TerminalView::updatePrompt()
{
    m_prompt->setText(m_session.prompt());
    m_prompt->setToolTip(m_session.currentLabel());
}

void TerminalView::historyOlder()
{
    m_input->setText(m_session.historyOlder(m_input->text()));
}

void TerminalView::historyNewer()
{
    m_input->setText(m_session.historyNewer());
}

// Bash's Tab: one candidate is inserted (with a space after a whole word), several
// are completed as far as they agree, and when they agree no further, listed.
void TerminalView::complete()
{
    const QString text = m_input->text();
    const int position = m_input->cursorPosition();
    const QString line = text.left(position);
    const QStringList candidates = m_session.completions(line);
    if (candidates.isEmpty())
        return;
    static const QRegularExpression space(QStringLiteral("\\s"));
    const int wordStart = int(line.lastIndexOf(space)) + 1;
    const QString word = line.mid(wordStart);
    QString insert;
    if (candidates.size() == 1) {
        insert = candidates.front();
        if (!insert.endsWith(QLatin1Char('/')) && !insert.endsWith(QLatin1Char('=')))
            insert += QLatin1Char(' ');
    } else {
        const QString prefix = commonPrefix(candidates);
        if (prefix.size() <= word.size()) {
            appendCommandLine(m_session.prompt(), text);
            appendOutput(candidates.join(QStringLiteral("  ")), kText);
            scrollToEnd();
            return;
        }
        insert = prefix;
    }
    m_input->setText(line.left(wordStart) + insert + text.mid(position));
    m_input->setCursorPosition(wordStart + int(insert.size()));
}

void TerminalView::interrupt()
{
    appendCommandLine(m_session.prompt(), m_input->text() + QStringLiteral("^C"));
    scrollToEnd();
    m_input->clear();
    m_session.resetHistoryWalk();
}

// Each complete line of a paste runs, as bash does; what follows the last line
// break stays in the input to be finished.
void TerminalView::paste(const QString &text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = normalized.split(QLatin1Char('\n'));
    m_input->insert(lines.takeFirst());
    if (lines.isEmpty())
        return;
    submit();
    const QString rest = lines.takeLast();
    for (const QString &line : lines)
        runLine(line);
    m_input->insert(rest);
}

void TerminalView::badgeClicked(const QUrl &url)
{
    if (url.scheme() == kDecisionScheme)
        showDecision(url.path().toInt());
}
