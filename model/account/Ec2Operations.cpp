// The EC2 operations of the simulated account: instances, their states and their
// IAM instance profile associations, authorized as EC2 authorizes them (the EC2
// action on the instance ARN, plus iam:PassRole on the role whenever a role is
// handed to an instance), and the credentials an instance's role gives it.

#include "AccountApi.h"
#include "InstanceCredentials.h"

#include "Wildcard.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace iam {

using json = nlohmann::json;

namespace {

constexpr const char *kEc2Principal = "ec2.amazonaws.com";
// The default On-Demand instance quota of a new account, applied per request.
constexpr int kInstanceLimit = 20;

// InstanceState.Code as EC2 reports it.
int stateCode(std::string_view state)
{
    if (state == "running")
        return 16;
    if (state == "shutting-down")
        return 32;
    if (state == "terminated")
        return 48;
    if (state == "stopping")
        return 64;
    if (state == "stopped")
        return 80;
    return 0;   // pending
}

json stateJson(const std::string &state)
{
    return {{"Code", stateCode(state)}, {"Name", state}};
}

// What a missing or mistyped list parameter reads as.
const json &emptyArray()
{
    static const json empty = json::array();
    return empty;
}

const json &arrayOrEmpty(const json *value)
{
    return value && value->is_array() ? *value : emptyArray();
}

const json *member(const json &object, const char *name)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

std::string stringMember(const json &object, const char *name)
{
    const json *value = member(object, name);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

// EC2 ids are a prefix and 17 lowercase hex digits. They come from the account's id
// counter, so a replayed session produces the same ids.
std::string newHexId(Account &account, std::string_view prefix)
{
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(prefix);
    for (const char c : account.newId(""))
        id += kHex[kAlphabet.find(c) % 16];
    return id;
}

Ec2Instance *findByAssociation(Account &account, std::string_view associationId)
{
    auto &instances = account.mutableInstances();
    const auto it = std::find_if(instances.begin(), instances.end(), [&](const Ec2Instance &instance) {
        return !associationId.empty() && instance.associationId == associationId;
    });
    return it == instances.end() ? nullptr : &*it;
}

std::string newInstanceId(Account &account)
{
    std::string id = newHexId(account, "i-");
    while (account.findInstance(id))
        id = newHexId(account, "i-");
    return id;
}

std::string newAssociationId(Account &account)
{
    std::string id = newHexId(account, "iip-assoc-");
    while (findByAssociation(account, id))
        id = newHexId(account, "iip-assoc-");
    return id;
}

// EC2 authorizes on the instance's ARN even when the id names no instance, so a
// caller without permission learns nothing about which instances exist.
std::string instanceArnFor(const Account &account, const std::string &id)
{
    if (const Ec2Instance *instance = account.findInstance(id))
        return account.instanceArn(*instance);
    Ec2Instance unknown;
    unknown.id = id;
    return account.instanceArn(unknown);
}

bool wellFormedId(std::string_view id, std::string_view prefix)
{
    if (!id.starts_with(prefix))
        return false;
    const std::string_view digits = id.substr(prefix.size());
    return (digits.size() == 8 || digits.size() == 17)
        && std::all_of(digits.begin(), digits.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

bool failInstancesNotFound(CallContext &ctx, const std::vector<std::string> &missing)
{
    if (missing.size() == 1 && !wellFormedId(missing.front(), "i-"))
        return ctx.fail("InvalidInstanceID.Malformed", "Invalid id: \"" + missing.front() + "\"");
    if (missing.size() == 1)
        return ctx.fail("InvalidInstanceID.NotFound", "The instance ID '" + missing.front() + "' does not exist");
    std::string list;
    for (const std::string &id : missing)
        list += (list.empty() ? "" : ", ") + id;
    return ctx.fail("InvalidInstanceID.NotFound", "The instance IDs '" + list + "' do not exist");
}

std::vector<std::string> missingInstances(const Account &account, const std::vector<std::string> &ids)
{
    std::vector<std::string> missing;
    for (const std::string &id : ids) {
        if (!account.findInstance(id))
            missing.push_back(id);
    }
    return missing;
}

// InstanceIds, each once, in the caller's order.
std::optional<std::vector<std::string>> requiredInstanceIds(CallContext &ctx)
{
    std::vector<std::string> ids;
    for (std::string &id : ctx.strings("InstanceIds")) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(std::move(id));
    }
    if (ids.empty()) {
        ctx.fail("MissingParameter", "The request must contain the parameter InstanceId");
        return std::nullopt;
    }
    return ids;
}

// IamInstanceProfile is {"Arn": ...} or {"Name": ...}; nullptr when it names no profile.
const InstanceProfile *findProfile(const Account &account, const json &spec)
{
    const std::string arn = stringMember(spec, "Arn");
    if (!arn.empty()) {
        const auto &profiles = account.instanceProfiles();
        const auto it = std::find_if(profiles.begin(), profiles.end(), [&](const InstanceProfile &profile) {
            return account.instanceProfileArn(profile) == arn;
        });
        return it == profiles.end() ? nullptr : &*it;
    }
    return account.findInstanceProfile(stringMember(spec, "Name"));
}

bool failProfileNotFound(CallContext &ctx, const json &spec)
{
    if (const std::string arn = stringMember(spec, "Arn"); !arn.empty())
        return ctx.fail("InvalidParameterValue", "Value (" + arn
                            + ") for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN");
    return ctx.fail("InvalidParameterValue", "Value (" + stringMember(spec, "Name")
                        + ") for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");
}

const json *requiredProfileSpec(CallContext &ctx)
{
    const json *spec = member(ctx.params, "IamInstanceProfile");
    if (spec && spec->is_object() && (!stringMember(*spec, "Arn").empty() || !stringMember(*spec, "Name").empty()))
        return spec;
    ctx.fail("MissingParameter", "The request must contain the parameter IamInstanceProfile");
    return nullptr;
}

std::string profileArnByName(const Account &account, const std::string &name)
{
    if (const InstanceProfile *profile = account.findInstanceProfile(name))
        return account.instanceProfileArn(*profile);
    InstanceProfile gone;
    gone.name = name;
    return account.instanceProfileArn(gone);
}

json profileJson(const Account &account, const std::string &name)
{
    const InstanceProfile *profile = account.findInstanceProfile(name);
    return {{"Arn", profileArnByName(account, name)}, {"Id", profile ? profile->id : std::string()}};
}

// Passing a role to EC2 is a permission of its own, checked beside the EC2 action:
// iam:PassRole on the role, told which service receives it and for which instance.
bool authorizePassRole(CallContext &ctx, const InstanceProfile &profile, const std::string &instanceArn)
{
    if (profile.role.empty())
        return true;   // a profile without a role passes nothing
    Role passed;
    passed.name = profile.role;
    if (const Role *role = ctx.account.findRole(profile.role))
        passed = *role;
    return ctx.authorize("iam:PassRole", ctx.account.roleArn(passed),
                         {{"iam:PassedToService", {kEc2Principal}}, {"iam:AssociatedResourceArn", {instanceArn}}});
}

// The condition keys EC2 supplies for an existing instance resource.
ExtraContext instanceContext(const Account &account, const Ec2Instance *instance)
{
    ExtraContext extra;
    if (!instance)
        return extra;
    extra.push_back({"ec2:InstanceType", {instance->instanceType}});
    extra.push_back({"ec2:Region", {instance->region}});
    if (!instance->name.empty()) {
        extra.push_back({"aws:ResourceTag/Name", {instance->name}});
        extra.push_back({"ec2:ResourceTag/Name", {instance->name}});
    }
    if (!instance->instanceProfile.empty())
        extra.push_back({"ec2:InstanceProfile", {profileArnByName(account, instance->instanceProfile)}});
    return extra;
}

json instanceJson(const Account &account, const Ec2Instance &instance, const std::string &state)
{
    json out = {{"InstanceId", instance.id},
                {"ImageId", instance.imageId},
                {"InstanceType", instance.instanceType},
                {"LaunchTime", instance.launchTime},
                {"Placement", {{"AvailabilityZone", instance.region + "a"}}},
                {"State", stateJson(state)}};
    if (!instance.name.empty()) {
        json tags = json::array();
        tags.push_back({{"Key", "Name"}, {"Value", instance.name}});
        out["Tags"] = std::move(tags);
    }
    if (!instance.instanceProfile.empty())
        out["IamInstanceProfile"] = profileJson(account, instance.instanceProfile);
    return out;
}

json associationJson(const Account &account, const Ec2Instance &instance, const std::string &state)
{
    return {{"AssociationId", instance.associationId},
            {"InstanceId", instance.id},
            {"IamInstanceProfile", profileJson(account, instance.instanceProfile)},
            {"State", state}};
}

void notifyInstance(const Account &account, const std::string &id,
                    AccountChange::Kind kind = AccountChange::Kind::Modified)
{
    account.notify({kind, AccountChange::Entity::Instance, id});
}

// Filters: [{"Name": ..., "Values": [...]}]. `valuesOf` gives what an item has for a
// filter name, or nullopt for a name the operation does not know. EC2 filter values
// take `*` and `?` wildcards; names AND, values OR.
using Filters = std::vector<std::pair<std::string, std::vector<std::string>>>;

template<typename Item, typename ValuesOf>
std::optional<Filters> readFilters(CallContext &ctx, const Item &probe, ValuesOf valuesOf)
{
    Filters filters;
    const json *list = member(ctx.params, "Filters");
    for (const json &filter : arrayOrEmpty(list)) {
        const std::string name = stringMember(filter, "Name");
        std::vector<std::string> values;
        if (const json *given = member(filter, "Values"); given && given->is_array()) {
            for (const json &value : *given)
                values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
        }
        if (!valuesOf(probe, name)) {
            ctx.fail("InvalidParameterValue", "The filter '" + name + "' is invalid");
            return std::nullopt;
        }
        filters.emplace_back(name, std::move(values));
    }
    return filters;
}

template<typename Item, typename ValuesOf>
bool matchesFilters(const Filters &filters, const Item &item, ValuesOf valuesOf)
{
    return std::all_of(filters.begin(), filters.end(), [&](const auto &filter) {
        const std::vector<std::string> have = valuesOf(item, filter.first).value_or(std::vector<std::string>());
        return std::any_of(filter.second.begin(), filter.second.end(), [&](const std::string &pattern) {
            return std::any_of(have.begin(), have.end(),
                               [&](const std::string &value) { return wildcardMatch(pattern, value); });
        });
    });
}

std::optional<int> countParam(CallContext &ctx, const char *name)
{
    const std::string text = ctx.optional(name, "1");   // the CLI's default
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1) {
        ctx.fail("InvalidParameterValue", "Value (" + text + ") for parameter " + name + " is invalid. "
                     + "Must be a positive integer");
        return std::nullopt;
    }
    return value;
}

void runInstances(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto imageId = ctx.required("ImageId");
    if (!imageId)
        return;
    const auto minCount = countParam(ctx, "MinCount");
    const auto maxCount = minCount ? countParam(ctx, "MaxCount") : std::nullopt;
    if (!minCount || !maxCount)
        return;
    if (*minCount > *maxCount) {
        ctx.fail("InvalidParameterValue", "Value (" + std::to_string(*minCount)
                     + ") for parameter minCount is invalid. Must be less than or equal to maxCount");
        return;
    }
    if (*minCount > kInstanceLimit) {
        ctx.fail("InstanceLimitExceeded", "You have requested more instances (" + std::to_string(*minCount)
                     + ") than your current instance limit of " + std::to_string(kInstanceLimit)
                     + " allows for the specified instance type.");
        return;
    }
    const std::string instanceType = ctx.optional("InstanceType", Ec2Instance().instanceType);

    // Tags for the instance. The account keeps only the Name tag, but every tag
    // requested is in the authorization context, as EC2 puts it there.
    std::string name;
    ExtraContext tagContext;
    std::vector<std::string> tagKeys;
    for (const json &spec : arrayOrEmpty(member(ctx.params, "TagSpecifications"))) {
        const std::string type = stringMember(spec, "ResourceType");
        const json *tags = member(spec, "Tags");
        if ((!type.empty() && type != "instance") || !tags || !tags->is_array())
            continue;
        for (const json &tag : *tags) {
            const std::string key = stringMember(tag, "Key");
            const std::string value = stringMember(tag, "Value");
            if (key == "Name")
                name = value;
            tagContext.push_back({"aws:RequestTag/" + key, {value}});
            tagKeys.push_back(key);
        }
    }
    if (!tagKeys.empty())
        tagContext.push_back({"aws:TagKeys", tagKeys});

    const json *profileSpec = member(ctx.params, "IamInstanceProfile");
    const InstanceProfile *profile = nullptr;
    if (profileSpec) {
        profile = findProfile(account, *profileSpec);
        if (!profile) {
            failProfileNotFound(ctx, *profileSpec);
            return;
        }
    }

    // Simplification: one ec2:RunInstances check on the instances to be created,
    // arn:aws:ec2:us-east-1:ACCOUNT:instance/* (their ids are not known before
    // launch, which is also why iam:AssociatedResourceArn is instance/* here), rather
    // than EC2's checks on the image, subnet, security group and volume as well.
    Ec2Instance pattern;
    pattern.id = "*";
    const std::string instancesArn = account.instanceArn(pattern);
    ExtraContext runContext = tagContext;
    runContext.push_back({"ec2:InstanceType", {instanceType}});
    runContext.push_back({"ec2:Region", {pattern.region}});
    if (profile)
        runContext.push_back({"ec2:InstanceProfile", {account.instanceProfileArn(*profile)}});
    if (!ctx.authorize("ec2:RunInstances", instancesArn, runContext))
        return;
    // Tagging at launch needs ec2:CreateTags too, with ec2:CreateAction naming the launch.
    if (!tagKeys.empty()) {
        ExtraContext createTags = tagContext;
        createTags.push_back({"ec2:CreateAction", {"RunInstances"}});
        if (!ctx.authorize("ec2:CreateTags", instancesArn, createTags))
            return;
    }
    if (profile && !authorizePassRole(ctx, *profile, instancesArn))
        return;

    // EC2 launches as many as it can, up to MaxCount.
    const int count = std::min(*maxCount, kInstanceLimit);
    json reservation = {{"ReservationId", newHexId(account, "r-")},
                        {"OwnerId", account.accountId()},
                        {"Groups", json::array()},
                        {"Instances", json::array()}};
    for (int index = 0; index < count; ++index) {
        Ec2Instance instance;
        instance.id = newInstanceId(account);
        instance.name = name;
        instance.instanceType = instanceType;
        instance.imageId = *imageId;
        instance.launchTime = account.now();
        // pending -> running is immediate in the simulation; the response still
        // reports "pending", as EC2's does.
        instance.state = "running";
        if (profile) {
            instance.instanceProfile = profile->name;
            instance.associationId = newAssociationId(account);
        }
        json described = instanceJson(account, instance, "pending");
        described["AmiLaunchIndex"] = index;
        reservation["Instances"].push_back(std::move(described));
        ctx.resources.push_back(account.instanceArn(instance));
        const std::string id = instance.id;
        account.mutableInstances().push_back(std::move(instance));
        notifyInstance(account, id, AccountChange::Kind::Added);
    }
    ctx.result.response = std::move(reservation);
}

std::optional<std::vector<std::string>> instanceFilterValues(const Account &account, const Ec2Instance &instance,
                                                             const std::string &name)
{
    if (name == "instance-id")
        return std::vector<std::string>{instance.id};
    if (name == "instance-state-name")
        return std::vector<std::string>{instance.state};
    if (name == "instance-state-code")
        return std::vector<std::string>{std::to_string(stateCode(instance.state))};
    if (name == "instance-type")
        return std::vector<std::string>{instance.instanceType};
    if (name == "image-id")
        return std::vector<std::string>{instance.imageId};
    if (name == "availability-zone")
        return std::vector<std::string>{instance.region + "a"};
    if (name == "tag:Name" || name == "tag-key") {
        std::vector<std::string> values;
        if (!instance.name.empty())
            values.push_back(name == "tag-key" ? "Name" : instance.name);
        return values;
    }
    if (name == "iam-instance-profile.arn") {
        std::vector<std::string> values;
        if (!instance.instanceProfile.empty())
            values.push_back(profileArnByName(account, instance.instanceProfile));
        return values;
    }
    return std::nullopt;
}

void describeInstances(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto valuesOf = [&](const Ec2Instance &instance, const std::string &name) {
        return instanceFilterValues(account, instance, name);
    };
    const std::vector<std::string> ids = ctx.strings("InstanceIds");
    const auto filters = readFilters(ctx, Ec2Instance(), valuesOf);
    if (!filters)
        return;
    // Describe actions have no resource-level permissions: EC2 authorizes them on "*".
    if (!ctx.authorize("ec2:DescribeInstances", "*"))
        return;
    if (const auto missing = missingInstances(account, ids); !missing.empty()) {
        failInstancesNotFound(ctx, missing);
        return;
    }
    // The account does not keep reservations: each instance is shown in a
    // reservation of its own, named after it.
    json reservations = json::array();
    for (const Ec2Instance &instance : account.instances()) {
        if (!ids.empty() && std::find(ids.begin(), ids.end(), instance.id) == ids.end())
            continue;
        if (!matchesFilters(*filters, instance, valuesOf))
            continue;
        json instances = json::array();
        instances.push_back(instanceJson(account, instance, instance.state));
        const std::string hex = instance.id.substr(std::min<std::size_t>(2, instance.id.size()));
        reservations.push_back({{"ReservationId", "r-" + hex},
                                {"OwnerId", account.accountId()},
                                {"Groups", json::array()},
                                {"Instances", std::move(instances)}});
    }
    ctx.result.response = {{"Reservations", std::move(reservations)}};
}

// What a state-changing call does to one instance: the state the response reports
// (EC2's transitional one), the state the simulation settles in, or why it cannot.
struct StateChange
{
    std::string reported;
    std::string settled;
    std::string error;   // IncorrectInstanceState's message
};
using Transition = StateChange (*)(const Ec2Instance &);

void changeStates(CallContext &ctx, const char *action, const char *responseKey, Transition transition)
{
    Account &account = ctx.account;
    const auto ids = requiredInstanceIds(ctx);
    if (!ids)
        return;
    for (const std::string &id : *ids) {
        if (!ctx.authorize(action, instanceArnFor(account, id), instanceContext(account, account.findInstance(id))))
            return;
    }
    if (const auto missing = missingInstances(account, *ids); !missing.empty()) {
        failInstancesNotFound(ctx, missing);
        return;
    }
    // Every instance must be able to make the change before any does.
    std::vector<StateChange> changes;
    for (const std::string &id : *ids) {
        changes.push_back(transition(*account.findInstance(id)));
        if (!changes.back().error.empty()) {
            ctx.fail("IncorrectInstanceState", changes.back().error);
            return;
        }
    }
    json list = json::array();
    for (std::size_t i = 0; i < ids->size(); ++i) {
        Ec2Instance &instance = *account.findInstance((*ids)[i]);
        list.push_back({{"InstanceId", instance.id},
                        {"CurrentState", stateJson(changes[i].reported)},
                        {"PreviousState", stateJson(instance.state)}});
        if (instance.state == changes[i].settled)
            continue;
        instance.state = changes[i].settled;
        if (instance.state == "terminated") {
            // A terminated instance's profile association ends with it.
            instance.instanceProfile.clear();
            instance.associationId.clear();
        }
        notifyInstance(account, instance.id);
    }
    ctx.result.response = {{responseKey, std::move(list)}};
}

// The simulation settles transitions at once: pending -> running, stopping ->
// stopped and shutting-down -> terminated happen within the call, while the
// response reports the transitional state, as EC2's does.
StateChange startTransition(const Ec2Instance &instance)
{
    if (instance.state == "terminated" || instance.state == "shutting-down")
        return {{}, {}, "The instance '" + instance.id + "' is not in a state from which it can be started."};
    if (instance.state == "stopped" || instance.state == "stopping")
        return {"pending", "running", {}};
    return {"running", "running", {}};
}

StateChange stopTransition(const Ec2Instance &instance)
{
    if (instance.state == "terminated" || instance.state == "shutting-down")
        return {{}, {}, "This instance '" + instance.id + "' is not in a state from which it can be stopped."};
    if (instance.state == "stopped")
        return {"stopped", "stopped", {}};
    return {"stopping", "stopped", {}};
}

StateChange terminateTransition(const Ec2Instance &instance)
{
    if (instance.state == "terminated")
        return {"terminated", "terminated", {}};
    return {"shutting-down", "terminated", {}};
}

void associateIamInstanceProfile(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto instanceId = ctx.required("InstanceId");
    if (!instanceId)
        return;
    const json *spec = requiredProfileSpec(ctx);
    if (!spec)
        return;
    const InstanceProfile *profile = findProfile(account, *spec);
    const std::string instanceArn = instanceArnFor(account, *instanceId);
    ExtraContext extra = instanceContext(account, account.findInstance(*instanceId));
    if (profile)
        extra.push_back({"ec2:NewInstanceProfile", {account.instanceProfileArn(*profile)}});
    if (!ctx.authorize("ec2:AssociateIamInstanceProfile", instanceArn, extra))
        return;
    Ec2Instance *instance = account.findInstance(*instanceId);
    if (!instance) {
        failInstancesNotFound(ctx, {*instanceId});
        return;
    }
    if (!profile) {
        failProfileNotFound(ctx, *spec);
        return;
    }
    // One association per instance: changing it is ReplaceIamInstanceProfileAssociation.
    if (!instance->associationId.empty()) {
        ctx.fail("IncorrectState", "There is an existing association for instance " + instance->id);
        return;
    }
    if (instance->state == "terminated" || instance->state == "shutting-down") {
        ctx.fail("IncorrectInstanceState",
                 "The instance '" + instance->id + "' is not in a valid state for this operation.");
        return;
    }
    if (!authorizePassRole(ctx, *profile, instanceArn))
        return;
    instance->instanceProfile = profile->name;
    instance->associationId = newAssociationId(account);
    ctx.resources.push_back(account.instanceProfileArn(*profile));
    ctx.result.response = {{"IamInstanceProfileAssociation", associationJson(account, *instance, "associating")}};
    notifyInstance(account, instance->id);
}

bool failAssociationNotFound(CallContext &ctx, const std::string &associationId)
{
    return ctx.fail("InvalidAssociationID.NotFound", "The association ID '" + associationId + "' does not exist");
}

void replaceIamInstanceProfileAssociation(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto associationId = ctx.required("AssociationId");
    if (!associationId)
        return;
    const json *spec = requiredProfileSpec(ctx);
    if (!spec)
        return;
    // The association leads to the instance EC2 authorizes on; without one there is
    // no resource to authorize.
    Ec2Instance *instance = findByAssociation(account, *associationId);
    if (!instance) {
        failAssociationNotFound(ctx, *associationId);
        return;
    }
    const InstanceProfile *profile = findProfile(account, *spec);
    const std::string instanceArn = account.instanceArn(*instance);
    ExtraContext extra = instanceContext(account, instance);
    if (profile)
        extra.push_back({"ec2:NewInstanceProfile", {account.instanceProfileArn(*profile)}});
    if (!ctx.authorize("ec2:ReplaceIamInstanceProfileAssociation", instanceArn, extra))
        return;
    if (!profile) {
        failProfileNotFound(ctx, *spec);
        return;
    }
    if (!authorizePassRole(ctx, *profile, instanceArn))
        return;
    // A replacement is a new association, with an id of its own.
    instance->instanceProfile = profile->name;
    instance->associationId = newAssociationId(account);
    ctx.resources.push_back(account.instanceProfileArn(*profile));
    ctx.result.response = {{"IamInstanceProfileAssociation", associationJson(account, *instance, "associating")}};
    notifyInstance(account, instance->id);
}

void disassociateIamInstanceProfile(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto associationId = ctx.required("AssociationId");
    if (!associationId)
        return;
    Ec2Instance *instance = findByAssociation(account, *associationId);
    if (!instance) {
        failAssociationNotFound(ctx, *associationId);
        return;
    }
    if (!ctx.authorize("ec2:DisassociateIamInstanceProfile", account.instanceArn(*instance),
                       instanceContext(account, instance)))
        return;
    ctx.resources.push_back(profileArnByName(account, instance->instanceProfile));
    ctx.result.response = {{"IamInstanceProfileAssociation", associationJson(account, *instance, "disassociating")}};
    instance->instanceProfile.clear();
    instance->associationId.clear();
    notifyInstance(account, instance->id);
}

std::optional<std::vector<std::string>> associationFilterValues(const Ec2Instance &instance, const std::string &name)
{
    if (name == "instance-id")
        return std::vector<std::string>{instance.id};
    if (name == "state")
        return std::vector<std::string>{"associated"};
    return std::nullopt;
}

void describeIamInstanceProfileAssociations(CallContext &ctx)
{
    Account &account = ctx.account;
    const std::vector<std::string> ids = ctx.strings("AssociationIds");
    const auto filters = readFilters(ctx, Ec2Instance(), associationFilterValues);
    if (!filters)
        return;
    if (!ctx.authorize("ec2:DescribeIamInstanceProfileAssociations", "*"))
        return;
    for (const std::string &id : ids) {
        if (!findByAssociation(account, id)) {
            failAssociationNotFound(ctx, id);
            return;
        }
    }
    json associations = json::array();
    for (const Ec2Instance &instance : account.instances()) {
        if (instance.associationId.empty())
            continue;
        if (!ids.empty() && std::find(ids.begin(), ids.end(), instance.associationId) == ids.end())
            continue;
        if (!matchesFilters(*filters, instance, associationFilterValues))
            continue;
        associations.push_back(associationJson(account, instance, "associated"));
    }
    ctx.result.response = {{"IamInstanceProfileAssociations", std::move(associations)}};
}

} // namespace

void registerEc2Operations(OperationTable &table)
{
    table.emplace("ec2:RunInstances", runInstances);
    table.emplace("ec2:DescribeInstances", describeInstances);
    table.emplace("ec2:StartInstances", [](CallContext &ctx) {
        changeStates(ctx, "ec2:StartInstances", "StartingInstances", startTransition);
    });
    table.emplace("ec2:StopInstances", [](CallContext &ctx) {
        changeStates(ctx, "ec2:StopInstances", "StoppingInstances", stopTransition);
    });
    table.emplace("ec2:TerminateInstances", [](CallContext &ctx) {
        changeStates(ctx, "ec2:TerminateInstances", "TerminatingInstances", terminateTransition);
    });
    table.emplace("ec2:AssociateIamInstanceProfile", associateIamInstanceProfile);
    table.emplace("ec2:ReplaceIamInstanceProfileAssociation", replaceIamInstanceProfileAssociation);
    table.emplace("ec2:DisassociateIamInstanceProfile", disassociateIamInstanceProfile);
    table.emplace("ec2:DescribeIamInstanceProfileAssociations", describeIamInstanceProfileAssociations);
}

std::optional<CallerIdentity> instanceSession(const Account &account, std::string_view instanceId)
{
    const Ec2Instance *instance = account.findInstance(instanceId);
    if (!instance || instance->state != "running" || instance->instanceProfile.empty())
        return std::nullopt;
    const InstanceProfile *profile = account.findInstanceProfile(instance->instanceProfile);
    if (!profile || profile->role.empty())
        return std::nullopt;
    const Role *role = account.findRole(profile->role);
    if (!role)
        return std::nullopt;
    // EC2 assumes the role as the service principal: only the trust policy decides.
    PolicySet policies;
    policies.resource = account.compiled(role->trustPolicy, "role/" + role->name + " trust policy", PolicyType::Trust);
    if (!policies.resource)
        return std::nullopt;
    const std::string roleArn = account.roleArn(*role);
    const RequestContext context;
    const Request request{kEc2Principal, "sts:AssumeRole", roleArn, account.accountId(), &context};
    if (evaluate(policies, request).outcome != Outcome::Allowed)
        return std::nullopt;
    return CallerIdentity::instance(role->name, instance->id);
}

} // namespace iam
