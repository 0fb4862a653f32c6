#include "WorkspaceDocument.h"

#include "ApiCommand.h"
#include "DefaultWorkspace.h"
#include "Workspace.h"

#include <QUndoStack>

WorkspaceDocument::WorkspaceDocument(const Catalogs &catalogs, QObject *parent)
    : QObject(parent)
    , m_catalogs(catalogs)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::indexChanged, this, &WorkspaceDocument::updateModified);
    replaceAccount(iam::defaultAccount(m_catalogs.awsManaged), iam::defaultSignedIn());
    markSaved();
}

WorkspaceDocument::~WorkspaceDocument()
{
    if (m_account)
        m_account->removeObserver(this);
}

void WorkspaceDocument::setSignedIn(const iam::CallerIdentity &caller)
{
    if (caller == m_signedIn)
        return;
    m_signedIn = caller;
    emit signedInChanged();
    updateModified();
}

QString WorkspaceDocument::signedInArn() const
{
    return QString::fromStdString(m_account->callerArn(m_signedIn));
}

iam::CallResult WorkspaceDocument::call(const char *service, const char *operation, const nlohmann::json &params,
                                        iam::CallSource source)
{
    iam::CallResult result = m_api->call(m_signedIn, service, operation, params, source);
    updateModified();
    return result;
}

CommandOutcome WorkspaceDocument::execute(ApiCommand *command)
{
    const CommandOutcome outcome = command->perform();
    if (outcome.ok)
        m_undoStack->push(command);   // its redo() is a no-op this once
    else
        delete command;
    updateModified();
    return outcome;
}

bool WorkspaceDocument::isModified() const
{
    return m_modified;
}

void WorkspaceDocument::newWorkspace()
{
    replaceAccount(iam::defaultAccount(m_catalogs.awsManaged), iam::defaultSignedIn());
    setFilePath({});
    markSaved();
}

bool WorkspaceDocument::open(const QString &path, QString *error)
{
    iam::WorkspaceLoad load = iam::loadWorkspace(path.toStdString(), m_catalogs.awsManaged);
    if (!load.ok()) {
        QStringList lines;
        for (const iam::Diagnostic &d : load.diagnostics)
            if (d.severity == iam::Diagnostic::Severity::Error)
                lines << QString::fromStdString(iam::formatDiagnostic(d));
        if (error)
            *error = lines.join(QLatin1Char('\n'));
        return false;
    }
    replaceAccount(std::move(load.workspace->account), load.workspace->signedIn);
    setFilePath(path);
    markSaved();
    return true;
}

bool WorkspaceDocument::save(const QString &path, QString *error)
{
    const std::string failure = iam::saveWorkspace(path.toStdString(), *m_account, m_signedIn);
    if (!failure.empty()) {
        if (error)
            *error = QString::fromStdString(failure);
        return false;
    }
    setFilePath(path);
    markSaved();
    return true;
}

void WorkspaceDocument::accountChanged(const iam::AccountChange &change)
{
    emit entityChanged(change);
    // Calls made straight through api() (the terminal's) grow the log too.
    if (change.entity == iam::AccountChange::Entity::Event)
        updateModified();
}

void WorkspaceDocument::replaceAccount(std::unique_ptr<iam::Account> account, const iam::CallerIdentity &signedIn)
{
    // Commands refer to the account they changed: none survive it.
    m_undoStack->clear();
    if (m_account)
        m_account->removeObserver(this);
    m_account = std::move(account);
    m_account->addObserver(this);
    m_api = std::make_unique<iam::AccountApi>(*m_account);
    const bool signedInDiffers = !(signedIn == m_signedIn);
    m_signedIn = signedIn;
    emit accountReplaced();
    if (signedInDiffers)
        emit signedInChanged();
}

void WorkspaceDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

void WorkspaceDocument::markSaved()
{
    m_undoStack->setClean();
    m_savedEventCount = m_account->eventLog().events().size();
    m_savedSignedIn = m_signedIn;
    updateModified();
}

// Modified when an edit was made or undone since the save, or when anything else
// the file holds changed: the event log grew, another identity signed in.
void WorkspaceDocument::updateModified()
{
    const bool modified = !m_undoStack->isClean() || m_account->eventLog().events().size() != m_savedEventCount
        || !(m_signedIn == m_savedSignedIn);
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}
