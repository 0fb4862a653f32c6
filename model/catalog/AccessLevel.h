#pragma once

// The access levels of the Service Authorization Reference: every action has one,
// and the console's policy summaries group actions by it.

#include <optional>
#include <string_view>

namespace iam {

enum class AccessLevel { List, Read, Write, PermissionsManagement, Tagging };

// "List", "Read", "Write", "Permissions management", "Tagging": the reference's words.
const char *accessLevelName(AccessLevel level);

// The inverse of accessLevelName (exact spelling); nullopt for anything else.
std::optional<AccessLevel> accessLevelFromName(std::string_view name);

} // namespace iam
