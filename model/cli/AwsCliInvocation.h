#pragma once

// One run of the `aws` command in the terminal: its global options, whose
// credentials it finds, the API calls it makes (recorded on the ShellRun), and how
// it prints results and errors, in the words and exit codes of AWS CLI v2
// (awscli/errorhandler.py; "Return codes", docs.aws.amazon.com/cli/latest/topic/return-codes.html):
// 252 a command line it cannot parse, 253 no credentials, 254 an error from the
// service. Shared by AwsCli (the generic service commands) and AwsS3Commands.

#include "AccountApi.h"
#include "AwsCliQuery.h"
#include "ShellContext.h"
#include "ShellRun.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

struct AwsCliGlobals
{
    std::string output = "json";           // json, text, table, off
    std::optional<AwsCliQuery> query;
    std::string region;                    // empty: the configured one
};

class AwsCliInvocation
{
public:
    static constexpr int kUsageError = 252;
    static constexpr int kConfigurationError = 253;
    static constexpr int kServiceError = 254;

    AwsCliInvocation(AccountApi &api, const ShellContext &context, ShellRun &run, AwsCliGlobals globals);

    AccountApi &api() { return m_api; }
    const ShellContext &context() const { return m_context; }
    ShellRun &run() { return m_run; }
    const AwsCliGlobals &globals() const { return m_globals; }

    // The credentials the CLI's provider chain finds: the configured user's access
    // key on the laptop, the role session from IMDS on an instance. nullopt after
    // printing "Unable to locate credentials..." (exit 253).
    std::optional<CallerIdentity> credentials();

    // One API call, recorded on the run (calls, authorizations, callerArn).
    CallResult call(const CallerIdentity &caller, std::string_view service, std::string_view operation,
                    const nlohmann::json &params = nlohmann::json::object());

    // "\nAn error occurred (CODE) when calling the OPERATION operation: MESSAGE\n", exit 254.
    void serviceError(const CallResult &result, std::string_view operation);
    // The usage block and "aws: error: MESSAGE", exit 252.
    void usageError(std::string_view message);
    // "Unknown options: a,b" after the usage block, exit 252.
    void unknownOptions(const std::vector<std::string> &options);
    // A parameter the CLI could not parse ("Error parsing parameter ..."), exit 252.
    void parameterError(std::string_view message);

    // The response in the chosen output, after --query, titled `operation` in a table.
    void print(std::string_view operation, const nlohmann::json &response);

    // The usage block every parse error starts with.
    static std::string usage();

private:
    AccountApi &m_api;
    const ShellContext &m_context;
    ShellRun &m_run;
    AwsCliGlobals m_globals;
};

} // namespace iam
