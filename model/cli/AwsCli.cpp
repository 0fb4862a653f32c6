#include "AwsCli.h"

#include "AwsCliCommandTable.h"
#include "AwsCliHelp.h"
#include "AwsCliInvocation.h"
#include "AwsS3Commands.h"
#include "InstanceCredentials.h"
#include "InstanceMetadataService.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace iam {

using json = nlohmann::json;

namespace {

bool contains(const std::vector<std::string> &list, std::string_view value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Members that shorthand always gives as lists ("Values=a,b" and "Values=a").
bool isListMember(std::string_view member)
{
    return member == "Values" || member == "ContextKeyValues";
}

// The CLI's shorthand syntax for a structure, `Name=S3Access,Other=x`, or JSON.
// nullopt with `error` set when it is neither.
std::optional<json> structureValue(const std::string &option, const std::string &text, std::string &error)
{
    if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
        json parsed = json::parse(text, nullptr, false);
        if (parsed.is_discarded()) {
            error = "Error parsing parameter '" + option + "': Invalid JSON:\n" + text;
            return std::nullopt;
        }
        return parsed;
    }
    json structure = json::object();
    std::string lastKey;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string part = text.substr(start, comma - start);
        const std::size_t equals = part.find('=');
        if (equals != std::string::npos) {
            lastKey = part.substr(0, equals);
            const std::string value = part.substr(equals + 1);
            structure[lastKey] = isListMember(lastKey) ? json::array({value}) : json(value);
        } else if (!lastKey.empty()) {
            json &existing = structure[lastKey];
            if (!existing.is_array())
                existing = json::array({existing});
            existing.push_back(part);
        } else {
            // awscli/shorthand.py's message, with a caret under the end of the input.
            error = "Error parsing parameter '" + option + "': Expected: '=', received: 'EOF' for input:\n" + text
                + "\n" + std::string(text.size(), ' ') + "^";
            return std::nullopt;
        }
        start = comma + 1;
    }
    return structure;
}

// The laptop's long-term access key, as `aws configure` stored it: derived from the
// user's id so that it is stable.
std::string localAccessKey(const User &user)
{
    std::string key = "AKIA";
    for (std::size_t i = 4; key.size() < 20; ++i)
        key += i < user.id.size() ? user.id[i] : 'Q';
    return key;
}

std::string configureLine(const std::string &name, const std::string &value, const std::string &type,
                          const std::string &location)
{
    // awscli/customizations/configure/list.py: '%10s %24s %16s    %s'
    const auto right = [](const std::string &text, std::size_t width) {
        return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
    };
    return right(name, 10) + " " + right(value, 24) + " " + right(type, 16) + "    " + location + "\n";
}

} // namespace

std::string AwsCli::version(const ShellContext &context)
{
    return context.kind == ShellContext::Kind::Instance
        ? "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79-99.167.amzn2023.x86_64 exe/x86_64.amzn.2023\n"
        : "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1015-generic exe/x86_64.ubuntu.22\n";
}

