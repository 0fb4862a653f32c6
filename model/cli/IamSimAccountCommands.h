#pragma once

// iam-sim's commands over a workspace file (model/account): simulate a principal's
// real policies, make one API call as some caller, create, import and export.

#include "IamSimSupport.h"

#include <string>
#include <vector>

namespace iam {

int simulatePrincipalPolicy(const std::vector<std::string> &args, IamSimIo &io);
int callCommand(const std::vector<std::string> &args, IamSimIo &io);
int newWorkspaceCommand(const std::vector<std::string> &args, IamSimIo &io);
int importAuthorizationDetailsCommand(const std::vector<std::string> &args, IamSimIo &io);
int exportAuthorizationDetailsCommand(const std::vector<std::string> &args, IamSimIo &io);

} // namespace iam
