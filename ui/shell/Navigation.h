#pragma once

// The one way pages move the console: a page asks for a location (a role's name
// clicked in a table, "Create role") and the main window goes there. Pages never
// know each other.

#include "ConsoleLocation.h"

#include <QObject>

class Navigation : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void go(const ConsoleLocation &location) { emit requested(location); }
    void go(ConsoleLocation::Page page, const QString &key = {}) { go(ConsoleLocation{page, key}); }
    // The wizards, opened over the current page.
    void createRole() { emit createRoleRequested(); }
    void createPolicy() { emit createPolicyRequested(); }

signals:
    void requested(const ConsoleLocation &location);
    void createRoleRequested();
    void createPolicyRequested();
};
