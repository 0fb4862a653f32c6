#pragma once

// An undoable user edit made of AWS API calls by one caller. "Create role S3Access"
// is CreateRole, AttachRolePolicy, CreateInstanceProfile, AddRoleToInstanceProfile.
//
// The first run makes the calls in order as the caller the command was made for;
// when one is refused, what the earlier ones did is rolled back (the console's
// Create role leaves nothing half-created) and the outcome carries AWS's error.
// After that, undo and redo restore the states the first run saved (AccountDelta):
// no call is authorized or logged again.
//
// Build one through the functions of AccountCommands.h and hand it to
// WorkspaceDocument::execute().

#include "AccountApi.h"
#include "AccountDelta.h"
#include "CommandOutcome.h"

#include <QUndoCommand>

#include <optional>
#include <string>
#include <vector>

class WorkspaceDocument;

class ApiCommand : public QUndoCommand
{
public:
    struct Call
    {
        std::string service;     // "iam"
        std::string operation;   // "AttachRolePolicy"
        nlohmann::json params;   // the API's parameter names
    };

    // `text` in the console's words: "Attach AmazonS3ReadOnlyAccess to S3Access".
    ApiCommand(WorkspaceDocument &document, const QString &text, std::vector<Call> calls);

    // The first run: makes the calls. WorkspaceDocument::execute() calls it once,
    // before the command reaches the stack.
    const CommandOutcome &perform();
    const CommandOutcome &outcome() const { return m_outcome; }
    // Each call's result from the first run, in order (stops at a refused one).
    const std::vector<iam::CallResult> &results() const { return m_results; }

    void undo() override;
    void redo() override;

private:
    WorkspaceDocument &m_document;
    iam::CallerIdentity m_caller;
    std::vector<Call> m_calls;
    std::vector<iam::CallResult> m_results;
    CommandOutcome m_outcome;
    std::optional<iam::AccountDelta> m_delta;
    // QUndoStack::push() calls redo() at once; the first run already happened.
    bool m_skipNextRedo = false;
};
