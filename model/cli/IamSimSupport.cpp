#include "IamSimSupport.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace iam {

bool IamSimOptions::flag(const std::string &name) const
{
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> IamSimOptions::value(const std::string &name) const
{
    const auto it = values.find(name);
    if (it == values.end() || it->second.empty())
        return std::nullopt;
    return it->second.front();
}

std::vector<std::string> IamSimOptions::list(const std::string &name) const
{
    const auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

IamSimOptions parseIamSimOptions(const std::vector<std::string> &args, const std::vector<std::string> &valued,
                                 const std::vector<std::string> &flags, const std::vector<std::string> &listed,
                                 bool positionalAllowed)
{
    const auto among = [](const std::vector<std::string> &names, const std::string &arg) {
        return std::find(names.begin(), names.end(), arg) != names.end();
    };
    IamSimOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (among(valued, arg)) {
            if (i + 1 < args.size())
                options.values[arg] = {args[++i]};
            else
                options.missingValue.push_back(arg);
        } else if (among(listed, arg)) {
            std::vector<std::string> &values = options.values[arg];
            while (i + 1 < args.size() && !args[i + 1].starts_with("--"))
                values.push_back(args[++i]);
        } else if (among(flags, arg)) {
            options.flags.push_back(arg);
        } else if (positionalAllowed && !arg.starts_with("--")) {
            options.positional.push_back(arg);
        } else {
            options.unknown.push_back(arg);
        }
    }
    return options;
}

std::optional<IamSimInput> readIamSimInput(const std::string &value, IamSimIo &io, bool inlineAllowed)
{
    std::string path = value;
    if (value.starts_with("file://"))
        path = value.substr(7);
    else if (inlineAllowed && !value.empty() && (value.front() == '{' || value.front() == '['))
        return IamSimInput{value, "inline"};
    if (path == "-") {
        std::stringstream buffer;
        buffer << io.in.rdbuf();
        return IamSimInput{buffer.str(), "<stdin>"};
    }
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        io.err << "iam-sim: cannot read " << path << ": Is a directory\n";
        return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        io.err << "iam-sim: cannot read " << path << ": " << std::strerror(errno) << "\n";
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    return IamSimInput{buffer.str(), path};
}

std::optional<int> checkIamSimOptions(const IamSimOptions &options, IamSimIo &io)
{
    if (!options.missingValue.empty())
        return iamSimUsageError(io, "argument " + options.missingValue.front() + ": expected one argument");
    if (!options.unknown.empty())
        return iamSimUsageError(io, "Unknown options: " + options.unknown.front());
    return std::nullopt;
}

int iamSimUsageError(IamSimIo &io, const std::string &problem)
{
    io.err << "usage: iam-sim <command> [parameters]\n"
              "To see help text, you can run:\n\n"
              "  iam-sim help\n"
              "  iam-sim <command> help\n\n"
              "iam-sim: error: "
           << problem << "\n";
    return kExitBadInput;
}

} // namespace iam
