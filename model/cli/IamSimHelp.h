#pragma once

// iam-sim's help texts, in the AWS CLI's layout (NAME, DESCRIPTION, SYNOPSIS,
// OPTIONS, EXAMPLES, OUTPUT, EXIT STATUS).

#include <string_view>

namespace iam {

struct IamSimCommandHelp
{
    std::string_view name;
    std::string_view summary;   // one line, for the command list
    std::string_view text;      // the whole page
};

extern const IamSimCommandHelp kIamSimCommands[];
extern const std::size_t kIamSimCommandCount;
extern const std::string_view kIamSimOverview;

} // namespace iam
