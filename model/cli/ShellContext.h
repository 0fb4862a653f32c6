#pragma once

// Where a terminal command runs, which decides whose credentials the AWS CLI finds:
// the learner's own machine (an IAM user's access key, as `aws configure` stores
// it) or an EC2 instance (its role's session, as the instance metadata service
// hands it out; none when the instance has no role).

#include <string>

namespace iam {

struct ShellContext
{
    enum class Kind { LocalMachine, Instance };

    Kind kind = Kind::LocalMachine;
    std::string userName;     // LocalMachine: the configured IAM user; empty: `aws configure` never run
    std::string instanceId;   // Instance: "i-0abc1234def567890"

    static ShellContext localMachine(std::string userName) { return {Kind::LocalMachine, std::move(userName), {}}; }
    static ShellContext instance(std::string instanceId) { return {Kind::Instance, {}, std::move(instanceId)}; }

    friend bool operator==(const ShellContext &, const ShellContext &) = default;
};

} // namespace iam
