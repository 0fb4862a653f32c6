#pragma once

// The AWS CLI's three output formats over an API response (awscli/formatter.py,
// awscli/text.py, awscli/table.py; "Setting the output format in the AWS CLI",
// docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html):
//
//   json   the response with a 4-space indent, keys in the service model's order
//   text   tab-separated scalars; a list of objects gives one line per object,
//          led by its key upper-cased; nested values follow on their own lines
//   table  boxed sections titled with the operation's name (AwsCliTable)
//
// present() first turns the account's response into what AWS CLI v2 shows:
// timestamps in ISO 8601 with "+00:00" (v2's default cli_timestamp_format) and the
// members of each structure in the order of the service model.
//
// Pure functions; thread-safe.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace iam {

class AwsCliFormatter
{
public:
    static nlohmann::ordered_json present(const nlohmann::json &response);

    static std::string json(const nlohmann::ordered_json &value);
    static std::string text(const nlohmann::ordered_json &value);
    static std::string table(std::string_view title, const nlohmann::ordered_json &value);

    // How Python's str() writes a scalar: True, False, None, 42, the string itself.
    static std::string scalarText(const nlohmann::ordered_json &value);
    static bool isScalar(const nlohmann::ordered_json &value) { return !value.is_object() && !value.is_array(); }
};

} // namespace iam
