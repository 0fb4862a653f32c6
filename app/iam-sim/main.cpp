// iam-sim: the engine on the command line. Everything happens in runIamSim().

#include "IamSimCli.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    return iam::runIamSim(args, std::cin, std::cout, std::cerr);
}
