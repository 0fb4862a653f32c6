#include "AwsShell.h"

#include "AccountApi.h"

// Placeholder until the AWS CLI emulator lands: every command is unknown.
namespace iam {

AwsShell::AwsShell(AccountApi &api)
    : m_api(api)
{
}

ShellRun AwsShell::run(const ShellContext &, std::string_view commandLine)
{
    ShellRun run;
    run.commandLine = std::string(commandLine);
    run.exitCode = 127;
    run.err = "bash: command not found\n";
    return run;
}

std::string AwsShell::prompt(const ShellContext &context) const
{
    return context.kind == ShellContext::Kind::Instance ? "[ec2-user@ip-172-31-16-5 ~]$ " : context.userName + "@laptop:~$ ";
}

std::vector<std::string> AwsShell::completions(std::string_view) const
{
    return {};
}

} // namespace iam
