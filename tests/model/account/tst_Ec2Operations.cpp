// The EC2 operations of the simulated account: launching, describing and changing
// the state of instances, their instance profile associations with the dependent
// iam:PassRole check, and the credentials an instance's role gives it.

#include "AccountApi.h"
#include "InstanceCredentials.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <algorithm>
#include <set>

using namespace iam;
using json = nlohmann::json;

namespace {

const char *const kAccountId = "111122223333";
const char *const kInstanceId = "i-0abc1234def567890";

const char *const kEc2Trust = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"],
                "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";
const char *const kLambdaTrust = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                "Principal": {"Service": "lambda.amazonaws.com"}}]})";
// The walkthrough's IAM-User-Policy.
const char *const kLabUserPolicy = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
               {"Effect": "Allow", "Action": "iam:PassRole",
                "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";
const char *const kAllowAll = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
const char *const kDescribeOnly = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]})";

struct Fixture
{
    Account account{kAccountId};
    AccountApi api{account};

    Fixture()
    {
        account.setClock("2024-05-01T12:00:00Z");
        addUser("lab-user", kLabUserPolicy);
        addUser("viewer", kDescribeOnly);
        addRole("S3Access", kEc2Trust);
        addRole("AdminRole", kEc2Trust);
        addRole("LambdaRole", kLambdaTrust);
        addProfile("S3Access", "S3Access");
        addProfile("AdminRole", "AdminRole");
        addProfile("LambdaRole", "LambdaRole");
        addProfile("NoRole", "");
        Ec2Instance web;
        web.id = kInstanceId;
        web.name = "web";
        web.launchTime = "2024-05-01T11:00:00Z";
        account.mutableInstances().push_back(web);
    }

    void addUser(const std::string &name, const std::string &policy)
    {
        User user;
        user.name = name;
        user.id = account.newId("AIDA");
        user.inlinePolicies.push_back({"IAM-User-Policy", policy});
        account.mutableUsers().push_back(user);
    }
    void addRole(const std::string &name, const std::string &trust)
    {
        Role role;
        role.name = name;
        role.id = account.newId("AROA");
        role.trustPolicy = trust;
        role.inlinePolicies.push_back({"everything", kAllowAll});
        account.mutableRoles().push_back(role);
    }
    void addProfile(const std::string &name, const std::string &role)
    {
        InstanceProfile profile;
        profile.name = name;
        profile.id = account.newId("AIPA");
        profile.role = role;
        account.mutableInstanceProfiles().push_back(profile);
    }
    // Puts a profile on the instance directly, as a loaded workspace would.
    std::string associate(const std::string &instanceId, const std::string &profile)
    {
        Ec2Instance *instance = account.findInstance(instanceId);
        instance->instanceProfile = profile;
        instance->associationId = "iip-assoc-0123456789abcdef0";
        return instance->associationId;
    }
    CallResult call(const CallerIdentity &caller, const char *operation, const json &params = json::object())
    {
        return api.call(caller, "ec2", operation, params);
    }
};

class ChangeCounter : public AccountObserver
{
public:
    void accountChanged(const AccountChange &change) override
    {
        if (change.entity == AccountChange::Entity::Instance)
            ++instanceChanges;
    }
    int instanceChanges = 0;
};

