#pragma once

// The AWS CLI's `--output table`: the response as boxed sections, as awscli's
// TableFormatter and MultiTable lay them out. The outer section is titled with the
// operation's name; a structure's scalar members become a header row and a value
// row (a lone scalar member a two-cell row), each nested structure or list a
// section indented one level deeper and titled with its key. Columns share the
// width of the widest section; a table wider than the terminal (80 columns, as the
// CLI assumes when it cannot ask) turns its single-row sections vertical.
//
// Pure function; thread-safe.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace iam {

class AwsCliTable
{
public:
    static constexpr int kTerminalWidth = 80;

    // Empty when the value is "falsy" (an empty structure, list or string, 0,
    // false, null): the CLI prints no table then.
    static std::string render(std::string_view title, const nlohmann::ordered_json &value,
                              int terminalWidth = kTerminalWidth);
};

} // namespace iam
