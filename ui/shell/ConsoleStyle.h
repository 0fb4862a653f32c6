#pragma once

// The console's look: Qt's Fusion style with a palette and a style sheet that echo
// the AWS console (the dark header bar, orange primary buttons, blue links, the
// red / green flash) while every widget stays a native Qt one. Light by default;
// the dark palette follows the console's dark mode.
//
// A button becomes the page's primary (orange) one with markPrimary(button).

class QAbstractButton;
class QApplication;

namespace ConsoleStyle {

void apply(QApplication &app, bool dark);
bool isDark();
void markPrimary(QAbstractButton *button);

} // namespace ConsoleStyle
