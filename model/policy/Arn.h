#pragma once

// ARNs as IAM reads them: six colon-separated parts (arn:partition:service:region:
// account:resource), the resource part keeping any further colons. Views into the
// caller's string: no allocation.

#include <array>
#include <optional>
#include <string_view>

namespace iam {

struct ArnParts
{
    // partition, service, region, account, resource ("arn" itself is implied)
    std::array<std::string_view, 5> parts;

    std::string_view partition() const { return parts[0]; }
    std::string_view service() const { return parts[1]; }
    std::string_view region() const { return parts[2]; }
    std::string_view account() const { return parts[3]; }
    std::string_view resource() const { return parts[4]; }
};

// nullopt when `text` is not `arn:` followed by at least five colon-separated parts.
std::optional<ArnParts> splitArn(std::string_view text);

// ArnLike / ArnEquals and the Resource element: each part matched on its own, with
// `*` and `?` (a wildcard does not reach across the first five colons). Case-sensitive.
bool arnMatches(std::string_view pattern, std::string_view arn);

// Who is calling, read off CallerArn.
struct Caller
{
    enum class Kind {
        AccountRoot,     // arn:aws:iam::111122223333:root
        User,            // arn:aws:iam::111122223333:user/path/name
        Role,            // arn:aws:iam::111122223333:role/path/name (as a caller: any session of it)
        AssumedRole,     // arn:aws:sts::111122223333:assumed-role/ROLE/SESSION
        FederatedUser,   // arn:aws:sts::111122223333:federated-user/name
        Service,         // ec2.amazonaws.com
        Other,           // anything else (still matched by exact ARN)
    };

    Kind kind = Kind::Other;
    std::string_view arn;        // as given
    std::string_view account;    // empty for a service principal
    std::string_view roleName;   // Role and AssumedRole: the role's name (no path)
};

Caller parseCaller(std::string_view callerArn);

// True for a 12-digit account id.
bool isAccountId(std::string_view text);

} // namespace iam
