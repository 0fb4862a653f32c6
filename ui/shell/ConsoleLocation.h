#pragma once

// Where the console is: a page and, for a detail page, the entity's key (a user's
// or role's name, a policy's ARN, an instance's id, a bucket's name; an object's
// is "bucket/key", split at the first slash since bucket names have none). The
// navigator, breadcrumbs, links in tables and Back/Forward all speak in locations.

#include <QString>

struct ConsoleLocation
{
    enum class Page {
        Dashboard, Users, Groups, Roles, Policies, User, Group, Role, Policy,   // IAM
        Instances, Instance,                                                     // EC2
        Buckets, Bucket, BucketObject                                            // S3
    };

    Page page = Page::Dashboard;
    QString key;

    // The list a detail page belongs to (a role's is Roles); a list page is its own.
    static constexpr Page listOf(Page page)
    {
        switch (page) {
        case Page::User: return Page::Users;
        case Page::Group: return Page::Groups;
        case Page::Role: return Page::Roles;
        case Page::Policy: return Page::Policies;
        case Page::Instance: return Page::Instances;
        case Page::Bucket:
        case Page::BucketObject: return Page::Buckets;
        default: return page;
        }
    }

    friend bool operator==(const ConsoleLocation &, const ConsoleLocation &) = default;
};