// EC2's id shape: a prefix and 17 lowercase hex digits.
bool isEc2Id(const std::string &id, const std::string &prefix)
{
    return id.size() == prefix.size() + 17 && id.starts_with(prefix)
        && std::all_of(id.begin() + prefix.size(), id.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string passRoleDenial(const std::string &role)
{
    return "You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/lab-user is not "
           "authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/"
        + role + " because no identity-based policy allows the iam:PassRole action";
}

json profileByName(const char *name)
{
    return {{"Name", name}};
}

} // namespace

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(nlohmann::json)

class tst_Ec2Operations : public QObject
{
    Q_OBJECT

private slots:
    void runInstances_data();
    void runInstances();
    void runInstancesAuthorizesTheLaunchAndThePassedRole();
    void runInstancesLaunchesMaxCountWithEc2Ids();
    void runInstancesRejectsBadCounts();
    void describeInstancesShowsAwsShape();
    void describeInstancesUnknownIds_data();
    void describeInstancesUnknownIds();
    void describeInstancesFilters();
    void stateTransitions_data();
    void stateTransitions();
    void stateChangeDeniedChangesNothing();
    void stateChangeIsAllOrNothing();
    void terminationEndsTheAssociation();
    void associate_data();
    void associate();
    void associateResponseShape();
    void passRoleContextNamesServiceAndInstance_data();
    void passRoleContextNamesServiceAndInstance();
    void replaceGivesANewAssociation();
    void replaceWithoutPassRoleChangesNothing();
    void disassociate();
    void unknownAssociation_data();
    void unknownAssociation();
    void describeAssociations();
    void deniedCallIsLoggedAndNotifiesNoInstance();
    void instanceSession_data();
    void instanceSession();
};

void tst_Ec2Operations::runInstances_data()
{
    QTest::addColumn<json>("profile");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");
    QTest::addColumn<int>("authorizations");

    QTest::newRow("no-profile") << json() << std::string() << std::string() << 2;
    QTest::newRow("allowed-role-by-name") << profileByName("S3Access") << std::string() << std::string() << 3;
    QTest::newRow("allowed-role-by-arn")
        << json{{"Arn", "arn:aws:iam::111122223333:instance-profile/S3Access"}} << std::string() << std::string() << 3;
    QTest::newRow("passrole-denied") << profileByName("AdminRole") << std::string("UnauthorizedOperation")
                                     << passRoleDenial("AdminRole") << 3;
    QTest::newRow("profile-without-role-needs-no-passrole")
        << profileByName("NoRole") << std::string() << std::string() << 2;
    QTest::newRow("unknown-profile-name")
        << profileByName("NoSuchProfile") << std::string("InvalidParameterValue")
        << std::string("Value (NoSuchProfile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance "
                       "Profile name")
        << 0;
}

void tst_Ec2Operations::runInstances()
{
    QFETCH(json, profile);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);
    QFETCH(int, authorizations);

    Fixture f;
    json params = {{"ImageId", "ami-0123456789abcdef0"},
                   {"InstanceType", "t3.micro"},
                   {"MinCount", 1},
                   {"MaxCount", 1},
                   {"TagSpecifications",
                    {{{"ResourceType", "instance"}, {"Tags", {{{"Key", "Name"}, {"Value", "lab"}}}}}}}};
    if (!profile.is_null())
        params["IamInstanceProfile"] = profile;
    const CallResult result = f.call(CallerIdentity::user("lab-user"), "RunInstances", params);

    QCOMPARE(result.errorCode, errorCode);
    QCOMPARE(result.errorMessage, errorMessage);
    QCOMPARE(int(result.authorizations.size()), authorizations);
    if (!errorCode.empty()) {
        QCOMPARE(f.account.instances().size(), std::size_t(1));   // a denial launches nothing
        return;
    }
    QCOMPARE(f.account.instances().size(), std::size_t(2));
    // RunInstances answers with the reservation itself.
    const json instance = result.response.at("Instances").at(0);
    QCOMPARE(instance["State"], (json{{"Code", 0}, {"Name", "pending"}}));
    QCOMPARE(instance["InstanceType"], json("t3.micro"));
    QCOMPARE(instance["ImageId"], json("ami-0123456789abcdef0"));
    QCOMPARE(instance["LaunchTime"], json("2024-05-01T12:00:00Z"));
    QCOMPARE(instance["Tags"], (json{{{"Key", "Name"}, {"Value", "lab"}}}));
    const Ec2Instance &launched = f.account.instances().back();
    QCOMPARE(launched.state, std::string("running"));   // pending -> running at once
    QCOMPARE(launched.name, std::string("lab"));
    if (profile.is_null()) {
        QVERIFY(!instance.contains("IamInstanceProfile"));
        QVERIFY(launched.associationId.empty());
    } else {
        const std::string name = profile.contains("Name") ? profile["Name"].get<std::string>() : "S3Access";
        QCOMPARE(launched.instanceProfile, name);
        QCOMPARE(instance["IamInstanceProfile"]["Arn"],
                 json("arn:aws:iam::111122223333:instance-profile/" + name));
        QVERIFY(launched.associationId.starts_with("iip-assoc-"));
    }
}

