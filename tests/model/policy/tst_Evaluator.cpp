// Evaluator: the AWS policy evaluation logic on policy sets built here, one behaviour
// a row: explicit deny, implicit deny, NotAction/NotResource, SCP and RCP levels,
// permissions boundaries, session policies, resource-based policies in the same and
// across accounts, trust policies, NotPrincipal; then what a decision carries
// (matched statements, missing keys, the denial reason, the trace) and that evaluation
// is repeatable and thread-safe.

#include "CompiledPolicy.h"
#include "Evaluator.h"
#include "Explainer.h"
#include "PolicyParser.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace iam;

// Declared before the policies below: moc does not read raw string literals.
class tst_Evaluator : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void scpLevelWithSeveralPolicies();
    void matchedStatementsCarrySourceLines();
    void explicitDenyListsEveryDenyingStatement();
    void missingContextKeysComeFromApplicableStatements();
    void denialReasonWording_data();
    void denialReasonWording();
    void denialReasonThroughEvaluate();
    void traceOnlyWhenAsked();
    void traceStepsInAwsOrder();
    void traceSaysWhyEachStatementMissed();
    void traceNamesTheLevelWithoutAllow();
    void explainMentionsTheFailingCondition();
    void reusedDecisionGivesSameAnswers();
    void matrixAgreesWithEvaluate();
    void sharedPolicySetAcrossThreads();
};

