#include "IamSimAccountCommands.h"

#include "AccountApi.h"
#include "AuthorizationDetails.h"
#include "CatalogAwsManagedPolicies.h"
#include "DefaultWorkspace.h"
#include "InstanceCredentials.h"
#include "Workspace.h"

#include "Arn.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace iam {

namespace {

using json = nlohmann::json;

// The AWS-managed policies: those the caller gave, else the bundled catalog.
const AwsManagedPolicies *awsManaged(IamSimIo &io)
{
    if (!io.awsManaged) {
        std::string error;
        io.awsManaged = CatalogAwsManagedPolicies::bundled(&error);
        if (!io.awsManaged)
            io.err << "iam-sim: warning: no AWS-managed policies: " << error << '\n';
    }
    return io.awsManaged;
}

std::optional<Workspace> openWorkspace(const IamSimOptions &options, IamSimIo &io)
{
    const auto path = options.value("--workspace");
    if (!path) {
        iamSimUsageError(io, "the following arguments are required: --workspace");
        return std::nullopt;
    }
    WorkspaceLoad loaded = loadWorkspace(*path, awsManaged(io));
    if (!loaded.ok()) {
        for (const Diagnostic &d : loaded.diagnostics)
            io.err << formatDiagnostic(d) << '\n';
        return std::nullopt;
    }
    return std::move(loaded.workspace);
}

// --as: root, instance:i-..., a user or role name's ARN, or an assumed-role session ARN.
std::optional<CallerIdentity> callerFrom(const std::string &who, const Account &account, IamSimIo &io)
{
    if (who == "root")
        return CallerIdentity::root();
    if (who.starts_with("instance:")) {
        const std::string id = who.substr(9);
        if (!account.findInstance(id)) {
            io.err << "iam-sim: no instance " << id << " in the workspace\n";
            return std::nullopt;
        }
        if (auto session = instanceSession(account, id))
            return session;
        // As on a real instance: no role that EC2 may assume, no credentials.
        io.err << "Unable to locate credentials. You can configure credentials by running \"aws configure\".\n";
        return std::nullopt;
    }
    const Caller caller = parseCaller(who);
    const std::string_view resource = splitArn(who) ? splitArn(who)->resource() : std::string_view();
    switch (caller.kind) {
    case Caller::Kind::AccountRoot: return CallerIdentity::root();
    case Caller::Kind::User: return CallerIdentity::user(std::string(resource.substr(resource.rfind('/') + 1)));
    case Caller::Kind::Role: return CallerIdentity::roleSession(std::string(caller.roleName), "iam-sim");
    case Caller::Kind::AssumedRole:
        return CallerIdentity::roleSession(std::string(caller.roleName), std::string(resource.substr(resource.rfind('/') + 1)));
    default: break;
    }
    io.err << "iam-sim: --as takes root, instance:INSTANCE_ID, or a user, role or assumed-role ARN, not `" << who << "`\n";
    return std::nullopt;
}

// --context-entries as JSON, or in the AWS CLI's shorthand
// ContextKeyName=aws:SourceIp,ContextKeyValues=192.0.2.1,ContextKeyType=ip
std::optional<ExtraContext> contextEntries(const std::vector<std::string> &values, IamSimIo &io)
{
    ExtraContext extra;
    for (const std::string &value : values) {
        json entries;
        if (!value.empty() && (value.front() == '[' || value.front() == '{')) {
            entries = json::parse(value, nullptr, false);
            if (entries.is_discarded()) {
                io.err << "iam-sim: --context-entries: not valid JSON: " << value << '\n';
                return std::nullopt;
            }
            if (entries.is_object())
                entries = json::array({entries});
        } else {
            json entry = json::object();
            std::string key;
            for (std::size_t start = 0; start <= value.size();) {
                const std::size_t comma = std::min(value.find(',', start), value.size());
                const std::string part = value.substr(start, comma - start);
                const std::size_t equals = part.find('=');
                if (equals != std::string::npos) {
                    key = part.substr(0, equals);
                    entry[key] = key == "ContextKeyValues" ? json::array({part.substr(equals + 1)}) : json(part.substr(equals + 1));
                } else if (key == "ContextKeyValues") {
                    entry[key].push_back(part);   // further values after the first
                }
                start = comma + 1;
            }
            entries = json::array({entry});
        }
        for (const json &entry : entries) {
            if (!entry.contains("ContextKeyName") || !entry["ContextKeyName"].is_string()) {
                io.err << "iam-sim: --context-entries: each entry needs a ContextKeyName\n";
                return std::nullopt;
            }
            std::vector<std::string> keyValues;
            for (const json &v : entry.value("ContextKeyValues", json::array()))
                keyValues.push_back(v.is_string() ? v.get<std::string>() : v.dump());
            extra.emplace_back(entry["ContextKeyName"].get<std::string>(), std::move(keyValues));
        }
    }
    return extra;
}

// The resource's own policy, when the workspace has the resource: a bucket's policy
// for S3 ARNs, a role's trust policy for the actions of assuming it.
const std::string *resourcePolicyFor(const Account &account, std::string_view action, std::string_view resource)
{
    const auto split = splitArn(resource);
    if (!split)
        return nullptr;
    if (split->service() == "s3") {
        const std::string_view path = split->resource();
        const S3Bucket *bucket = account.findBucket(path.substr(0, path.find('/')));
        return bucket && !bucket->policy.empty() ? &bucket->policy : nullptr;
    }
    if (split->service() == "iam" && split->resource().starts_with("role/") && action.size() > 4
        && (action.substr(0, 4) == "sts:" || action.substr(0, 4) == "STS:")) {
        const std::string_view path = split->resource();
        const Role *role = account.findRole(path.substr(path.rfind('/') + 1));
        return role ? &role->trustPolicy : nullptr;
    }
    return nullptr;
}

} // namespace

