#pragma once

// The reference data the console works with: the service authorization reference
// (actions, access levels, ARN formats, condition keys) and the AWS-managed
// policies. Loaded once from resources/catalog/ and shared read-only.
//
//   const Catalogs &catalogs = Catalogs::bundled();
//   if (!catalogs.error.isEmpty()) ...   // "services.json:1:1: error: ..."
//   catalogs.services->expandActionPattern("s3:Get*");
//
// Either pointer may be null when its file cannot be read; every user copes
// (no catalog: no action expansion, no unknown-action findings, no AWS-managed policies).

#include <QString>

namespace iam {
class AwsManagedPolicies;
class ManagedPolicyCatalog;
class ServiceCatalog;
}

struct Catalogs
{
    const iam::ServiceCatalog *services = nullptr;
    const iam::ManagedPolicyCatalog *managedPolicies = nullptr;
    const iam::AwsManagedPolicies *awsManaged = nullptr;   // the account's view of managedPolicies
    QString error;                                          // why a file could not be read

    // Loaded on first use; thread-safe (a function-local static).
    static const Catalogs &bundled();
};
