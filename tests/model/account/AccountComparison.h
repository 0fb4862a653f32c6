#pragma once

// Entity-by-entity comparison of two accounts, for the tests that round-trip an
// account through a file: the differences found, each named by where it is
// ("roles[1].tags[0].value: `a` != `b`"), none when the accounts are equal.

#include "Account.h"

#include <string>
#include <vector>

namespace iam::testing {

class AccountComparison
{
public:
    struct Scope
    {
        bool resources = true;   // EC2 instances and S3 buckets
        bool events = true;
    };

    AccountComparison(const Account &a, const Account &b, Scope scope) { compare(a, b, scope); }
    AccountComparison(const Account &a, const Account &b) : AccountComparison(a, b, Scope{}) {}

    const std::vector<std::string> &differences() const { return m_differences; }
    // The first few, one a line, for a failure message.
    std::string summary() const
    {
        std::string text;
        for (std::size_t i = 0; i < m_differences.size() && i < 10; ++i)
            text += m_differences[i] + '\n';
        return text;
    }

private:
    void same(const std::string &where, const std::string &a, const std::string &b)
    {
        if (a != b)
            m_differences.push_back(where + ": `" + a.substr(0, 200) + "` != `" + b.substr(0, 200) + "`");
    }
    void same(const std::string &where, long long a, long long b)
    {
        if (a != b)
            m_differences.push_back(where + ": " + std::to_string(a) + " != " + std::to_string(b));
    }
    void same(const std::string &where, const std::vector<std::string> &a, const std::vector<std::string> &b)
    {
        same(where + ".size", static_cast<long long>(a.size()), static_cast<long long>(b.size()));
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
            same(where + "[" + std::to_string(i) + "]", a[i], b[i]);
    }
    template<typename T, typename Compare>
    void list(const std::string &where, const std::vector<T> &a, const std::vector<T> &b, Compare compare)
    {
        same(where + ".size", static_cast<long long>(a.size()), static_cast<long long>(b.size()));
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
            compare(where + "[" + std::to_string(i) + "]", a[i], b[i]);
    }
    void tags(const std::string &where, const std::vector<Tag> &a, const std::vector<Tag> &b)
    {
        list(where, a, b, [&](const std::string &w, const Tag &x, const Tag &y) {
            same(w + ".key", x.key, y.key);
            same(w + ".value", x.value, y.value);
        });
    }
    void inlinePolicies(const std::string &where, const std::vector<InlinePolicy> &a,
                        const std::vector<InlinePolicy> &b)
    {
        list(where, a, b, [&](const std::string &w, const InlinePolicy &x, const InlinePolicy &y) {
            same(w + ".name", x.name, y.name);
            same(w + ".document", x.document, y.document);
        });
    }

