// iam-bench: the engine's throughput on request files of the iam-sim format, in-process.
//
//   iam-bench [--passes N] WORKLOAD.json...
//
// For each file: the time to load it (parse, validate and compile every policy,
// prepare the context) and, over N passes, the time to evaluate every
// ActionNames x ResourceArns pair with evaluateMatrix() (as simulate() does) and,
// for comparison, with one evaluate() per pair; prints the medians, evaluations
// per second and the decision counts (which must not differ between passes or paths).

#include "Simulation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Counts
{
    long allowed = 0, explicitDeny = 0, implicitDeny = 0;
};

// One pass over the cross product, as simulate() makes it, without keeping results.
Counts evaluateAll(const iam::SimulationRequest &request)
{
    Counts counts;
    const iam::MatrixRequest matrix{request.callerArn, request.actionNames, request.resourceArns,
                                    request.resourceOwner, &request.context};
    iam::evaluateMatrix(request.policies, matrix, [&](std::size_t, std::size_t, const iam::Decision &decision) {
        switch (decision.outcome) {
        case iam::Outcome::Allowed: ++counts.allowed; break;
        case iam::Outcome::ExplicitDeny: ++counts.explicitDeny; break;
        case iam::Outcome::ImplicitDeny: ++counts.implicitDeny; break;
        }
    });
    return counts;
}

// The same pass with one evaluate() call per pair: no sharing between pairs.
Counts evaluateEach(const iam::SimulationRequest &request)
{
    Counts counts;
    iam::Decision decision;
    for (const std::string &action : request.actionNames) {
        for (const std::string &resource : request.resourceArns) {
            const iam::Request one{request.callerArn, action, resource, request.resourceOwner, &request.context};
            iam::evaluate(request.policies, one, decision);
            counts.allowed += decision.outcome == iam::Outcome::Allowed;
            counts.explicitDeny += decision.outcome == iam::Outcome::ExplicitDeny;
            counts.implicitDeny += decision.outcome == iam::Outcome::ImplicitDeny;
        }
    }
    return counts;
}

int benchFile(const std::string &path, int passes)
{
    std::ifstream file(path);
    if (!file) {
        std::fprintf(stderr, "iam-bench: cannot read %s\n", path.c_str());
        return 2;
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string text = buffer.str();

    std::vector<double> loadTimes;
    std::optional<iam::SimulationRequest> request;
    for (int i = 0; i < std::max(3, passes / 4); ++i) {
        const auto start = Clock::now();
        iam::LoadedRequest loaded = iam::loadSimulationRequest(text, path);
        loadTimes.push_back(millisecondsSince(start));
        if (!loaded.ok()) {
            for (const iam::Diagnostic &d : loaded.diagnostics)
                std::fprintf(stderr, "%s\n", iam::formatDiagnostic(d).c_str());
            return 2;
        }
        request = std::move(loaded.request);
    }

    const Counts first = evaluateAll(*request);   // warm-up
    std::vector<double> times, eachTimes;
    for (int i = 0; i < passes; ++i) {
        auto start = Clock::now();
        const Counts counts = evaluateAll(*request);
        times.push_back(millisecondsSince(start));
        start = Clock::now();
        const Counts each = evaluateEach(*request);
        eachTimes.push_back(millisecondsSince(start));
        if (counts.allowed != first.allowed || counts.explicitDeny != first.explicitDeny
            || each.allowed != first.allowed || each.explicitDeny != first.explicitDeny) {
            std::fprintf(stderr, "iam-bench: decisions differ between passes or paths\n");
            return 1;
        }
    }
    const long evaluations = first.allowed + first.explicitDeny + first.implicitDeny;
    const double evalMs = median(times);
    std::printf("{\"workload\": \"%s\", \"evaluations\": %ld, \"load_ms\": %.3f, \"median_ms\": %.3f, "
                "\"min_ms\": %.3f, \"ns_per_eval\": %.1f, \"evals_per_sec\": %.0f, \"one_by_one_ms\": %.3f, "
                "\"allowed\": %ld, \"explicitDeny\": %ld, \"implicitDeny\": %ld}\n",
                path.c_str(), evaluations, median(loadTimes), evalMs, *std::min_element(times.begin(), times.end()),
                evalMs * 1e6 / static_cast<double>(evaluations), static_cast<double>(evaluations) / (evalMs / 1000.0), median(eachTimes),
                first.allowed, first.explicitDeny, first.implicitDeny);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    int passes = 21;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--passes" && i + 1 < argc)
            passes = std::max(1, std::atoi(argv[++i]));
        else if (arg == "-h" || arg == "--help") {
            std::printf("usage: iam-bench [--passes N] WORKLOAD.json...\n");
            return 0;
        } else
            files.push_back(arg);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: iam-bench [--passes N] WORKLOAD.json...\n");
        return 2;
    }
    for (const std::string &file : files) {
        if (const int code = benchFile(file, passes); code != 0)
            return code;
    }
    return 0;
}