int simulatePrincipalPolicy(const std::vector<std::string> &args, IamSimIo &io)
{
    const IamSimOptions options = parseIamSimOptions(args, {"--workspace", "--policy-source-arn"}, {},
                                                     {"--action-names", "--resource-arns", "--context-entries"});
    if (const auto problem = checkIamSimOptions(options, io))
        return *problem;
    const auto source = options.value("--policy-source-arn");
    const std::vector<std::string> actions = options.list("--action-names");
    if (!source || actions.empty())
        return iamSimUsageError(io, "the following arguments are required: --policy-source-arn, --action-names");
    auto workspace = openWorkspace(options, io);
    if (!workspace)
        return kExitBadInput;
    const Account &account = *workspace->account;
    const auto caller = callerFrom(*source, account, io);
    if (!caller)
        return kExitBadInput;
    if (!account.callerExists(*caller)) {
        io.err << "An error occurred (NoSuchEntity) when calling the SimulatePrincipalPolicy operation: "
                  "The entity " << *source << " cannot be found.\n";
        return kExitServiceError;
    }
    const auto extra = contextEntries(options.list("--context-entries"), io);
    if (!extra)
        return kExitBadInput;
    std::vector<std::string> resources = options.list("--resource-arns");
    if (resources.empty())
        resources.push_back("*");

    const Authorizer authorizer(account);
    json results = json::array();
    for (const std::string &action : actions) {
        for (const std::string &resource : resources) {
            const AuthorizationCheck check = authorizer.authorize(*caller, action, resource, *extra,
                                                                  resourcePolicyFor(account, action, resource));
            json matched = json::array();
            for (const DecidingStatement &statement : check.deciding)
                matched.push_back({{"SourcePolicyId", statement.policy},
                                   {"StartPosition", {{"Line", statement.line}, {"Column", statement.column}}}});
            results.push_back({{"EvalActionName", action},
                               {"EvalResourceName", resource},
                               {"EvalDecision", outcomeName(check.outcome)},
                               {"MatchedStatements", matched},
                               {"MissingContextValues", check.missingContextKeys}});
        }
    }
    io.out << json{{"EvaluationResults", results}}.dump(4) << '\n';
    return kExitOk;
}