    void compare(const Account &a, const Account &b, Scope scope)
    {
        same("accountId", a.accountId(), b.accountId());
        list("users", a.users(), b.users(), [&](const std::string &w, const User &x, const User &y) {
            same(w + ".name", x.name, y.name);
            same(w + ".path", x.path, y.path);
            same(w + ".id", x.id, y.id);
            same(w + ".createDate", x.createDate, y.createDate);
            tags(w + ".tags", x.tags, y.tags);
            same(w + ".groups", x.groups, y.groups);
            same(w + ".attachedPolicies", x.attachedPolicies, y.attachedPolicies);
            inlinePolicies(w + ".inlinePolicies", x.inlinePolicies, y.inlinePolicies);
            same(w + ".permissionsBoundary", x.permissionsBoundary, y.permissionsBoundary);
        });
        list("groups", a.groups(), b.groups(), [&](const std::string &w, const Group &x, const Group &y) {
            same(w + ".name", x.name, y.name);
            same(w + ".path", x.path, y.path);
            same(w + ".id", x.id, y.id);
            same(w + ".createDate", x.createDate, y.createDate);
            same(w + ".attachedPolicies", x.attachedPolicies, y.attachedPolicies);
            inlinePolicies(w + ".inlinePolicies", x.inlinePolicies, y.inlinePolicies);
        });
        list("roles", a.roles(), b.roles(), [&](const std::string &w, const Role &x, const Role &y) {
            same(w + ".name", x.name, y.name);
            same(w + ".path", x.path, y.path);
            same(w + ".id", x.id, y.id);
            same(w + ".createDate", x.createDate, y.createDate);
            same(w + ".description", x.description, y.description);
            same(w + ".trustPolicy", x.trustPolicy, y.trustPolicy);
            same(w + ".maxSessionDuration", x.maxSessionDuration, y.maxSessionDuration);
            tags(w + ".tags", x.tags, y.tags);
            same(w + ".attachedPolicies", x.attachedPolicies, y.attachedPolicies);
            inlinePolicies(w + ".inlinePolicies", x.inlinePolicies, y.inlinePolicies);
            same(w + ".permissionsBoundary", x.permissionsBoundary, y.permissionsBoundary);
        });
        list("policies", a.policies(), b.policies(),
             [&](const std::string &w, const ManagedPolicy &x, const ManagedPolicy &y) {
                 same(w + ".name", x.name, y.name);
                 same(w + ".path", x.path, y.path);
                 same(w + ".id", x.id, y.id);
                 same(w + ".description", x.description, y.description);
                 same(w + ".createDate", x.createDate, y.createDate);
                 same(w + ".defaultVersionId", x.defaultVersionId, y.defaultVersionId);
                 tags(w + ".tags", x.tags, y.tags);
                 list(w + ".versions", x.versions, y.versions,
                      [&](const std::string &v, const PolicyVersion &p, const PolicyVersion &q) {
                          same(v + ".versionId", p.versionId, q.versionId);
                          same(v + ".document", p.document, q.document);
                          same(v + ".createDate", p.createDate, q.createDate);
                      });
             });
        list("instanceProfiles", a.instanceProfiles(), b.instanceProfiles(),
             [&](const std::string &w, const InstanceProfile &x, const InstanceProfile &y) {
                 same(w + ".name", x.name, y.name);
                 same(w + ".path", x.path, y.path);
                 same(w + ".id", x.id, y.id);
                 same(w + ".createDate", x.createDate, y.createDate);
                 same(w + ".role", x.role, y.role);
             });
        if (scope.resources) {
            same("alias", a.alias(), b.alias());
            list("instances", a.instances(), b.instances(),
                 [&](const std::string &w, const Ec2Instance &x, const Ec2Instance &y) {
                     same(w + ".id", x.id, y.id);
                     same(w + ".name", x.name, y.name);
                     same(w + ".state", x.state, y.state);
                     same(w + ".instanceType", x.instanceType, y.instanceType);
                     same(w + ".imageId", x.imageId, y.imageId);
                     same(w + ".region", x.region, y.region);
                     same(w + ".launchTime", x.launchTime, y.launchTime);
                     same(w + ".instanceProfile", x.instanceProfile, y.instanceProfile);
                     same(w + ".associationId", x.associationId, y.associationId);
                 });
            list("buckets", a.buckets(), b.buckets(), [&](const std::string &w, const S3Bucket &x, const S3Bucket &y) {
                same(w + ".name", x.name, y.name);
                same(w + ".region", x.region, y.region);
                same(w + ".createDate", x.createDate, y.createDate);
                same(w + ".policy", x.policy, y.policy);
                list(w + ".objects", x.objects, y.objects,
                     [&](const std::string &o, const S3Object &p, const S3Object &q) {
                         same(o + ".key", p.key, q.key);
                         same(o + ".content", p.content, q.content);
                         same(o + ".lastModified", p.lastModified, q.lastModified);
                     });
            });
        }
        if (scope.events) {
            list("events", a.eventLog().events(), b.eventLog().events(),
                 [&](const std::string &w, const Event &x, const Event &y) {
                     same(w + ".sequence", x.sequence, y.sequence);
                     same(w + ".time", x.time, y.time);
                     same(w + ".callerArn", x.callerArn, y.callerArn);
                     same(w + ".source", static_cast<long long>(x.source), static_cast<long long>(y.source));
                     same(w + ".action", x.action, y.action);
                     same(w + ".resources", x.resources, y.resources);
                     same(w + ".allowed", x.allowed, y.allowed);
                     same(w + ".errorCode", x.errorCode, y.errorCode);
                     if (!(x == y))
                         m_differences.push_back(w + ": Event::operator== disagrees");
                 });
        }
    }

    std::vector<std::string> m_differences;
};

} // namespace iam::testing