void tst_Ec2Operations::runInstancesAuthorizesTheLaunchAndThePassedRole()
{
    Fixture f;
    const CallResult result = f.call(CallerIdentity::user("lab-user"), "RunInstances",
                                     {{"ImageId", "ami-0123456789abcdef0"},
                                      {"TagSpecifications", {{{"ResourceType", "instance"},
                                                              {"Tags", {{{"Key", "Name"}, {"Value", "lab"}}}}}}},
                                      {"IamInstanceProfile", profileByName("S3Access")}});
    QVERIFY(result.ok());
    QCOMPARE(result.authorizations.size(), std::size_t(3));
    const std::string wildcard = "arn:aws:ec2:us-east-1:111122223333:instance/*";
    QCOMPARE(result.authorizations[0].action, std::string("ec2:RunInstances"));
    QCOMPARE(result.authorizations[0].resource, wildcard);
    QCOMPARE(result.authorizations[1].action, std::string("ec2:CreateTags"));
    QCOMPARE(result.authorizations[2].action, std::string("iam:PassRole"));
    QCOMPARE(result.authorizations[2].resource, std::string("arn:aws:iam::111122223333:role/S3Access"));
}

void tst_Ec2Operations::runInstancesLaunchesMaxCountWithEc2Ids()
{
    Fixture f;
    const CallResult result = f.call(CallerIdentity::root(), "RunInstances",
                                     {{"ImageId", "ami-0123456789abcdef0"}, {"MinCount", 1}, {"MaxCount", 3}});
    QVERIFY(result.ok());
    QCOMPARE(result.response["Instances"].size(), std::size_t(3));
    QCOMPARE(result.response["OwnerId"], json(kAccountId));
    QVERIFY(isEc2Id(result.response["ReservationId"].get<std::string>(), "r-"));
    std::set<std::string> ids;
    for (const json &instance : result.response["Instances"]) {
        const std::string id = instance["InstanceId"].get<std::string>();
        QVERIFY2(isEc2Id(id, "i-"), id.c_str());
        ids.insert(id);
        QVERIFY(f.account.findInstance(id));
    }
    QCOMPARE(ids.size(), std::size_t(3));
}

void tst_Ec2Operations::runInstancesRejectsBadCounts()
{
    Fixture f;
    CallResult result = f.call(CallerIdentity::root(), "RunInstances",
                               {{"ImageId", "ami-0123456789abcdef0"}, {"MinCount", 3}, {"MaxCount", 2}});
    QCOMPARE(result.errorCode, std::string("InvalidParameterValue"));
    result = f.call(CallerIdentity::root(), "RunInstances", {{"ImageId", "ami-0123456789abcdef0"}, {"MinCount", 0}});
    QCOMPARE(result.errorCode, std::string("InvalidParameterValue"));
    result = f.call(CallerIdentity::root(), "RunInstances", json::object());
    QCOMPARE(result.errorCode, std::string("MissingParameter"));
    QCOMPARE(f.account.instances().size(), std::size_t(1));
}

void tst_Ec2Operations::describeInstancesShowsAwsShape()
{
    Fixture f;
    f.associate(kInstanceId, "S3Access");
    const CallResult result = f.call(CallerIdentity::user("viewer"), "DescribeInstances");
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QCOMPARE(result.authorizations.front().resource, std::string("*"));
    const json &reservation = result.response["Reservations"][0];
    QCOMPARE(reservation["OwnerId"], json(kAccountId));
    const json &instance = reservation["Instances"][0];
    QCOMPARE(instance["InstanceId"], json(kInstanceId));
    QCOMPARE(instance["State"], (json{{"Code", 16}, {"Name", "running"}}));
    QCOMPARE(instance["InstanceType"], json("t2.micro"));
    QCOMPARE(instance["ImageId"], json("ami-0abcdef1234567890"));
    QCOMPARE(instance["LaunchTime"], json("2024-05-01T11:00:00Z"));
    QCOMPARE(instance["Tags"], (json{{{"Key", "Name"}, {"Value", "web"}}}));
    QCOMPARE(instance["IamInstanceProfile"]["Arn"], json("arn:aws:iam::111122223333:instance-profile/S3Access"));
    QCOMPARE(instance["IamInstanceProfile"]["Id"], json(f.account.findInstanceProfile("S3Access")->id));
}

void tst_Ec2Operations::describeInstancesUnknownIds_data()
{
    QTest::addColumn<json>("ids");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");
    QTest::newRow("one-missing") << json{"i-0123456789abcdef0"} << std::string("InvalidInstanceID.NotFound")
                                 << std::string("The instance ID 'i-0123456789abcdef0' does not exist");
    QTest::newRow("two-missing") << json{"i-0123456789abcdef0", "i-0123456789abcdef1"}
                                 << std::string("InvalidInstanceID.NotFound")
                                 << std::string("The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do "
                                                "not exist");
    QTest::newRow("malformed") << json{"web"} << std::string("InvalidInstanceID.Malformed")
                               << std::string("Invalid id: \"web\"");
}

