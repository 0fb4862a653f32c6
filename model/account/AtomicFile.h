#pragma once

// Replacing a file so that a crash, a kill or a full disk at any moment leaves
// either the old contents or the new ones, never a mix or a truncation: the new
// contents go to a temporary file beside the target (same directory, so the same
// file system), are flushed to disk, and are renamed over the target, whose
// directory is then flushed too. POSIX only (mkstemp, fsync, rename).

#include <string>
#include <string_view>

namespace iam {

// Returns an error message ("cannot save PATH: No space left on device"), or empty
// on success. On failure the temporary file is removed and PATH is as it was.
// A new file gets mode 0644; a replaced one keeps its mode.
std::string writeFileAtomically(const std::string &path, std::string_view contents);

} // namespace iam