namespace {

// Home account 111122223333, foreign account 444455556666 (as in ../shared/conformance).
constexpr const char *kUser = "arn:aws:iam::111122223333:user/dana";
constexpr const char *kBob = "arn:aws:iam::111122223333:user/Bob";
constexpr const char *kRoot = "arn:aws:iam::111122223333:root";
constexpr const char *kRole = "arn:aws:iam::111122223333:role/OpsRole";
constexpr const char *kSession = "arn:aws:sts::111122223333:assumed-role/OpsRole/dana-cli";
constexpr const char *kOtherSession = "arn:aws:sts::111122223333:assumed-role/OpsRole/erin-cli";
constexpr const char *kForeignUser = "arn:aws:iam::444455556666:user/erin";
constexpr const char *kForeignRoot = "arn:aws:iam::444455556666:root";
constexpr const char *kForeignSession = "arn:aws:sts::444455556666:assumed-role/Chain/s1";
constexpr const char *kEc2 = "ec2.amazonaws.com";

constexpr const char *kObject = "arn:aws:s3:::lab-bucket/notes.txt";
constexpr const char *kQueue = "arn:aws:sqs:us-east-1:111122223333:lab-queue";
constexpr const char *kForeignQueue = "arn:aws:sqs:us-east-1:444455556666:lab-queue";
constexpr const char *kRoleResource = "arn:aws:iam::111122223333:role/S3Access";
constexpr const char *kForeignRoleResource = "arn:aws:iam::444455556666:role/Audit";

// Statements, to be wrapped into policies.
constexpr const char *kAllowAll = R"({"Effect": "Allow", "Action": "*", "Resource": "*"})";
constexpr const char *kAllowGet = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lab-bucket/*"})";
constexpr const char *kDenyGet = R"({"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"})";
constexpr const char *kAllowEc2 = R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*"})";
constexpr const char *kAllowSqs = R"({"Effect": "Allow", "Action": "sqs:*", "Resource": "*"})";
constexpr const char *kAllowAssume = R"({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"})";

// One row of the decision table. Policies are given as the statements of one policy
// (the text between `[` and `]`); nullptr: that kind of policy is not in play.
struct Case
{
    const char *caller = kUser;
    const char *action = "s3:GetObject";
    const char *resource = kObject;
    const char *owner = "";
    const char *identity = nullptr;
    const char *boundary = nullptr;
    const char *session = nullptr;
    const char *resourcePolicy = nullptr;
    PolicyType resourceType = PolicyType::Resource;
    std::vector<const char *> scp{};   // one policy per level, root first
    std::vector<const char *> rcp{};
    const char *context = "";        // "key=v1|v2;other=v3"
    Outcome expected = Outcome::ImplicitDeny;
    Gate gate = Gate::None;
    PolicyType deniedByType = PolicyType::Identity;
};

} // namespace

Q_DECLARE_METATYPE(Case)


// ---------------------------------------------------------------------------------
// helpers

static PolicyPtr compileText(const std::string &text, PolicyType type, const std::string &source)
{
    const ParseResult parsed = parsePolicy(text, source);
    if (!parsed.ok()) {
        const std::string message = parsed.diagnostics.empty() ? std::string("no document")
                                                               : formatDiagnostic(parsed.diagnostics.front());
        qFatal("test policy does not parse: %s\n%s", message.c_str(), text.c_str());
    }
    return compilePolicy(*parsed.document, source, type);
}

static PolicyPtr policyOf(const char *statements, PolicyType type, const std::string &source = "PolicyInputList.1")
{
    return compileText(std::string(R"({"Version": "2012-10-17", "Statement": [)") + statements + "]}", type, source);
}

static RequestContext contextFrom(const QString &spec)
{
    RequestContext context;
    for (const QString &entry : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        std::vector<std::string> values;
        for (const QString &value : entry.mid(eq + 1).split(QLatin1Char('|')))
            values.push_back(value.toStdString());
        context.set(entry.left(eq).toStdString(), std::move(values));
    }
    return context;
}

static PolicySet policySetOf(const Case &c)
{
    PolicySet set;
    if (c.identity)
        set.identity.push_back(policyOf(c.identity, PolicyType::Identity, "PolicyInputList.1"));
    if (c.boundary)
        set.permissionsBoundary.push_back(policyOf(c.boundary, PolicyType::PermissionsBoundary, "PermissionsBoundaryPolicyInputList.1"));
    if (c.session)
        set.session.push_back(policyOf(c.session, PolicyType::Session, "SessionPolicyInputList.1"));
    if (c.resourcePolicy)
        set.resource = policyOf(c.resourcePolicy, c.resourceType, "ResourcePolicy");
    for (std::size_t i = 0; i < c.scp.size(); ++i)
        set.scpLevels.push_back({policyOf(c.scp[i], PolicyType::ServiceControl, "ServiceControlPolicies." + std::to_string(i + 1))});
    for (std::size_t i = 0; i < c.rcp.size(); ++i)
        set.rcpLevels.push_back({policyOf(c.rcp[i], PolicyType::ResourceControl, "ResourceControlPolicies." + std::to_string(i + 1))});
    return set;
}

static void add(const char *name, const Case &c)
{
    QTest::newRow(name) << c;
}

static std::vector<std::pair<std::string, int>> refsOf(const std::vector<StatementRef> &refs)
{
    std::vector<std::pair<std::string, int>> out;
    for (const StatementRef &ref : refs)
        out.emplace_back(ref.policy->sourceId(), ref.statement);
    return out;
}

// ---------------------------------------------------------------------------------
// the decision table

void tst_Evaluator::decisions_data()
{
    QTest::addColumn<Case>("c");
    using O = Outcome;
    using G = Gate;
    using T = PolicyType;

    // reference_policies_evaluation-logic.md § "Determining whether a request is allowed
    // or denied within an account": implicit deny by default; an explicit deny in any
    // policy overrides any allow.
    add("implicit-deny-without-policies", {.expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("identity-allow", {.identity = kAllowGet, .expected = O::Allowed});
    add("identity-allow-other-action-implicit-deny",
        {.action = "s3:PutObject", .identity = kAllowGet, .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("action-name-case-insensitive",
        {.action = "S3:getobject", .identity = kAllowGet, .expected = O::Allowed});
    add("resource-arn-case-sensitive",
        {.resource = "arn:aws:s3:::Lab-Bucket/notes.txt", .identity = kAllowGet, .expected = O::ImplicitDeny,
         .gate = G::IdentityBased});
    add("explicit-deny-same-policy", {.identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                                                  "{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}",
                                      .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::Identity});
    add("explicit-deny-in-resource-policy-beats-identity-allow",
        {.identity = kAllowGet,
         .resourcePolicy = R"({"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::Resource});
    add("explicit-deny-in-boundary-beats-identity-allow",
        {.identity = kAllowGet,
         .boundary = R"({"Effect": "Allow", "Action": "*", "Resource": "*"},
                        {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::PermissionsBoundary});
    add("explicit-deny-in-session-policy",
        {.caller = kSession, .identity = kAllowGet, .session = kDenyGet, .expected = O::ExplicitDeny,
         .gate = G::ExplicitDeny, .deniedByType = T::Session});
    add("explicit-deny-in-identity-beats-direct-resource-grant",
        {.identity = kDenyGet,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/dana"},
                               "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::Identity});
    add("deny-with-false-condition-does-not-apply",
        {.identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\","
                     " \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}",
         .context = "aws:SecureTransport=true", .expected = O::Allowed});
    // reference_policies_elements_condition_operators.md (Important): a negated operator
    // holds when its key is absent, so such a Deny applies.
    add("deny-negated-condition-on-missing-key-applies",
        {.identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\","
                     " \"Condition\": {\"StringNotEquals\": {\"aws:PrincipalTag/team\": \"blue\"}}}",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny});
    // ...IfExists: a Deny with StringNotEqualsIfExists still applies when the key is
    // present with another value.
    add("deny-ifexists-negated-present-other-value",
        {.identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\","
                     " \"Condition\": {\"StringNotEqualsIfExists\": {\"aws:PrincipalTag/team\": \"blue\"}}}",
         .context = "aws:PrincipalTag/team=red", .expected = O::ExplicitDeny, .gate = G::ExplicitDeny});
    add("condition-clauses-are-anded",
        {.identity = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {
                           "StringEquals": {"aws:PrincipalTag/team": "blue"}, "IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}})",
         .context = "aws:PrincipalTag/team=blue;aws:SourceIp=198.51.100.1", .expected = O::ImplicitDeny,
         .gate = G::IdentityBased});
    add("condition-keys-within-operator-are-anded",
        {.identity = R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {
                           "StringEquals": {"aws:PrincipalTag/team": "blue", "aws:RequestedRegion": "us-east-1"}}})",
         .context = "aws:PrincipalTag/team=blue;aws:RequestedRegion=eu-west-1", .expected = O::ImplicitDeny,
         .gate = G::IdentityBased});
    add("policy-variable-in-resource",
        {.action = "iam:CreateAccessKey", .resource = "arn:aws:iam::111122223333:user/dana",
         .identity = R"({"Effect": "Allow", "Action": "iam:*AccessKey*", "Resource": "arn:aws:iam::111122223333:user/${aws:username}"})",
         .context = "aws:username=dana", .expected = O::Allowed});
    add("policy-variable-in-resource-other-user",
        {.action = "iam:CreateAccessKey", .resource = "arn:aws:iam::111122223333:user/erin",
         .identity = R"({"Effect": "Allow", "Action": "iam:*AccessKey*", "Resource": "arn:aws:iam::111122223333:user/${aws:username}"})",
         .context = "aws:username=dana", .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    // reference_policies_variables.md (Note at the top, and § "Principal key values"): a
    // variable AWS cannot resolve "causes the statement to be invalid", so a Deny whose
    // NotResource or negated condition holds such a variable does not apply; with a
    // default value the variable resolves and the Deny applies.
    add("unresolved-variable-invalidates-notresource-deny",
        {.identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::lab-bucket/${aws:username}/*\"}",
         .expected = O::Allowed});
    add("unresolved-variable-invalidates-negated-condition-deny",
        {.action = "s3:ListBucket", .resource = "arn:aws:s3:::lab-bucket",
         .identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\","
                     " \"Condition\": {\"StringNotLike\": {\"s3:prefix\": \"${aws:username}/*\"}}}",
         .context = "s3:prefix=dana/photos", .expected = O::Allowed});
    add("defaulted-variable-in-notresource-deny-applies",
        {.identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:*\","
                     " \"NotResource\": \"arn:aws:s3:::lab-bucket/${aws:username, 'nobody'}/*\"}",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny});
    // reference_policies_elements_resource.md: a request for "*" (an action with no
    // resource) is covered by Resource "*", not by an ARN pattern.
    add("request-resource-star-needs-resource-star",
        {.action = "s3:ListAllMyBuckets", .resource = "*",
         .identity = R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("request-resource-star-with-resource-star",
        {.action = "s3:ListAllMyBuckets", .resource = "*", .identity = kAllowAll, .expected = O::Allowed});

    // reference_policies_elements_notaction.md, reference_policies_elements_notresource.md.
    add("notaction-allow-covers-other-services",
        {.action = "s3:PutObject", .identity = R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})",
         .expected = O::Allowed});
    add("notaction-allow-excludes-listed-service",
        {.action = "iam:PassRole", .resource = kRoleResource,
         .identity = R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})", .expected = O::ImplicitDeny,
         .gate = G::IdentityBased});
    add("notaction-deny-all-but-iam",
        {.action = "s3:GetObject",
         .identity = "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"], \"Resource\": \"*\"}",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny});
    add("notaction-deny-spares-listed-action",
        {.action = "iam:ListUsers", .resource = "*",
         .identity = "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\", \"sts:*\"], \"Resource\": \"*\"}",
         .expected = O::Allowed});
    add("notaction-with-resource-scope",
        {.identity = R"({"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"})",
         .expected = O::Allowed});
    add("notaction-resource-scope-excludes-other-service-resource",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .identity = R"({"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("notresource-allow-other-queue",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .identity = R"({"Effect": "Allow", "Action": "sqs:*", "NotResource": "arn:aws:sqs:us-east-1:111122223333:payroll"})",
         .expected = O::Allowed});
    add("notresource-allow-excludes-listed-queue",
        {.action = "sqs:SendMessage", .resource = "arn:aws:sqs:us-east-1:111122223333:payroll",
         .identity = R"({"Effect": "Allow", "Action": "sqs:*", "NotResource": "arn:aws:sqs:us-east-1:111122223333:payroll"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("notresource-deny-still-covers-bucket-itself",
        {.action = "s3:ListBucket", .resource = "arn:aws:s3:::HRBucket",
         .identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": [\"arn:aws:s3:::HRBucket/Payroll\","
                     " \"arn:aws:s3:::HRBucket/Payroll/*\"]}",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny});
    add("notresource-deny-spares-listed-object",
        {.action = "s3:GetObject", .resource = "arn:aws:s3:::HRBucket/Payroll/march.csv",
         .identity = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"},"
                     "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": [\"arn:aws:s3:::HRBucket/Payroll\","
                     " \"arn:aws:s3:::HRBucket/Payroll/*\"]}",
         .expected = O::Allowed});

    // AWS Organizations guide, orgs_manage_policies_scps_evaluation.md, and
    // reference_policies_evaluation-logic.md § "Determining whether a request is allowed
    // or denied within an account" (Organizations SCPs): every level from the root to the
    // account must allow; a Deny at any level wins; SCPs grant nothing.
    add("scp-every-level-allows",
        {.action = "ec2:StopInstances", .resource = "*", .identity = kAllowEc2, .scp = {kAllowAll, kAllowAll, kAllowAll},
         .expected = O::Allowed});
    add("scp-account-level-lacks-allow",
        {.action = "ec2:StartInstances", .resource = "*", .identity = kAllowEc2,
         .scp = {kAllowAll, kAllowAll, R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})"},
         .expected = O::ImplicitDeny, .gate = G::ServiceControl});
    add("scp-root-level-lacks-allow",
        {.action = "ec2:StartInstances", .resource = "*", .identity = kAllowEc2,
         .scp = {R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})", kAllowAll},
         .expected = O::ImplicitDeny, .gate = G::ServiceControl});
    add("scp-deny-at-ou-level",
        {.action = "ec2:StartInstances", .resource = "*", .identity = kAllowEc2,
         .scp = {kAllowAll, "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                            "{\"Effect\": \"Deny\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}", kAllowAll},
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::ServiceControl});
    add("scp-allow-grants-nothing",
        {.action = "ec2:StartInstances", .resource = "*", .scp = {kAllowAll}, .expected = O::ImplicitDeny,
         .gate = G::IdentityBased});
    add("scp-condition-on-region",
        {.action = "ec2:StartInstances", .resource = "*", .identity = kAllowEc2,
         .scp = {"{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                 "{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\","
                 " \"Condition\": {\"StringNotEquals\": {\"aws:RequestedRegion\": \"us-east-1\"}}}"},
         .context = "aws:RequestedRegion=eu-west-1", .expected = O::ExplicitDeny, .gate = G::ExplicitDeny,
         .deniedByType = T::ServiceControl});
    add("scp-limits-same-account-resource-grant",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/dana"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .scp = {R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})"}, .expected = O::ImplicitDeny,
         .gate = G::ServiceControl});
    // The root user of a member account is subject to SCPs.
    add("scp-deny-applies-to-root-user",
        {.caller = kRoot, .action = "ec2:StartInstances", .resource = "*",
         .scp = {"{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                 "{\"Effect\": \"Deny\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}"},
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::ServiceControl});
    add("scp-level-without-allow-limits-root-user",
        {.caller = kRoot, .action = "ec2:StartInstances", .resource = "*",
         .scp = {R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})"}, .expected = O::ImplicitDeny,
         .gate = G::ServiceControl});
    // SCPs govern the principals of member accounts, not AWS service principals
    // (EVALUATION.md rule 1).
    add("scp-does-not-apply-to-service-principal",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust,
         .scp = {R"({"Effect": "Deny", "Action": "*", "Resource": "*"})"}, .expected = O::Allowed});

    // AWS Organizations guide (current), "Resource control policies": every level must
    // allow, a Deny at any level wins; not applied to service principals (EVALUATION.md rule 1).
    add("rcp-full-access-passes",
        {.action = "sqs:SendMessage", .resource = kQueue, .identity = kAllowSqs,
         .rcp = {R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"})"}, .expected = O::Allowed});
    add("rcp-deny-insecure-transport",
        {.action = "sqs:SendMessage", .resource = kQueue, .identity = kAllowSqs,
         .rcp = {"{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"},"
                 "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"sqs:*\", \"Resource\": \"*\","
                 " \"Condition\": {\"BoolIfExists\": {\"aws:SecureTransport\": \"false\"}}}"},
         .context = "aws:SecureTransport=false", .expected = O::ExplicitDeny, .gate = G::ExplicitDeny,
         .deniedByType = T::ResourceControl});
    add("rcp-level-lacks-allow",
        {.action = "sqs:SendMessage", .resource = kQueue, .identity = kAllowSqs,
         .rcp = {R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"})",
                 R"({"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"})"},
         .expected = O::ImplicitDeny, .gate = G::ResourceControl});
    add("rcp-does-not-apply-to-service-principal",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust,
         .rcp = {R"({"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"})"}, .expected = O::Allowed});

    // access_policies_boundaries.md § "Evaluating effective permissions with boundaries".
    add("boundary-and-identity-allow",
        {.action = "s3:PutObject", .identity = R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})",
         .boundary = R"({"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"})", .expected = O::Allowed});
    add("boundary-does-not-cover-action",
        {.action = "iam:PassRole", .resource = kRoleResource, .identity = kAllowAll, .boundary = kAllowEc2,
         .expected = O::ImplicitDeny, .gate = G::PermissionsBoundary});
    add("boundary-alone-grants-nothing",
        {.boundary = kAllowAll, .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("boundary-does-not-limit-root-user",
        {.caller = kRoot, .boundary = kAllowEc2, .expected = O::Allowed});
    add("boundary-does-not-limit-user-arn-resource-grant",
        {.action = "sqs:SendMessage", .resource = kQueue, .boundary = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/dana"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("boundary-does-not-limit-session-arn-resource-grant",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue, .boundary = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/OpsRole/dana-cli"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("boundary-limits-role-arn-resource-grant",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue, .boundary = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/OpsRole"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::PermissionsBoundary});
    add("role-arn-resource-grant-within-boundary-needs-no-identity-allow",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue, .boundary = kAllowSqs,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/OpsRole"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    // The same grant when the caller is given as the role ARN itself (the spec allows a
    // role ARN as CallerArn): the principal making requests is still a session of the
    // role, and a grant to the role ARN is limited by the role's boundary.
    add("role-arn-caller-grant-limited-by-boundary",
        {.caller = kRole, .action = "sqs:SendMessage", .resource = kQueue, .boundary = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/OpsRole"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::PermissionsBoundary});
    add("role-arn-caller-grant-limited-by-session-policy",
        {.caller = kRole, .action = "sqs:SendMessage", .resource = kQueue, .session = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/OpsRole"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::Session});

    // access_policies.md § "Session policies".
    add("session-and-identity-allow",
        {.caller = kSession, .action = "s3:ListBucket", .resource = "arn:aws:s3:::lab-bucket",
         .identity = R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})",
         .session = R"({"Effect": "Allow", "Action": "s3:List*", "Resource": "*"})", .expected = O::Allowed});
    add("session-policy-does-not-cover-action",
        {.caller = kSession, .action = "ec2:StartInstances", .resource = "*", .identity = kAllowAll,
         .session = R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})", .expected = O::ImplicitDeny,
         .gate = G::Session});
    add("session-policy-alone-grants-nothing",
        {.caller = kSession, .session = kAllowAll, .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("session-arn-resource-grant-not-limited-by-session-policy",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue, .session = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/OpsRole/dana-cli"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("role-arn-resource-grant-limited-by-session-policy",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue, .session = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/OpsRole"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::Session});
    add("boundary-checked-before-session-policy",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue, .identity = kAllowAll,
         .boundary = kAllowEc2, .session = kAllowEc2, .expected = O::ImplicitDeny, .gate = G::PermissionsBoundary});

    // reference_policies_evaluation-logic.md § "Determining whether a request is allowed
    // or denied within an account" (Resource-based policies) and
    // reference_policies_elements_principal.md: same-account grants.
    add("same-account-user-arn-grant-alone",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/dana"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("same-account-grant-names-other-user",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/erin"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("same-account-session-arn-grant-alone",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/OpsRole/dana-cli"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("same-account-session-arn-grant-other-session",
        {.caller = kOtherSession, .action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::111122223333:assumed-role/OpsRole/dana-cli"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("same-account-role-arn-grant-covers-session",
        {.caller = kOtherSession, .action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/OpsRole"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("same-account-account-principal-needs-identity-allow",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("same-account-root-arn-principal-needs-identity-allow",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("same-account-account-principal-with-identity-allow",
        {.action = "sqs:SendMessage", .resource = kQueue, .identity = kAllowSqs,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("same-account-identity-allow-resource-policy-silent",
        {.action = "sqs:SendMessage", .resource = kQueue, .identity = kAllowSqs,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/erin"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    // reference_policies_elements_principal.md § "All principals": "For IAM users and role
    // principals within your account, no other permissions are required."
    add("same-account-star-principal-grant-alone",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    add("resource-policy-deny-for-role-applies-to-its-session",
        {.caller = kSession, .action = "s3:GetObject", .identity = kAllowGet,
         .resourcePolicy = R"({"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:role/OpsRole"},
                               "Action": "s3:*", "Resource": "*"})",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::Resource});
    add("resource-policy-deny-for-account-applies-to-its-users",
        {.identity = kAllowGet,
         .resourcePolicy = R"({"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"})",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::Resource});
    add("root-user-needs-no-identity-policy", {.caller = kRoot, .expected = O::Allowed});

    // reference_policies_evaluation-logic-cross-account.md: both the resource's account
    // (resource-based policy) and the caller's account (identity-based policy) must allow.
    add("cross-account-bucket-and-identity",
        {.caller = kForeignUser, .owner = "111122223333", .identity = kAllowGet,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:user/erin"},
                               "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lab-bucket/*"})",
         .expected = O::Allowed});
    add("cross-account-bucket-only",
        {.caller = kForeignUser, .owner = "111122223333",
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:user/erin"},
                               "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lab-bucket/*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("cross-account-identity-only",
        {.caller = kForeignUser, .owner = "111122223333", .identity = kAllowGet, .expected = O::ImplicitDeny,
         .gate = G::ResourceBased});
    add("cross-account-resource-policy-names-someone-else",
        {.caller = kForeignUser, .owner = "111122223333", .identity = kAllowGet,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "999988887777"}, "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("cross-account-account-id-principal",
        {.caller = kForeignUser, .owner = "111122223333", .identity = kAllowGet,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::Allowed});
    add("cross-account-root-arn-principal",
        {.caller = kForeignUser, .owner = "111122223333", .identity = kAllowGet,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::Allowed});
    add("cross-account-owner-from-resource-arn",
        {.action = "sqs:SendMessage", .resource = kForeignQueue, .identity = kAllowSqs, .expected = O::ImplicitDeny,
         .gate = G::ResourceBased});
    add("cross-account-owner-given-as-root-arn",
        {.owner = "arn:aws:iam::444455556666:root", .identity = kAllowGet, .expected = O::ImplicitDeny,
         .gate = G::ResourceBased});
    add("owner-same-as-caller-is-same-account",
        {.owner = "111122223333", .identity = kAllowGet, .expected = O::Allowed});
    add("cross-account-boundary-still-limits",
        {.caller = kForeignUser, .owner = "111122223333", .identity = kAllowGet, .boundary = kAllowEc2,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:user/erin"},
                               "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::PermissionsBoundary});
    add("cross-account-session-arn-grant-still-needs-identity",
        {.caller = kForeignSession, .owner = "111122223333",
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:sts::444455556666:assumed-role/Chain/s1"},
                               "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("cross-account-root-caller-with-grant",
        {.caller = kForeignRoot, .owner = "111122223333",
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::Allowed});

    // Trust policies: id_roles_manage-assume.md, reference_policies_elements_principal.md
    // § "AWS service principals" and § "IAM role principals"; role trust policies "must
    // explicitly allow access for principals", in the same account too
    // (reference_policies_evaluation-logic.md, current AWS docs, Resource-based policies).
    const char *ec2Trust = R"({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})";
    add("trust-service-principal-assumes",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource, .resourcePolicy = ec2Trust,
         .resourceType = T::Trust, .expected = O::Allowed});
    add("trust-service-list",
        {.caller = "elasticloadbalancing.amazonaws.com", .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"Service": ["ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com"]},
                               "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::Allowed});
    add("trust-other-service-cannot-assume",
        {.caller = "lambda.amazonaws.com", .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = ec2Trust, .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("trust-account-principal-does-not-cover-service",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    // {"AWS": "*"} names every AWS principal, "*" every caller (EVALUATION.md rule 8).
    add("trust-aws-star-does-not-cover-service",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("trust-star-covers-service",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::Allowed});
    add("service-principal-ignores-identity-policies",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource, .identity = kAllowAll,
         .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("service-principal-resource-deny",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"},"
                           "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"sts:*\"}",
         .resourceType = T::Trust, .expected = O::ExplicitDeny, .gate = G::ExplicitDeny, .deniedByType = T::Trust});
    add("trust-needed-in-same-account",
        {.action = "sts:AssumeRole", .resource = kRoleResource, .identity = kAllowAssume, .resourcePolicy = ec2Trust,
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("trust-needed-in-same-account-without-trust-policy",
        {.action = "sts:AssumeRole", .resource = kRoleResource, .identity = kAllowAssume, .expected = O::ImplicitDeny,
         .gate = G::ResourceBased});
    add("trust-account-principal-delegates-to-identity",
        {.action = "sts:AssumeRole", .resource = kRoleResource, .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::Allowed});
    add("trust-account-principal-without-identity-allow",
        {.action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("trust-session-tags-need-trust-too",
        {.action = "sts:TagSession", .resource = kRoleResource, .identity = kAllowAll, .resourcePolicy = ec2Trust,
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("trust-cross-account-named-user",
        {.caller = kForeignUser, .action = "sts:AssumeRole", .resource = kRoleResource, .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:user/erin"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::Allowed});
    add("trust-cross-account-other-user",
        {.caller = "arn:aws:iam::444455556666:user/bob", .action = "sts:AssumeRole", .resource = kRoleResource,
         .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:user/erin"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("trust-role-principal-covers-its-sessions",
        {.caller = kForeignSession, .action = "sts:AssumeRole", .resource = kRoleResource, .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/Chain"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::Allowed});
    add("trust-role-principal-with-path-covers-sessions",
        {.caller = kForeignSession, .action = "sts:AssumeRole", .resource = kRoleResource, .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/team/Chain"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::Allowed});
    add("trust-role-principal-other-account-same-name",
        {.caller = "arn:aws:sts::999988887777:assumed-role/Chain/s1", .action = "sts:AssumeRole",
         .resource = kRoleResource, .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/Chain"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("trust-role-principal-other-role",
        {.caller = "arn:aws:sts::444455556666:assumed-role/Chained/s1", .action = "sts:AssumeRole",
         .resource = kRoleResource, .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/Chain"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::ImplicitDeny, .gate = G::ResourceBased});
    add("trust-cross-account-role-into-foreign-role",
        {.caller = kSession, .action = "sts:AssumeRole", .resource = kForeignRoleResource, .identity = kAllowAssume,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"})",
         .resourceType = T::Trust, .expected = O::Allowed});

    // reference_policies_elements_notprincipal.md § "NotPrincipal With Deny": everyone
    // except the principals named is denied; the guide asks to name the session, the role
    // and the account, and EVALUATION.md rule 8 reads each name exactly (a role ARN is not
    // its sessions, an account is its root user).
    const char *exceptBob = "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                            "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": [\"arn:aws:iam::111122223333:user/Bob\","
                            " \"arn:aws:iam::111122223333:root\"]}, \"Action\": \"s3:*\", \"Resource\": \"*\"}";
    add("notprincipal-deny-applies-to-others",
        {.caller = kUser, .resourcePolicy = exceptBob, .expected = O::ExplicitDeny, .gate = G::ExplicitDeny,
         .deniedByType = T::Resource});
    add("notprincipal-deny-spares-named-user", {.caller = kBob, .resourcePolicy = exceptBob, .expected = O::Allowed});
    add("notprincipal-deny-spares-named-account-root",
        {.caller = kRoot, .resourcePolicy = exceptBob, .expected = O::Allowed});
    const char *exceptRole = "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                             "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": [\"arn:aws:iam::111122223333:role/OpsRole\","
                             " \"arn:aws:iam::111122223333:root\"]}, \"Action\": \"s3:*\", \"Resource\": \"*\"}";
    add("notprincipal-role-arn-does-not-cover-session",
        {.caller = kSession, .resourcePolicy = exceptRole, .expected = O::ExplicitDeny, .gate = G::ExplicitDeny,
         .deniedByType = T::Resource});
    const char *exceptSession = "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                                "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": ["
                                "\"arn:aws:sts::111122223333:assumed-role/OpsRole/dana-cli\","
                                " \"arn:aws:iam::111122223333:role/OpsRole\", \"arn:aws:iam::111122223333:root\"]},"
                                " \"Action\": \"s3:*\", \"Resource\": \"*\"}";
    add("notprincipal-session-arn-named", {.caller = kSession, .resourcePolicy = exceptSession, .expected = O::Allowed});
    add("notprincipal-other-session-of-named-role",
        {.caller = kOtherSession, .resourcePolicy = exceptSession, .expected = O::ExplicitDeny,
         .gate = G::ExplicitDeny, .deniedByType = T::Resource});
    const char *exceptAccount = "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                                "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"111122223333\"}, \"Action\": \"s3:*\", \"Resource\": \"*\"}";
    add("notprincipal-account-id-covers-only-root-user",
        {.caller = kUser, .resourcePolicy = exceptAccount, .expected = O::ExplicitDeny, .gate = G::ExplicitDeny,
         .deniedByType = T::Resource});
    add("notprincipal-account-id-spares-root-user",
        {.caller = kRoot, .resourcePolicy = exceptAccount, .expected = O::Allowed});
    // § "NotPrincipal With Allow": allows everyone except the principals named.
    add("notprincipal-allow-others",
        {.caller = kUser,
         .resourcePolicy = R"({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/Bob"},
                               "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::Allowed});
    add("notprincipal-allow-excludes-named",
        {.caller = kBob,
         .resourcePolicy = R"({"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/Bob"},
                               "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("notprincipal-deny-spares-named-service",
        {.caller = kEc2, .action = "sts:AssumeRole", .resource = kRoleResource,
         .resourcePolicy = "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"},"
                           "{\"Effect\": \"Deny\", \"NotPrincipal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}",
         .resourceType = T::Trust, .expected = O::Allowed});
    // reference_policies_elements_principal.md § "IAM user principals": the user name is
    // case sensitive; § "Specifying a principal": no wildcard matches part of a principal.
    add("principal-user-name-case-sensitive",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/Dana"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("principal-no-partial-wildcard",
        {.action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/*"},
                               "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::ImplicitDeny, .gate = G::IdentityBased});
    add("principal-aws-star-same-account-needs-nothing-else",
        {.caller = kSession, .action = "sqs:SendMessage", .resource = kQueue,
         .resourcePolicy = R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage", "Resource": "*"})",
         .expected = O::Allowed});
    // § "Specifying a principal": the Principal element means nothing in identity-based policies.
    add("principal-ignored-in-identity-policy",
        {.identity = R"({"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:user/erin"}, "Action": "s3:*", "Resource": "*"},
                        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"})",
         .expected = O::ExplicitDeny, .gate = G::ExplicitDeny});
}

void tst_Evaluator::decisions()
{
    QFETCH(Case, c);
    const PolicySet set = policySetOf(c);
    const RequestContext context = contextFrom(QString::fromUtf8(c.context));
    const Request request{c.caller, c.action, c.resource, c.owner, &context};

    const Decision decision = evaluate(set, request);
    QCOMPARE(outcomeName(decision.outcome), outcomeName(c.expected));
    if (c.expected != Outcome::Allowed) {
        QCOMPARE(int(decision.deniedBy), int(c.gate));
        if (c.expected == Outcome::ExplicitDeny)
            QCOMPARE(int(decision.deniedByType), int(c.deniedByType));
        QVERIFY(!denialReason(decision, c.action).empty());
    } else {
        QCOMPARE(int(decision.deniedBy), int(Gate::None));
        QVERIFY(denialReason(decision, c.action).empty());
    }

    // matched: the denying statements for explicitDeny, the allowing ones for allowed
    // (except for the root user's implicit own-account permissions), none otherwise.
    for (const StatementRef &ref : decision.matched)
        QCOMPARE(ref.get().isDeny(), c.expected == Outcome::ExplicitDeny);
    if (c.expected == Outcome::ImplicitDeny)
        QVERIFY(decision.matched.empty());
    if (c.expected == Outcome::ExplicitDeny || (c.expected == Outcome::Allowed && std::string_view(c.caller) != kRoot
                                                && std::string_view(c.caller) != kForeignRoot))
        QVERIFY(!decision.matched.empty());

    // The trace only adds explanation: same decision with it.
    const Decision traced = evaluate(set, request, EvaluationOptions{.trace = true});
    QCOMPARE(outcomeName(traced.outcome), outcomeName(decision.outcome));
    QCOMPARE(int(traced.deniedBy), int(decision.deniedBy));
    QCOMPARE(refsOf(traced.matched), refsOf(decision.matched));

    // evaluateMatrix() decides the single pair the same way.
    const std::string actions[] = {c.action};
    const std::string resources[] = {c.resource};
    int calls = 0;
    evaluateMatrix(set, MatrixRequest{c.caller, actions, resources, c.owner, &context},
                   [&](std::size_t, std::size_t, const Decision &fromMatrix) {
                       ++calls;
                       QCOMPARE(outcomeName(fromMatrix.outcome), outcomeName(decision.outcome));
                       QCOMPARE(refsOf(fromMatrix.matched), refsOf(decision.matched));
                   });
    QCOMPARE(calls, 1);
}

void tst_Evaluator::scpLevelWithSeveralPolicies()
{
    // AWS Organizations guide: at each level, the Allow may come from any SCP attached
    // there; a Deny in any of them wins.
    PolicySet set;
    set.identity.push_back(policyOf(kAllowEc2, PolicyType::Identity));
    set.scpLevels.push_back({policyOf(kAllowAll, PolicyType::ServiceControl, "ServiceControlPolicies.1.1")});
    set.scpLevels.push_back({policyOf(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})",
                                      PolicyType::ServiceControl, "ServiceControlPolicies.2.1"),
                             policyOf(R"({"Effect": "Allow", "Action": "ec2:*", "Resource": "*"})",
                                      PolicyType::ServiceControl, "ServiceControlPolicies.2.2")});
    const Request start{kUser, "ec2:StartInstances", "*", "", nullptr};
    QCOMPARE(outcomeName(evaluate(set, start).outcome), "allowed");
    const Request iam{kUser, "iam:ListUsers", "*", "", nullptr};
    const Decision denied = evaluate(set, iam);
    QCOMPARE(outcomeName(denied.outcome), "implicitDeny");
    QCOMPARE(int(denied.deniedBy), int(Gate::ServiceControl));

    set.scpLevels[1].push_back(policyOf(R"({"Effect": "Deny", "Action": "ec2:StartInstances", "Resource": "*"})",
                                        PolicyType::ServiceControl, "ServiceControlPolicies.2.3"));
    const Decision explicitDeny = evaluate(set, start);
    QCOMPARE(outcomeName(explicitDeny.outcome), "explicitDeny");
    QCOMPARE(explicitDeny.matched.size(), std::size_t(1));
    QCOMPARE(explicitDeny.matched[0].policy->sourceId(), std::string("ServiceControlPolicies.2.3"));

    // An empty outer list: SCPs are not in play at all.
    set.scpLevels.clear();
    QCOMPARE(outcomeName(evaluate(set, iam).outcome), "implicitDeny");
    QCOMPARE(int(evaluate(set, iam).deniedBy), int(Gate::IdentityBased));
    QCOMPARE(outcomeName(evaluate(set, start).outcome), "allowed");
}

// ---------------------------------------------------------------------------------
// what a decision carries

static const char *kLinedPolicy = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ListEverything",
            "Effect": "Allow",
            "Action": "s3:ListAllMyBuckets",
            "Resource": "*"
        },
        {
            "Sid": "ReadLab",
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::lab-bucket/*"
        },
        {
            "Sid": "ReadAnything",
            "Effect": "Allow",
            "Action": "s3:Get*",
            "Resource": "*"
        },
        {
            "Sid": "NoSecrets",
            "Effect": "Deny",
            "Action": "s3:*",
            "Resource": "arn:aws:s3:::lab-bucket/secret/*"
        }
    ]
})";

void tst_Evaluator::matchedStatementsCarrySourceLines()
{
    // spec/simulation-request.md § "Result": MatchedStatements carry the source policy and
    // the statement's position; for allowed, every allowing statement.
    PolicySet set;
    set.identity.push_back(compileText(kLinedPolicy, PolicyType::Identity, "PolicyInputList.1"));
    const Request read{kUser, "s3:GetObject", kObject, "", nullptr};
    const Decision allowed = evaluate(set, read);
    QCOMPARE(outcomeName(allowed.outcome), "allowed");
    QCOMPARE(allowed.matched.size(), std::size_t(2));
    QCOMPARE(allowed.matched[0].statement, 1);
    QCOMPARE(allowed.matched[0].get().sid, std::string("ReadLab"));
    QCOMPARE(allowed.matched[0].get().range.start.line, 10);
    QCOMPARE(allowed.matched[0].get().range.end.line, 15);
    QCOMPARE(allowed.matched[0].get().range.start.source, std::string("PolicyInputList.1"));
    QCOMPARE(allowed.matched[1].statement, 2);
    QCOMPARE(allowed.matched[1].get().range.start.line, 16);
    QCOMPARE(allowed.matched[0].policy->sourceId(), std::string("PolicyInputList.1"));

    const Request secret{kUser, "s3:GetObject", "arn:aws:s3:::lab-bucket/secret/key", "", nullptr};
    const Decision denied = evaluate(set, secret);
    QCOMPARE(outcomeName(denied.outcome), "explicitDeny");
    QCOMPARE(denied.matched.size(), std::size_t(1));
    QCOMPARE(denied.matched[0].get().sid, std::string("NoSecrets"));
    QCOMPARE(denied.matched[0].get().range.start.line, 22);

    const Request put{kUser, "s3:PutObject", kObject, "", nullptr};
    QVERIFY(evaluate(set, put).matched.empty());
}

void tst_Evaluator::explicitDenyListsEveryDenyingStatement()
{
    PolicySet set;
    set.identity.push_back(policyOf("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                                    "{\"Sid\": \"A\", \"Effect\": \"Deny\", \"Action\": \"s3:Get*\", \"Resource\": \"*\"},"
                                    "{\"Sid\": \"B\", \"Effect\": \"Deny\", \"Action\": \"s3:*Object\", \"Resource\": \"*\"}",
                                    PolicyType::Identity, "PolicyInputList.1"));
    set.permissionsBoundary.push_back(policyOf("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                                               "{\"Sid\": \"C\", \"Effect\": \"Deny\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}",
                                               PolicyType::PermissionsBoundary, "PermissionsBoundaryPolicyInputList.1"));
    const Request request{kUser, "s3:GetObject", kObject, "", nullptr};
    const Decision decision = evaluate(set, request);
    QCOMPARE(outcomeName(decision.outcome), "explicitDeny");
    QCOMPARE(decision.matched.size(), std::size_t(3));
    QCOMPARE(decision.matched[0].get().sid, std::string("A"));
    QCOMPARE(decision.matched[1].get().sid, std::string("B"));
    QCOMPARE(decision.matched[2].get().sid, std::string("C"));
    QCOMPARE(decision.matched[2].policy->sourceId(), std::string("PermissionsBoundaryPolicyInputList.1"));
}

void tst_Evaluator::missingContextKeysComeFromApplicableStatements()
{
    // spec/simulation-request.md: MissingContextValues lists condition keys that a
    // statement referred to but the request did not supply. Statements whose action,
    // resource or principal does not match do not count.
    PolicySet set;
    set.identity.push_back(policyOf(
        R"({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/Team": "blue"}}},
           {"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*", "Condition": {"StringLike": {"ec2:InstanceType": "t2.*"}}},
           {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
           {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::lab-bucket/${aws:username}/*"})",
        PolicyType::Identity));
    set.resource = policyOf(R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/erin"},
                                "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}})",
                            PolicyType::Resource, "ResourcePolicy");
    const Request request{kUser, "s3:GetObject", kObject, "", nullptr};
    const Decision decision = evaluate(set, request);
    QCOMPARE(outcomeName(decision.outcome), "implicitDeny");
    std::vector<std::string> keys(decision.missingContextKeys.begin(), decision.missingContextKeys.end());
    std::sort(keys.begin(), keys.end());
    QCOMPARE(keys, (std::vector<std::string>{"aws:PrincipalTag/Team", "aws:username"}));

    // With the keys supplied nothing is missing, and the request is allowed.
    RequestContext context;
    context.set("aws:PrincipalTag/team", {"blue"});
    context.set("aws:username", {"dana"});
    const Request supplied{kUser, "s3:GetObject", kObject, "", &context};
    const Decision allowed = evaluate(set, supplied);
    QCOMPARE(outcomeName(allowed.outcome), "allowed");
    QVERIFY(allowed.missingContextKeys.empty());
}

void tst_Evaluator::denialReasonWording_data()
{
    QTest::addColumn<int>("gate");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("reason");

    // troubleshoot_access-denied.md (current AWS docs), the AccessDenied message wording:
    // "... because no identity-based policy allows the s3:GetObject action", "... with an
    // explicit deny in a service control policy".
    using G = Gate;
    using T = PolicyType;
    const auto row = [](const char *name, G gate, T type, const char *reason) {
        QTest::newRow(name) << int(gate) << int(type) << QString::fromUtf8(reason);
    };
    row("allowed-has-no-reason", G::None, T::Identity, "");
    row("no-identity-allow", G::IdentityBased, T::Identity, "because no identity-based policy allows the s3:GetObject action");
    row("no-resource-allow", G::ResourceBased, T::Identity, "because no resource-based policy allows the s3:GetObject action");
    row("no-boundary-allow", G::PermissionsBoundary, T::Identity, "because no permissions boundary allows the s3:GetObject action");
    row("no-session-allow", G::Session, T::Identity, "because no session policy allows the s3:GetObject action");
    row("no-scp-allow", G::ServiceControl, T::Identity, "because no service control policy allows the s3:GetObject action");
    row("no-rcp-allow", G::ResourceControl, T::Identity, "because no resource control policy allows the s3:GetObject action");
    row("deny-identity", G::ExplicitDeny, T::Identity, "with an explicit deny in an identity-based policy");
    row("deny-resource", G::ExplicitDeny, T::Resource, "with an explicit deny in a resource-based policy");
    row("deny-trust", G::ExplicitDeny, T::Trust, "with an explicit deny in a resource-based policy");
    row("deny-boundary", G::ExplicitDeny, T::PermissionsBoundary, "with an explicit deny in a permissions boundary");
    row("deny-session", G::ExplicitDeny, T::Session, "with an explicit deny in a session policy");
    row("deny-scp", G::ExplicitDeny, T::ServiceControl, "with an explicit deny in a service control policy");
    row("deny-rcp", G::ExplicitDeny, T::ResourceControl, "with an explicit deny in a resource control policy");
}

void tst_Evaluator::denialReasonWording()
{
    QFETCH(int, gate);
    QFETCH(int, type);
    QFETCH(QString, reason);
    Decision decision;
    decision.outcome = gate == int(Gate::None) ? Outcome::Allowed
                     : gate == int(Gate::ExplicitDeny) ? Outcome::ExplicitDeny : Outcome::ImplicitDeny;
    decision.deniedBy = Gate(gate);
    decision.deniedByType = PolicyType(type);
    QCOMPARE(QString::fromStdString(denialReason(decision, "s3:GetObject")), reason);
}

void tst_Evaluator::denialReasonThroughEvaluate()
{
    PolicySet none;
    const Request list{kUser, "s3:ListAllMyBuckets", "*", "", nullptr};
    QCOMPARE(denialReason(evaluate(none, list), "s3:ListAllMyBuckets"),
             std::string("because no identity-based policy allows the s3:ListAllMyBuckets action"));

    PolicySet scp;
    scp.identity.push_back(policyOf(kAllowAll, PolicyType::Identity));
    scp.scpLevels.push_back({policyOf("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                                      "{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}",
                                      PolicyType::ServiceControl)});
    QCOMPARE(denialReason(evaluate(scp, list), "s3:ListAllMyBuckets"),
             std::string("with an explicit deny in a service control policy"));
}

// ---------------------------------------------------------------------------------
// the trace and the explanation

void tst_Evaluator::traceOnlyWhenAsked()
{
    PolicySet set;
    set.identity.push_back(policyOf(kAllowGet, PolicyType::Identity));
    const Request request{kUser, "s3:GetObject", kObject, "", nullptr};
    QVERIFY(evaluate(set, request).trace.steps.empty());
    QVERIFY(!evaluate(set, request, EvaluationOptions{.trace = true}).trace.steps.empty());
}

void tst_Evaluator::traceStepsInAwsOrder()
{
    // reference_policies_evaluation-logic.md (current AWS docs) § "Determining whether a
    // request is allowed or denied within an account": RCPs, SCPs, resource-based
    // policies, identity-based policies, permissions boundaries, session policies.
    PolicySet set;
    set.rcpLevels.push_back({policyOf(R"({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"})", PolicyType::ResourceControl)});
    set.scpLevels.push_back({policyOf(kAllowAll, PolicyType::ServiceControl, "ServiceControlPolicies.1")});
    set.scpLevels.push_back({policyOf(kAllowAll, PolicyType::ServiceControl, "ServiceControlPolicies.2")});
    set.resource = policyOf(R"({"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "*"})",
                            PolicyType::Resource, "ResourcePolicy");
    set.identity.push_back(policyOf(kAllowGet, PolicyType::Identity));
    set.permissionsBoundary.push_back(policyOf(kAllowAll, PolicyType::PermissionsBoundary));
    set.session.push_back(policyOf(kAllowAll, PolicyType::Session));
    const Request request{kSession, "s3:GetObject", kObject, "", nullptr};
    const Decision decision = evaluate(set, request, EvaluationOptions{.trace = true});
    QCOMPARE(outcomeName(decision.outcome), "allowed");
    QStringList names;
    for (const TraceStep &step : decision.trace.steps)
        names << QString::fromStdString(step.name);
    QCOMPARE(names, (QStringList{"Resource control policies", "Service control policies", "Resource-based policy",
                                 "Identity-based policies", "Permissions boundary", "Session policies"}));
    // The SCP step holds both levels, in order.
    const TraceStep &scp = decision.trace.steps[1];
    QCOMPARE(scp.policies.size(), std::size_t(2));
    QCOMPARE(scp.policies[0].level, 0);
    QCOMPARE(scp.policies[1].level, 1);
    for (const TraceStep &step : decision.trace.steps)
        QVERIFY2(QString::fromStdString(step.verdict).contains("allow"), step.verdict.c_str());
    // The resource policy matched only through the account: the trace says so.
    const TraceStatement &grant = decision.trace.steps[2].policies[0].statements[0];
    QCOMPARE(int(grant.mismatch), int(Mismatch::None));
    QVERIFY2(grant.detail.find("account") != std::string::npos, grant.detail.c_str());

    // Without SCPs, RCPs, boundary and session policies, only the steps in play appear.
    PolicySet plain;
    plain.identity.push_back(policyOf(kAllowGet, PolicyType::Identity));
    const Decision simple = evaluate(plain, request, EvaluationOptions{.trace = true});
    QCOMPARE(simple.trace.steps.size(), std::size_t(1));
    QCOMPARE(simple.trace.steps[0].name, std::string("Identity-based policies"));
}

void tst_Evaluator::traceSaysWhyEachStatementMissed()
{
    PolicySet set;
    set.identity.push_back(policyOf(
        R"({"Sid": "OtherAction", "Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
           {"Sid": "OtherBucket", "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::other/*"},
           {"Sid": "OfficeOnly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}},
           {"Sid": "TeamOnly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:PrincipalTag/team": "blue"}}})",
        PolicyType::Identity));
    set.resource = policyOf(R"({"Sid": "ForErin", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/erin"},
                                "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lab-bucket/*"})",
                            PolicyType::Resource, "ResourcePolicy");
    const RequestContext context = contextFrom("aws:SourceIp=192.0.3.1;aws:SecureTransport=true");
    const Request request{kUser, "s3:GetObject", kObject, "", &context};
    const Decision decision = evaluate(set, request, EvaluationOptions{.trace = true});
    QCOMPARE(outcomeName(decision.outcome), "implicitDeny");
    QCOMPARE(decision.trace.steps.size(), std::size_t(2));

    const TraceStep &resource = decision.trace.steps[0];
    QCOMPARE(resource.name, std::string("Resource-based policy"));
    QCOMPARE(int(resource.policies.at(0).statements.at(0).mismatch), int(Mismatch::Principal));

    const TraceStep &identity = decision.trace.steps[1];
    QCOMPARE(identity.name, std::string("Identity-based policies"));
    const std::vector<TraceStatement> &lines = identity.policies.at(0).statements;
    QCOMPARE(lines.size(), std::size_t(4));
    QCOMPARE(int(lines[0].mismatch), int(Mismatch::Action));
    QCOMPARE(int(lines[1].mismatch), int(Mismatch::Resource));
    QCOMPARE(int(lines[2].mismatch), int(Mismatch::Condition));
    QCOMPARE(lines[2].clause, 0);
    QVERIFY2(lines[2].detail.find("aws:SourceIp") != std::string::npos, lines[2].detail.c_str());
    QVERIFY2(lines[2].detail.find("192.0.3.1") != std::string::npos, lines[2].detail.c_str());
    QVERIFY2(lines[2].detail.find("192.0.2.0/24") != std::string::npos, lines[2].detail.c_str());
    QCOMPARE(int(lines[3].mismatch), int(Mismatch::ConditionMissingKey));
    // The clause that failed is named by its index in the statement's Condition block.
    const CompiledStatement &teamOnly = lines[3].ref.get();
    QVERIFY(lines[3].clause >= 0 && lines[3].clause < int(teamOnly.conditions.size()));
    const auto failing = std::find_if(teamOnly.conditions.begin(), teamOnly.conditions.end(),
                                      [&](const CompiledCondition &c) { return c.clause == lines[3].clause; });
    QVERIFY(failing != teamOnly.conditions.end());
    QCOMPARE(failing->key, std::string("aws:PrincipalTag/team"));
    QVERIFY2(lines[3].detail.find("aws:PrincipalTag/team") != std::string::npos, lines[3].detail.c_str());
    QCOMPARE(identity.verdict, std::string("no statement applies"));

    QCOMPARE(decision.missingContextKeys.size(), std::size_t(1));
    QCOMPARE(std::string(decision.missingContextKeys[0]), std::string("aws:PrincipalTag/team"));
}

void tst_Evaluator::traceNamesTheLevelWithoutAllow()
{
    PolicySet set;
    set.identity.push_back(policyOf(kAllowEc2, PolicyType::Identity));
    set.scpLevels.push_back({policyOf(kAllowAll, PolicyType::ServiceControl, "ServiceControlPolicies.1")});
    set.scpLevels.push_back({policyOf(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})", PolicyType::ServiceControl,
                                      "ServiceControlPolicies.2")});
    const Request request{kUser, "ec2:StartInstances", "*", "", nullptr};
    const Decision decision = evaluate(set, request, EvaluationOptions{.trace = true});
    QCOMPARE(outcomeName(decision.outcome), "implicitDeny");
    QCOMPARE(int(decision.deniedBy), int(Gate::ServiceControl));
    QCOMPARE(decision.trace.steps.at(0).name, std::string("Service control policies"));
    QVERIFY2(decision.trace.steps[0].verdict.find("level 2") != std::string::npos, decision.trace.steps[0].verdict.c_str());
    const std::string text = explainDecision(decision, "ec2:StartInstances", "*");
    QVERIFY2(text.find("because no service control policy allows the ec2:StartInstances action") != std::string::npos,
             text.c_str());
    QVERIFY2(text.find("level 2") != std::string::npos, text.c_str());
}

void tst_Evaluator::explainMentionsTheFailingCondition()
{
    PolicySet set;
    set.identity.push_back(policyOf(
        R"({"Sid": "OfficeOnly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}},
           {"Sid": "TeamOnly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue"}}})",
        PolicyType::Identity));
    const RequestContext context = contextFrom("aws:SourceIp=192.0.3.1");
    const Request request{kUser, "s3:GetObject", kObject, "", &context};
    const Decision decision = evaluate(set, request, EvaluationOptions{.trace = true});
    const std::string text = explainDecision(decision, "s3:GetObject", kObject);
    for (const char *expected : {"s3:GetObject on arn:aws:s3:::lab-bucket/notes.txt: implicitDeny",
                                 "because no identity-based policy allows the s3:GetObject action",
                                 "Identity-based policies", "OfficeOnly", "aws:SourceIp", "192.0.3.1",
                                 "condition is false", "TeamOnly", "condition key is missing",
                                 "aws:PrincipalTag/team"}) {
        QVERIFY2(text.find(expected) != std::string::npos, qPrintable(QStringLiteral("`%1` not in:\n%2")
                                                                           .arg(QString::fromUtf8(expected),
                                                                                QString::fromStdString(text))));
    }
    // An allowed request names the deciding statement and its line.
    RequestContext office;
    office.set("aws:SourceIp", {"192.0.2.10"});
    const Request fromOffice{kUser, "s3:GetObject", kObject, "", &office};
    const Decision allowed = evaluate(set, fromOffice, EvaluationOptions{.trace = true});
    const std::string allowedText = explainDecision(allowed, "s3:GetObject", kObject);
    QVERIFY2(allowedText.find("allowed") != std::string::npos, allowedText.c_str());
    QVERIFY2(allowedText.find("OfficeOnly") != std::string::npos, allowedText.c_str());
    QVERIFY2(allowedText.find("line " + std::to_string(allowed.matched.at(0).get().range.start.line)) != std::string::npos,
             allowedText.c_str());
    QVERIFY2(allowedText.find("because") == std::string::npos, allowedText.c_str());
}

// ---------------------------------------------------------------------------------
// repeatable, and safe to share

namespace {

// A policy set with a bit of everything, and requests that exercise it.
struct Workload
{
    PolicySet set;
    RequestContext office, home, tagged;
    std::vector<Request> requests;

    Workload()
    {
        set.identity.push_back(policyOf(
            R"({"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"},
               {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::lab-bucket/${aws:username}/*"},
               {"Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}},
               {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalTag/team": "ops"}}},
               {"Effect": "Allow", "Action": "s3:DeleteObject", "Resource": "*"})",
            PolicyType::Identity));
        set.permissionsBoundary.push_back(policyOf(R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})",
                                                   PolicyType::PermissionsBoundary));
        set.resource = policyOf(R"({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:user/erin"}, "Action": "s3:GetObject", "Resource": "*"},
                                   {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}})",
                                PolicyType::Resource, "ResourcePolicy");
        set.scpLevels.push_back({policyOf(kAllowAll, PolicyType::ServiceControl, "ServiceControlPolicies.1")});
        set.scpLevels.push_back({policyOf(R"({"Effect": "Allow", "NotAction": "organizations:*", "Resource": "*"})",
                                          PolicyType::ServiceControl, "ServiceControlPolicies.2")});
        office.set("aws:SourceIp", {"192.0.2.10"});
        office.set("aws:username", {"dana"});
        office.set("aws:SecureTransport", {"true"});
        home.set("aws:SourceIp", {"198.51.100.7"});
        home.set("aws:SecureTransport", {"false"});
        tagged.set("aws:PrincipalTag/team", {"ops"});
        tagged.set("aws:username", {"erin"});
        for (const RequestContext *context : std::initializer_list<const RequestContext *>{nullptr, &office, &home, &tagged}) {
            for (const char *caller : {kUser, kForeignUser, kSession, kRoot}) {
                for (const char *action : {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "ec2:StartInstances",
                                           "iam:ListUsers", "organizations:ListAccounts"}) {
                    for (const char *resource : {kObject, "arn:aws:s3:::lab-bucket/dana/a.txt", "*"})
                        requests.push_back(Request{caller, action, resource, "111122223333", context});
                }
            }
        }
    }
};

QString describe(const Request &request)
{
    const auto text = [](std::string_view view) { return QString::fromUtf8(view.data(), qsizetype(view.size())); };
    return text(request.callerArn) + QLatin1Char(' ') + text(request.action) + QLatin1String(" on ") + text(request.resource);
}

struct Summary
{
    Outcome outcome;
    Gate gate;
    std::vector<std::pair<std::string, int>> matched;
    std::vector<std::string> missing;

    explicit Summary(const Decision &d)
        : outcome(d.outcome), gate(d.deniedBy), matched(refsOf(d.matched)),
          missing(d.missingContextKeys.begin(), d.missingContextKeys.end())
    {
    }
    friend bool operator==(const Summary &, const Summary &) = default;
};

} // namespace

void tst_Evaluator::reusedDecisionGivesSameAnswers()
{
    const Workload work;
    Decision reused;
    int allowed = 0, explicitDeny = 0, implicitDeny = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < work.requests.size(); ++i) {
            const Request &request = work.requests[i];
            // Alternate traced and untraced use of the same Decision.
            const EvaluationOptions options{.trace = (i + pass) % 3 == 0};
            evaluate(work.set, request, reused, options);
            const Decision fresh = evaluate(work.set, request);
            QVERIFY2(Summary(reused) == Summary(fresh), qPrintable(describe(request)));
            QCOMPARE(reused.trace.steps.empty(), !options.trace);
            if (pass == 0) {
                allowed += fresh.outcome == Outcome::Allowed;
                explicitDeny += fresh.outcome == Outcome::ExplicitDeny;
                implicitDeny += fresh.outcome == Outcome::ImplicitDeny;
            }
        }
    }
    // The workload exercises all three outcomes.
    QVERIFY(allowed > 0 && explicitDeny > 0 && implicitDeny > 0);
}

void tst_Evaluator::matrixAgreesWithEvaluate()
{
    // evaluateMatrix() shares per-action and per-resource work; it must decide every pair
    // as evaluate() does, in actions-outer, resources-inner order.
    const Workload work;
    const std::vector<std::string> actions{"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "ec2:StartInstances",
                                           "iam:ListUsers", "S3:GETOBJECT", "s3:ListBucket"};
    const std::vector<std::string> resources{kObject, "arn:aws:s3:::lab-bucket/dana/a.txt",
                                             "arn:aws:s3:::lab-bucket/erin/a.txt", "*", "arn:aws:s3:::lab-bucket"};
    for (const RequestContext *context : std::initializer_list<const RequestContext *>{&work.office, &work.home, &work.tagged}) {
        for (const char *caller : {kUser, kForeignUser, kSession}) {
            std::size_t expectedAction = 0, expectedResource = 0;
            int calls = 0;
            evaluateMatrix(work.set, MatrixRequest{caller, actions, resources, "111122223333", context},
                           [&](std::size_t a, std::size_t r, const Decision &decision) {
                               QCOMPARE(a, expectedAction);
                               QCOMPARE(r, expectedResource);
                               if (++expectedResource == resources.size()) {
                                   expectedResource = 0;
                                   ++expectedAction;
                               }
                               ++calls;
                               const Request one{caller, actions[a], resources[r], "111122223333", context};
                               QVERIFY2(Summary(decision) == Summary(evaluate(work.set, one)), qPrintable(describe(one)));
                           });
            QCOMPARE(calls, int(actions.size() * resources.size()));
        }
    }
}

void tst_Evaluator::sharedPolicySetAcrossThreads()
{
    // Evaluator.h: evaluate() is const and thread-safe; compiled policies and the context
    // are only read. Four threads share one PolicySet and must agree with a serial run.
    const Workload work;
    std::vector<Summary> expected;
    expected.reserve(work.requests.size());
    for (const Request &request : work.requests)
        expected.emplace_back(evaluate(work.set, request));

    std::atomic<int> mismatches{0};
    std::atomic<long> evaluated{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Decision reused;
            for (int round = 0; round < 30; ++round) {
                // Each thread walks the requests from a different start, so that threads
                // work on different requests at the same moment.
                for (std::size_t k = 0; k < work.requests.size(); ++k) {
                    const std::size_t i = (k + std::size_t(t) * 37) % work.requests.size();
                    evaluate(work.set, work.requests[i], reused, EvaluationOptions{.trace = (round + t) % 4 == 0});
                    if (!(Summary(reused) == expected[i]))
                        ++mismatches;
                    ++evaluated;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
    QCOMPARE(evaluated.load(), long(4 * 30 * work.requests.size()));
}

QTEST_APPLESS_MAIN(tst_Evaluator)
#include "tst_Evaluator.moc"
