// iam-account-bench: the account's file formats and its authorizer at scale.
//
//   iam-account-bench [ROLES [POLICIES]]     (default 10000 roles, 20000 policies)
//
// Builds an account of ROLES roles and POLICIES customer-managed policies (each
// role has two attached), then times: writing the workspace document, saving it
// atomically, loading it back (parse, check every reference, build), exporting
// and importing it as authorization details, and, as simulate-principal-policy
// would, authorizing one role's session for 100 actions (the first pass compiles
// the policies; the median of the next passes is the steady state). Prints one
// JSON object with the figures and the peak resident set size.

#include "AuthorizationDetails.h"
#include "Authorizer.h"
#include "Workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string policyDocument(int index)
{
    const std::string n = std::to_string(index);
    return R"({
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "Read)" + n + R"(", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
         "Resource": ["arn:aws:s3:::bucket-)" + n + R"(", "arn:aws:s3:::bucket-)" + n + R"(/*"]},
        {"Sid": "Table)" + n + R"(", "Effect": "Allow", "Action": "dynamodb:*",
         "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/table-)" + n + R"("},
        {"Sid": "NoDelete)" + n + R"(", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:PrincipalTag/team": "storage"}}}
    ]
})";
}

std::unique_ptr<iam::Account> buildAccount(int roles, int policies)
{
    auto account = std::make_unique<iam::Account>("111122223333");
    account->setClock("2024-05-01T09:00:00Z");
    std::vector<iam::ManagedPolicy> &policyList = account->mutablePolicies();
    policyList.reserve(static_cast<std::size_t>(policies));
    for (int i = 0; i < policies; ++i) {
        iam::ManagedPolicy policy;
        policy.name = "Policy" + std::to_string(i);
        policy.path = "/bench/";
        policy.id = account->newId("ANPA");
        policy.createDate = "2024-01-01T00:00:00Z";
        policy.versions = {{"v1", policyDocument(i), "2024-01-01T00:00:00Z"}};
        policyList.push_back(std::move(policy));
    }
    const std::string trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})";
    std::vector<iam::Role> &roleList = account->mutableRoles();
    roleList.reserve(static_cast<std::size_t>(roles));
    for (int i = 0; i < roles; ++i) {
        iam::Role role;
        role.name = "Role" + std::to_string(i);
        role.path = "/bench/";
        role.id = account->newId("AROA");
        role.createDate = "2024-01-01T00:00:00Z";
        role.trustPolicy = trust;
        role.tags = {{"team", i % 2 ? "storage" : "analytics"}};
        for (int k = 0; k < 2 && policies > 0; ++k)
            role.attachedPolicies.push_back(account->policyArn(policyList[static_cast<std::size_t>((2 * i + k) % policies)]));
        roleList.push_back(std::move(role));
    }
    return account;
}

