#pragma once

// The AWS CLI's high-level S3 commands (awscli/customizations/s3/subcommands.py):
//
//   aws s3 ls                         ListBuckets: "2024-04-30 16:20:00 bucket-name"
//   aws s3 ls s3://bucket[/prefix]    ListObjectsV2 with Delimiter "/": "PRE folder/" lines
//                                     (PRE right-aligned in 30 columns), then
//                                     "date time  size(10 columns) name" lines;
//                                     --recursive lists full keys without a delimiter;
//                                     --summarize adds the totals; --human-readable sizes
//   aws s3 cp s3://bucket/key -       GetObject, the body to standard output
//   aws s3 cp s3://bucket/key FILE    GetObject, then "download: s3://bucket/key to FILE"
//
// Times print in UTC (the CLI prints local time; the lab machines run in UTC).

#include <string>
#include <vector>

namespace iam {

class AwsCliInvocation;

class AwsS3Commands
{
public:
    explicit AwsS3Commands(AwsCliInvocation &cli) : m_cli(cli) {}

    // `command` is "ls" or "cp"; `args` the words after it.
    void run(const std::string &command, const std::vector<std::string> &args);

private:
    void ls(const std::vector<std::string> &args);
    void cp(const std::vector<std::string> &args);

    AwsCliInvocation &m_cli;
};

} // namespace iam
