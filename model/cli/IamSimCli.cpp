#include "IamSimCli.h"

#include "IamSimHelp.h"

#include "Explainer.h"
#include "PolicyParser.h"
#include "PolicyValidator.h"
#include "Simulation.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace iam {

namespace {

using json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kInternalError = 1;
constexpr int kBadInput = 2;

struct Streams
{
    std::istream &in;
    std::ostream &out;
    std::ostream &err;
    const ActionCatalog *catalog;
};

// --name value pairs and --flags, as the AWS CLI takes them.
struct Options
{
    std::map<std::string, std::string> values;
    std::vector<std::string> flags;
    std::vector<std::string> unknown;

    bool flag(const std::string &name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }
    std::optional<std::string> value(const std::string &name) const
    {
        const auto it = values.find(name);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

Options parseOptions(const std::vector<std::string> &args, const std::vector<std::string> &valued,
                     const std::vector<std::string> &flags)
{
    Options options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (std::find(valued.begin(), valued.end(), arg) != valued.end() && i + 1 < args.size())
            options.values[arg] = args[++i];
        else if (std::find(flags.begin(), flags.end(), arg) != flags.end())
            options.flags.push_back(arg);
        else
            options.unknown.push_back(arg);
    }
    return options;
}

// A parameter's text: file://PATH, - (standard input), or (when `inlineAllowed`) the value itself.
struct Input
{
    std::string text;
    std::string name;   // what diagnostics call it
};

std::optional<Input> readInput(const std::string &value, Streams &io, bool inlineAllowed)
{
    std::string path = value;
    if (value.starts_with("file://"))
        path = value.substr(7);
    else if (inlineAllowed && value != "-" && !value.empty() && (value.front() == '{' || value.front() == '['))
        return Input{value, "policy-document"};
    if (path == "-") {
        std::stringstream buffer;
        buffer << io.in.rdbuf();
        return Input{buffer.str(), "<stdin>"};
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        io.err << "iam-sim: cannot read " << path << ": No such file or directory\n";
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    return Input{buffer.str(), path};
}

int usageError(Streams &io, const std::string &problem)
{
    io.err << "usage: iam-sim <command> [parameters]\n"
              "To see help text, you can run:\n\n"
              "  iam-sim help\n"
              "  iam-sim <command> help\n\n"
              "iam-sim: error: "
           << problem << "\n";
    return kBadInput;
}

int simulateCustomPolicy(const std::vector<std::string> &args, Streams &io)
{
    const Options options = parseOptions(args, {"--cli-input-json", "--output"}, {"--explain"});
    if (!options.unknown.empty())
        return usageError(io, "Unknown options: " + options.unknown.front());
    const auto source = options.value("--cli-input-json");
    if (!source)
        return usageError(io, "the following arguments are required: --cli-input-json");
    const auto input = readInput(*source, io, false);
    if (!input)
        return kBadInput;
    const LoadedRequest loaded = loadSimulationRequest(input->text, input->name);
    if (!loaded.ok()) {
        for (const Diagnostic &d : loaded.diagnostics)
            io.err << formatDiagnostic(d) << '\n';
        return kBadInput;
    }
    const bool explain = options.flag("--explain");
    const bool text = options.value("--output") == "text";
    // Decisions stream out as they are made; nothing of a large matrix is kept.
    const DecisionSink also = [&](const std::string &action, const std::string &resource, const Decision &decision) {
        if (text)
            io.out << action << '\t' << resource << '\t' << outcomeName(decision.outcome) << '\n';
        if (explain)
            io.err << explainDecision(decision, action, resource);
    };
    if (text) {
        const MatrixRequest matrix{loaded.request->callerArn, loaded.request->actionNames,
                                   loaded.request->resourceArns, loaded.request->resourceOwner,
                                   &loaded.request->context};
        evaluateMatrix(loaded.request->policies, matrix, [&](std::size_t a, std::size_t r, const Decision &decision) {
            also(loaded.request->actionNames[a], loaded.request->resourceArns[r], decision);
        }, {.trace = explain});
    } else {
        streamSimulation(*loaded.request, io.out, {.trace = explain}, also);
    }
    return kOk;
}

std::optional<PolicyType> policyTypeFromName(const std::string &name)
{
    for (PolicyType type : {PolicyType::Identity, PolicyType::Resource, PolicyType::ServiceControl,
                            PolicyType::ResourceControl, PolicyType::Trust}) {
        if (name == policyTypeName(type))
            return type;
    }
    return std::nullopt;
}

// Access Analyzer's Position: line from 1, column and offset from 0.
json position(const SourceLocation &where, const std::string &text)
{
    std::size_t offset = 0;
    for (int line = 1; line < where.line && offset < text.size(); ++offset) {
        if (text[offset] == '\n')
            ++line;
    }
    offset = std::min(text.size(), offset + static_cast<std::size_t>(std::max(0, where.column - 1)));
    return {{"line", where.line}, {"column", std::max(0, where.column - 1)}, {"offset", offset}};
}

int validatePolicyCommand(const std::vector<std::string> &args, Streams &io)
{
    const Options options = parseOptions(args, {"--policy-document", "--policy-type"}, {});
    if (!options.unknown.empty())
        return usageError(io, "Unknown options: " + options.unknown.front());
    const auto document = options.value("--policy-document");
    if (!document)
        return usageError(io, "the following arguments are required: --policy-document");
    const std::string typeName = options.value("--policy-type").value_or("IDENTITY_POLICY");
    const auto type = policyTypeFromName(typeName);
    if (!type)
        return usageError(io, "argument --policy-type: Invalid choice: '" + typeName
                                  + "', valid choices are: IDENTITY_POLICY | RESOURCE_POLICY | SERVICE_CONTROL_POLICY"
                                    " | RESOURCE_CONTROL_POLICY | TRUST_POLICY");
    const auto input = readInput(*document, io, true);
    if (!input)
        return kBadInput;
    const ParseResult parsed = parsePolicy(input->text, input->name);
    json findings = json::array();
    for (const Diagnostic &d : validatePolicy(parsed, *type, io.catalog)) {
        const json at = position(d.where, input->text);
        findings.push_back({{"findingType", findingTypeName(d.severity)},
                            {"issueCode", d.code},
                            {"learnMoreLink", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"},
                            {"findingDetails", d.message},
                            {"locations", json::array({{{"path", json::array()}, {"span", {{"start", at}, {"end", at}}}}})}});
    }
    io.out << json{{"findings", findings}}.dump(4) << '\n';
    return kOk;
}

struct Command
{
    std::string_view name;
    std::function<int(const std::vector<std::string> &, Streams &)> run;
};

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {"simulate-custom-policy", simulateCustomPolicy},
        {"validate-policy", validatePolicyCommand},
    };
    return table;
}

int printOverview(Streams &io)
{
    io.out << kIamSimOverview;
    for (std::size_t i = 0; i < kIamSimCommandCount; ++i)
        io.out << "       o " << kIamSimCommands[i].name << "\n\n";
    return kOk;
}

int printCommandHelp(std::string_view name, Streams &io)
{
    for (std::size_t i = 0; i < kIamSimCommandCount; ++i) {
        if (kIamSimCommands[i].name == name) {
            io.out << kIamSimCommands[i].text;
            return kOk;
        }
    }
    return usageError(io, "argument command: Invalid choice: '" + std::string(name) + "'");
}

int dispatch(const std::vector<std::string> &args, Streams &io)
{
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h")
        return args.size() > 1 ? printCommandHelp(args[1], io) : printOverview(io);
    if (args[0] == "--version") {
        io.out << "iam-sim 0.1.0 (IAM Studio)\n";
        return kOk;
    }
    for (const Command &command : commands()) {
        if (command.name != args[0])
            continue;
        if (args.size() > 1 && (args[1] == "help" || args[1] == "--help"))
            return printCommandHelp(command.name, io);
        return command.run(args, io);
    }
    std::string choices;
    for (const Command &command : commands())
        choices += (choices.empty() ? "" : " | ") + std::string(command.name);
    return usageError(io, "argument command: Invalid choice, valid choices are:\n\n" + choices);
}

} // namespace

int runIamSim(const std::vector<std::string> &args, std::istream &in, std::ostream &out, std::ostream &err,
              const ActionCatalog *catalog)
{
    Streams io{in, out, err, catalog};
    try {
        return dispatch(args, io);
    } catch (const std::exception &e) {
        err << "iam-sim: internal error: " << e.what() << '\n';
        return kInternalError;
    }
}

} // namespace iam
