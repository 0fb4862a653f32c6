#include "ResourcePaths.h"

#include <cstdlib>

#ifndef IAMSTUDIO_RESOURCES_DIR
#error "IAMSTUDIO_RESOURCES_DIR must name the source tree's resources folder (see CMakeLists.txt)"
#endif

namespace iam {

std::filesystem::path resourcesDirectory()
{
    if (const char *fromEnvironment = std::getenv("IAMSTUDIO_RESOURCES"); fromEnvironment && *fromEnvironment)
        return std::filesystem::path(fromEnvironment);
    return std::filesystem::path(IAMSTUDIO_RESOURCES_DIR);
}

std::filesystem::path catalogFile(std::string_view fileName)
{
    return resourcesDirectory() / "catalog" / fileName;
}

} // namespace iam
