#include "AwsCliInvocation.h"

#include "AwsCliFormatter.h"
#include "InstanceCredentials.h"

namespace iam {

AwsCliInvocation::AwsCliInvocation(AccountApi &api, const ShellContext &context, ShellRun &run, AwsCliGlobals globals)
    : m_api(api), m_context(context), m_run(run), m_globals(std::move(globals))
{
}

std::string AwsCliInvocation::usage()
{
    return "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
           "To see help text, you can run:\n"
           "\n"
           "  aws help\n"
           "  aws <command> help\n"
           "  aws <command> <subcommand> help\n";
}

std::optional<CallerIdentity> AwsCliInvocation::credentials()
{
    const Account &account = m_api.account();
    std::optional<CallerIdentity> caller;
    if (m_context.kind == ShellContext::Kind::LocalMachine) {
        // A user deleted since `aws configure` leaves no key behind in this simulation.
        if (!m_context.userName.empty() && account.findUser(m_context.userName))
            caller = CallerIdentity::user(m_context.userName);
    } else {
        caller = instanceSession(account, m_context.instanceId);
    }
    if (!caller) {
        // NoCredentialsErrorHandler: a blank line, the message, exit 253.
        m_run.err += "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n";
        m_run.exitCode = kConfigurationError;
    }
    return caller;
}

CallResult AwsCliInvocation::call(const CallerIdentity &caller, std::string_view service, std::string_view operation,
                                  const nlohmann::json &params)
{
    CallResult result = m_api.call(caller, service, operation, params, CallSource::Terminal);
    m_run.callerArn = m_api.account().callerArn(caller);
    m_run.calls.push_back(std::string(service) + ":" + std::string(operation));
    m_run.authorizations.insert(m_run.authorizations.end(), result.authorizations.begin(),
                                result.authorizations.end());
    return result;
}

void AwsCliInvocation::serviceError(const CallResult &result, std::string_view operation)
{
    // ClientErrorHandler writes a blank line first.
    m_run.err += "\n" + result.cliError(operation) + "\n";
    m_run.exitCode = kServiceError;
}

void AwsCliInvocation::usageError(std::string_view message)
{
    // ArgParseException through ParamValidationErrorsHandler: "\n", usage, "\n",
    // "aws: error: ...\n", "\n".
    m_run.err += "\n" + usage() + "\naws: error: " + std::string(message) + "\n\n";
    m_run.exitCode = kUsageError;
}

void AwsCliInvocation::unknownOptions(const std::vector<std::string> &options)
{
    std::string list;
    for (const std::string &option : options)
        list += (list.empty() ? "" : ",") + option;
    m_run.err += "\n" + usage() + "\nUnknown options: " + list + "\n\n";
    m_run.exitCode = kUsageError;
}

void AwsCliInvocation::parameterError(std::string_view message)
{
    m_run.err += "\n" + std::string(message) + "\n";
    m_run.exitCode = kUsageError;
}

void AwsCliInvocation::print(std::string_view operation, const nlohmann::json &response)
{
    nlohmann::ordered_json shown = AwsCliFormatter::present(response);
    if (m_globals.query)
        shown = m_globals.query->search(shown);
    if (m_globals.output == "text")
        m_run.out += AwsCliFormatter::text(shown);
    else if (m_globals.output == "table")
        m_run.out += AwsCliFormatter::table(operation, shown);
    else if (m_globals.output != "off")
        m_run.out += AwsCliFormatter::json(shown);
}

} // namespace iam
