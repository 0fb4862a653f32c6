// The STS operations of the simulated account: who am I (GetCallerIdentity), and
// taking a session of a role (AssumeRole), which the engine authorizes against both
// the role's trust policy and the caller's own policies in one decision.

#include "AccountApi.h"
#include "IamOperationSupport.h"

#include "Arn.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>

namespace iam {

using json = nlohmann::json;

namespace {

// "2024-05-01T09:00:00Z" plus `seconds`, in the same form; the text unchanged when
// it is not a time of that form.
std::string addSeconds(const std::string &time, long long seconds)
{
    std::tm parts{};
    if (std::sscanf(time.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                    &parts.tm_hour, &parts.tm_min, &parts.tm_sec)
        != 6)
        return time;
    parts.tm_year -= 1900;
    parts.tm_mon -= 1;
    const std::time_t later = timegm(&parts) + static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&later, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// Credential material from the account's id counter, so that replayed sessions
// produce the same keys. Access key ids of temporary credentials start with ASIA
// and are 20 characters long (id_credentials_access-keys.md).
std::string characters(Account &account, std::size_t count)
{
    std::string text;
    while (text.size() < count)
        text += account.newId("");
    text.resize(count);
    return text;
}

json credentials(Account &account, const std::string &expiration)
{
    std::string secret = characters(account, 40);
    // Secret keys mix cases; the id alphabet is upper-case only.
    for (std::size_t i = 0; i < secret.size(); i += 2)
        secret[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(secret[i])));
    return {{"AccessKeyId", "ASIA" + characters(account, 16)},
            {"SecretAccessKey", secret},
            {"SessionToken", "IQoJb3JpZ2luX2VjE" + characters(account, 340)},
            {"Expiration", expiration}};
}

// The parameter's AWS name in validation messages: "RoleArn" -> "roleArn".
std::string memberName(std::string name)
{
    name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    return name;
}

bool isSessionName(std::string_view name)
{
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c))
               || std::string_view("_+=,.@-").find(c) != std::string_view::npos;
    });
}

void getCallerIdentity(CallContext &ctx)
{
    // No permission is needed: "no permissions are required to perform this
    // operation. If an administrator attaches a policy to your identity that
    // explicitly denies access to the sts:GetCallerIdentity action, you can still
    // perform this operation" (API_GetCallerIdentity).
    const Account &account = ctx.account;
    std::string userId = account.accountId();
    if (ctx.caller.kind == CallerIdentity::Kind::User) {
        if (const User *user = account.findUser(ctx.caller.name))
            userId = user->id;
    } else if (ctx.caller.kind == CallerIdentity::Kind::RoleSession) {
        if (const Role *role = account.findRole(ctx.caller.name))
            userId = role->id + ":" + ctx.caller.sessionName;
    }
    ctx.result.response = {
        {"UserId", userId}, {"Account", account.accountId()}, {"Arn", account.callerArn(ctx.caller)}};
}

// The role a RoleArn names in this account: the ARN must be the role's own, path included.
const Role *roleNamed(const Account &account, const std::string &arn)
{
    const auto parts = splitArn(arn);
    if (!parts || parts->service() != "iam" || parts->account() != account.accountId()
        || !parts->resource().starts_with("role/"))
        return nullptr;
    const std::string_view resource = parts->resource();
    const Role *role = account.findRole(resource.substr(resource.rfind('/') + 1));
    return role && account.roleArn(*role) == arn ? role : nullptr;
}

