// iam-studio: the console. On a display it opens the main window on the
// walkthrough's account (or the workspace named on the command line);
// --walkthrough DIR plays the PassRole walkthrough through the widgets (with no
// display, on the offscreen platform: the headless run of `./dev.sh run`).

#include "Catalogs.h"
#include "ConsoleStyle.h"
#include "MainWindow.h"
#include "Navigation.h"
#include "WalkthroughRunner.h"
#include "WorkspaceDocument.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QHash>
#include <QTimer>

#include <iostream>

namespace {

// The offscreen platform says so each time a window is shown; in the headless
// walkthrough's output that would bury the steps.
void dropPlatformChatter(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    std::cerr << qPrintable(qFormatLogMessage(type, context, message)) << std::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("IAM Studio"));
    QApplication::setOrganizationName(QStringLiteral("IAM Studio"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A desktop IAM console over an embedded IAM policy engine."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("A workspace file to open."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Show the window, save a picture of it to <file> and quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QStringLiteral("Open on <page>: dashboard, users, groups, roles, policies, instances, buckets."),
                                  QStringLiteral("page"));
    const QCommandLineOption walkthrough(QStringLiteral("walkthrough"),
                                         QStringLiteral("Play the PassRole walkthrough through the console, saving a screenshot per step in <dir>; exit 0 when every step ends as the seed says."),
                                         QStringLiteral("dir"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark palette."));
    parser.addOptions({screenshot, page, dark, walkthrough});
    parser.process(app);

    ConsoleStyle::apply(app, parser.isSet(dark));
    WorkspaceDocument document(Catalogs::bundled());
    MainWindow window(document);
    if (!parser.positionalArguments().isEmpty())
        window.openWorkspace(parser.positionalArguments().constFirst());
    const QHash<QString, ConsoleLocation::Page> pages = {
        {QStringLiteral("dashboard"), ConsoleLocation::Page::Dashboard}, {QStringLiteral("users"), ConsoleLocation::Page::Users},
        {QStringLiteral("groups"), ConsoleLocation::Page::Groups},       {QStringLiteral("roles"), ConsoleLocation::Page::Roles},
        {QStringLiteral("policies"), ConsoleLocation::Page::Policies},   {QStringLiteral("instances"), ConsoleLocation::Page::Instances},
        {QStringLiteral("buckets"), ConsoleLocation::Page::Buckets}};
    if (parser.isSet(page))
        window.navigation().go(pages.value(parser.value(page), ConsoleLocation::Page::Dashboard));
    if (parser.isSet(walkthrough)) {
        qInstallMessageHandler(dropPlatformChatter);
        WalkthroughRunner runner(window, document, std::cout);
        return runner.run(parser.value(walkthrough)) ? 0 : 1;
    }
    window.show();
    if (parser.isSet(screenshot)) {
        window.resize(1280, 800);
        QTimer::singleShot(300, &window, [&] {
            const bool saved = window.grab().save(parser.value(screenshot));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
