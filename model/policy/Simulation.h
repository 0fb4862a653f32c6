#pragma once

// The simulation request and result of ../shared/spec/simulation-request.md: the
// shapes of `aws iam simulate-custom-policy --cli-input-json` plus the extensions
// SessionPolicyInputList, ServiceControlPolicies and ResourceControlPolicies.
//
//   LoadedRequest loaded = loadSimulationRequest(text, "req.json");
//   if (!loaded.ok()) ...                       // diagnostics name file:line:column
//   std::vector<EvaluationResult> results = simulate(*loaded.request);
//   std::cout << simulationResultJson(results).dump(2);
//
// The rules of evaluation, with the choices made where AWS's guide leaves room, are
// in EVALUATION.md beside this file (the reference evaluator in tests/ follows them too).
//
// Never throws. A loaded request is immutable and may be simulated from many threads.

#include "Diagnostic.h"
#include "Evaluator.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

struct SimulationRequest
{
    std::string callerArn;
    std::vector<std::string> actionNames;
    std::vector<std::string> resourceArns;   // ["*"] when the request has none
    std::string resourceOwner;
    PolicySet policies;
    RequestContext context;
};

struct LoadedRequest
{
    std::optional<SimulationRequest> request;
    Diagnostics diagnostics;   // errors make the request unusable; warnings may come with one

    bool ok() const { return request.has_value() && !hasErrors(diagnostics); }
};

// Reads a request file's text. Malformed JSON, unknown keys of the wrong type, an
// unknown ContextKeyType and policies that are not valid IAM policies are Errors
// positioned in the request file (for policies given as objects) or inside the
// policy string (named "PolicyInputList.1" and so on).
LoadedRequest loadSimulationRequest(std::string_view text, const std::string &source);

struct EvaluationResult
{
    std::string action;
    std::string resource;
    Decision decision;
};

// Evaluates ActionNames x ResourceArns, actions outer, resources inner.
std::vector<EvaluationResult> simulate(const SimulationRequest &request, EvaluationOptions options = {});

// The result document: {"EvaluationResults": [...]}, with MatchedStatements carrying
// SourcePolicyId, SourcePolicyType and the statement's start and end positions.
nlohmann::json simulationResultJson(const std::vector<EvaluationResult> &results);

// One EvaluationResults entry, as streamSimulation() writes it (4-space indents).
void appendEvaluationResult(std::string &out, std::string_view action, std::string_view resource,
                            const Decision &decision);

using DecisionSink = std::function<void(const std::string &action, const std::string &resource, const Decision &)>;

// Evaluates the request and writes the result document to `out` as it goes,
// keeping nothing: what iam-sim prints. `also`, when set, sees each decision too.
void streamSimulation(const SimulationRequest &request, std::ostream &out, EvaluationOptions options = {},
                      const DecisionSink &also = {});

// The SourcePolicyType words of the result: "IAM Policy", "Permissions Boundary Policy",
// "Resource Policy", "Session Policy", "Service Control Policy", "Resource Control Policy".
const char *sourcePolicyTypeName(PolicyType type);

} // namespace iam
