#pragma once

// The `aws` command (AWS CLI v2) in the terminal: global options anywhere on the
// line (--output, --query, --region, --no-cli-pager, ...), then a service and a
// command from AwsCliCommandTable whose options become the operation's
// parameters; `s3 ls|cp` and `configure list` are the CLI's own commands. Help
// (`aws help`, `aws iam help`, `aws iam get-role help`) is a short list of what
// this terminal supports.
//
//   AwsCli(api).run(ShellContext::localMachine("lab-user"), {"s3", "ls"}, run);
//
// Never throws; the account's thread only.

#include "AccountApi.h"
#include "ShellContext.h"
#include "ShellRun.h"

#include <string>
#include <vector>

namespace iam {

class AwsCliInvocation;
struct AwsCliOperation;
struct AwsCliService;

class AwsCli
{
public:
    explicit AwsCli(AccountApi &api) : m_api(api) {}

    // `args` are the words after "aws".
    void run(const ShellContext &context, const std::vector<std::string> &args, ShellRun &run);

    static std::string version(const ShellContext &context);

private:
    void runOperation(AwsCliInvocation &cli, const AwsCliService &service, const AwsCliOperation &operation,
                      const std::vector<std::string> &args);
    void configureList(AwsCliInvocation &cli, const std::vector<std::string> &args);

    AccountApi &m_api;
};

} // namespace iam
