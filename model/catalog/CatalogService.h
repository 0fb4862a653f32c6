#pragma once

// One service of the Service Authorization Reference as ServiceCatalog holds it:
// its actions, resource types and condition keys, spelled as AWS spells them. Plain
// data for the visual editor and the validator; ServiceCatalog keeps the indexes.

#include "AccessLevel.h"

#include <string>
#include <vector>

namespace iam {

struct CatalogConditionKey
{
    std::string name;          // "s3:prefix", "aws:RequestTag/${TagKey}"
    std::string type;          // "String", "ArrayOfString", "ARN", "Bool", "Numeric", "Date", ...
    std::string description;   // "Filters access by ..."
    std::string category;      // global keys only: "principal", "session", "network", "resource", "request"
};

struct CatalogResourceType
{
    std::string name;          // "object"
    std::string arnFormat;     // "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
    std::vector<std::string> conditionKeys;
};

// A resource type as one action takes it (a row of the reference's action table).
struct CatalogActionResource
{
    std::string name;          // a CatalogResourceType of the same service
    bool required = false;     // the reference's asterisk
    std::vector<std::string> conditionKeys;
    std::vector<std::string> dependentActions;
};

struct CatalogAction
{
    std::string name;          // "GetObject", without the service prefix
    AccessLevel accessLevel = AccessLevel::Write;
    std::string description;
    // Empty when the action takes only `*` as its resource.
    std::vector<CatalogActionResource> resourceTypes;
    std::vector<std::string> conditionKeys;
    std::vector<std::string> dependentActions;
};

struct CatalogService
{
    std::string prefix;        // "s3"
    std::string name;          // "Amazon S3"
    // Each list sorted by name as spelled (byte order).
    std::vector<CatalogAction> actions;
    std::vector<CatalogResourceType> resourceTypes;
    std::vector<CatalogConditionKey> conditionKeys;
};

} // namespace iam