void tst_Ec2Operations::describeInstancesUnknownIds()
{
    QFETCH(json, ids);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);
    Fixture f;
    const CallResult result = f.call(CallerIdentity::root(), "DescribeInstances", {{"InstanceIds", ids}});
    QCOMPARE(result.errorCode, errorCode);
    QCOMPARE(result.errorMessage, errorMessage);
}

void tst_Ec2Operations::describeInstancesFilters()
{
    Fixture f;
    Ec2Instance stopped;
    stopped.id = "i-0fedcba9876543210";
    stopped.state = "stopped";
    f.account.mutableInstances().push_back(stopped);

    const auto ids = [&](const json &filters) {
        const CallResult result = f.call(CallerIdentity::root(), "DescribeInstances", {{"Filters", filters}});
        std::vector<std::string> out;
        for (const json &reservation : result.response["Reservations"])
            out.push_back(reservation["Instances"][0]["InstanceId"].get<std::string>());
        return out;
    };
    QCOMPARE(ids(json::array()).size(), std::size_t(2));
    QCOMPARE(ids({{{"Name", "instance-state-name"}, {"Values", {"stopped"}}}}),
             std::vector<std::string>{"i-0fedcba9876543210"});
    QCOMPARE(ids({{{"Name", "tag:Name"}, {"Values", {"w*"}}}}), std::vector<std::string>{kInstanceId});
    QCOMPARE(ids({{{"Name", "tag:Name"}, {"Values", {"web"}}},
                  {{"Name", "instance-state-name"}, {"Values", {"stopped"}}}}),
             std::vector<std::string>{});
    const CallResult bad = f.call(CallerIdentity::root(), "DescribeInstances",
                                  {{"Filters", {{{"Name", "colour"}, {"Values", {"red"}}}}}});
    QCOMPARE(bad.errorCode, std::string("InvalidParameterValue"));
    QCOMPARE(bad.errorMessage, std::string("The filter 'colour' is invalid"));
}

void tst_Ec2Operations::stateTransitions_data()
{
    QTest::addColumn<std::string>("operation");
    QTest::addColumn<std::string>("from");
    QTest::addColumn<std::string>("reported");
    QTest::addColumn<std::string>("settled");
    QTest::addColumn<std::string>("errorMessage");

    const std::string none;
    QTest::newRow("start-stopped") << std::string("StartInstances") << std::string("stopped") << std::string("pending")
                                   << std::string("running") << none;
    QTest::newRow("start-running-is-a-no-op") << std::string("StartInstances") << std::string("running")
                                              << std::string("running") << std::string("running") << none;
    QTest::newRow("start-terminated-refused")
        << std::string("StartInstances") << std::string("terminated") << none << std::string("terminated")
        << std::string("The instance 'i-0abc1234def567890' is not in a state from which it can be started.");
    QTest::newRow("stop-running-settles-stopped") << std::string("StopInstances") << std::string("running")
                                                  << std::string("stopping") << std::string("stopped") << none;
    QTest::newRow("stop-stopped-is-a-no-op") << std::string("StopInstances") << std::string("stopped")
                                             << std::string("stopped") << std::string("stopped") << none;
    QTest::newRow("stop-terminated-refused")
        << std::string("StopInstances") << std::string("terminated") << none << std::string("terminated")
        << std::string("This instance 'i-0abc1234def567890' is not in a state from which it can be stopped.");
    QTest::newRow("terminate-running") << std::string("TerminateInstances") << std::string("running")
                                       << std::string("shutting-down") << std::string("terminated") << none;
    QTest::newRow("terminate-stopped") << std::string("TerminateInstances") << std::string("stopped")
                                       << std::string("shutting-down") << std::string("terminated") << none;
    QTest::newRow("terminate-terminated-is-a-no-op") << std::string("TerminateInstances") << std::string("terminated")
                                                     << std::string("terminated") << std::string("terminated") << none;
}

