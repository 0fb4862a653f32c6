#include "AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iam {

namespace {

std::string directoryOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool writeAll(int fd, std::string_view contents)
{
    while (!contents.empty()) {
        const ssize_t written = ::write(fd, contents.data(), contents.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        contents.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

// The rename is durable only once the directory entry is on disk. Some file
// systems cannot sync a directory (EINVAL): the rename stands, as it would anyway.
bool syncDirectory(const std::string &directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0 || errno == EINVAL;
    const int savedErrno = errno;
    ::close(fd);
    errno = savedErrno;
    return synced;
}

} // namespace

std::string writeFileAtomically(const std::string &path, std::string_view contents)
{
    const auto failure = [&](const char *step) {
        std::string message = "cannot save " + path + ": ";
        if (step)
            message += std::string(step) + ": ";
        return message + std::strerror(errno);
    };

    std::string name = path + ".tmp-XXXXXX";
    std::vector<char> temporary(name.begin(), name.end());
    temporary.push_back('\0');
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return failure(nullptr);
    const auto abandon = [&](const char *step) {
        const std::string message = failure(step);
        ::unlink(temporary.data());
        return message;
    };

    // mkstemp makes the file 0600; a workspace is an ordinary document.
    struct stat existing {};
    const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
    if (::fchmod(fd, mode) != 0 || !writeAll(fd, contents) || ::fsync(fd) != 0) {
        const int savedErrno = errno;
        ::close(fd);
        errno = savedErrno;
        return abandon(nullptr);
    }
    if (::close(fd) != 0)
        return abandon(nullptr);
    if (::rename(temporary.data(), path.c_str()) != 0)
        return abandon(nullptr);
    if (!syncDirectory(directoryOf(path)))
        return failure("the file was replaced but its directory could not be flushed");
    return {};
}

} // namespace iam
