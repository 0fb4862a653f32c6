#pragma once

// `curl` in the terminal: enough of it to read the instance metadata service
// (InstanceMetadataService) from an instance, IMDSv1 and IMDSv2 alike:
//
//   curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/
//   curl -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"
//
// Options: -s/--silent, -S/--show-error, -f/--fail, -L/--location, -i is refused,
// -X/--request METHOD, -H/--header LINE, -m/--max-time and --connect-timeout SECONDS.
// The laptop is not an instance: 169.254.169.254 does not answer there and curl
// gives up as it would after its connect timeout (exit 28); no other host
// resolves (exit 6), the lab having no internet.

#include "Account.h"
#include "ShellContext.h"
#include "ShellRun.h"

#include <string>
#include <vector>

namespace iam {

class CurlCommand
{
public:
    CurlCommand(const Account &account, const ShellContext &context) : m_account(account), m_context(context) {}

    // `args` are the words after "curl".
    void run(const std::vector<std::string> &args, ShellRun &run) const;

    static constexpr const char *kMetadataHost = "169.254.169.254";

private:
    const Account &m_account;
    const ShellContext &m_context;
};

} // namespace iam
