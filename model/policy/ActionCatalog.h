#pragma once

// What the validator may ask of the service authorization reference. The engine
// knows no services itself; model/catalog implements this from AWS's published
// data, and tests can implement it with a handful of actions.

#include <string>
#include <string_view>
#include <vector>

namespace iam {

class ActionCatalog
{
public:
    virtual ~ActionCatalog() = default;

    // Service prefixes ("s3", "iam") and action names compare case-insensitively.
    virtual bool hasService(std::string_view servicePrefix) const = 0;
    virtual bool hasAction(std::string_view servicePrefix, std::string_view actionName) const = 0;
    // The catalog's spelling of the closest action names, best first (may be empty).
    virtual std::vector<std::string> suggestActions(std::string_view servicePrefix,
                                                    std::string_view actionName) const = 0;
    // Global keys (aws:...) and the service's own keys; case-insensitive. Keys with
    // a tag suffix ("aws:RequestTag/env") are matched against their template
    // ("aws:RequestTag/${TagKey}").
    virtual bool hasConditionKey(std::string_view key) const = 0;
    // The resource types an action accepts, e.g. s3:GetObject -> {"object"}; empty
    // when the action takes only "*" or is unknown.
    virtual std::vector<std::string> resourceTypesOf(std::string_view servicePrefix,
                                                     std::string_view actionName) const = 0;
    // Whether `arn` has the ARN format of the service's resource type `type`.
    virtual bool arnMatchesResourceType(std::string_view servicePrefix, std::string_view type,
                                        std::string_view arn) const = 0;
};

} // namespace iam
