#pragma once

// Who makes an API call: the account's root user, an IAM user, or a role session
// (an EC2 instance's session is a role session named after the instance id).

#include <string>
#include <string_view>

namespace iam {

struct CallerIdentity
{
    enum class Kind { Root, User, RoleSession };

    Kind kind = Kind::Root;
    std::string name;          // the user's name, or the role's name for a session
    std::string sessionName;   // role session: its name (the instance id for EC2)
    std::string instanceId;    // set when the session is an EC2 instance's

    static CallerIdentity root() { return {}; }
    static CallerIdentity user(std::string userName) { return {Kind::User, std::move(userName), {}, {}}; }
    static CallerIdentity roleSession(std::string role, std::string session)
    {
        return {Kind::RoleSession, std::move(role), std::move(session), {}};
    }
    static CallerIdentity instance(std::string role, std::string instanceId)
    {
        return {Kind::RoleSession, std::move(role), instanceId, instanceId};
    }

    // arn:aws:iam::ACCOUNT:root, arn:aws:iam::ACCOUNT:user/NAME (path included when
    // given), arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION.
    std::string arn(std::string_view accountId, std::string_view path = "/") const;
    // How the console names it: "root", "lab-user", "S3Access/i-0abc...".
    std::string label() const;

    friend bool operator==(const CallerIdentity &, const CallerIdentity &) = default;
};

} // namespace iam