void tst_Ec2Operations::stateTransitions()
{
    QFETCH(std::string, operation);
    QFETCH(std::string, from);
    QFETCH(std::string, reported);
    QFETCH(std::string, settled);
    QFETCH(std::string, errorMessage);

    Fixture f;
    f.account.findInstance(kInstanceId)->state = from;
    const CallResult result =
        f.call(CallerIdentity::user("lab-user"), operation.c_str(), {{"InstanceIds", {kInstanceId}}});
    QCOMPARE(result.authorizations.front().action, "ec2:" + operation);
    QCOMPARE(result.authorizations.front().resource,
             std::string("arn:aws:ec2:us-east-1:111122223333:instance/") + kInstanceId);
    QCOMPARE(f.account.findInstance(kInstanceId)->state, settled);
    if (!errorMessage.empty()) {
        QCOMPARE(result.errorCode, std::string("IncorrectInstanceState"));
        QCOMPARE(result.errorMessage, errorMessage);
        return;
    }
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    const char *key = operation == "StartInstances" ? "StartingInstances"
        : operation == "StopInstances"             ? "StoppingInstances"
                                                   : "TerminatingInstances";
    const json &change = result.response[key][0];
    QCOMPARE(change["InstanceId"], json(kInstanceId));
    QCOMPARE(change["CurrentState"]["Name"], json(reported));
    QCOMPARE(change["PreviousState"]["Name"], json(from));
}

void tst_Ec2Operations::stateChangeDeniedChangesNothing()
{
    Fixture f;
    const CallResult result = f.call(CallerIdentity::user("viewer"), "StopInstances", {{"InstanceIds", {kInstanceId}}});
    QCOMPARE(result.errorCode, std::string("UnauthorizedOperation"));
    QCOMPARE(result.errorMessage,
             std::string("You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/viewer "
                         "is not authorized to perform: ec2:StopInstances on resource: "
                         "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890 because no identity-based "
                         "policy allows the ec2:StopInstances action"));
    QCOMPARE(f.account.findInstance(kInstanceId)->state, std::string("running"));

    // Authorization comes first: an unknown id is not revealed to a caller who may not act.
    const CallResult unknown = f.call(CallerIdentity::user("viewer"), "StopInstances",
                                      {{"InstanceIds", {"i-0123456789abcdef0"}}});
    QCOMPARE(unknown.errorCode, std::string("UnauthorizedOperation"));
}

void tst_Ec2Operations::stateChangeIsAllOrNothing()
{
    Fixture f;
    Ec2Instance gone;
    gone.id = "i-0fedcba9876543210";
    gone.state = "terminated";
    f.account.mutableInstances().push_back(gone);
    const CallResult result = f.call(CallerIdentity::root(), "StopInstances",
                                     {{"InstanceIds", {kInstanceId, "i-0fedcba9876543210"}}});
    QCOMPARE(result.errorCode, std::string("IncorrectInstanceState"));
    QCOMPARE(f.account.findInstance(kInstanceId)->state, std::string("running"));

    const CallResult missing = f.call(CallerIdentity::root(), "StopInstances",
                                      {{"InstanceIds", {kInstanceId, "i-0123456789abcdef0"}}});
    QCOMPARE(missing.errorCode, std::string("InvalidInstanceID.NotFound"));
    QCOMPARE(f.account.findInstance(kInstanceId)->state, std::string("running"));
}

void tst_Ec2Operations::terminationEndsTheAssociation()
{
    Fixture f;
    f.associate(kInstanceId, "S3Access");
    QVERIFY(f.call(CallerIdentity::root(), "TerminateInstances", {{"InstanceIds", {kInstanceId}}}).ok());
    QVERIFY(f.account.findInstance(kInstanceId)->associationId.empty());
    QVERIFY(f.account.findInstance(kInstanceId)->instanceProfile.empty());
}

void tst_Ec2Operations::associate_data()
{
    QTest::addColumn<std::string>("instanceId");
    QTest::addColumn<json>("profile");
    QTest::addColumn<bool>("alreadyAssociated");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");
    QTest::addColumn<int>("authorizations");

    const std::string ok;
    QTest::newRow("passable-role") << std::string(kInstanceId) << profileByName("S3Access") << false << ok << ok << 2;
    QTest::newRow("passable-role-by-arn")
        << std::string(kInstanceId) << json{{"Arn", "arn:aws:iam::111122223333:instance-profile/S3Access"}} << false
        << ok << ok << 2;
    QTest::newRow("passrole-denied") << std::string(kInstanceId) << profileByName("AdminRole") << false
                                     << std::string("UnauthorizedOperation") << passRoleDenial("AdminRole") << 2;
    QTest::newRow("profile-without-role-needs-no-passrole")
        << std::string(kInstanceId) << profileByName("NoRole") << false << ok << ok << 1;
    QTest::newRow("unknown-profile")
        << std::string(kInstanceId) << profileByName("NoSuchProfile") << false << std::string("InvalidParameterValue")
        << std::string("Value (NoSuchProfile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance "
                       "Profile name")
        << 1;
    QTest::newRow("unknown-instance") << std::string("i-0123456789abcdef0") << profileByName("S3Access") << false
                                      << std::string("InvalidInstanceID.NotFound")
                                      << std::string("The instance ID 'i-0123456789abcdef0' does not exist") << 1;
    QTest::newRow("existing-association-needs-replace")
        << std::string(kInstanceId) << profileByName("S3Access") << true << std::string("IncorrectState")
        << std::string("There is an existing association for instance i-0abc1234def567890") << 1;
}

