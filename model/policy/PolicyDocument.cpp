#include "PolicyDocument.h"

namespace iam {

const char *policyTypeName(PolicyType type)
{
    switch (type) {
    case PolicyType::Identity: return "IDENTITY_POLICY";
    case PolicyType::Resource: return "RESOURCE_POLICY";
    case PolicyType::Trust: return "TRUST_POLICY";
    case PolicyType::PermissionsBoundary: return "PERMISSIONS_BOUNDARY_POLICY";
    case PolicyType::Session: return "SESSION_POLICY";
    case PolicyType::ServiceControl: return "SERVICE_CONTROL_POLICY";
    case PolicyType::ResourceControl: return "RESOURCE_CONTROL_POLICY";
    }
    return "IDENTITY_POLICY";
}

} // namespace iam
