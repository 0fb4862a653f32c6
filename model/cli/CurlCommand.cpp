#include "CurlCommand.h"

#include "InstanceMetadataService.h"

namespace iam {

namespace {

void fail(ShellRun &run, bool showErrors, int code, const std::string &message)
{
    if (showErrors)
        run.err += "curl: (" + std::to_string(code) + ") " + message + "\n";
    run.exitCode = code;
}

} // namespace

void CurlCommand::run(const std::vector<std::string> &args, ShellRun &run) const
{
    bool silent = false, showError = false, failOnError = false;
    std::string method = "GET";
    std::string url;
    std::string timeout;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const bool takesValue = arg == "-X" || arg == "--request" || arg == "-H" || arg == "--header" || arg == "-m"
            || arg == "--max-time" || arg == "--connect-timeout";
        if (takesValue) {
            if (i + 1 >= args.size()) {
                run.err += "curl: option " + arg + ": requires parameter\n"
                           "curl: try 'curl --help' or 'curl --manual' for more information\n";
                run.exitCode = 2;
                return;
            }
            const std::string &value = args[++i];
            if (arg == "-X" || arg == "--request")
                method = value;
            else if (arg == "-m" || arg == "--max-time" || arg == "--connect-timeout")
                timeout = value;
            continue;
        }
        if (arg == "--silent" || arg == "--show-error" || arg == "--fail" || arg == "--location") {
            silent = silent || arg == "--silent";
            showError = showError || arg == "--show-error";
            failOnError = failOnError || arg == "--fail";
            continue;
        }
        if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-') {
            // Bundled short flags: -sSfL
            for (std::size_t k = 1; k < arg.size(); ++k) {
                const char flag = arg[k];
                if (flag == 's')
                    silent = true;
                else if (flag == 'S')
                    showError = true;
                else if (flag == 'f')
                    failOnError = true;
                else if (flag != 'L') {
                    run.err += std::string("curl: option -") + flag + ": is unknown\n"
                               "curl: try 'curl --help' or 'curl --manual' for more information\n";
                    run.exitCode = 2;
                    return;
                }
            }
            continue;
        }
        if (arg.starts_with("--")) {
            run.err += "curl: option " + arg + ": is unknown\n"
                       "curl: try 'curl --help' or 'curl --manual' for more information\n";
            run.exitCode = 2;
            return;
        }
        url = arg;
    }
    const bool showErrors = !silent || showError;
    if (url.empty()) {
        run.err += "curl: try 'curl --help' or 'curl --manual' for more information\n";
        run.exitCode = 2;
        return;
    }

    std::string rest = url;
    if (rest.starts_with("http://"))
        rest = rest.substr(7);
    else if (rest.starts_with("https://"))
        rest = rest.substr(8);
    const std::size_t slash = rest.find('/');
    std::string host = rest.substr(0, slash);
    const std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
    if (const std::size_t colon = host.find(':'); colon != std::string::npos)
        host = host.substr(0, colon);

    if (host != kMetadataHost) {
        fail(run, showErrors, 6, "Could not resolve host: " + host);
        return;
    }
    if (m_context.kind == ShellContext::Kind::LocalMachine) {
        // Link-local: nothing answers off EC2; curl waits for its connect timeout.
        if (!timeout.empty())
            fail(run, showErrors, 28, "Connection timed out after " + timeout + "001 milliseconds");
        else
            fail(run, showErrors, 28, std::string("Failed to connect to ") + kMetadataHost
                                          + " port 80 after 133881 ms: Couldn't connect to server");
        return;
    }
    const InstanceMetadataService imds(m_account, m_context.instanceId);
    const ImdsResponse response = method == "PUT" ? imds.put(path) : imds.get(path);
    if (response.status >= 400 && failOnError) {
        fail(run, showErrors, 22, "The requested URL returned error: " + std::to_string(response.status));
        return;
    }
    run.out += response.body;
}

} // namespace iam
