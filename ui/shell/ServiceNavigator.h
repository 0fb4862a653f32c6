#pragma once

// The console's left-hand navigation: IAM's pages (Dashboard; Access management:
// User groups, Users, Roles, Policies), EC2's Instances and S3's buckets. Clicking one asks Navigation to go there;
// the entry of the page in view stays selected (a role's page selects Roles).

#include "ConsoleLocation.h"

#include <QTreeWidget>

class Navigation;

class ServiceNavigator : public QTreeWidget
{
    Q_OBJECT

public:
    explicit ServiceNavigator(Navigation &navigation, QWidget *parent = nullptr);

    void showLocation(const ConsoleLocation &location);

private:
    QTreeWidgetItem *addHeading(QTreeWidgetItem *parent, const QString &text);   // bold, not a page
    QTreeWidgetItem *addEntry(QTreeWidgetItem *parent, const QString &text, ConsoleLocation::Page page);

    Navigation &m_navigation;
};
