#pragma once

// Why a terminal command was allowed or denied (rich text for the terminal's
// decision panel): the command, whom it ran as, and every authorization its API
// calls needed, each with its action, resource, caller, outcome, AWS's reason for
// a denial and the deciding statements.

#include "TerminalEntry.h"

#include <QString>

QString terminalDecisionHtml(const TerminalEntry &entry);
