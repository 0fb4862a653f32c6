#include "ConsoleStyle.h"

#include <QAbstractButton>
#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace ConsoleStyle {

namespace {

bool g_dark = false;

// The AWS console's colours (its "squid ink" header, orange actions, blue links).
struct Colours
{
    const char *window, *base, *alternate, *text, *muted, *border, *link, *header, *headerText, *nav;
};

constexpr Colours kLight{"#f2f3f3", "#ffffff", "#fafafa", "#16191f", "#545b64", "#d5dbdb",
                         "#0073bb", "#232f3e", "#ffffff", "#ffffff"};
constexpr Colours kDark{"#16191f", "#1a2029", "#222b35", "#d1d5db", "#95a5a6", "#414d5c",
                        "#44b9d6", "#0f1b2a", "#ffffff", "#1a2029"};

QPalette palette(const Colours &c)
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(c.window));
    p.setColor(QPalette::Base, QColor(c.base));
    p.setColor(QPalette::AlternateBase, QColor(c.alternate));
    p.setColor(QPalette::Text, QColor(c.text));
    p.setColor(QPalette::WindowText, QColor(c.text));
    p.setColor(QPalette::ButtonText, QColor(c.text));
    p.setColor(QPalette::Button, QColor(c.base));
    p.setColor(QPalette::PlaceholderText, QColor(c.muted));
    p.setColor(QPalette::Link, QColor(c.link));
    p.setColor(QPalette::Highlight, QColor(g_dark ? "#0f4c75" : "#f1faff"));
    p.setColor(QPalette::HighlightedText, QColor(c.text));
    p.setColor(QPalette::ToolTipBase, QColor(c.header));
    p.setColor(QPalette::ToolTipText, QColor(c.headerText));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(c.muted));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(c.muted));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(c.muted));
    return p;
}

QString styleSheet(const Colours &c)
{
    QString sheet = QStringLiteral(R"(
#consoleHeader { background: %header; }
#consoleHeader QLabel { color: %headerText; }
#consoleHeader #productName { font-weight: bold; font-size: 15px; }
#consoleHeader QComboBox { color: %headerText; background: transparent; border: 1px solid #545b64; padding: 2px 8px; }
#serviceNavigator { background: %nav; border: none; border-right: 1px solid %border; }
#pageHeading { font-size: 20px; font-weight: bold; }
#pageSubtitle, .muted { color: %muted; }
#breadcrumbs { color: %muted; }
#breadcrumbs a { color: %link; }
QPushButton { border: 1px solid %muted; border-radius: 2px; padding: 4px 14px; background: %base; font-weight: bold; }
QPushButton:hover { background: %alternate; }
QPushButton:disabled { color: %muted; border-color: %border; }
QPushButton[primary="true"] { background: #ec7211; border-color: #ec7211; color: #ffffff; }
QPushButton[primary="true"]:hover { background: #eb5f07; border-color: #eb5f07; }
QPushButton[primary="true"]:disabled { background: %border; border-color: %border; color: %muted; }
QTableView, QTreeView, QListView { border: 1px solid %border; gridline-color: %border; }
QHeaderView::section { background: %alternate; border: none; border-bottom: 1px solid %border; padding: 6px; font-weight: bold; }
QTabBar::tab { padding: 6px 16px; border: none; border-bottom: 3px solid transparent; }
QTabBar::tab:selected { border-bottom: 3px solid #ec7211; font-weight: bold; }
#messageBar { border-radius: 2px; }
#messageBar[kind="error"] { background: #fdf3f1; border: 1px solid #d13212; }
#messageBar[kind="success"] { background: #f2f8f0; border: 1px solid #1d8102; }
#messageBar[kind="info"] { background: #f1faff; border: 1px solid #0073bb; }
#messageBar QLabel { color: #16191f; }
#messageTitle { font-weight: bold; }
)");
    const std::pair<const char *, const char *> names[] = {
        {"%headerText", c.headerText}, {"%header", c.header}, {"%alternate", c.alternate}, {"%base", c.base},
        {"%muted", c.muted},           {"%border", c.border}, {"%link", c.link},           {"%nav", c.nav},
    };
    for (const auto &[name, value] : names)
        sheet.replace(QLatin1String(name), QLatin1String(value));
    return sheet;
}

} // namespace

void apply(QApplication &app, bool dark)
{
    g_dark = dark;
    const Colours &colours = dark ? kDark : kLight;
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(palette(colours));
    app.setStyleSheet(styleSheet(colours));
}

bool isDark()
{
    return g_dark;
}

void markPrimary(QAbstractButton *button)
{
    button->setProperty("primary", true);
    // Style sheets match dynamic properties at polish time; QWizard polishes its
    // buttons when it creates them, before a wizard can mark them.
    button->style()->unpolish(button);
    button->style()->polish(button);
}

} // namespace ConsoleStyle
