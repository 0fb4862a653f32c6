#include "Catalogs.h"

#include "CatalogAwsManagedPolicies.h"
#include "ManagedPolicyCatalog.h"
#include "ResourcePaths.h"
#include "ServiceCatalog.h"

const Catalogs &Catalogs::bundled()
{
    static const Catalogs catalogs = [] {
        Catalogs c;
        static const auto services = iam::ServiceCatalog::load(iam::catalogFile("services.json"));
        if (services.ok())
            c.services = services.catalog.get();
        else
            c.error = QString::fromStdString(iam::formatDiagnostic(services.error));
        static const auto managed = iam::ManagedPolicyCatalog::load(iam::catalogFile("managed-policies.json"));
        if (managed.ok()) {
            c.managedPolicies = managed.catalog.get();
            static const iam::CatalogAwsManagedPolicies awsManaged(*managed.catalog);
            c.awsManaged = &awsManaged;
        } else if (c.error.isEmpty()) {
            c.error = QString::fromStdString(iam::formatDiagnostic(managed.error));
        }
        return c;
    }();
    return catalogs;
}
