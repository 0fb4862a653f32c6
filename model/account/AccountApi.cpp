#include "AccountApi.h"

#include <algorithm>

namespace iam {

std::string CallResult::cliError(std::string_view operation) const
{
    return "An error occurred (" + errorCode + ") when calling the " + std::string(operation)
        + " operation: " + errorMessage;
}

CallContext::CallContext(Account &account, const CallerIdentity &caller, std::string service, std::string operation,
                         const nlohmann::json &params, CallResult &result)
    : account(account), caller(caller), service(std::move(service)), operation(std::move(operation)), params(params),
      result(result)
{
}

bool CallContext::authorize(std::string_view action, std::string_view resource, const ExtraContext &extra,
                            const std::string *resourcePolicy, std::string_view resourceOwner)
{
    AuthorizationCheck check = Authorizer(account).authorize(caller, action, resource, extra, resourcePolicy,
                                                             resourceOwner);
    if (std::find(resources.begin(), resources.end(), check.resource) == resources.end())
        resources.push_back(check.resource);
    const bool allowed = check.allowed();
    std::string message = check.notAuthorizedMessage();
    result.authorizations.push_back(std::move(check));
    if (allowed)
        return true;
    // Each service words a denial its own way.
    if (service == "ec2")
        return fail("UnauthorizedOperation", "You are not authorized to perform this operation. " + message);
    if (service == "s3")
        return fail("AccessDenied", "Access Denied");
    return fail("AccessDenied", message);
}

bool CallContext::fail(std::string code, std::string message)
{
    if (result.errorCode.empty()) {
        result.errorCode = std::move(code);
        result.errorMessage = std::move(message);
    }
    return false;
}

std::optional<std::string> CallContext::required(const char *name)
{
    if (params.is_object() && params.contains(name) && params[name].is_string())
        return params[name].get<std::string>();
    fail("MissingParameter", std::string("The request must contain the parameter ") + name + ".");
    return std::nullopt;
}

std::string CallContext::optional(const char *name, std::string fallback) const
{
    if (params.is_object() && params.contains(name)) {
        const nlohmann::json &value = params[name];
        if (value.is_string())
            return value.get<std::string>();
        if (value.is_number() || value.is_boolean())
            return value.dump();
    }
    return fallback;
}

std::vector<std::string> CallContext::strings(const char *name) const
{
    std::vector<std::string> values;
    if (!params.is_object() || !params.contains(name))
        return values;
    const nlohmann::json &value = params[name];
    if (value.is_string())
        values.push_back(value.get<std::string>());
    else if (value.is_array()) {
        for (const nlohmann::json &item : value) {
            if (item.is_string())
                values.push_back(item.get<std::string>());
        }
    }
    return values;
}

AccountApi::AccountApi(Account &account)
    : m_account(account)
{
    registerIamOperations(m_operations);
    registerStsOperations(m_operations);
    registerEc2Operations(m_operations);
    registerS3Operations(m_operations);
}

bool AccountApi::supports(std::string_view service, std::string_view operation) const
{
    return m_operations.find(std::string(service) + ":" + std::string(operation)) != m_operations.end();
}

std::vector<std::string> AccountApi::operations() const
{
    std::vector<std::string> names;
    for (const auto &[name, handler] : m_operations)
        names.push_back(name);
    return names;
}

CallResult AccountApi::call(const CallerIdentity &caller, std::string_view service, std::string_view operation,
                            const nlohmann::json &params, CallSource source)
{
    CallResult result;
    CallContext context(m_account, caller, std::string(service), std::string(operation), params, result);
    const std::string name = context.service + ":" + context.operation;
    const auto handler = m_operations.find(name);
    if (handler == m_operations.end()) {
        context.fail("InvalidAction", "The action " + std::string(operation) + " is not valid for this web service.");
    } else if (!m_account.callerExists(caller)) {
        // A deleted user's or role's credentials stop working.
        context.fail("InvalidClientTokenId", "The security token included in the request is invalid.");
    } else if (!params.is_object()) {
        context.fail("ValidationError", "The request parameters must be a JSON object.");
    } else {
        try {
            handler->second(context);
        } catch (const nlohmann::json::exception &e) {
            // A parameter of the wrong JSON type. Handlers read their parameters before
            // they change anything, so the account is as it was.
            context.fail("ValidationError", std::string("Invalid parameter: ") + e.what());
        }
    }

    Event event;
    event.time = m_account.now();
    event.callerArn = m_account.callerArn(caller);
    event.source = source;
    event.action = name;
    event.resources = context.resources;
    event.allowed = std::all_of(result.authorizations.begin(), result.authorizations.end(),
                                [](const AuthorizationCheck &check) { return check.allowed(); });
    event.errorCode = result.errorCode;
    const Event &logged = m_account.eventLog().append(std::move(event));
    m_account.notify({AccountChange::Kind::Added, AccountChange::Entity::Event, std::to_string(logged.sequence)});
    return result;
}

} // namespace iam