void tst_Ec2Operations::associate()
{
    QFETCH(std::string, instanceId);
    QFETCH(json, profile);
    QFETCH(bool, alreadyAssociated);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);
    QFETCH(int, authorizations);

    Fixture f;
    if (alreadyAssociated)
        f.associate(kInstanceId, "LambdaRole");
    const Ec2Instance before = *f.account.findInstance(kInstanceId);
    const CallResult result = f.call(CallerIdentity::user("lab-user"), "AssociateIamInstanceProfile",
                                     {{"InstanceId", instanceId}, {"IamInstanceProfile", profile}});
    QCOMPARE(result.errorCode, errorCode);
    QCOMPARE(result.errorMessage, errorMessage);
    QCOMPARE(int(result.authorizations.size()), authorizations);
    QCOMPARE(result.authorizations.front().action, std::string("ec2:AssociateIamInstanceProfile"));
    const Ec2Instance &after = *f.account.findInstance(kInstanceId);
    if (!errorCode.empty()) {
        QCOMPARE(after.instanceProfile, before.instanceProfile);
        QCOMPARE(after.associationId, before.associationId);
        return;
    }
    QVERIFY(after.associationId.starts_with("iip-assoc-"));
    QCOMPARE(after.instanceProfile, profile.contains("Name") ? profile["Name"].get<std::string>() : "S3Access");
}

void tst_Ec2Operations::associateResponseShape()
{
    Fixture f;
    const CallResult result = f.call(CallerIdentity::user("lab-user"), "AssociateIamInstanceProfile",
                                     {{"InstanceId", kInstanceId}, {"IamInstanceProfile", profileByName("S3Access")}});
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    const json &association = result.response["IamInstanceProfileAssociation"];
    const std::string associationId = association["AssociationId"].get<std::string>();
    QVERIFY2(isEc2Id(associationId, "iip-assoc-"), associationId.c_str());
    QCOMPARE(associationId, f.account.findInstance(kInstanceId)->associationId);
    QCOMPARE(association["InstanceId"], json(kInstanceId));
    QCOMPARE(association["State"], json("associating"));
    QCOMPARE(association["IamInstanceProfile"],
             (json{{"Arn", "arn:aws:iam::111122223333:instance-profile/S3Access"},
                   {"Id", f.account.findInstanceProfile("S3Access")->id}}));
    QCOMPARE(result.authorizations[1].action, std::string("iam:PassRole"));
    QCOMPARE(result.authorizations[1].resource, std::string("arn:aws:iam::111122223333:role/S3Access"));
}

void tst_Ec2Operations::passRoleContextNamesServiceAndInstance_data()
{
    QTest::addColumn<std::string>("condition");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("passed-to-ec2") << std::string(R"({"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}})")
                                   << true;
    QTest::newRow("passed-to-lambda-only")
        << std::string(R"({"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}})") << false;
    QTest::newRow("associated-with-this-instance")
        << std::string(R"({"ArnEquals": {"iam:AssociatedResourceArn":
                                 "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890"}})")
        << true;
    QTest::newRow("associated-with-another-instance")
        << std::string(R"({"ArnEquals": {"iam:AssociatedResourceArn":
                                 "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0"}})")
        << false;
}

void tst_Ec2Operations::passRoleContextNamesServiceAndInstance()
{
    QFETCH(std::string, condition);
    QFETCH(bool, allowed);
    Fixture f;
    f.addUser("conditional", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": )"
                                 + condition + "}]}");
    const CallResult result = f.call(CallerIdentity::user("conditional"), "AssociateIamInstanceProfile",
                                     {{"InstanceId", kInstanceId}, {"IamInstanceProfile", profileByName("AdminRole")}});
    QCOMPARE(result.ok(), allowed);
    QCOMPARE(f.account.findInstance(kInstanceId)->instanceProfile, std::string(allowed ? "AdminRole" : ""));
}

