#include "AwsCliHelp.h"

#include <algorithm>
#include <cctype>

namespace iam {

namespace {

std::string bullets(const std::vector<std::string> &items)
{
    std::string text;
    for (const std::string &item : items)
        text += "       o " + item + "\n\n";
    return text;
}

std::string upper(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// Matching characters of the longest-block recursion SequenceMatcher uses.
std::size_t matches(std::string_view a, std::string_view b)
{
    std::size_t bestI = 0, bestJ = 0, bestSize = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t j = 0; j < b.size(); ++j) {
            std::size_t k = 0;
            while (i + k < a.size() && j + k < b.size() && a[i + k] == b[j + k])
                ++k;
            if (k > bestSize) {
                bestI = i;
                bestJ = j;
                bestSize = k;
            }
        }
    }
    if (bestSize == 0)
        return 0;
    return bestSize + matches(a.substr(0, bestI), b.substr(0, bestJ))
        + matches(a.substr(bestI + bestSize), b.substr(bestJ + bestSize));
}

} // namespace

double AwsCliHelp::similarity(std::string_view a, std::string_view b)
{
    if (a.empty() && b.empty())
        return 1.0;
    return 2.0 * static_cast<double>(matches(a, b)) / static_cast<double>(a.size() + b.size());
}

std::string AwsCliHelp::invalidChoice(std::string_view value, const std::vector<std::string> &choices)
{
    // awscli/argparser.py: two choices a line, each padded to 40 columns.
    std::string text = "Invalid choice, valid choices are:\n";
    for (std::size_t i = 0; i < choices.size(); i += 2) {
        std::string line;
        for (std::size_t k = i; k < std::min(i + 2, choices.size()); ++k) {
            std::string cell = choices[k];
            cell.resize(std::max<std::size_t>(cell.size(), 40), ' ');
            line += (k == i ? "" : " | ") + cell;
        }
        text += "\n" + line;
    }
    std::vector<std::pair<double, std::string>> close;
    for (const std::string &choice : choices) {
        const double ratio = similarity(value, choice);
        if (ratio >= 0.8)
            close.emplace_back(ratio, choice);
    }
    // difflib.get_close_matches: best first, at most three.
    std::stable_sort(close.begin(), close.end(), [](const auto &x, const auto &y) { return x.first > y.first; });
    if (!close.empty()) {
        text += "\n\n\nInvalid choice: '" + std::string(value) + "', maybe you meant:\n";
        for (std::size_t i = 0; i < close.size() && i < 3; ++i)
            text += "\n  * " + close[i].second;
    }
    return text;
}

std::string AwsCliHelp::topLevel()
{
    return "AWS()\n\n"
           "NAME\n"
           "       aws -\n\n"
           "DESCRIPTION\n"
           "       The  AWS  Command  Line  Interface is a unified tool to manage your AWS\n"
           "       services. This terminal runs its commands against the simulated account.\n\n"
           "SYNOPSIS\n"
           "          aws [options] <command> <subcommand> [parameters]\n\n"
           "       Use aws command help for information on a specific command.\n\n"
           "OPTIONS\n"
           "       --output (string): json, text, table or off\n\n"
           "       --query (string): a JMESPath query to filter the response\n\n"
           "       --region (string), --no-cli-pager, --no-paginate, --version\n\n"
           "AVAILABLE SERVICES\n"
        + bullets(AwsCliCommandTable::serviceNames());
}

std::string AwsCliHelp::service(const AwsCliService &service)
{
    return upper(service.name) + "()\n\n"
           "NAME\n"
           "       " + service.name + " -\n\n"
           "DESCRIPTION\n"
           "       " + service.description + "\n\n"
           "AVAILABLE COMMANDS\n"
        + bullets(service.commandNames());
}

std::string AwsCliHelp::command(const AwsCliService &service, const AwsCliOperation &command)
{
    std::string text = upper(command.command) + "()\n\n"
                       "NAME\n"
                       "       " + command.command + " -\n\n";
    if (!command.operation.empty())
        text += "DESCRIPTION\n"
                "       Calls the " + command.operation + " operation of " + service.description + ".\n\n";
    text += "SYNOPSIS\n"
            "            " + command.command + "\n";
    if (!command.synopsis.empty())
        text += "          " + command.synopsis + "\n";
    return text;
}

} // namespace iam
