#include "IamSimCli.h"

#include "IamSimAccountCommands.h"
#include "IamSimHelp.h"
#include "IamSimSupport.h"

#include "Explainer.h"
#include "ResourcePaths.h"
#include "ServiceCatalog.h"
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

constexpr int kOk = kExitOk;
constexpr int kInternalError = kExitInternalError;
constexpr int kBadInput = kExitBadInput;
using Streams = IamSimIo;

int usageError(Streams &io, const std::string &problem)
{
    return iamSimUsageError(io, problem);
}

int simulateCustomPolicy(const std::vector<std::string> &args, Streams &io)
{
    const IamSimOptions options = parseIamSimOptions(args, {"--cli-input-json", "--output"}, {"--explain"});
    if (const auto problem = checkIamSimOptions(options, io))
        return *problem;
    const auto source = options.value("--cli-input-json");
    if (!source)
        return usageError(io, "the following arguments are required: --cli-input-json");
    const auto input = readIamSimInput(*source, io, false);
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

// The catalog the validator checks actions, services and condition keys against:
// the caller's, else the bundled service authorization reference (loaded once).
const ActionCatalog *serviceCatalog(Streams &io)
{
    if (!io.catalog) {
        static const auto loaded = ServiceCatalog::load(catalogFile("services.json"));
        if (loaded.ok())
            io.catalog = loaded.catalog.get();
        else
            io.err << "iam-sim: warning: checking without the service catalog: " << formatDiagnostic(loaded.error) << '\n';
    }
    return io.catalog;
}

int validatePolicyCommand(const std::vector<std::string> &args, Streams &io)
{
    const IamSimOptions options = parseIamSimOptions(args, {"--policy-document", "--policy-type"}, {});
    if (const auto problem = checkIamSimOptions(options, io))
        return *problem;
    const auto document = options.value("--policy-document");
    if (!document)
        return usageError(io, "the following arguments are required: --policy-document");
    const std::string typeName = options.value("--policy-type").value_or("IDENTITY_POLICY");
    const auto type = policyTypeFromName(typeName);
    if (!type)
        return usageError(io, "argument --policy-type: Invalid choice: '" + typeName
                                  + "', valid choices are: IDENTITY_POLICY | RESOURCE_POLICY | SERVICE_CONTROL_POLICY"
                                    " | RESOURCE_CONTROL_POLICY | TRUST_POLICY");
    const auto input = readIamSimInput(*document, io, true);
    if (!input)
        return kBadInput;
    const ParseResult parsed = parsePolicy(input->text, input->name);
    json findings = json::array();
    for (const Diagnostic &d : validatePolicy(parsed, *type, serviceCatalog(io))) {
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
        {"simulate-principal-policy", simulatePrincipalPolicy},
        {"call", callCommand},
        {"new-workspace", newWorkspaceCommand},
        {"import-authorization-details", importAuthorizationDetailsCommand},
        {"export-authorization-details", exportAuthorizationDetailsCommand},
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
    if (args.empty())
        return usageError(io, "the following arguments are required: command");
    if (args[0] == "help" || args[0] == "--help" || args[0] == "-h")
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
              const ActionCatalog *catalog, const AwsManagedPolicies *awsManaged)
{
    Streams io{in, out, err, catalog, awsManaged};
    try {
        return dispatch(args, io);
    } catch (const std::exception &e) {
        err << "iam-sim: internal error: " << e.what() << '\n';
        return kInternalError;
    }
}

} // namespace iam
