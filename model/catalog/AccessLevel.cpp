#include "AccessLevel.h"

#include <array>
#include <utility>

namespace iam {

namespace {

constexpr std::array<std::pair<AccessLevel, std::string_view>, 5> kNames{{
    {AccessLevel::List, "List"},
    {AccessLevel::Read, "Read"},
    {AccessLevel::Write, "Write"},
    {AccessLevel::PermissionsManagement, "Permissions management"},
    {AccessLevel::Tagging, "Tagging"},
}};

} // namespace

const char *accessLevelName(AccessLevel level)
{
    for (const auto &[value, name] : kNames) {
        if (value == level)
            return name.data();   // the literals above are NUL-terminated
    }
    return "Write";
}

std::optional<AccessLevel> accessLevelFromName(std::string_view name)
{
    for (const auto &[value, spelling] : kNames) {
        if (spelling == name)
            return value;
    }
    return std::nullopt;
}

} // namespace iam
