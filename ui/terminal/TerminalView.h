#pragma once

// The terminal itself: a dark, read-only, selectable transcript and, under it, the
// prompt and the input line (TerminalInput). Enter runs the line in the session's
// current context; each command that made API calls gets a decision badge
// ("✔ allowed" / "✖ denied") that opens the decision panel on click.
//
//   auto *view = new TerminalView(session, this);
//   view->runLine("aws s3 ls");          // as if typed and Enter pressed
//   view->transcriptText();              // what the screen shows, as plain text

#include <QWidget>

class QLabel;
class QMenu;
class QSplitter;
class QTextBrowser;
class QUrl;
class TerminalDecisionPanel;
class TerminalInput;
class TerminalSession;
struct TerminalEntry;

class TerminalView : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalView(TerminalSession &session, QWidget *parent = nullptr);

    TerminalSession &session() const { return m_session; }
    TerminalInput *input() const { return m_input; }
    QTextBrowser *transcript() const { return m_transcript; }
    TerminalDecisionPanel *decisionPanel() const { return m_decisionPanel; }

    void runLine(const QString &line);
    // Runs what is typed (Enter).
    void submit();
    void showDecision(int entryIndex);
    QString transcriptText() const;
    // The selection of the transcript, else of the input, to the clipboard.
    void copySelection();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createWidgets();
    void connectSignals();
    void styleTerminal();
    QMenu *createTranscriptMenu();

    void appendEntry(int index);
    void appendCommandLine(const QString &prompt, const QString &line);
    void appendBadge(const TerminalEntry &entry, int index);
    void appendOutput(const QString &text, const QColor &color);
    void appendNewLine();
    void scrollToEnd();
    void clearScreen();
    void updatePrompt();
    void historyOlder();
    void historyNewer();
    void complete();
    void interrupt();
    void paste(const QString &text);
    void badgeClicked(const QUrl &url);

    TerminalSession &m_session;
    QSplitter *m_splitter = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QLabel *m_prompt = nullptr;
    TerminalInput *m_input = nullptr;
    TerminalDecisionPanel *m_decisionPanel = nullptr;
};
