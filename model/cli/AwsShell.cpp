#include "AwsShell.h"

#include "AccountApi.h"
#include "AwsCli.h"
#include "AwsCliCommandTable.h"
#include "CurlCommand.h"
#include "ShellLexer.h"

#include <algorithm>
#include <cstdint>
#include <set>

namespace iam {

namespace {

constexpr const char *kLabInstance = "i-0abc1234def567890";

const std::vector<std::string> &builtins()
{
    static const std::vector<std::string> names = {"aws", "clear", "curl", "echo", "help", "hostname", "pwd", "whoami"};
    return names;
}

std::uint32_t fnv1a(std::string_view text)
{
    std::uint32_t hash = 2166136261u;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

// The instance's private address in the default subnet 172.31.16.0/20, derived
// from its id; counted so that the lab's instance is 172.31.16.5.
std::string privateIpName(std::string_view instanceId)
{
    const std::uint32_t offset = fnv1a(instanceId) - fnv1a(kLabInstance);
    return "ip-172-31-" + std::to_string(16 + offset % 16) + "-" + std::to_string(5 + (offset / 16) % 250);
}

std::string localUser(const ShellContext &context)
{
    return context.userName.empty() ? "learner" : context.userName;
}

std::string helpText()
{
    return "IAM Studio terminal: bash with the AWS CLI v2, against the simulated account.\n"
           "\n"
           "  aws help                      services and commands this terminal knows\n"
           "  aws sts get-caller-identity   whose credentials the CLI finds here\n"
           "  aws configure list            where those credentials come from\n"
           "  aws s3 ls [s3://BUCKET]       list buckets, or a bucket's objects\n"
           "  aws s3 cp s3://BUCKET/KEY -   print an object\n"
           "  curl http://169.254.169.254/latest/meta-data/iam/security-credentials/\n"
           "                                the instance's role (on an instance)\n"
           "  clear, echo, whoami, hostname, pwd, help\n"
           "\n"
           "Global options: --output json|text|table, --query, --region, --no-cli-pager.\n"
           "One command at a time: pipes, redirections and $VARIABLES are not interpreted.\n";
}

} // namespace

AwsShell::AwsShell(AccountApi &api)
    : m_api(api)
{
}

ShellRun AwsShell::run(const ShellContext &context, std::string_view commandLine)
{
    ShellRun run;
    run.commandLine = std::string(commandLine);
    const ShellWords words = ShellLexer::split(commandLine);
    const bool instance = context.kind == ShellContext::Kind::Instance;
    if (words.unterminatedQuote) {
        // What `bash -c` says; an interactive bash would wait for the closing quote.
        run.err = std::string("bash: unexpected EOF while looking for matching `") + words.unterminatedQuote
            + "'\nbash: syntax error: unexpected end of file\n";
        run.exitCode = 2;
        return run;
    }
    if (!words.unsupportedOperator.empty()) {
        run.err = "bash: `" + words.unsupportedOperator
            + "': pipes, redirections and command lists are not supported in this terminal; "
              "run one command at a time\n";
        run.exitCode = 2;
        return run;
    }
    if (words.words.empty())
        return run;

    const std::string &command = words.words[0];
    const std::vector<std::string> args(words.words.begin() + 1, words.words.end());
    if (command == "aws") {
        AwsCli(m_api).run(context, args, run);
    } else if (command == "curl") {
        CurlCommand(m_api.account(), context).run(args, run);
    } else if (command == "clear") {
        run.clearScreen = true;
    } else if (command == "echo") {
        std::string line;
        for (const std::string &word : args)
            line += (line.empty() ? "" : " ") + word;
        run.out = line + "\n";
    } else if (command == "whoami") {
        run.out = (instance ? std::string("ec2-user") : localUser(context)) + "\n";
    } else if (command == "hostname") {
        run.out = (instance ? privateIpName(context.instanceId) + ".ec2.internal" : std::string("laptop")) + "\n";
    } else if (command == "pwd") {
        run.out = "/home/" + (instance ? std::string("ec2-user") : localUser(context)) + "\n";
    } else if (command == "help") {
        run.out = helpText();
    } else {
        run.err = "bash: " + command + ": command not found\n";
        run.exitCode = 127;
    }
    // The terminal starts its prompt on a new line, as bash's readline does not:
    // output that ends mid-line (curl of IMDS, an object without a final newline)
    // gets one.
    if (!run.out.empty() && run.out.back() != '\n')
        run.out += '\n';
    return run;
}

std::string AwsShell::prompt(const ShellContext &context) const
{
    if (context.kind == ShellContext::Kind::Instance)
        return "[ec2-user@" + privateIpName(context.instanceId) + " ~]$ ";
    return localUser(context) + "@laptop:~$ ";
}

std::vector<std::string> AwsShell::completions(std::string_view line) const
{
    const ShellWords split = ShellLexer::split(line);
    std::vector<std::string> words = split.words;
    std::string current;
    if (!split.endsInBlank && !words.empty()) {
        current = words.back();
        words.pop_back();
    }
    std::vector<std::string> candidates;
    if (words.empty()) {
        candidates = builtins();
    } else if (words[0] == "curl") {
        const std::string base = std::string("http://") + CurlCommand::kMetadataHost + "/latest/";
        candidates = {"-s", "-sS", "-f", "-X", "-H", base + "meta-data/", base + "meta-data/instance-id",
                      base + "meta-data/iam/security-credentials/", base + "api/token"};
        const std::string role = [&] {
            for (const Ec2Instance &instance : m_api.account().instances()) {
                if (const InstanceProfile *profile = m_api.account().findInstanceProfile(instance.instanceProfile))
                    if (!profile->role.empty())
                        return profile->role;
            }
            return std::string();
        }();
        if (!role.empty())
            candidates.push_back(base + "meta-data/iam/security-credentials/" + role);
    } else if (words[0] == "aws") {
        // The words that name the command, global options (and their values) left out.
        std::vector<std::string> path;
        const auto &withValue = AwsCliCommandTable::globalOptionsWithValue();
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (std::find(withValue.begin(), withValue.end(), words[i]) != withValue.end()) {
                ++i;
                continue;
            }
            if (!words[i].starts_with("-"))
                path.push_back(words[i]);
        }
        const std::string previous = words.size() > 1 ? words.back() : std::string();
        const AwsCliService *service = path.empty() ? nullptr : AwsCliCommandTable::service(path[0]);
        if (previous == "--output") {
            candidates = {"json", "table", "text"};
        } else if (path.empty()) {
            candidates = AwsCliCommandTable::serviceNames();
            candidates.push_back("help");
        } else if (service && path.size() == 1) {
            candidates = service->commandNames();
            candidates.push_back("help");
        } else if (service && path.size() >= 2) {
            if (const AwsCliOperation *command = service->command(path[1])) {
                for (const AwsCliParameter &parameter : command->parameters) {
                    if (std::find(words.begin(), words.end(), parameter.option) == words.end())
                        candidates.push_back(parameter.option);
                }
                if (service->name == "s3" && command->command == "ls")
                    candidates.insert(candidates.end(), {"--recursive", "--human-readable", "--summarize"});
                if (service->name == "s3") {
                    for (const S3Bucket &bucket : m_api.account().buckets())
                        candidates.push_back("s3://" + bucket.name + "/");
                }
            }
        }
        if (current.starts_with("-")) {
            for (const std::string &option : withValue)
                candidates.push_back(option);
            candidates.insert(candidates.end(), {"--no-cli-pager", "--no-paginate"});
        }
    }
    std::set<std::string> matching;
    for (const std::string &candidate : candidates) {
        if (candidate.starts_with(current))
            matching.insert(candidate);
    }
    return {matching.begin(), matching.end()};
}

} // namespace iam
