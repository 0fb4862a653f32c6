#pragma once

// Where the programs find their data (catalog JSON, labs) at run time:
//   1. the directory named by the environment variable IAMSTUDIO_RESOURCES, if set
//      and not empty (installed builds, tests pointing at fixtures);
//   2. else the source tree's resources/ folder, compiled in, so that a build run
//      from its build directory finds the data with no setup.

#include <filesystem>
#include <string_view>

namespace iam {

std::filesystem::path resourcesDirectory();

// resourcesDirectory()/catalog/`fileName`, e.g. catalogFile("services.json").
std::filesystem::path catalogFile(std::string_view fileName);

} // namespace iam
