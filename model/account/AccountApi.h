#pragma once

// The account's API: every console action and terminal command is a call made by
// a caller, authorized by the engine first (Authorizer), then carried out on the
// Account, and recorded in the event log whether allowed or denied. A denied or
// invalid call returns AWS's error code and message and changes nothing.
//
//   AccountApi api(account);
//   CallResult r = api.call(CallerIdentity::user("lab-user"), "ec2", "AssociateIamInstanceProfile",
//                           {{"InstanceId", "i-0abc1234def567890"}, {"IamInstanceProfile", {{"Name", "S3Access"}}}});
//   if (!r.ok()) std::cerr << r.cliError("AssociateIamInstanceProfile") << '\n';
//
// Operations take and return the AWS API's parameter and response names.

#include "Account.h"
#include "Authorizer.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

struct CallResult
{
    std::string errorCode;         // "AccessDenied", "UnauthorizedOperation", "NoSuchEntity", ... empty when ok
    std::string errorMessage;
    nlohmann::json response = nlohmann::json::object();
    std::vector<AuthorizationCheck> authorizations;   // every authorization the call made, in order

    bool ok() const { return errorCode.empty(); }
    // The AWS CLI's line: "An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied".
    std::string cliError(std::string_view operation) const;
};

// What an operation's handler works with.
class CallContext
{
public:
    CallContext(Account &account, const CallerIdentity &caller, std::string service, std::string operation,
                const nlohmann::json &params, CallResult &result);

    Account &account;
    const CallerIdentity &caller;
    const std::string service;     // "iam", "sts", "ec2", "s3"
    const std::string operation;   // "CreateRole"
    const nlohmann::json &params;
    CallResult &result;

    // Authorizes `action` on `resource`, records the check, and on a denial sets the
    // service's error (IAM/STS: AccessDenied with "User: ... is not authorized ...";
    // EC2: UnauthorizedOperation; S3: AccessDenied "Access Denied") and returns false.
    bool authorize(std::string_view action, std::string_view resource, const ExtraContext &extra = {},
                   const std::string *resourcePolicy = nullptr, std::string_view resourceOwner = {});
    // Sets an error (e.g. "NoSuchEntity", "The role with name X cannot be found.") and returns false.
    bool fail(std::string code, std::string message);

    // Parameters: a required string (sets ValidationError / MissingParameter and
    // returns nullopt when absent), an optional one, and lists.
    std::optional<std::string> required(const char *name);
    std::string optional(const char *name, std::string fallback = {}) const;
    std::vector<std::string> strings(const char *name) const;

    // The resources the call touched, for the event log.
    std::vector<std::string> resources;
};

using OperationHandler = std::function<void(CallContext &)>;
// "iam:CreateRole" -> handler
using OperationTable = std::map<std::string, OperationHandler, std::less<>>;

// Each service registers its operations (IamOperations.cpp, StsOperations.cpp,
// Ec2Operations.cpp, S3Operations.cpp).
void registerIamOperations(OperationTable &table);
void registerStsOperations(OperationTable &table);
void registerEc2Operations(OperationTable &table);
void registerS3Operations(OperationTable &table);

class AccountApi
{
public:
    explicit AccountApi(Account &account);

    CallResult call(const CallerIdentity &caller, std::string_view service, std::string_view operation,
                    const nlohmann::json &params = nlohmann::json::object(), CallSource source = CallSource::Console);

    bool supports(std::string_view service, std::string_view operation) const;
    std::vector<std::string> operations() const;   // "iam:CreateRole", ...

    Account &account() { return m_account; }

private:
    Account &m_account;
    OperationTable m_operations;
};

} // namespace iam
