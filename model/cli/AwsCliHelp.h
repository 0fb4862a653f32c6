#pragma once

// Texts of the `aws` command that are not API output: help pages (short, listing
// what this terminal supports, in the layout of the CLI's own), the choices lists
// of "Invalid choice" errors, and close-match suggestions as argparse makes them.
//
// Pure functions; thread-safe.

#include "AwsCliCommandTable.h"

#include <string>
#include <string_view>
#include <vector>

namespace iam {

class AwsCliHelp
{
public:
    static std::string topLevel();
    static std::string service(const AwsCliService &service);
    static std::string command(const AwsCliService &service, const AwsCliOperation &command);

    // "Invalid choice, valid choices are:\n\nA   | B\n..." and, when some choice is
    // close (difflib's ratio >= 0.8), "Invalid choice: 'x', maybe you meant:\n  * y".
    static std::string invalidChoice(std::string_view value, const std::vector<std::string> &choices);
    // difflib.SequenceMatcher(None, a, b).ratio()
    static double similarity(std::string_view a, std::string_view b);
};

} // namespace iam
