#pragma once

// The account the IAM and STS operation tests start from, and the calls they make
// on it: the root user builds what a test needs through the API itself, and the
// test then calls as root, as a user with exactly the policy it wants, or as a
// role session.

#include "AccountApi.h"
#include "AccountComparison.h"
#include "FakeAwsManagedPolicies.h"
#include "StdStringPrinting.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <string>

// Fails the test, with AWS's error, unless the call succeeded.
#define IAM_VERIFY_OK(call)                                                                                            \
    do {                                                                                                               \
        const iam::CallResult result_ = (call);                                                                        \
        QVERIFY2(result_.ok(), (result_.errorCode + ": " + result_.errorMessage).c_str());                            \
    } while (false)

namespace iam::testing {

inline const std::string kAccountId = "111122223333";
inline const std::string kArn = "arn:aws:iam::111122223333:";
inline const std::string kClock = "2024-05-01T09:00:00Z";

// The trust policy the console generates for an EC2 role.
inline const std::string kEc2Trust = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": ["sts:AssumeRole"], "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";
inline const std::string kReadBuckets = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Action": "s3:ListAllMyBuckets", "Resource": "*"}]})";

// A policy allowing `action` on `resource`, with an optional condition block.
inline std::string allow(const std::string &action, const std::string &resource = "*",
                         const nlohmann::json &condition = nullptr)
{
    nlohmann::json statement = {{"Effect", "Allow"}, {"Action", action}, {"Resource", resource}};
    if (!condition.is_null())
        statement["Condition"] = condition;
    return nlohmann::json{{"Version", "2012-10-17"}, {"Statement", {statement}}}.dump();
}

// IAM's denial of a user's request that no identity-based policy allows.
inline std::string notAuthorized(const std::string &user, const std::string &action, const std::string &resource)
{
    return "User: " + kArn + "user/" + user + " is not authorized to perform: " + action + " on resource: " + resource
        + " because no identity-based policy allows the " + action + " action";
}

// What differs between two accounts' entities, instances and buckets (the event
// log aside: every call, refused or not, adds to it).
inline std::string changesBetween(const Account &before, const Account &after)
{
    return AccountComparison(before, after, {true, false}).summary();
}

class IamFixture
{
public:
    IamFixture() { m_account.setClock(kClock); }

    Account &account() { return m_account; }
    AccountApi &api() { return m_api; }

    CallResult call(const CallerIdentity &caller, const std::string &service, const std::string &operation,
                    const nlohmann::json &params = nlohmann::json::object())
    {
        return m_api.call(caller, service, operation, params);
    }
    CallResult iam(const CallerIdentity &caller, const std::string &operation,
                   const nlohmann::json &params = nlohmann::json::object())
    {
        return call(caller, "iam", operation, params);
    }
    CallResult asRoot(const std::string &operation, const nlohmann::json &params = nlohmann::json::object())
    {
        return iam(CallerIdentity::root(), operation, params);
    }

    // A user whose only policy is `document` (an inline policy named "policy"); no
    // policy at all when it is empty. Made by the root user, through the API.
    CallerIdentity userWith(const std::string &name, const std::string &document = {})
    {
        m_api.call(CallerIdentity::root(), "iam", "CreateUser", {{"UserName", name}});
        if (!document.empty())
            m_api.call(CallerIdentity::root(), "iam", "PutUserPolicy",
                       {{"UserName", name}, {"PolicyName", "policy"}, {"PolicyDocument", document}});
        return CallerIdentity::user(name);
    }

private:
    FakeAwsManagedPolicies m_managed;
    Account m_account{kAccountId, &m_managed};
    AccountApi m_api{m_account};
};

} // namespace iam::testing
