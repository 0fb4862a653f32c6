#include "Arn.h"

#include "Wildcard.h"

#include <algorithm>

namespace iam {

std::optional<ArnParts> splitArn(std::string_view text)
{
    if (!text.starts_with("arn:"))
        return std::nullopt;
    // A plain loop: the parts are a few bytes long, shorter than a memchr call is worth.
    ArnParts split;
    std::size_t start = 4;
    int part = 0;
    for (std::size_t i = 4; i < text.size() && part < 4; ++i) {
        if (text[i] == ':') {
            split.parts[part++] = text.substr(start, i - start);
            start = i + 1;
        }
    }
    if (part < 4)
        return std::nullopt;
    split.parts[4] = text.substr(start);
    return split;
}

bool arnMatches(std::string_view pattern, std::string_view arn)
{
    if (pattern == "*")
        return true;
    const auto patternParts = splitArn(pattern);
    if (!patternParts)
        return wildcardMatch(pattern, arn);
    const auto arnParts = splitArn(arn);
    if (!arnParts)
        return false;
    for (int i = 0; i < 5; ++i) {
        if (!wildcardMatch(patternParts->parts[i], arnParts->parts[i]))
            return false;
    }
    return true;
}

bool isAccountId(std::string_view text)
{
    return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Caller parseCaller(std::string_view callerArn)
{
    Caller caller;
    caller.arn = callerArn;
    if (callerArn.empty())
        return caller;   // no caller given: an IAM principal of the resource's account
    const auto split = splitArn(callerArn);
    if (!split) {
        // Not an ARN: a service principal ("ec2.amazonaws.com") or a bare name.
        caller.kind = Caller::Kind::Service;
        return caller;
    }
    caller.account = split->account();
    const std::string_view resource = split->resource();
    const std::string_view service = split->service();
    if (service == "iam" && resource == "root") {
        caller.kind = Caller::Kind::AccountRoot;
    } else if (service == "iam" && resource.starts_with("user/")) {
        caller.kind = Caller::Kind::User;
    } else if (service == "iam" && resource.starts_with("role/")) {
        caller.kind = Caller::Kind::Role;
        caller.roleName = resource.substr(resource.rfind('/') + 1);
    } else if (service == "sts" && resource.starts_with("assumed-role/")) {
        caller.kind = Caller::Kind::AssumedRole;
        std::string_view rest = resource.substr(13);
        caller.roleName = rest.substr(0, rest.find('/'));
    } else if (service == "sts" && resource.starts_with("federated-user/")) {
        caller.kind = Caller::Kind::FederatedUser;
    } else {
        caller.kind = Caller::Kind::Other;
    }
    return caller;
}

} // namespace iam
