#pragma once

// Authorizes one action of an API call with the engine, as AWS would: the caller's
// identity-based policies (inline, attached, and its groups'), its permissions
// boundary, the resource's policy when it has one, and the request context AWS
// supplies (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalTag/*, ...).

#include "Account.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iam {

// A deciding statement, kept by value: it outlives the compiled policies.
struct DecidingStatement
{
    std::string policy;        // "arn:aws:iam::111122223333:policy/IAM-User-Policy", "user/lab-user inline MyPolicy", ...
    std::string sid;
    bool deny = false;
    int line = 0;
    int column = 0;
};

// One authorization a call needed, with its verdict and why.
struct AuthorizationCheck
{
    std::string callerArn;
    std::string action;        // "iam:PassRole"
    std::string resource;      // the role ARN, ...
    Outcome outcome = Outcome::ImplicitDeny;
    std::string reason;        // AWS's words for a denial: "because no identity-based policy allows ..."
    std::vector<DecidingStatement> deciding;
    std::vector<std::string> missingContextKeys;

    bool allowed() const { return outcome == Outcome::Allowed; }
    // "User: ARN is not authorized to perform: ACTION on resource: RESOURCE because ..."
    std::string notAuthorizedMessage() const;
};

// Condition keys a call adds to the caller's own, e.g. iam:PassedToService.
using ExtraContext = std::vector<std::pair<std::string, std::vector<std::string>>>;

class Authorizer
{
public:
    explicit Authorizer(const Account &account) : m_account(account) {}

    // The caller's identity-based policies and boundary (nothing for the root user).
    PolicySet policiesFor(const CallerIdentity &caller) const;
    // The context AWS supplies for the caller, plus `extra`.
    RequestContext contextFor(const CallerIdentity &caller, const ExtraContext &extra = {}) const;

    // Decides `action` on `resource` for the caller. `resourcePolicy` is the
    // resource's own policy text (bucket policy, trust policy), if any.
    AuthorizationCheck authorize(const CallerIdentity &caller, std::string_view action, std::string_view resource,
                                 const ExtraContext &extra = {}, const std::string *resourcePolicy = nullptr,
                                 std::string_view resourceOwner = {}) const;

private:
    void addIdentityPolicies(PolicySet &set, const std::vector<std::string> &attached,
                             const std::vector<InlinePolicy> &inlinePolicies, const std::string &owner) const;

    const Account &m_account;
};

} // namespace iam