void tst_Ec2Operations::replaceGivesANewAssociation()
{
    Fixture f;
    const std::string old = f.associate(kInstanceId, "LambdaRole");
    const CallResult result = f.call(CallerIdentity::user("lab-user"), "ReplaceIamInstanceProfileAssociation",
                                     {{"AssociationId", old}, {"IamInstanceProfile", profileByName("S3Access")}});
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QCOMPARE(result.authorizations[0].action, std::string("ec2:ReplaceIamInstanceProfileAssociation"));
    QCOMPARE(result.authorizations[0].resource,
             std::string("arn:aws:ec2:us-east-1:111122223333:instance/") + kInstanceId);
    QCOMPARE(result.authorizations[1].action, std::string("iam:PassRole"));
    const json &association = result.response["IamInstanceProfileAssociation"];
    QCOMPARE(association["State"], json("associating"));
    QVERIFY(association["AssociationId"] != json(old));
    const Ec2Instance &instance = *f.account.findInstance(kInstanceId);
    QCOMPARE(instance.instanceProfile, std::string("S3Access"));
    QCOMPARE(json(instance.associationId), association["AssociationId"]);
}

void tst_Ec2Operations::replaceWithoutPassRoleChangesNothing()
{
    Fixture f;
    const std::string old = f.associate(kInstanceId, "S3Access");
    const CallResult result = f.call(CallerIdentity::user("lab-user"), "ReplaceIamInstanceProfileAssociation",
                                     {{"AssociationId", old}, {"IamInstanceProfile", profileByName("AdminRole")}});
    QCOMPARE(result.errorCode, std::string("UnauthorizedOperation"));
    QCOMPARE(result.errorMessage, passRoleDenial("AdminRole"));
    QCOMPARE(result.cliError("ReplaceIamInstanceProfileAssociation"),
             "An error occurred (UnauthorizedOperation) when calling the ReplaceIamInstanceProfileAssociation "
             "operation: "
                 + passRoleDenial("AdminRole"));
    QCOMPARE(f.account.findInstance(kInstanceId)->instanceProfile, std::string("S3Access"));
    QCOMPARE(f.account.findInstance(kInstanceId)->associationId, old);
}

void tst_Ec2Operations::disassociate()
{
    Fixture f;
    const std::string id = f.associate(kInstanceId, "S3Access");
    const CallResult result = f.call(CallerIdentity::user("lab-user"), "DisassociateIamInstanceProfile",
                                     {{"AssociationId", id}});
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QCOMPARE(result.authorizations.size(), std::size_t(1));   // removing a role passes none
    QCOMPARE(result.response["IamInstanceProfileAssociation"]["State"], json("disassociating"));
    QCOMPARE(result.response["IamInstanceProfileAssociation"]["AssociationId"], json(id));
    QVERIFY(f.account.findInstance(kInstanceId)->instanceProfile.empty());
    QVERIFY(f.account.findInstance(kInstanceId)->associationId.empty());

    const CallResult denied = [&] {
        f.associate(kInstanceId, "S3Access");
        return f.call(CallerIdentity::user("viewer"), "DisassociateIamInstanceProfile", {{"AssociationId", id}});
    }();
    QCOMPARE(denied.errorCode, std::string("UnauthorizedOperation"));
    QCOMPARE(f.account.findInstance(kInstanceId)->instanceProfile, std::string("S3Access"));
}

void tst_Ec2Operations::unknownAssociation_data()
{
    QTest::addColumn<std::string>("operation");
    QTest::newRow("replace") << std::string("ReplaceIamInstanceProfileAssociation");
    QTest::newRow("disassociate") << std::string("DisassociateIamInstanceProfile");
    QTest::newRow("describe") << std::string("DescribeIamInstanceProfileAssociations");
}

void tst_Ec2Operations::unknownAssociation()
{
    QFETCH(std::string, operation);
    Fixture f;
    const json params = {{"AssociationId", "iip-assoc-0000000000000000f"},
                         {"AssociationIds", {"iip-assoc-0000000000000000f"}},
                         {"IamInstanceProfile", profileByName("S3Access")}};
    const CallResult result = f.call(CallerIdentity::root(), operation.c_str(), params);
    QCOMPARE(result.errorCode, std::string("InvalidAssociationID.NotFound"));
    QCOMPARE(result.errorMessage, std::string("The association ID 'iip-assoc-0000000000000000f' does not exist"));
}

