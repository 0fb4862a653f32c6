#pragma once

// The open workspace: the simulated account, who is signed in to the console, the
// undo stack and the file it was read from. Views and models hold a reference to
// the document, never copies of entities; they learn of every change through
// entityChanged() (one entity at a time) and accountReplaced() (New / Open).
//
//   WorkspaceDocument doc(Catalogs::bundled());          // the walkthrough's account
//   doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
//   CommandOutcome outcome = doc.execute(makeAttachPolicyCommand(doc, ...));
//   if (!outcome.ok) messageBar->showError(outcome.message);
//
// Undo meets the event log one way: a command's AWS calls are logged when first
// made; undo and redo restore the states the command saved and are not logged
// (they are not AWS calls). GUI thread only.

#include "AccountApi.h"
#include "Catalogs.h"
#include "CommandOutcome.h"

#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;
class ApiCommand;

class WorkspaceDocument : public QObject, private iam::AccountObserver
{
    Q_OBJECT

public:
    // Opens on the default workspace (DefaultWorkspace.h).
    explicit WorkspaceDocument(const Catalogs &catalogs, QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    iam::Account &account() { return *m_account; }
    const iam::Account &account() const { return *m_account; }
    iam::AccountApi &api() { return *m_api; }
    const Catalogs &catalogs() const { return m_catalogs; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // The console's caller. Changing it is not an edit of the account, but it is
    // saved with the workspace, so it marks the document modified.
    const iam::CallerIdentity &signedIn() const { return m_signedIn; }
    void setSignedIn(const iam::CallerIdentity &caller);
    // The ARN of the signed-in caller, as AWS error messages name it.
    QString signedInArn() const;

    // A call as the signed-in caller that is not an undoable edit: reads, and the
    // terminal's commands. Logged in the event log like every call.
    iam::CallResult call(const char *service, const char *operation,
                         const nlohmann::json &params = nlohmann::json::object(),
                         iam::CallSource source = iam::CallSource::Console);

    // Runs a command (its first redo makes its AWS calls) and, when it succeeded,
    // keeps it on the undo stack. Takes ownership; a refused command leaves the
    // account and the stack as they were.
    CommandOutcome execute(ApiCommand *command);

    // File. A failed open or save changes nothing and says why in `error`
    // ("file:line:column: error: ..." for a malformed file).
    QString filePath() const { return m_filePath; }
    bool isModified() const;
    void newWorkspace();
    bool open(const QString &path, QString *error);
    bool save(const QString &path, QString *error);

signals:
    void entityChanged(const iam::AccountChange &change);
    // The whole account was replaced (New, Open): models reset.
    void accountReplaced();
    void signedInChanged();
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    void accountChanged(const iam::AccountChange &change) override;   // AccountObserver
    void replaceAccount(std::unique_ptr<iam::Account> account, const iam::CallerIdentity &signedIn);
    void setFilePath(const QString &path);
    void markSaved();
    void updateModified();

    const Catalogs &m_catalogs;
    std::unique_ptr<iam::Account> m_account;
    std::unique_ptr<iam::AccountApi> m_api;
    iam::CallerIdentity m_signedIn;
    QUndoStack *m_undoStack = nullptr;
    QString m_filePath;
    // What was saved (or opened) last, to tell whether anything since differs:
    // the event log and the signed-in caller are saved but are not undoable edits.
    std::size_t m_savedEventCount = 0;
    iam::CallerIdentity m_savedSignedIn;
    bool m_modified = false;
};

Q_DECLARE_METATYPE(iam::AccountChange)
