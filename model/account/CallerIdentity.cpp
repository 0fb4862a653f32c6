#include "CallerIdentity.h"

namespace iam {

std::string CallerIdentity::arn(std::string_view accountId, std::string_view path) const
{
    const std::string account(accountId);
    switch (kind) {
    case Kind::Root:
        return "arn:aws:iam::" + account + ":root";
    case Kind::User:
        return "arn:aws:iam::" + account + ":user" + std::string(path.empty() ? "/" : path) + name;
    case Kind::RoleSession:
        // Session ARNs carry the role's name but never its path.
        return "arn:aws:sts::" + account + ":assumed-role/" + name + "/" + sessionName;
    }
    return {};
}

std::string CallerIdentity::label() const
{
    switch (kind) {
    case Kind::Root: return "root";
    case Kind::User: return name;
    case Kind::RoleSession: return name + "/" + sessionName;
    }
    return {};
}

} // namespace iam
