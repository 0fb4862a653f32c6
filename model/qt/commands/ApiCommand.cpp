#include "ApiCommand.h"

#include "WorkspaceDocument.h"

ApiCommand::ApiCommand(WorkspaceDocument &document, const QString &text, std::vector<Call> calls)
    : m_document(document)
    , m_caller(document.signedIn())
    , m_calls(std::move(calls))
{
    setText(text);
}

const CommandOutcome &ApiCommand::perform()
{
    iam::Account &account = m_document.account();
    iam::AccountDeltaRecorder recorder(account);
    for (const Call &call : m_calls) {
        m_results.push_back(m_document.api().call(m_caller, call.service, call.operation, call.params));
        const iam::CallResult &result = m_results.back();
        if (!result.ok()) {
            m_outcome = {false, QString::fromStdString(result.errorCode), QString::fromStdString(result.errorMessage),
                         QString::fromStdString(call.operation)};
            break;
        }
    }
    iam::AccountDelta delta = recorder.finish();
    if (!m_outcome.ok) {
        delta.revert(account);
        setObsolete(true);
        return m_outcome;
    }
    m_delta = std::move(delta);
    m_skipNextRedo = true;
    return m_outcome;
}

void ApiCommand::undo()
{
    if (m_delta)
        m_delta->revert(m_document.account());
}

void ApiCommand::redo()
{
    if (m_skipNextRedo) {
        m_skipNextRedo = false;
        return;
    }
    if (m_delta)
        m_delta->reapply(m_document.account());
}
