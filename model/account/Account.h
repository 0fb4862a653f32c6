#pragma once

// The simulated AWS account: its IAM entities, EC2 instances, S3 buckets and event
// log. Account holds state and answers questions about it; it does not authorize.
// Every change a user makes goes through AccountApi, which authorizes the caller
// with the engine first and then edits the Account through the mutators below.
//
// Names compare as IAM compares them: unique case-insensitively, found exactly.
// Not thread-safe: one thread (the GUI's, or iam-sim's) owns an Account.

#include "AccountChange.h"
#include "AwsManagedPolicies.h"
#include "CallerIdentity.h"
#include "EventLog.h"
#include "IamEntities.h"
#include "ResourceEntities.h"

#include "Evaluator.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iam {

class Account
{
public:
    explicit Account(std::string accountId = "111122223333", const AwsManagedPolicies *awsManaged = nullptr);

    const std::string &accountId() const { return m_accountId; }
    const std::string &alias() const { return m_alias; }
    void setAlias(std::string alias) { m_alias = std::move(alias); }
    // The AWS-managed policies (from the catalog); may be null (none known).
    const AwsManagedPolicies *awsManaged() const { return m_awsManaged; }

    // Entities, in creation order.
    const std::vector<User> &users() const { return m_users; }
    const std::vector<Group> &groups() const { return m_groups; }
    const std::vector<Role> &roles() const { return m_roles; }
    const std::vector<ManagedPolicy> &policies() const { return m_policies; }   // customer managed
    const std::vector<InstanceProfile> &instanceProfiles() const { return m_instanceProfiles; }
    const std::vector<Ec2Instance> &instances() const { return m_instances; }
    const std::vector<S3Bucket> &buckets() const { return m_buckets; }

    // Exact-name lookups; nullptr when absent.
    const User *findUser(std::string_view name) const;
    const Group *findGroup(std::string_view name) const;
    const Role *findRole(std::string_view name) const;
    const ManagedPolicy *findPolicy(std::string_view arn) const;   // customer managed, by ARN
    const InstanceProfile *findInstanceProfile(std::string_view name) const;
    const Ec2Instance *findInstance(std::string_view id) const;
    const S3Bucket *findBucket(std::string_view name) const;
    // Case-insensitive: whether a new entity of that kind may take the name.
    bool nameTaken(AccountChange::Entity entity, std::string_view name) const;

    // ARNs as IAM writes them.
    std::string userArn(const User &user) const;
    std::string groupArn(const Group &group) const;
    std::string roleArn(const Role &role) const;
    std::string policyArn(const ManagedPolicy &policy) const;
    std::string instanceProfileArn(const InstanceProfile &profile) const;
    std::string instanceArn(const Ec2Instance &instance) const;
    std::string callerArn(const CallerIdentity &caller) const;

    // The default-version document of a managed policy, customer or AWS managed;
    // nullopt when no such policy exists.
    std::optional<std::string> managedPolicyDocument(std::string_view arn) const;
    // The policy's name for display: "AmazonS3ReadOnlyAccess".
    std::string managedPolicyName(std::string_view arn) const;
    bool managedPolicyExists(std::string_view arn) const { return managedPolicyDocument(arn).has_value(); }

    // Whether the caller still exists (a deleted user or role makes no calls).
    bool callerExists(const CallerIdentity &caller) const;

    // Mutable access for AccountApi and the workspace loader. Each mutation is
    // followed by notify() from whoever made it.
    std::vector<User> &mutableUsers() { return m_users; }
    std::vector<Group> &mutableGroups() { return m_groups; }
    std::vector<Role> &mutableRoles() { return m_roles; }
    std::vector<ManagedPolicy> &mutablePolicies() { return m_policies; }
    std::vector<InstanceProfile> &mutableInstanceProfiles() { return m_instanceProfiles; }
    std::vector<Ec2Instance> &mutableInstances() { return m_instances; }
    std::vector<S3Bucket> &mutableBuckets() { return m_buckets; }
    User *findUser(std::string_view name);
    Group *findGroup(std::string_view name);
    Role *findRole(std::string_view name);
    ManagedPolicy *findPolicy(std::string_view arn);
    InstanceProfile *findInstanceProfile(std::string_view name);
    Ec2Instance *findInstance(std::string_view id);
    S3Bucket *findBucket(std::string_view name);

    EventLog &eventLog() { return m_events; }
    const EventLog &eventLog() const { return m_events; }

    // A unique id with IAM's prefix ("AIDA", "AROA", ...) and 17 more characters,
    // derived from a counter so that runs are reproducible.
    std::string newId(std::string_view prefix);
    // The simulated clock: ISO 8601, UTC. Fixed clocks make tests and labs repeatable.
    std::string now() const;
    void setClock(std::string fixedTime) { m_fixedTime = std::move(fixedTime); }

    // Observers are not owned and must remove themselves before they die.
    void addObserver(AccountObserver *observer);
    void removeObserver(AccountObserver *observer);
    void notify(const AccountChange &change) const;

    // Compiled form of a policy document, cached by its text (policies are
    // immutable once compiled). nullptr when the document does not parse.
    PolicyPtr compiled(const std::string &document, const std::string &sourceId, PolicyType type) const;

private:
    std::string m_accountId;
    std::string m_alias;
    const AwsManagedPolicies *m_awsManaged = nullptr;
    std::vector<User> m_users;
    std::vector<Group> m_groups;
    std::vector<Role> m_roles;
    std::vector<ManagedPolicy> m_policies;
    std::vector<InstanceProfile> m_instanceProfiles;
    std::vector<Ec2Instance> m_instances;
    std::vector<S3Bucket> m_buckets;
    EventLog m_events;
    std::uint64_t m_idCounter = 0;
    std::string m_fixedTime;
    std::vector<AccountObserver *> m_observers;
    mutable std::map<std::string, PolicyPtr> m_compiled;   // key: type, source id and text
};

} // namespace iam
