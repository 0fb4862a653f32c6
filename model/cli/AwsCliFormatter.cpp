#include "AwsCliFormatter.h"

#include "AwsCliTable.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <set>
#include <vector>

namespace iam {

using ordered_json = nlohmann::ordered_json;

namespace {

// Members of the structures the terminal prints, in the order of their service
// model (botocore's data/<service>/<version>/service-2.json). An object takes the
// order of the shape it shares most members with; members no shape names follow,
// sorted.
const std::vector<std::vector<std::string_view>> &shapes()
{
    static const std::vector<std::vector<std::string_view>> list = {
        {"UserId", "Account", "Arn"},
        {"Buckets", "Owner", "ContinuationToken", "Prefix"},
        {"Name", "CreationDate", "BucketRegion"},
        {"DisplayName", "ID"},
        {"IsTruncated", "Contents", "Name", "Prefix", "Delimiter", "MaxKeys", "CommonPrefixes", "EncodingType",
         "KeyCount", "ContinuationToken", "NextContinuationToken", "StartAfter"},
        {"Key", "LastModified", "ETag", "Size", "StorageClass", "Owner"},
        {"AcceptRanges", "LastModified", "ContentLength", "ETag", "ContentType", "Body"},
        {"Path", "RoleName", "RoleId", "Arn", "CreateDate", "AssumeRolePolicyDocument", "Description",
         "MaxSessionDuration", "PermissionsBoundary", "Tags", "RoleLastUsed"},
        {"Path", "UserName", "UserId", "Arn", "CreateDate", "PasswordLastUsed", "PermissionsBoundary", "Tags"},
        {"LastUsedDate", "Region"},
        {"PermissionsBoundaryType", "PermissionsBoundaryArn"},
        {"Roles", "IsTruncated", "Marker"},
        {"AttachedPolicies", "IsTruncated", "Marker"},
        {"PolicyName", "PolicyArn"},
        {"InstanceProfiles", "IsTruncated", "Marker"},
        {"Path", "InstanceProfileName", "InstanceProfileId", "Arn", "CreateDate", "Roles", "Tags"},
        {"Key", "Value"},
        {"Version", "Id", "Statement"},
        {"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"},
        {"Reservations", "NextToken"},
        {"Groups", "Instances", "OwnerId", "RequesterId", "ReservationId"},
        {"AmiLaunchIndex", "ImageId", "InstanceId", "InstanceType", "KernelId", "KeyName", "LaunchTime", "Monitoring",
         "Placement", "Platform", "PrivateDnsName", "PrivateIpAddress", "ProductCodes", "PublicDnsName",
         "PublicIpAddress", "RamdiskId", "State", "StateTransitionReason", "SubnetId", "VpcId", "Architecture",
         "BlockDeviceMappings", "ClientToken", "EbsOptimized", "EnaSupport", "Hypervisor", "IamInstanceProfile",
         "InstanceLifecycle", "NetworkInterfaces", "RootDeviceName", "RootDeviceType", "SecurityGroups", "Tags"},
        {"AvailabilityZone", "GroupName", "Tenancy"},
        {"Code", "Name"},
        {"Arn", "Id"},
        {"IamInstanceProfileAssociations", "NextToken"},
        {"AssociationId", "InstanceId", "IamInstanceProfile", "State", "Timestamp"},
        {"InstanceId", "CurrentState", "PreviousState"},
        {"EvaluationResults", "IsTruncated", "Marker"},
        {"EvalActionName", "EvalResourceName", "EvalDecision", "MatchedStatements", "MissingContextValues",
         "OrganizationsDecisionDetail", "PermissionsBoundaryDecisionDetail", "EvalDecisionDetails",
         "ResourceSpecificResults"},
        {"SourcePolicyId", "SourcePolicyType", "StartPosition", "EndPosition"},
        {"Line", "Column"},
    };
    return list;
}

// Timestamp members of those shapes.
bool isTimestamp(std::string_view key)
{
    static const std::set<std::string_view> keys = {"CreationDate", "CreateDate",   "LastModified",
                                                    "LaunchTime",   "LastUsedDate", "UpdateDate",
                                                    "Expiration",   "Timestamp",    "PasswordLastUsed"};
    return keys.contains(key);
}

// "2024-04-30T16:20:00Z" (or with fractional seconds) -> "2024-04-30T16:20:00+00:00".
std::string isoTimestamp(const std::string &value)
{
    if (value.size() < 20 || value.back() != 'Z' || value[10] != 'T')
        return value;
    return value.substr(0, 19) + "+00:00";
}

ordered_json presentValue(const nlohmann::json &value)
{
    if (value.is_array()) {
        ordered_json list = ordered_json::array();
        for (const nlohmann::json &item : value)
            list.push_back(presentValue(item));
        return list;
    }
    if (!value.is_object())
        return ordered_json(value);

    const std::vector<std::string_view> *best = nullptr;
    std::size_t bestScore = 0;
    for (const auto &shape : shapes()) {
        const std::size_t score = std::count_if(shape.begin(), shape.end(),
                                                [&](std::string_view key) { return value.contains(key); });
        if (score > bestScore) {
            best = &shape;
            bestScore = score;
        }
    }
    std::vector<std::string> keys;
    for (const auto &[key, member] : value.items())
        keys.push_back(key);
    const auto rank = [&](const std::string &key) {
        if (!best)
            return std::size_t(-1);
        const auto at = std::find(best->begin(), best->end(), key);
        return at == best->end() ? std::size_t(-1) : std::size_t(at - best->begin());
    };
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string &a, const std::string &b) {
        return std::pair(rank(a), a) < std::pair(rank(b), b);
    });
    ordered_json object = ordered_json::object();
    for (const std::string &key : keys) {
        const nlohmann::json &member = value.at(key);
        if (isTimestamp(key) && member.is_string())
            object[key] = isoTimestamp(member.get<std::string>());
        else
            object[key] = presentValue(member);
    }
    return object;
}

