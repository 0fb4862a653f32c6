#include "InstanceMetadataService.h"

#include "InstanceCredentials.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <ctime>

namespace iam {

namespace {

// splitmix64: a stable stream of pseudo-random bits from a seed.
class KeyStream
{
public:
    explicit KeyStream(std::string_view seed)
    {
        // FNV-1a over the seed.
        m_state = 1469598103934665603ull;
        for (const char c : seed) {
            m_state ^= static_cast<unsigned char>(c);
            m_state *= 1099511628211ull;
        }
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::string characters(std::string_view alphabet, std::size_t count)
    {
        std::string text;
        while (text.size() < count)
            text += alphabet[next() % alphabet.size()];
        return text;
    }

private:
    std::uint64_t m_state = 0;
};

constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string addSeconds(const std::string &time, long long seconds)
{
    std::tm parts{};
    if (std::sscanf(time.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                    &parts.tm_hour, &parts.tm_min, &parts.tm_sec)
        != 6)
        return time;
    parts.tm_year -= 1900;
    parts.tm_mon -= 1;
    const std::time_t later = timegm(&parts) + static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&later, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string quoted(const std::string &text)
{
    return nlohmann::json(text).dump();
}

ImdsResponse ok(std::string body)
{
    return {200, std::move(body)};
}

} // namespace

InstanceMetadataService::InstanceMetadataService(const Account &account, std::string instanceId)
    : m_account(account), m_instanceId(std::move(instanceId))
{
}

std::string InstanceMetadataService::notFoundPage()
{
    return "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n"
           "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
           "\t\t \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
           "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
           " <head>\n"
           "  <title>404 - Not Found</title>\n"
           " </head>\n"
           " <body>\n"
           "  <h1>404 - Not Found</h1>\n"
           " </body>\n"
           "</html>";
}

std::string InstanceMetadataService::roleName() const
{
    const Ec2Instance *instance = m_account.findInstance(m_instanceId);
    if (!instance || instance->instanceProfile.empty())
        return {};
    const InstanceProfile *profile = m_account.findInstanceProfile(instance->instanceProfile);
    if (!profile || profile->role.empty() || !m_account.findRole(profile->role))
        return {};
    return profile->role;
}

ImdsCredentials InstanceMetadataService::credentials() const
{
    ImdsCredentials credentials;
    credentials.lastUpdated = m_account.now();
    credentials.expiration = addSeconds(credentials.lastUpdated, 6 * 3600);
    KeyStream keys(m_account.accountId() + "/" + m_instanceId + "/" + roleName() + "/" + credentials.lastUpdated);
    credentials.accessKeyId = "ASIA" + keys.characters(kUpper, 16);
    credentials.secretAccessKey = keys.characters(kBase64, 40);
    credentials.token = "IQoJb3JpZ2luX2VjE" + keys.characters(kBase64, 600);
    return credentials;
}

// IMDS writes this document with a space before each colon.
std::string InstanceMetadataService::credentialsDocument() const
{
    const std::string role = roleName();
    if (!instanceSession(m_account, m_instanceId)) {
        // The profile names a role that EC2 may not assume (its trust policy does
        // not allow ec2.amazonaws.com), or the instance is not running.
        return "{\n"
               "  \"Code\" : \"AssumeRoleUnauthorizedAccess\",\n"
               "  \"Message\" : "
            + quoted("EC2 cannot assume the role " + role
                     + ".  Please see documentation at "
                       "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                       "troubleshoot_iam-ec2.html#troubleshoot_iam-ec2_errors-info-doc.")
            + ",\n  \"LastUpdated\" : " + quoted(m_account.now()) + "\n}";
    }
    const ImdsCredentials c = credentials();
    return "{\n"
           "  \"Code\" : \"Success\",\n"
           "  \"LastUpdated\" : " + quoted(c.lastUpdated) + ",\n"
           "  \"Type\" : \"AWS-HMAC\",\n"
           "  \"AccessKeyId\" : " + quoted(c.accessKeyId) + ",\n"
           "  \"SecretAccessKey\" : " + quoted(c.secretAccessKey) + ",\n"
           "  \"Token\" : " + quoted(c.token) + ",\n"
           "  \"Expiration\" : " + quoted(c.expiration) + "\n"
           "}";
}

ImdsResponse InstanceMetadataService::get(std::string_view path) const
{
    const Ec2Instance *instance = m_account.findInstance(m_instanceId);
    const ImdsResponse notFound{404, notFoundPage()};
    if (!instance)
        return notFound;
    const std::string role = roleName();
    if (path == "/" || path.empty())
        return ok("1.0\n2007-01-19\n2007-03-01\n2007-08-29\n2007-10-10\n2007-12-15\n2008-02-01\n2008-09-01\n"
                  "2009-04-04\n2011-01-01\n2011-05-01\n2012-01-12\n2014-02-25\n2014-11-05\n2015-10-20\n"
                  "2016-04-19\n2016-06-30\n2016-09-02\n2018-03-28\n2018-08-17\n2018-09-24\n2019-10-01\n"
                  "2020-10-27\n2021-01-03\n2021-03-23\n2021-07-15\n2022-09-24\n2022-12-15\nlatest");
    if (path == "/latest" || path == "/latest/")
        return ok("dynamic\nmeta-data\nuser-data");
    if (path == "/latest/meta-data" || path == "/latest/meta-data/")
        return ok(std::string("ami-id\nami-launch-index\nami-manifest-path\nblock-device-mapping/\nevents/\nhostname\n")
                  + (role.empty() ? "" : "iam/\n")
                  + "identity-credentials/\ninstance-action\ninstance-id\ninstance-life-cycle\ninstance-type\n"
                    "local-hostname\nlocal-ipv4\nmac\nmetrics/\nnetwork/\nplacement/\nprofile\n"
                    "reservation-id\nsecurity-groups\nservices/");
    if (path == "/latest/meta-data/instance-id")
        return ok(instance->id);
    if (path == "/latest/meta-data/instance-type")
        return ok(instance->instanceType);
    if (path == "/latest/meta-data/ami-id")
        return ok(instance->imageId);
    if (path == "/latest/meta-data/placement/region")
        return ok(instance->region);
    if (path == "/latest/meta-data/placement/availability-zone")
        return ok(instance->region + "a");
    if (role.empty())
        return notFound;   // no role: no iam/ branch at all
    if (path == "/latest/meta-data/iam" || path == "/latest/meta-data/iam/")
        return ok("info\nsecurity-credentials/");
    if (path == "/latest/meta-data/iam/info") {
        const InstanceProfile *profile = m_account.findInstanceProfile(instance->instanceProfile);
        return ok("{\n"
                  "  \"Code\" : \"Success\",\n"
                  "  \"LastUpdated\" : " + quoted(m_account.now()) + ",\n"
                  "  \"InstanceProfileArn\" : " + quoted(m_account.instanceProfileArn(*profile)) + ",\n"
                  "  \"InstanceProfileId\" : " + quoted(profile->id) + "\n"
                  "}");
    }
    if (path == "/latest/meta-data/iam/security-credentials"
        || path == "/latest/meta-data/iam/security-credentials/")
        return ok(role);
    constexpr std::string_view kCredentials = "/latest/meta-data/iam/security-credentials/";
    if (path.starts_with(kCredentials)) {
        std::string_view name = path.substr(kCredentials.size());
        if (name.ends_with('/'))
            name.remove_suffix(1);
        if (name == role)
            return ok(credentialsDocument());
    }
    return notFound;
}

ImdsResponse InstanceMetadataService::put(std::string_view path) const
{
    if (path != "/latest/api/token")
        return {404, notFoundPage()};
    KeyStream keys("imds-token/" + m_account.accountId() + "/" + m_instanceId + "/" + m_account.now());
    return ok("AQAEA" + keys.characters(kBase64, 51) + "==");
}

} // namespace iam
