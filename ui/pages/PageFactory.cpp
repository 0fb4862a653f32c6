#include "PageFactory.h"

#include "DashboardPage.h"

ConsolePage *createPage(const ConsoleLocation &location, WorkspaceDocument &document, Navigation &navigation,
                        QWidget *parent)
{
    using Page = ConsoleLocation::Page;
    switch (location.page) {
    case Page::Dashboard: return new DashboardPage(document, navigation, parent);
    case Page::Users:
    case Page::Groups:
    case Page::Roles:
    case Page::Policies:
    case Page::User:
    case Page::Group:
    case Page::Role:
    case Page::Policy:
        return new DashboardPage(document, navigation, parent);   // TODO(pages): replaced as the IAM pages land
    }
    return nullptr;
}