void AwsCli::run(const ShellContext &context, const std::vector<std::string> &args, ShellRun &run)
{
    AwsCliGlobals globals;
    AwsCliInvocation failures(m_api, context, run, globals);
    std::vector<std::string> rest;
    bool showVersion = false;
    // Global options may stand anywhere on the line, as the CLI's main parser
    // takes them wherever they are.
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const std::size_t equals = arg.starts_with("--") ? arg.find('=') : std::string::npos;
        const std::string name = arg.substr(0, equals);
        if (contains(AwsCliCommandTable::globalFlags(), arg)) {
            showVersion = showVersion || arg == "--version";
            continue;
        }
        if (!contains(AwsCliCommandTable::globalOptionsWithValue(), name)) {
            rest.push_back(arg);
            continue;
        }
        std::string value;
        if (equals != std::string::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size() && !args[i + 1].starts_with("--")) {
            value = args[++i];
        } else {
            failures.usageError("argument " + name + ": expected one argument");
            return;
        }
        if (name == "--output") {
            static const std::vector<std::string> choices = {"json", "text", "table", "yaml", "yaml-stream", "off"};
            if (!contains(choices, value)) {
                failures.usageError("argument --output: " + AwsCliHelp::invalidChoice(value, choices));
                return;
            }
            if (value.starts_with("yaml")) {
                run.err += "aws: " + value + " output is not available in this terminal: use json, text or table\n";
                run.exitCode = AwsCliInvocation::kUsageError;
                return;
            }
            globals.output = value;
        } else if (name == "--query") {
            std::string error;
            globals.query = AwsCliQuery::parse(value, &error);
            if (!globals.query) {
                failures.parameterError("Bad value for --query " + value + ": " + error);
                return;
            }
        } else if (name == "--region") {
            globals.region = value;
        }
    }
    if (showVersion) {
        run.out += version(context);
        return;
    }
    if (rest.empty()) {
        failures.usageError("the following arguments are required: command");
        return;
    }
    if (rest[0] == "help") {
        run.out += AwsCliHelp::topLevel();
        return;
    }
    const AwsCliService *service = AwsCliCommandTable::service(rest[0]);
    if (!service) {
        failures.usageError("argument command: "
                            + AwsCliHelp::invalidChoice(rest[0], AwsCliCommandTable::serviceNames()));
        return;
    }
    if (rest.size() < 2) {
        failures.usageError("the following arguments are required: operation");
        return;
    }
    if (rest[1] == "help") {
        run.out += AwsCliHelp::service(*service);
        return;
    }
    const AwsCliOperation *command = service->command(rest[1]);
    if (!command) {
        failures.usageError("argument operation: " + AwsCliHelp::invalidChoice(rest[1], service->commandNames()));
        return;
    }
    const std::vector<std::string> remaining(rest.begin() + 2, rest.end());
    if (remaining.size() == 1 && remaining[0] == "help") {
        run.out += AwsCliHelp::command(*service, *command);
        return;
    }
    AwsCliInvocation cli(m_api, context, run, std::move(globals));
    if (service->name == "s3")
        AwsS3Commands(cli).run(command->command, remaining);
    else if (service->name == "configure")
        configureList(cli, remaining);
    else
        runOperation(cli, *service, *command, remaining);
}

