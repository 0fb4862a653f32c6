#pragma once

// The IAM identities that hold policies, as the API spells them in operation
// names ("AttachRolePolicy") and parameters ("RoleName").

#include <QString>

enum class PrincipalKind { User, Group, Role };

// "User", "Group", "Role".
inline QString principalKindName(PrincipalKind kind)
{
    switch (kind) {
    case PrincipalKind::User: return QStringLiteral("User");
    case PrincipalKind::Group: return QStringLiteral("Group");
    case PrincipalKind::Role: return QStringLiteral("Role");
    }
    return {};
}