// 100 actions on the resources one role's policies name, and on others.
std::vector<std::pair<std::string, std::string>> requests(int policyIndex)
{
    const std::string n = std::to_string(policyIndex);
    const char *actions[] = {"s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteBucket", "dynamodb:GetItem",
                             "dynamodb:PutItem", "dynamodb:DeleteTable", "ec2:RunInstances", "iam:PassRole",
                             "sqs:SendMessage"};
    const std::string resources[] = {"arn:aws:s3:::bucket-" + n,
                                     "arn:aws:s3:::bucket-" + n + "/report.csv",
                                     "arn:aws:dynamodb:us-east-1:111122223333:table/table-" + n,
                                     "arn:aws:s3:::other-bucket/x",
                                     "arn:aws:dynamodb:us-east-1:111122223333:table/other",
                                     "arn:aws:iam::111122223333:role/bench/Role1",
                                     "*",
                                     "arn:aws:s3:::bucket-" + n + "/a/b/c",
                                     "arn:aws:sqs:us-east-1:111122223333:queue",
                                     "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890"};
    std::vector<std::pair<std::string, std::string>> list;
    for (const char *action : actions) {
        for (const std::string &resource : resources)
            list.emplace_back(action, resource);
    }
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    const int roles = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int policies = argc > 2 ? std::atoi(argv[2]) : 20000;
    if (roles < 1 || policies < 1) {
        std::fprintf(stderr, "usage: iam-account-bench [ROLES [POLICIES]]\n");
        return 2;
    }

    auto start = Clock::now();
    std::unique_ptr<iam::Account> account = buildAccount(roles, policies);
    const double buildMs = millisecondsSince(start);
    const iam::CallerIdentity signedIn = iam::CallerIdentity::root();

    start = Clock::now();
    const std::string document = iam::workspaceJson(*account, signedIn);
    const double documentMs = millisecondsSince(start);

    char directory[] = "/tmp/iam-account-bench-XXXXXX";
    if (!::mkdtemp(directory)) {
        std::perror("iam-account-bench: mkdtemp");
        return 1;
    }
    const std::string path = std::string(directory) + "/bench.iamstudio";
    start = Clock::now();
    const std::string saveError = iam::saveWorkspace(path, *account, signedIn);
    const double saveMs = millisecondsSince(start);
    if (!saveError.empty()) {
        std::fprintf(stderr, "iam-account-bench: %s\n", saveError.c_str());
        return 1;
    }

    start = Clock::now();
    const iam::WorkspaceLoad load = iam::loadWorkspace(path);
    const double loadMs = millisecondsSince(start);
    ::unlink(path.c_str());
    ::rmdir(directory);
    if (!load.ok()) {
        for (const iam::Diagnostic &d : load.diagnostics)
            std::fprintf(stderr, "%s\n", iam::formatDiagnostic(d).c_str());
        return 1;
    }

    start = Clock::now();
    const std::string details = iam::exportAuthorizationDetails(*account);
    const double exportMs = millisecondsSince(start);
    iam::Account imported("111122223333");
    start = Clock::now();
    const iam::Diagnostics importDiagnostics = iam::importAuthorizationDetails(details, "bench.json", imported);
    const double importMs = millisecondsSince(start);
    if (iam::hasErrors(importDiagnostics) || imported.roles().size() != static_cast<std::size_t>(roles)) {
        std::fprintf(stderr, "iam-account-bench: the export did not import back\n");
        return 1;
    }

    // One role's session, as simulate-principal-policy would ask, on the loaded account.
    const iam::Account &loaded = *load.workspace->account;
    const int roleIndex = roles / 2;
    const iam::CallerIdentity caller = iam::CallerIdentity::roleSession("Role" + std::to_string(roleIndex), "bench");
    const auto list = requests((2 * roleIndex) % policies);
    const iam::Authorizer authorizer(loaded);
    std::vector<double> passes;
    long allowed = 0, explicitDeny = 0, implicitDeny = 0;
    for (int pass = 0; pass < 6; ++pass) {
        start = Clock::now();
        long passAllowed = 0, passExplicit = 0, passImplicit = 0;
        for (const auto &[action, resource] : list) {
            switch (authorizer.authorize(caller, action, resource).outcome) {
            case iam::Outcome::Allowed: ++passAllowed; break;
            case iam::Outcome::ExplicitDeny: ++passExplicit; break;
            case iam::Outcome::ImplicitDeny: ++passImplicit; break;
            }
        }
        passes.push_back(millisecondsSince(start));
        if (pass > 0 && (passAllowed != allowed || passExplicit != explicitDeny || passImplicit != implicitDeny)) {
            std::fprintf(stderr, "iam-account-bench: decisions differ between passes\n");
            return 1;
        }
        allowed = passAllowed, explicitDeny = passExplicit, implicitDeny = passImplicit;
    }
    const double firstPassMs = passes.front();
    std::vector<double> steady(passes.begin() + 1, passes.end());
    std::sort(steady.begin(), steady.end());

    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    std::printf("{\"roles\": %d, \"policies\": %d, \"build_ms\": %.1f, \"workspace_bytes\": %zu, "
                "\"workspace_json_ms\": %.1f, \"save_ms\": %.1f, \"load_ms\": %.1f, \"details_bytes\": %zu, "
                "\"export_ms\": %.1f, \"import_ms\": %.1f, \"authorize_actions\": %zu, "
                "\"authorize_first_pass_ms\": %.2f, \"authorize_median_ms\": %.2f, \"allowed\": %ld, "
                "\"explicit_deny\": %ld, \"implicit_deny\": %ld, \"peak_rss_kb\": %ld}\n",
                roles, policies, buildMs, document.size(), documentMs, saveMs, loadMs, details.size(), exportMs,
                importMs, list.size(), firstPassMs, steady[steady.size() / 2], allowed, explicitDeny, implicitDeny,
                usage.ru_maxrss);
    return 0;
}