// ---------------------------------------------------------------- text

void formatText(const ordered_json &item, std::string &out, const std::string *identifier,
                const std::vector<std::string> *scalarKeys);

std::string upper(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

void formatScalarList(const std::vector<const ordered_json *> &elements, std::string &out,
                      const std::string *identifier)
{
    if (identifier) {
        for (const ordered_json *element : elements)
            out += upper(*identifier) + "\t" + AwsCliFormatter::scalarText(*element) + "\n";
        return;
    }
    for (std::size_t i = 0; i < elements.size(); ++i)
        out += (i ? "\t" : "") + AwsCliFormatter::scalarText(*elements[i]);
    out += "\n";
}

void formatList(const ordered_json &list, std::string &out, const std::string *identifier)
{
    if (list.empty())
        return;
    const bool anyObject = std::any_of(list.begin(), list.end(), [](const ordered_json &e) { return e.is_object(); });
    if (anyObject) {
        std::set<std::string> seen;
        for (const ordered_json &element : list) {
            if (!element.is_object())
                continue;
            for (const auto &[key, value] : element.items()) {
                if (AwsCliFormatter::isScalar(value))
                    seen.insert(key);
            }
        }
        const std::vector<std::string> allKeys(seen.begin(), seen.end());
        for (const ordered_json &element : list)
            formatText(element, out, identifier, &allKeys);
        return;
    }
    std::vector<const ordered_json *> scalars;
    std::vector<const ordered_json *> nonScalars;
    for (const ordered_json &element : list)
        (AwsCliFormatter::isScalar(element) ? scalars : nonScalars).push_back(&element);
    if (!scalars.empty())
        formatScalarList(scalars, out, identifier);
    for (const ordered_json *element : nonScalars)
        formatText(*element, out, identifier, nullptr);
}

void formatDict(const ordered_json &object, std::string &out, const std::string *identifier,
                const std::vector<std::string> *scalarKeys)
{
    std::vector<std::string> scalars;
    std::vector<std::string> nonScalarKeys;
    std::vector<std::string> keys;
    for (const auto &[key, value] : object.items())
        keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    if (!scalarKeys) {
        for (const std::string &key : keys) {
            if (AwsCliFormatter::isScalar(object.at(key)))
                scalars.push_back(AwsCliFormatter::scalarText(object.at(key)));
            else
                nonScalarKeys.push_back(key);
        }
    } else {
        for (const std::string &key : *scalarKeys)
            scalars.push_back(object.contains(key) ? AwsCliFormatter::scalarText(object.at(key)) : std::string());
        for (const std::string &key : keys) {
            if (std::find(scalarKeys->begin(), scalarKeys->end(), key) == scalarKeys->end())
                nonScalarKeys.push_back(key);
        }
    }
    if (!scalars.empty()) {
        if (identifier)
            scalars.insert(scalars.begin(), upper(*identifier));
        for (std::size_t i = 0; i < scalars.size(); ++i)
            out += (i ? "\t" : "") + scalars[i];
        out += "\n";
    }
    for (const std::string &key : nonScalarKeys)
        formatText(object.at(key), out, &key, nullptr);
}

void formatText(const ordered_json &item, std::string &out, const std::string *identifier,
                const std::vector<std::string> *scalarKeys)
{
    if (item.is_object())
        formatDict(item, out, identifier, scalarKeys);
    else if (item.is_array())
        formatList(item, out, identifier);
    else
        out += AwsCliFormatter::scalarText(item) + "\n";
}

} // namespace

ordered_json AwsCliFormatter::present(const nlohmann::json &response)
{
    return presentValue(response);
}

std::string AwsCliFormatter::scalarText(const ordered_json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_boolean())
        return value.get<bool>() ? "True" : "False";
    if (value.is_null())
        return "None";
    return value.dump();
}

std::string AwsCliFormatter::json(const ordered_json &value)
{
    // An operation without a response body (an empty structure) prints nothing;
    // anything else, a null from --query included, is printed.
    if (value.is_object() && value.empty())
        return {};
    return value.dump(4, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string AwsCliFormatter::text(const ordered_json &value)
{
    std::string out;
    formatText(value, out, nullptr, nullptr);
    return out;
}

std::string AwsCliFormatter::table(std::string_view title, const ordered_json &value)
{
    return AwsCliTable::render(title, value);
}

} // namespace iam
