#pragma once

// The small string tools the catalogs' lookups are built from. Internal to model/catalog.

#include <cstddef>
#include <string>
#include <string_view>

namespace iam::catalogmatching {

// ASCII lowercase: IAM names are ASCII, and IAM ignores their case.
std::string lowercase(std::string_view text);

// Edit distance where inserting, deleting or replacing a character, or swapping two
// neighbours, costs one (optimal string alignment). Gives up past `limit`, returning
// limit + 1, so that scanning a large service stays cheap.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit);

// A catalog template as an IAM wildcard: each `${Name}` or `<name>` becomes `?*` (one
// or more characters); a `*` stays a `*`. Lowercased when `lower` is set.
std::string placeholderPattern(std::string_view text, bool lower);

// Whether `text` has a `${...}` or `<...>` placeholder.
bool hasPlaceholder(std::string_view text);

} // namespace iam::catalogmatching
