#pragma once

// The terminal's state, apart from its widgets: the AWS CLI emulator (AwsShell) over
// the document's account, where commands run now (a TerminalContexts row), the
// transcript of entries and the command history, navigable as bash's.
//
//   TerminalSession session(document);
//   session.setCurrentKey("i-0abc1234def567890");     // run on the instance
//   const TerminalEntry &entry = session.run("aws s3 ls");
//   entry.allowed();                                  // every authorization allowed
//
// Runs are synchronous: the shell only reads and calls the account, which belongs
// to the GUI thread. Its API calls are logged (source "terminal"), which marks the
// document modified, but they are not undoable edits. GUI thread only.

#include "TerminalEntry.h"

#include "ShellContext.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace iam {
class AwsShell;
}
class TerminalContexts;
class WorkspaceDocument;

class TerminalSession : public QObject
{
    Q_OBJECT

public:
    explicit TerminalSession(WorkspaceDocument &document, QObject *parent = nullptr);
    ~TerminalSession() override;

    WorkspaceDocument &document() { return m_document; }
    TerminalContexts *contexts() const { return m_contexts; }

    // Where commands run: a key of contexts() ("local" or an instance id). When the
    // current instance goes away (terminated, account replaced) it is the local machine again.
    QString currentKey() const { return m_currentKey; }
    void setCurrentKey(const QString &key);
    iam::ShellContext currentContext() const;
    QString currentLabel() const;
    QString prompt() const;

    // The IAM user `aws configure` was run with on the local machine (TerminalContexts).
    QString localUser() const;
    void setLocalUser(const QString &userName);

    // Runs one line in the current context and records it; a blank line is an entry
    // that ran nothing. Emits entryAdded(), or screenCleared() for `clear`.
    const TerminalEntry &run(const QString &commandLine);
    const std::vector<TerminalEntry> &entries() const { return m_entries; }
    // Empties the screen (Ctrl+L, the Clear button): entries are kept, history too.
    void clearScreen();

    // Candidates for the word being typed at the end of `line` (AwsShell::completions).
    QStringList completions(const QString &line) const;

    // History, oldest first, without consecutive duplicates or blank lines.
    const QStringList &history() const { return m_history; }
    // Up: the previous command, leaving `current` (the line being typed) to come back
    // to; at the oldest command, that command again. Down: the next one, and past the
    // newest, the line that was being typed. Running a line resets the walk.
    QString historyOlder(const QString &current);
    QString historyNewer();
    // Ctrl+C: the line is abandoned, Up starts from the newest command again.
    void resetHistoryWalk();

signals:
    void entryAdded(int index);
    void screenCleared();
    // The current context, its label or its prompt changed.
    void contextChanged();

private:
    void rebuildShell();
    void followContexts();

    WorkspaceDocument &m_document;
    TerminalContexts *m_contexts = nullptr;
    std::unique_ptr<iam::AwsShell> m_shell;
    QString m_currentKey;
    QString m_lastPrompt;
    QString m_lastLabel;
    QString m_currentKeyShown;
    std::vector<TerminalEntry> m_entries;
    QStringList m_history;
    int m_historyPos = 0;   // m_history.size(): not walking
    QString m_draft;        // the line being typed when the walk began
};
