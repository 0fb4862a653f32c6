#pragma once

// The terminal's shell: runs one command line in a context (ShellContext) against
// the simulated account, as bash with the AWS CLI v2 installed would. `aws ...`
// commands become API calls through AccountApi (source CallSource::Terminal, so
// they land in the event log); on an instance `curl` reaches the instance metadata
// service. Output, error text and exit codes are the AWS CLI's.
//
//   AwsShell shell(api);
//   ShellRun run = shell.run(ShellContext::localMachine("lab-user"), "aws s3 ls");
//   // run.exitCode == 254, run.err == "\nAn error occurred (AccessDenied) when calling
//   //     the ListBuckets operation: Access Denied\n"
//
// Never throws; the account's thread only (like AccountApi).

#include "ShellContext.h"
#include "ShellRun.h"

#include <string>
#include <string_view>
#include <vector>

namespace iam {

class AccountApi;

class AwsShell
{
public:
    explicit AwsShell(AccountApi &api);

    ShellRun run(const ShellContext &context, std::string_view commandLine);

    // The prompt bash shows there: "lab-user@laptop:~$ " locally,
    // "[ec2-user@ip-172-31-16-5 ~]$ " on an instance.
    std::string prompt(const ShellContext &context) const;

    // Completions for the word being typed at the end of `line` ("aws s3 l" ->
    // {"ls"}), from the commands this shell knows. Sorted, unique.
    std::vector<std::string> completions(std::string_view line) const;

private:
    AccountApi &m_api;
};

} // namespace iam