int callCommand(const std::vector<std::string> &args, IamSimIo &io)
{
    const IamSimOptions options = parseIamSimOptions(args, {"--workspace", "--as"}, {"--save"}, {}, true);
    if (const auto problem = checkIamSimOptions(options, io))
        return *problem;
    if (options.positional.size() < 2 || options.positional.size() > 3)
        return iamSimUsageError(io, "call takes: --workspace W --as WHO SERVICE OPERATION [PARAMETERS-JSON]");
    auto workspace = openWorkspace(options, io);
    if (!workspace)
        return kExitBadInput;
    Account &account = *workspace->account;
    const auto caller = callerFrom(options.value("--as").value_or("root"), account, io);
    if (!caller)
        return options.value("--as").value_or("").starts_with("instance:") ? 253 : kExitBadInput;
    json params = json::object();
    if (options.positional.size() == 3) {
        const auto input = readIamSimInput(options.positional[2], io, true);
        if (!input)
            return kExitBadInput;
        params = json::parse(input->text, nullptr, false);
        if (params.is_discarded() || !params.is_object()) {
            io.err << "iam-sim: parameters must be a JSON object: " << input->name << '\n';
            return kExitBadInput;
        }
    }
    const std::string &service = options.positional[0];
    const std::string &operation = options.positional[1];
    AccountApi api(account);
    const CallResult result = api.call(*caller, service, operation, params,
                                       caller->instanceId.empty() ? CallSource::Script : CallSource::Instance);
    if (options.flag("--save")) {
        const std::string problem = saveWorkspace(*options.value("--workspace"), account, workspace->signedIn);
        if (!problem.empty()) {
            io.err << "iam-sim: " << problem << '\n';
            return kExitInternalError;
        }
    }
    if (!result.ok()) {
        io.err << result.cliError(operation) << '\n';
        return kExitServiceError;
    }
    io.out << result.response.dump(4) << '\n';
    return kExitOk;
}

int newWorkspaceCommand(const std::vector<std::string> &args, IamSimIo &io)
{
    const IamSimOptions options = parseIamSimOptions(args, {}, {"--force"}, {}, true);
    if (!options.unknown.empty() || options.positional.size() != 1)
        return iamSimUsageError(io, "new-workspace takes one file name: iam-sim new-workspace W.iamstudio [--force]");
    const std::string &path = options.positional[0];
    if (std::filesystem::exists(path) && !options.flag("--force")) {
        io.err << "iam-sim: " << path << " already exists (use --force to replace it)\n";
        return kExitBadInput;
    }
    const auto account = defaultAccount(awsManaged(io));
    const std::string problem = saveWorkspace(path, *account, defaultSignedIn());
    if (!problem.empty()) {
        io.err << "iam-sim: " << problem << '\n';
        return kExitInternalError;
    }
    io.out << "Wrote the walkthrough's starting workspace to " << path << '\n';
    return kExitOk;
}

int importAuthorizationDetailsCommand(const std::vector<std::string> &args, IamSimIo &io)
{
    const IamSimOptions options = parseIamSimOptions(args, {"--input", "--workspace"}, {});
    if (!options.unknown.empty() || !options.value("--input") || !options.value("--workspace"))
        return iamSimUsageError(io, "import-authorization-details takes --input FILE --workspace W");
    const auto input = readIamSimInput(*options.value("--input"), io, false);
    if (!input)
        return kExitBadInput;
    Account account(authorizationDetailsAccountId(input->text).value_or("111122223333"), awsManaged(io));
    const Diagnostics problems = importAuthorizationDetails(input->text, input->name, account);
    if (hasErrors(problems)) {
        for (const Diagnostic &d : problems)
            io.err << formatDiagnostic(d) << '\n';
        return kExitBadInput;
    }
    const std::string problem = saveWorkspace(*options.value("--workspace"), account, CallerIdentity::root());
    if (!problem.empty()) {
        io.err << "iam-sim: " << problem << '\n';
        return kExitInternalError;
    }
    io.out << "Imported " << account.users().size() << " users, " << account.groups().size() << " groups, "
           << account.roles().size() << " roles and " << account.policies().size() << " policies into "
           << *options.value("--workspace") << '\n';
    return kExitOk;
}

int exportAuthorizationDetailsCommand(const std::vector<std::string> &args, IamSimIo &io)
{
    const IamSimOptions options = parseIamSimOptions(args, {"--workspace"}, {});
    if (const auto problem = checkIamSimOptions(options, io))
        return *problem;
    auto workspace = openWorkspace(options, io);
    if (!workspace)
        return kExitBadInput;
    io.out << exportAuthorizationDetails(*workspace->account) << '\n';
    return kExitOk;
}

} // namespace iam
