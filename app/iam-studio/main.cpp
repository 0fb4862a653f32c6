// iam-studio: the console. On a display it opens the main window on the
// walkthrough's account (or the workspace named on the command line).

#include "Catalogs.h"
#include "ConsoleStyle.h"
#include "MainWindow.h"
#include "WorkspaceDocument.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    ConsoleStyle::apply(app, false);
    WorkspaceDocument document(Catalogs::bundled());
    MainWindow window(document);
    if (!parser.positionalArguments().isEmpty())
        window.openWorkspace(parser.positionalArguments().constFirst());
    window.show();
    return app.exec();
}
