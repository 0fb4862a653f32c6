#include "PageFactory.h"

#include "BucketDetailPage.h"
#include "BucketObjectPage.h"
#include "BucketsPage.h"
#include "DashboardPage.h"
#include "GroupDetailPage.h"
#include "GroupsPage.h"
#include "InstanceDetailPage.h"
#include "InstancesPage.h"
#include "PoliciesPage.h"
#include "PolicyDetailPage.h"
#include "RoleDetailPage.h"
#include "RolesPage.h"
#include "UserDetailPage.h"
#include "UsersPage.h"

ConsolePage *createPage(const ConsoleLocation &location, WorkspaceDocument &document, Navigation &navigation,
                        QWidget *parent)
{
    using Page = ConsoleLocation::Page;
    switch (location.page) {
    case Page::Dashboard: return new DashboardPage(document, navigation, parent);
    case Page::Users: return new UsersPage(document, navigation, parent);
    case Page::Groups: return new GroupsPage(document, navigation, parent);
    case Page::Roles: return new RolesPage(document, navigation, parent);
    case Page::Policies: return new PoliciesPage(document, navigation, parent);
    // Detail pages only for what exists: the main window falls back to the list.
    case Page::User:
        return UserDetailPage::exists(document, location.key)
                   ? new UserDetailPage(document, navigation, location.key, parent)
                   : nullptr;
    case Page::Group:
        return GroupDetailPage::exists(document, location.key)
                   ? new GroupDetailPage(document, navigation, location.key, parent)
                   : nullptr;
    case Page::Role:
        return RoleDetailPage::exists(document, location.key)
                   ? new RoleDetailPage(document, navigation, location.key, parent)
                   : nullptr;
    case Page::Policy:
        return PolicyDetailPage::exists(document, location.key)
                   ? new PolicyDetailPage(document, navigation, location.key, parent)
                   : nullptr;
    case Page::Instances: return new InstancesPage(document, navigation, parent);
    case Page::Instance:
        return InstanceDetailPage::exists(document, location.key)
                   ? new InstanceDetailPage(document, navigation, location.key, parent)
                   : nullptr;
    case Page::Buckets: return new BucketsPage(document, navigation, parent);
    case Page::Bucket:
        return BucketDetailPage::exists(document, location.key)
                   ? new BucketDetailPage(document, navigation, location.key, parent)
                   : nullptr;
    case Page::BucketObject:
        return BucketObjectPage::exists(document, location.key)
                   ? new BucketObjectPage(document, navigation, location.key, parent)
                   : nullptr;
    }
    return nullptr;
}
