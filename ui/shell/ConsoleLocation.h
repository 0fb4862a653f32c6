#pragma once

// Where the console is: a page and, for a detail page, the entity's key (a user's
// or role's name, a policy's ARN). The navigator, breadcrumbs, links in tables and
// Back/Forward all speak in locations.

#include <QString>

struct ConsoleLocation
{
    enum class Page { Dashboard, Users, Groups, Roles, Policies, User, Group, Role, Policy };

    Page page = Page::Dashboard;
    QString key;

    friend bool operator==(const ConsoleLocation &, const ConsoleLocation &) = default;
};
