#pragma once

// What iam-sim's commands share: the streams they use, AWS CLI-style option
// parsing, parameter inputs (file://PATH, -, or inline), and usage errors.

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iam {

class ActionCatalog;
class AwsManagedPolicies;

struct IamSimIo
{
    std::istream &in;
    std::ostream &out;
    std::ostream &err;
    const ActionCatalog *catalog = nullptr;
    const AwsManagedPolicies *awsManaged = nullptr;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternalError = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitServiceError = 254;   // the AWS CLI's code for an error the service returned

// --name value pairs (a name may take several values: --action-names a b c) and --flags.
struct IamSimOptions
{
    std::map<std::string, std::vector<std::string>> values;
    std::vector<std::string> flags;
    std::vector<std::string> positional;
    std::vector<std::string> unknown;
    std::vector<std::string> missingValue;   // options given last, without their value

    bool flag(const std::string &name) const;
    std::optional<std::string> value(const std::string &name) const;
    std::vector<std::string> list(const std::string &name) const;
};

// `valued` options take one value, `listed` ones take values up to the next option.
IamSimOptions parseIamSimOptions(const std::vector<std::string> &args, const std::vector<std::string> &valued,
                                 const std::vector<std::string> &flags, const std::vector<std::string> &listed = {},
                                 bool positionalAllowed = false);

struct IamSimInput
{
    std::string text;
    std::string name;   // what diagnostics call it
};

// file://PATH, - (standard input), a plain path, or (when `inlineAllowed`) the JSON
// itself. Reports an unreadable file on err and returns nullopt.
std::optional<IamSimInput> readIamSimInput(const std::string &value, IamSimIo &io, bool inlineAllowed);

// A usage error for unknown options or options without their value, as the
// AWS CLI words them; nullopt when the options are fine.
std::optional<int> checkIamSimOptions(const IamSimOptions &options, IamSimIo &io);

// The AWS CLI's usage message with `problem`; returns kExitBadInput.
int iamSimUsageError(IamSimIo &io, const std::string &problem);

} // namespace iam