void AwsCli::runOperation(AwsCliInvocation &cli, const AwsCliService &service, const AwsCliOperation &operation,
                          const std::vector<std::string> &args)
{
    json params = json::object();
    std::vector<std::string> unknown;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const std::size_t equals = arg.starts_with("--") ? arg.find('=') : std::string::npos;
        const AwsCliParameter *parameter = operation.parameter(arg.substr(0, equals));
        if (!parameter) {
            unknown.push_back(arg);
            continue;
        }
        using Kind = AwsCliParameter::Kind;
        const bool many = parameter->kind == Kind::List || parameter->kind == Kind::StructureList;
        std::vector<std::string> values;
        if (equals != std::string::npos)
            values.push_back(arg.substr(equals + 1));
        while (i + 1 < args.size() && !args[i + 1].starts_with("--") && (many || values.empty()))
            values.push_back(args[++i]);
        if (values.empty()) {
            cli.usageError("argument " + parameter->option + ": expected "
                           + (many ? "at least one argument" : "one argument"));
            return;
        }
        std::string error;
        json value;
        switch (parameter->kind) {
        case Kind::String:
            value = values[0];
            break;
        case Kind::List:
            if (values.size() == 1 && values[0].starts_with("[")) {
                value = json::parse(values[0], nullptr, false);
                if (value.is_discarded() || !value.is_array())
                    value = json::array({values[0]});
            } else {
                value = values;
            }
            break;
        case Kind::Integer: {
            const std::string &text = values[0];
            const bool digits = !text.empty() && std::all_of(text.begin() + (text[0] == '-' ? 1 : 0), text.end(),
                                                             [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            if (!digits || text == "-") {
                cli.parameterError("Error parsing parameter '" + parameter->option
                                   + "': invalid literal for int() with base 10: '" + text + "'");
                return;
            }
            value = std::stoll(text);
            break;
        }
        case Kind::Structure: {
            const auto structure = structureValue(parameter->option, values[0], error);
            if (!structure) {
                cli.parameterError(error);
                return;
            }
            value = *structure;
            break;
        }
        case Kind::StructureList:
            value = json::array();
            for (const std::string &text : values) {
                const auto structure = structureValue(parameter->option, text, error);
                if (!structure) {
                    cli.parameterError(error);
                    return;
                }
                if (structure->is_array())
                    value.insert(value.end(), structure->begin(), structure->end());
                else
                    value.push_back(*structure);
            }
            break;
        }
        params[parameter->member] = std::move(value);
    }
    std::string missing;
    for (const AwsCliParameter &parameter : operation.parameters) {
        if (parameter.required && !params.contains(parameter.member))
            missing += (missing.empty() ? "" : ", ") + parameter.option;
    }
    if (!missing.empty()) {
        cli.usageError("the following arguments are required: " + missing);
        return;
    }
    if (!unknown.empty()) {
        cli.unknownOptions(unknown);
        return;
    }
    const auto caller = cli.credentials();
    if (!caller)
        return;
    const CallResult result = cli.call(*caller, service.apiService, operation.operation, params);
    if (!result.ok()) {
        cli.serviceError(result, operation.operation);
        return;
    }
    json shown = result.response;
    if (!operation.resultKeys.empty() && shown.is_object()) {
        json kept = json::object();
        for (const std::string &key : operation.resultKeys) {
            if (shown.contains(key))
                kept[key] = shown[key];
        }
        shown = std::move(kept);
    }
    cli.print(operation.operation, shown);
}

void AwsCli::configureList(AwsCliInvocation &cli, const std::vector<std::string> &args)
{
    if (!args.empty()) {
        cli.unknownOptions(args);
        return;
    }
    const Account &account = m_api.account();
    const ShellContext &context = cli.context();
    ShellRun &run = cli.run();
    run.out += configureLine("Name", "Value", "Type", "Location");
    run.out += configureLine("----", "-----", "----", "--------");
    run.out += configureLine("profile", "<not set>", "None", "None");
    const auto masked = [](const std::string &key) { return std::string(16, '*') + key.substr(key.size() - 4); };
    if (context.kind == ShellContext::Kind::LocalMachine) {
        const User *user = context.userName.empty() ? nullptr : account.findUser(context.userName);
        if (user) {
            const std::string key = localAccessKey(*user);
            // The secret is never shown; its last characters are the key's, reversed.
            const std::string secret(key.rbegin(), key.rend());
            run.out += configureLine("access_key", masked(key), "shared-credentials-file", "");
            run.out += configureLine("secret_key", masked(secret), "shared-credentials-file", "");
        } else {
            run.out += configureLine("access_key", "<not set>", "None", "None");
            run.out += configureLine("secret_key", "<not set>", "None", "None");
        }
        run.out += configureLine("region", cli.globals().region.empty() ? "us-east-1" : cli.globals().region,
                                 "config-file", "~/.aws/config");
        return;
    }
    const InstanceMetadataService imds(account, context.instanceId);
    if (instanceSession(account, context.instanceId)) {
        const ImdsCredentials credentials = imds.credentials();
        run.out += configureLine("access_key", masked(credentials.accessKeyId), "iam-role", "");
        run.out += configureLine("secret_key", masked(credentials.secretAccessKey), "iam-role", "");
    } else {
        run.out += configureLine("access_key", "<not set>", "None", "None");
        run.out += configureLine("secret_key", "<not set>", "None", "None");
    }
    run.out += configureLine("region", "<not set>", "None", "None");
}

} // namespace iam
