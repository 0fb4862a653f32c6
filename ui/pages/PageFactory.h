#pragma once

// The page for a location: one place that knows every page class, so that the
// main window and the pages stay ignorant of each other.

#include "ConsoleLocation.h"

class ConsolePage;
class Navigation;
class QWidget;
class WorkspaceDocument;

// nullptr when the location names nothing (a role that no longer exists).
ConsolePage *createPage(const ConsoleLocation &location, WorkspaceDocument &document, Navigation &navigation,
                        QWidget *parent);
