#include "TerminalSession.h"

#include "AwsShell.h"
#include "TerminalContexts.h"
#include "WorkspaceDocument.h"

#include <algorithm>

TerminalSession::TerminalSession(WorkspaceDocument &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_currentKey(TerminalContexts::LocalKey)
{
    // The shell holds the document's AccountApi, which New / Open replace: rebuilt
    // first on that signal, before the contexts model resets and asks for a prompt.
    rebuildShell();
    connect(&document, &WorkspaceDocument::accountReplaced, this, &TerminalSession::rebuildShell);
    m_contexts = new TerminalContexts(document, this);
    connect(m_contexts, &QAbstractItemModel::modelReset, this, &TerminalSession::followContexts);
    connect(m_contexts, &QAbstractItemModel::rowsRemoved, this, &TerminalSession::followContexts);
    connect(m_contexts, &QAbstractItemModel::dataChanged, this, &TerminalSession::followContexts);
    m_lastPrompt = prompt();
    m_lastLabel = currentLabel();
    m_currentKeyShown = m_currentKey;
}

TerminalSession::~TerminalSession() = default;

void TerminalSession::setCurrentKey(const QString &key)
{
    if (key == m_currentKey || m_contexts->rowOf(key) < 0)
        return;
    m_currentKey = key;
    followContexts();
}

iam::ShellContext TerminalSession::currentContext() const
{
    return m_contexts->contextOf(m_currentKey);
}

QString TerminalSession::currentLabel() const
{
    return m_contexts->labelOf(m_currentKey);
}

QString TerminalSession::prompt() const
{
    return QString::fromStdString(m_shell->prompt(currentContext()));
}

QString TerminalSession::localUser() const
{
    return m_contexts->localUser();
}

void TerminalSession::setLocalUser(const QString &userName)
{
    m_contexts->setLocalUser(userName);
    followContexts();
}

const TerminalEntry &TerminalSession::run(const QString &commandLine)
{
    TerminalEntry entry;
    entry.contextLabel = currentLabel();
    entry.prompt = prompt();
    entry.commandLine = commandLine;
    resetHistoryWalk();

    bool clear = false;
    if (!commandLine.trimmed().isEmpty()) {
        if (m_history.isEmpty() || m_history.last() != commandLine) {
            m_history << commandLine;
            m_historyPos = int(m_history.size());
        }
        // The run may change the account (and with it the contexts) as it goes.
        const iam::ShellRun run = m_shell->run(currentContext(), commandLine.toStdString());
        entry.out = QString::fromStdString(run.out);
        entry.err = QString::fromStdString(run.err);
        entry.exitCode = run.exitCode;
        entry.callerArn = QString::fromStdString(run.callerArn);
        for (const std::string &call : run.calls)
            entry.calls << QString::fromStdString(call);
        entry.authorizations = run.authorizations;
        clear = run.clearScreen;
    }
    m_entries.push_back(std::move(entry));
    if (clear)
        emit screenCleared();
    else
        emit entryAdded(int(m_entries.size()) - 1);
    return m_entries.back();
}

void TerminalSession::clearScreen()
{
    emit screenCleared();
}

QStringList TerminalSession::completions(const QString &line) const
{
    QStringList candidates;
    for (const std::string &candidate : m_shell->completions(line.toStdString()))
        candidates << QString::fromStdString(candidate);
    return candidates;
}

QString TerminalSession::historyOlder(const QString &current)
{
    if (m_history.isEmpty())
        return current;
    if (m_historyPos >= int(m_history.size()))
        m_draft = current;
    m_historyPos = std::max(0, std::min(m_historyPos, int(m_history.size())) - 1);
    return m_history[m_historyPos];
}

QString TerminalSession::historyNewer()
{
    if (m_historyPos >= int(m_history.size()))
        return m_draft;
    ++m_historyPos;
    return m_historyPos == int(m_history.size()) ? m_draft : m_history[m_historyPos];
}

void TerminalSession::resetHistoryWalk()
{
    m_historyPos = int(m_history.size());
    m_draft.clear();
}

void TerminalSession::rebuildShell()
{
    m_shell = std::make_unique<iam::AwsShell>(m_document.api());
}

// After the contexts changed: fall back to the local machine when the current
// context is gone, and tell the view when what it shows (prompt, label) differs.
void TerminalSession::followContexts()
{
    if (m_contexts->rowOf(m_currentKey) < 0)
        m_currentKey = TerminalContexts::LocalKey;
    const QString label = currentLabel();
    const QString shown = prompt();
    if (label == m_lastLabel && shown == m_lastPrompt && m_currentKeyShown == m_currentKey)
        return;
    m_lastLabel = label;
    m_lastPrompt = shown;
    m_currentKeyShown = m_currentKey;
    emit contextChanged();
}
