#pragma once

// The instance metadata service (IMDS) as software on an EC2 instance reaches it at
// http://169.254.169.254/latest/...: the instance's id and type, and under
// iam/security-credentials/ the name of its role and that role's temporary
// credentials (docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html,
// "Retrieve security credentials from instance metadata"). Bodies come without a
// trailing newline, as IMDS sends them; an unknown path is IMDS's 404 page.
//
//   InstanceMetadataService imds(account, "i-0abc1234def567890");
//   imds.get("/latest/meta-data/iam/security-credentials/").body   // "S3Access"
//
// The credentials are derived from the account id, the instance, the role and the
// account's clock, so a replayed session shows the same keys. Reads the account
// only; same threading rules as Account.

#include "Account.h"

#include <string>
#include <string_view>

namespace iam {

struct ImdsResponse
{
    int status = 200;
    std::string body;
};

struct ImdsCredentials
{
    std::string accessKeyId;       // "ASIA" + 16
    std::string secretAccessKey;   // 40 characters
    std::string token;
    std::string lastUpdated;       // the account's clock
    std::string expiration;        // six hours later
};

class InstanceMetadataService
{
public:
    InstanceMetadataService(const Account &account, std::string instanceId);

    // GET `path` ("/latest/meta-data/instance-id"); PUT /latest/api/token (IMDSv2)
    // gives a session token.
    ImdsResponse get(std::string_view path) const;
    ImdsResponse put(std::string_view path) const;

    // The role in the instance's profile (empty when none), whether or not EC2 may
    // assume it, and the credentials IMDS hands out for it.
    std::string roleName() const;
    ImdsCredentials credentials() const;

    static std::string notFoundPage();

private:
    std::string credentialsDocument() const;

    const Account &m_account;
    std::string m_instanceId;
};

} // namespace iam