void assumeRole(CallContext &ctx)
{
    // Syntax first, as STS validates its input before anything else.
    std::vector<std::string> errors;
    const auto text = [&](const char *param, std::size_t min, std::size_t max) -> std::string {
        const auto it = ctx.params.find(param);
        if (it == ctx.params.end() || !it->is_string()) {
            errors.push_back("Value null at '" + memberName(param)
                             + "' failed to satisfy constraint: Member must not be null");
            return {};
        }
        const std::string value = it->get<std::string>();
        const std::string at = "Value '" + value + "' at '" + memberName(param) + "' failed to satisfy constraint: ";
        if (value.size() < min)
            errors.push_back(at + "Member must have length greater than or equal to " + std::to_string(min));
        if (value.size() > max)
            errors.push_back(at + "Member must have length less than or equal to " + std::to_string(max));
        return value;
    };
    const std::string roleArn = text("RoleArn", 20, 2048);
    const std::string sessionName = text("RoleSessionName", 2, 64);
    if (!sessionName.empty() && !isSessionName(sessionName))
        errors.push_back("Value '" + sessionName
                         + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular "
                           "expression pattern: [\\w+=,.@-]*");
    // ExternalId goes into the context as sts:ExternalId, for trust policies that
    // guard against the confused deputy (id_roles_create_for-user_externalid.md).
    std::optional<std::string> externalId;
    if (const auto it = ctx.params.find("ExternalId"); it != ctx.params.end() && !it->is_null())
        externalId = text("ExternalId", 2, 1224);
    std::optional<long long> duration;
    if (const auto it = ctx.params.find("DurationSeconds"); it != ctx.params.end() && !it->is_null()) {
        long long seconds = 0;
        bool parsed = it->is_number_integer();
        if (parsed) {
            seconds = it->get<long long>();
        } else if (it->is_string()) {
            const std::string value = it->get<std::string>();
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
            parsed = ec == std::errc() && end == value.data() + value.size() && !value.empty();
        }
        const std::string shown = it->is_string() ? it->get<std::string>() : it->dump();
        const std::string at = "Value '" + shown + "' at 'durationSeconds' failed to satisfy constraint: ";
        if (!parsed)
            errors.push_back(at + "Member must be a whole number");
        else if (seconds < 900)
            errors.push_back(at + "Member must have value greater than or equal to 900");
        else if (seconds > 43200)
            errors.push_back(at + "Member must have value less than or equal to 43200");
        duration = seconds;
    }
    if (!errors.empty()) {
        std::string message = std::to_string(errors.size())
            + (errors.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (std::size_t i = 0; i < errors.size(); ++i)
            message += (i ? "; " : "") + errors[i];
        ctx.fail("ValidationError", message);
        return;
    }

    // The root user cannot take a role session at all (id_roles_use.md: "you cannot
    // assume a role as the root user"); STS refuses before evaluating any policy.
    if (ctx.caller.kind == CallerIdentity::Kind::Root) {
        ctx.resources.push_back(roleArn);
        ctx.fail("AccessDenied", "Roles may not be assumed by root accounts.");
        return;
    }

    // One decision covers both sides (id_roles_manage-assume.md): the role's trust
    // policy must allow the caller, and, unless it names the caller itself, the
    // caller's own policies must allow sts:AssumeRole on the role. A role that does
    // not exist has no trust policy to allow anything, so the caller learns only
    // that it was denied.
    Account &account = ctx.account;
    const Role *role = roleNamed(account, roleArn);
    static const std::string kNoTrust = R"({"Version": "2012-10-17", "Statement": []})";
    ExtraContext extra{{"sts:RoleSessionName", {sessionName}}};
    if (externalId)
        extra.push_back({"sts:ExternalId", {*externalId}});
    if (role)
        iamops::addResourceTags(extra, role->tags);
    if (!ctx.authorize("sts:AssumeRole", roleArn, extra, role ? &role->trustPolicy : &kNoTrust))
        return;
    if (!role) {
        // Only reached if a policy allowed the caller into a role that is not there.
        ctx.fail("AccessDenied", "User: " + account.callerArn(ctx.caller)
                                     + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        return;
    }

    // Role chaining (a session assuming a role) is limited to one hour
    // (id_roles_use.md, "Role chaining").
    const long long seconds = duration.value_or(3600);
    if (ctx.caller.kind == CallerIdentity::Kind::RoleSession && seconds > 3600) {
        ctx.fail("ValidationError",
                 "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        return;
    }
    if (seconds > role->maxSessionDuration) {
        ctx.fail("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        return;
    }

    const CallerIdentity session = CallerIdentity::roleSession(role->name, sessionName);
    ctx.result.response = {
        {"Credentials", credentials(account, addSeconds(account.now(), seconds))},
        {"AssumedRoleUser", {{"AssumedRoleId", role->id + ":" + sessionName}, {"Arn", account.callerArn(session)}}},
    };
}

} // namespace

void registerStsOperations(OperationTable &table)
{
    table.emplace("sts:GetCallerIdentity", getCallerIdentity);
    table.emplace("sts:AssumeRole", assumeRole);
}

} // namespace iam
