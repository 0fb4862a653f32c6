#pragma once

// The `aws` commands the terminal knows: for each service (as the CLI names it)
// its commands, the API operation each one calls and its options, each mapped to
// the operation's parameter ("--role-name" -> RoleName). `s3` and `configure` are
// the CLI's own commands (no single operation behind each): they are listed here
// for help and completion and run by AwsS3Commands and AwsCli.
//
// Static data; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace iam {

struct AwsCliParameter
{
    enum class Kind {
        String,          // one value
        List,            // one or more values (nargs='+')
        Structure,       // JSON or shorthand Name=X,Other=Y
        StructureList,   // one or more structures (--filters Name=x,Values=a,b)
        Integer,
    };

    std::string option;    // "--role-name"
    std::string member;    // "RoleName"
    Kind kind = Kind::String;
    bool required = false;
};

struct AwsCliOperation
{
    std::string command;     // "list-roles"
    std::string operation;   // "ListRoles"; empty for the CLI's own commands (s3 ls)
    std::vector<AwsCliParameter> parameters;
    std::string synopsis;    // for help: "--role-name <value>"
    // A paginated operation's result keys (botocore's paginators-1.json): the CLI
    // prints only these after following every page, not the paging members.
    std::vector<std::string> resultKeys;

    const AwsCliParameter *parameter(std::string_view option) const;
};

struct AwsCliService
{
    std::string name;         // "s3api"
    std::string apiService;   // "s3"
    std::string description;
    std::vector<AwsCliOperation> commands;

    const AwsCliOperation *command(std::string_view name) const;
    std::vector<std::string> commandNames() const;   // in the order the CLI lists them (sorted)
};

class AwsCliCommandTable
{
public:
    static const std::vector<AwsCliService> &services();   // sorted by name
    static const AwsCliService *service(std::string_view name);
    static std::vector<std::string> serviceNames();

    // The CLI's global options: those that take a value, and flags.
    static const std::vector<std::string> &globalOptionsWithValue();
    static const std::vector<std::string> &globalFlags();
};

} // namespace iam
