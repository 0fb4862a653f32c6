#pragma once

// iam-sim's commands, callable in-process: main() hands over its arguments and
// standard streams, a test hands over strings. Never throws.
//
//   std::istringstream in; std::ostringstream out, err;
//   int code = runIamSim({"simulate-custom-policy", "--cli-input-json", "file://req.json"}, in, out, err);
//
// Exit status: 0 done (whatever the decisions or findings), 2 bad input or usage,
// 1 internal error.

#include <iosfwd>
#include <string>
#include <vector>

namespace iam {

class ActionCatalog;
class AwsManagedPolicies;

int runIamSim(const std::vector<std::string> &args, std::istream &in, std::ostream &out, std::ostream &err,
              const ActionCatalog *catalog = nullptr, const AwsManagedPolicies *awsManaged = nullptr);

} // namespace iam
