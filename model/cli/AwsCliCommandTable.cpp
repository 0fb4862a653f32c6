#include "AwsCliCommandTable.h"

#include <algorithm>

namespace iam {

namespace {

using Kind = AwsCliParameter::Kind;

AwsCliParameter req(std::string option, std::string member, Kind kind = Kind::String)
{
    return {std::move(option), std::move(member), kind, true};
}

AwsCliParameter opt(std::string option, std::string member, Kind kind = Kind::String)
{
    return {std::move(option), std::move(member), kind, false};
}

// Each operation's synopsis, built from its parameters as the CLI's help shows it.
std::string synopsisOf(const std::vector<AwsCliParameter> &parameters)
{
    std::string text;
    for (const AwsCliParameter &p : parameters) {
        std::string part = p.option + " <value>";
        if (p.kind == Kind::List || p.kind == Kind::StructureList)
            part += " [<value>...]";
        text += (text.empty() ? "" : " ") + (p.required ? part : "[" + part + "]");
    }
    return text;
}

AwsCliOperation op(std::string command, std::string operation, std::vector<AwsCliParameter> parameters = {})
{
    AwsCliOperation result{std::move(command), std::move(operation), std::move(parameters), {}, {}};
    result.synopsis = synopsisOf(result.parameters);
    return result;
}

std::vector<AwsCliService> buildServices()
{
    const AwsCliParameter filters = opt("--filters", "Filters", Kind::StructureList);
    std::vector<AwsCliService> services = {
        {"configure", "", "Configure AWS CLI options.",
         {{"list", "", {}, "", {}}}},
        {"ec2", "ec2", "Amazon Elastic Compute Cloud",
         {op("associate-iam-instance-profile", "AssociateIamInstanceProfile",
             {req("--iam-instance-profile", "IamInstanceProfile", Kind::Structure), req("--instance-id", "InstanceId")}),
          op("describe-iam-instance-profile-associations", "DescribeIamInstanceProfileAssociations",
             {opt("--association-ids", "AssociationIds", Kind::List), filters}),
          op("describe-instances", "DescribeInstances", {opt("--instance-ids", "InstanceIds", Kind::List), filters}),
          op("disassociate-iam-instance-profile", "DisassociateIamInstanceProfile",
             {req("--association-id", "AssociationId")}),
          op("replace-iam-instance-profile-association", "ReplaceIamInstanceProfileAssociation",
             {req("--iam-instance-profile", "IamInstanceProfile", Kind::Structure),
              req("--association-id", "AssociationId")}),
          op("start-instances", "StartInstances", {req("--instance-ids", "InstanceIds", Kind::List)}),
          op("stop-instances", "StopInstances", {req("--instance-ids", "InstanceIds", Kind::List)})}},
        {"iam", "iam", "AWS Identity and Access Management",
         {op("get-instance-profile", "GetInstanceProfile", {req("--instance-profile-name", "InstanceProfileName")}),
          op("get-policy", "GetPolicy", {req("--policy-arn", "PolicyArn")}),
          op("get-policy-version", "GetPolicyVersion",
             {req("--policy-arn", "PolicyArn"), req("--version-id", "VersionId")}),
          op("get-role", "GetRole", {req("--role-name", "RoleName")}),
          op("get-role-policy", "GetRolePolicy", {req("--role-name", "RoleName"), req("--policy-name", "PolicyName")}),
          op("get-user", "GetUser", {opt("--user-name", "UserName")}),
          op("list-attached-role-policies", "ListAttachedRolePolicies",
             {req("--role-name", "RoleName"), opt("--path-prefix", "PathPrefix")}),
          op("list-attached-user-policies", "ListAttachedUserPolicies",
             {req("--user-name", "UserName"), opt("--path-prefix", "PathPrefix")}),
          op("list-instance-profiles", "ListInstanceProfiles", {opt("--path-prefix", "PathPrefix")}),
          op("list-instance-profiles-for-role", "ListInstanceProfilesForRole", {req("--role-name", "RoleName")}),
          op("list-role-policies", "ListRolePolicies", {req("--role-name", "RoleName")}),
          op("list-roles", "ListRoles", {opt("--path-prefix", "PathPrefix")}),
          op("list-user-policies", "ListUserPolicies", {req("--user-name", "UserName")}),
          op("list-users", "ListUsers", {opt("--path-prefix", "PathPrefix")}),
          op("simulate-principal-policy", "SimulatePrincipalPolicy",
             {req("--policy-source-arn", "PolicySourceArn"), req("--action-names", "ActionNames", Kind::List),
              opt("--resource-arns", "ResourceArns", Kind::List), opt("--resource-policy", "ResourcePolicy"),
              opt("--context-entries", "ContextEntries", Kind::StructureList)})}},
        {"s3", "s3", "Amazon S3 high-level commands",
         {{"cp", "", {}, "<S3Uri> <LocalPath> or <S3Uri> -", {}},
          {"ls", "", {}, "<S3Uri> or NONE [--recursive] [--human-readable] [--summarize]", {}}}},
        {"s3api", "s3", "Amazon Simple Storage Service",
         {op("get-bucket-policy", "GetBucketPolicy", {req("--bucket", "Bucket")}),
          op("list-buckets", "ListBuckets"),
          op("list-objects-v2", "ListObjectsV2",
             {req("--bucket", "Bucket"), opt("--prefix", "Prefix"), opt("--delimiter", "Delimiter"),
              opt("--start-after", "StartAfter"), opt("--max-keys", "MaxKeys", Kind::Integer)})}},
        {"sts", "sts", "AWS Security Token Service",
         {op("assume-role", "AssumeRole",
             {req("--role-arn", "RoleArn"), req("--role-session-name", "RoleSessionName"),
              opt("--duration-seconds", "DurationSeconds", Kind::Integer)}),
          op("get-caller-identity", "GetCallerIdentity")}},
    };
    // The result keys of the paginated operations. ListBuckets keeps its Owner, as
    // the CLI's documented output shows it.
    const std::vector<std::pair<std::string, std::vector<std::string>>> paginated = {
        {"ListRoles", {"Roles"}},
        {"ListUsers", {"Users"}},
        {"ListAttachedRolePolicies", {"AttachedPolicies"}},
        {"ListAttachedUserPolicies", {"AttachedPolicies"}},
        {"ListInstanceProfiles", {"InstanceProfiles"}},
        {"ListInstanceProfilesForRole", {"InstanceProfiles"}},
        {"ListRolePolicies", {"PolicyNames"}},
        {"ListUserPolicies", {"PolicyNames"}},
        {"SimulatePrincipalPolicy", {"EvaluationResults"}},
        {"DescribeInstances", {"Reservations"}},
        {"DescribeIamInstanceProfileAssociations", {"IamInstanceProfileAssociations"}},
        {"ListObjectsV2", {"Contents", "CommonPrefixes"}},
        {"ListBuckets", {"Buckets", "Owner"}},
    };
    for (AwsCliService &service : services) {
        for (AwsCliOperation &operation : service.commands) {
            for (const auto &[name, keys] : paginated) {
                if (operation.operation == name)
                    operation.resultKeys = keys;
            }
        }
    }
    return services;
}

} // namespace

const AwsCliParameter *AwsCliOperation::parameter(std::string_view option) const
{
    const auto it = std::find_if(parameters.begin(), parameters.end(),
                                 [&](const AwsCliParameter &p) { return p.option == option; });
    return it == parameters.end() ? nullptr : &*it;
}

const AwsCliOperation *AwsCliService::command(std::string_view name) const
{
    const auto it = std::find_if(commands.begin(), commands.end(),
                                 [&](const AwsCliOperation &c) { return c.command == name; });
    return it == commands.end() ? nullptr : &*it;
}

std::vector<std::string> AwsCliService::commandNames() const
{
    std::vector<std::string> names;
    for (const AwsCliOperation &c : commands)
        names.push_back(c.command);
    std::sort(names.begin(), names.end());
    return names;
}

const std::vector<AwsCliService> &AwsCliCommandTable::services()
{
    static const std::vector<AwsCliService> list = buildServices();
    return list;
}

const AwsCliService *AwsCliCommandTable::service(std::string_view name)
{
    const auto &list = services();
    const auto it = std::find_if(list.begin(), list.end(), [&](const AwsCliService &s) { return s.name == name; });
    return it == list.end() ? nullptr : &*it;
}

std::vector<std::string> AwsCliCommandTable::serviceNames()
{
    std::vector<std::string> names;
    for (const AwsCliService &s : services())
        names.push_back(s.name);
    return names;
}

const std::vector<std::string> &AwsCliCommandTable::globalOptionsWithValue()
{
    static const std::vector<std::string> options = {"--output", "--query", "--region", "--profile", "--endpoint-url",
                                                     "--color", "--cli-read-timeout", "--cli-connect-timeout",
                                                     "--ca-bundle", "--cli-binary-format"};
    return options;
}

const std::vector<std::string> &AwsCliCommandTable::globalFlags()
{
    static const std::vector<std::string> flags = {"--debug", "--no-verify-ssl", "--no-paginate", "--no-sign-request",
                                                   "--no-cli-pager", "--cli-auto-prompt", "--no-cli-auto-prompt",
                                                   "--version"};
    return flags;
}

} // namespace iam
