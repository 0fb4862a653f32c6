#pragma once

// Bytes in JSON files: JSON strings hold Unicode text, so bytes that are not UTF-8
// (an S3 object holding an image) are written as base64.

#include <optional>
#include <string>
#include <string_view>

namespace iam {

// Whether `bytes` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isUtf8(std::string_view bytes);
// RFC 4648 base64, with padding.
std::string toBase64(std::string_view bytes);
// nullopt when `text` is not padded base64.
std::optional<std::string> fromBase64(std::string_view text);

} // namespace iam