void tst_Ec2Operations::describeAssociations()
{
    Fixture f;
    Ec2Instance other;
    other.id = "i-0fedcba9876543210";
    f.account.mutableInstances().push_back(other);
    const std::string id = f.associate(kInstanceId, "S3Access");

    CallResult result = f.call(CallerIdentity::user("viewer"), "DescribeIamInstanceProfileAssociations");
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QCOMPARE(result.authorizations.front().resource, std::string("*"));
    const json expected = {{"AssociationId", id},
                           {"InstanceId", kInstanceId},
                           {"IamInstanceProfile",
                            {{"Arn", "arn:aws:iam::111122223333:instance-profile/S3Access"},
                             {"Id", f.account.findInstanceProfile("S3Access")->id}}},
                           {"State", "associated"}};
    QCOMPARE(result.response["IamInstanceProfileAssociations"], json::array({expected}));

    result = f.call(CallerIdentity::root(), "DescribeIamInstanceProfileAssociations",
                    {{"Filters", {{{"Name", "instance-id"}, {"Values", {"i-0fedcba9876543210"}}}}}});
    QCOMPARE(result.response["IamInstanceProfileAssociations"], json::array());
    result = f.call(CallerIdentity::root(), "DescribeIamInstanceProfileAssociations", {{"AssociationIds", {id}}});
    QCOMPARE(result.response["IamInstanceProfileAssociations"].size(), std::size_t(1));
}

void tst_Ec2Operations::deniedCallIsLoggedAndNotifiesNoInstance()
{
    Fixture f;
    ChangeCounter counter;
    f.account.addObserver(&counter);
    const CallResult denied = f.call(CallerIdentity::user("lab-user"), "AssociateIamInstanceProfile",
                                     {{"InstanceId", kInstanceId}, {"IamInstanceProfile", profileByName("AdminRole")}});
    QCOMPARE(counter.instanceChanges, 0);
    const Event &event = f.account.eventLog().events().back();
    QCOMPARE(event.action, std::string("ec2:AssociateIamInstanceProfile"));
    QVERIFY(!event.allowed);
    QCOMPARE(event.errorCode, std::string("UnauthorizedOperation"));
    QVERIFY(std::find(event.resources.begin(), event.resources.end(), "arn:aws:iam::111122223333:role/AdminRole")
            != event.resources.end());

    QVERIFY(f.call(CallerIdentity::user("lab-user"), "AssociateIamInstanceProfile",
                   {{"InstanceId", kInstanceId}, {"IamInstanceProfile", profileByName("S3Access")}})
                .ok());
    QCOMPARE(counter.instanceChanges, 1);
    QVERIFY(f.account.eventLog().events().back().allowed);
    f.account.removeObserver(&counter);
}

void tst_Ec2Operations::instanceSession_data()
{
    QTest::addColumn<std::string>("profile");
    QTest::addColumn<std::string>("state");
    QTest::addColumn<bool>("hasSession");
    QTest::newRow("role-trusting-ec2") << std::string("S3Access") << std::string("running") << true;
    QTest::newRow("role-trusting-only-lambda") << std::string("LambdaRole") << std::string("running") << false;
    QTest::newRow("no-profile") << std::string() << std::string("running") << false;
    QTest::newRow("profile-without-role") << std::string("NoRole") << std::string("running") << false;
    QTest::newRow("stopped-instance") << std::string("S3Access") << std::string("stopped") << false;
    QTest::newRow("terminated-instance") << std::string("S3Access") << std::string("terminated") << false;
}

void tst_Ec2Operations::instanceSession()
{
    QFETCH(std::string, profile);
    QFETCH(std::string, state);
    QFETCH(bool, hasSession);
    Fixture f;
    if (!profile.empty())
        f.associate(kInstanceId, profile);
    f.account.findInstance(kInstanceId)->state = state;
    const std::optional<CallerIdentity> session = iam::instanceSession(f.account, kInstanceId);
    QCOMPARE(session.has_value(), hasSession);
    if (session) {
        QCOMPARE(*session, CallerIdentity::instance("S3Access", kInstanceId));
        QCOMPARE(f.account.callerArn(*session),
                 std::string("arn:aws:sts::111122223333:assumed-role/S3Access/i-0abc1234def567890"));
    }
    QVERIFY(!iam::instanceSession(f.account, "i-0123456789abcdef0"));
}

QTEST_APPLESS_MAIN(tst_Ec2Operations)
#include "tst_Ec2Operations.moc"
