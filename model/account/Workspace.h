#pragma once

// Workspace files (.iamstudio): the account, its event log and the signed-in
// identity in one JSON document with a formatVersion. Saving is atomic: the
// document is written beside the target and renamed over it, so a crash or a kill
// mid-save leaves either the old file or the new one, never a damaged one.

#include "Account.h"
#include "Diagnostic.h"

#include <memory>
#include <optional>
#include <string>

namespace iam {

struct Workspace
{
    static constexpr int kFormatVersion = 1;

    std::unique_ptr<Account> account;
    CallerIdentity signedIn;   // whose console this is (the caller of console actions)
};

struct WorkspaceLoad
{
    std::optional<Workspace> workspace;
    Diagnostics diagnostics;   // errors refuse the file: malformed, newer format, inconsistent

    bool ok() const { return workspace.has_value() && !hasErrors(diagnostics); }
};

// The document for a workspace (what saveWorkspace writes).
std::string workspaceJson(const Account &account, const CallerIdentity &signedIn);
// Reads a document; `source` names it in diagnostics (file:line:column).
WorkspaceLoad readWorkspace(std::string_view text, const std::string &source,
                            const AwsManagedPolicies *awsManaged = nullptr);

// Writes atomically; returns an error message, or empty on success.
std::string saveWorkspace(const std::string &path, const Account &account, const CallerIdentity &signedIn);
// Reads a file; an unreadable file is an error diagnostic naming it.
WorkspaceLoad loadWorkspace(const std::string &path, const AwsManagedPolicies *awsManaged = nullptr);

} // namespace iam
