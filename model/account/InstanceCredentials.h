#pragma once

// The credentials an EC2 instance hands the software on it: a session of the role
// in its instance profile, named after the instance id. EC2 assumes that role as
// the service principal ec2.amazonaws.com, so a role whose trust policy does not
// trust EC2 yields no credentials at all (the instance metadata service has none).
//
//   if (auto session = instanceSession(account, "i-0abc1234def567890"))
//       api.call(*session, "s3", "ListBuckets", {}, CallSource::Instance);
//
// Reads the account only; same threading rules as Account.

#include "Account.h"
#include "CallerIdentity.h"

#include <optional>
#include <string_view>

namespace iam {

// The instance's role session (CallerIdentity::instance(role, instanceId)) when the
// instance exists and is running, has an instance profile holding a role, and that
// role's trust policy allows sts:AssumeRole for ec2.amazonaws.com; nullopt otherwise.
std::optional<CallerIdentity> instanceSession(const Account &account, std::string_view instanceId);

} // namespace iam
