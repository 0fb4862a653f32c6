#include "AwsS3Commands.h"

#include "AwsCliInvocation.h"

#include <cmath>
#include <cstdio>

namespace iam {

using json = nlohmann::json;

namespace {

// "2024-04-30T16:20:00Z" -> "2024-04-30 16:20:00"
std::string lastModified(const json &value)
{
    std::string text = value.is_string() ? value.get<std::string>() : std::string();
    if (text.size() >= 19 && text[10] == 'T')
        text = text.substr(0, 10) + " " + text.substr(11, 8);
    text.resize(std::max<std::size_t>(text.size(), 19), ' ');
    return text;
}

std::string rightAligned(const std::string &text, std::size_t width)
{
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

// awscli/customizations/s3/utils.py human_readable_size: "123 Bytes", "1.2 KiB".
std::string humanReadable(std::uint64_t size)
{
    if (size == 1)
        return "1 Byte";
    if (size < 1024)
        return std::to_string(size) + " Bytes";
    static const char *const kUnits[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = static_cast<double>(size);
    for (int i = 0; i < 6; ++i) {
        const double unit = std::pow(1024.0, i + 2);
        if (static_cast<double>(size) < unit || i == 5) {
            value = 1024.0 * static_cast<double>(size) / unit;
            char text[32];
            std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[i]);
            return text;
        }
    }
    return std::to_string(size);
}

// "s3://bucket/some/key" -> {"bucket", "some/key"}
std::pair<std::string, std::string> splitS3Uri(std::string path)
{
    if (path.starts_with("s3://"))
        path = path.substr(5);
    const std::size_t slash = path.find('/');
    if (slash == std::string::npos)
        return {path, {}};
    return {path.substr(0, slash), path.substr(slash + 1)};
}

} // namespace

void AwsS3Commands::run(const std::string &command, const std::vector<std::string> &args)
{
    if (command == "ls")
        ls(args);
    else
        cp(args);
}

void AwsS3Commands::ls(const std::vector<std::string> &args)
{
    std::vector<std::string> paths;
    std::vector<std::string> unknown;
    bool recursive = false, humanReadableSizes = false, summarize = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--recursive")
            recursive = true;
        else if (arg == "--human-readable")
            humanReadableSizes = true;
        else if (arg == "--summarize")
            summarize = true;
        else if (arg == "--page-size" && i + 1 < args.size())
            ++i;
        else if (arg.starts_with("--") || !paths.empty())
            unknown.push_back(arg);
        else
            paths.push_back(arg);
    }
    if (!unknown.empty()) {
        m_cli.unknownOptions(unknown);
        return;
    }
    const std::string path = paths.empty() ? std::string() : paths[0];
    const auto [bucket, prefix] = splitS3Uri(path);
    const auto caller = m_cli.credentials();
    if (!caller)
        return;
    ShellRun &run = m_cli.run();
    if (bucket.empty()) {
        const CallResult result = m_cli.call(*caller, "s3", "ListBuckets");
        if (!result.ok()) {
            m_cli.serviceError(result, "ListBuckets");
            return;
        }
        for (const json &entry : result.response.value("Buckets", json::array()))
            run.out += lastModified(entry.value("CreationDate", json())) + " " + entry.value("Name", "") + "\n";
        return;
    }

    json params = {{"Bucket", bucket}, {"Prefix", prefix}};
    if (!recursive)
        params["Delimiter"] = "/";
    const CallResult result = m_cli.call(*caller, "s3", "ListObjectsV2", params);
    if (!result.ok()) {
        m_cli.serviceError(result, "ListObjectsV2");
        return;
    }
    const json prefixes = result.response.value("CommonPrefixes", json::array());
    const json contents = result.response.value("Contents", json::array());
    std::uint64_t totalSize = 0;
    for (const json &common : prefixes) {
        // The last component before the trailing "/".
        std::string name = common.value("Prefix", "");
        if (name.ends_with('/'))
            name.pop_back();
        name = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
        run.out += rightAligned("PRE", 30) + " " + name + "/\n";
    }
    for (const json &object : contents) {
        const std::uint64_t size = object.value("Size", std::uint64_t(0));
        totalSize += size;
        std::string key = object.value("Key", "");
        if (!recursive && key.find('/') != std::string::npos)
            key = key.substr(key.rfind('/') + 1);
        run.out += lastModified(object.value("LastModified", json())) + " "
            + rightAligned(humanReadableSizes ? humanReadable(size) : std::to_string(size), 10) + " " + key + "\n";
    }
    if (summarize) {
        run.out += "\nTotal Objects: " + std::to_string(contents.size()) + "\n";
        run.out += "   Total Size: " + (humanReadableSizes ? humanReadable(totalSize) : std::to_string(totalSize))
            + "\n";
    }
    // Listing a prefix that holds nothing exits 1 (ListCommand._check_no_objects).
    if (prefixes.empty() && contents.empty() && !prefix.empty())
        run.exitCode = 1;
}

void AwsS3Commands::cp(const std::vector<std::string> &args)
{
    std::vector<std::string> paths;
    std::vector<std::string> unknown;
    for (const std::string &arg : args) {
        if (arg == "--quiet" || arg == "--no-progress" || arg == "--only-show-errors")
            continue;
        if (arg.starts_with("--") || paths.size() == 2)
            unknown.push_back(arg);
        else
            paths.push_back(arg);
    }
    if (paths.size() < 2) {
        m_cli.usageError("the following arguments are required: paths");
        return;
    }
    if (!unknown.empty()) {
        m_cli.unknownOptions(unknown);
        return;
    }
    const std::string &source = paths[0];
    const std::string &target = paths[1];
    ShellRun &run = m_cli.run();
    if (!source.starts_with("s3://") || target.starts_with("s3://")) {
        // Uploads and copies between buckets need a local file system this terminal does not have.
        run.err += "aws: this terminal copies from S3 to standard output or a local name only: "
                   "aws s3 cp s3://BUCKET/KEY - \n";
        run.exitCode = AwsCliInvocation::kUsageError;
        return;
    }
    const auto [bucket, key] = splitS3Uri(source);
    const auto caller = m_cli.credentials();
    if (!caller)
        return;
    const CallResult result = m_cli.call(*caller, "s3", "GetObject", {{"Bucket", bucket}, {"Key", key}});
    if (!result.ok()) {
        // The CLI asks HeadObject first, which answers with the bare HTTP status.
        std::string status = "403) when calling the HeadObject operation: Forbidden";
        if (result.errorCode == "NoSuchKey")
            status = "404) when calling the HeadObject operation: Key \"" + key + "\" does not exist";
        else if (result.errorCode == "NoSuchBucket")
            status = "404) when calling the HeadObject operation: Not Found";
        run.err += "fatal error: An error occurred (" + status + "\n";
        run.exitCode = 1;
        return;
    }
    const std::string body = result.response.value("Body", "");
    if (target == "-") {
        run.out += body;
        return;
    }
    std::string name = target;
    if (name == "." || name.ends_with('/'))
        name = (name == "." ? "./" : name) + key.substr(key.rfind('/') == std::string::npos ? 0 : key.rfind('/') + 1);
    run.out += "download: " + source + " to " + name + "\n";
}

} // namespace iam
