#pragma once

// The PassRole walkthrough (../shared/seed, DESIGN.md "The PassRole walkthrough")
// played through the real widgets: the main window, the Create role and Create
// policy wizards, the user's Add permissions dialog, EC2's Modify IAM role and
// the terminal, as a learner would click and type them. It also shows the
// counter-example: without the PassRole statement Modify IAM role is refused. It prints each step, the API calls it made with their decisions, saves a
// picture per step, and checks that each step ended as the seed says.
//
//   WalkthroughRunner runner(window, document, std::cout);
//   const bool ok = runner.run("screenshots");   // true: every step as the seed says
//
// The headless run of `./dev.sh run` (no display: the offscreen platform) and a
// GUI test use it; it needs a running QApplication.

#include <QDialog>
#include <QPointer>
#include <QString>

#include <functional>
#include <ostream>

class MainWindow;
class QWidget;
struct TerminalEntry;
class WorkspaceDocument;

class WalkthroughRunner
{
public:
    WalkthroughRunner(MainWindow &window, WorkspaceDocument &document, std::ostream &out);

    // Saves screenshots into `directory` (created if missing) unless it is empty.
    bool run(const QString &directory);

private:
    bool createRole();
    bool createPolicy();
    bool attachPolicyToUser();
    bool labUserIsRefusedCreateRole();
    bool checkDecisions();
    bool modifyIamRoleWithoutPassRole();
    bool modifyIamRole();
    bool listBucketsOnTheInstance();
    bool listBucketsOnTheLaptop();

    // Opens Modify IAM role on the lab instance, picks S3Access and presses
    // Update IAM role; the dialog (null once it has closed, or if it never opened).
    QPointer<QDialog> updateInstanceRole();
    // Types `command` into the terminal on `context` (a TerminalContexts key) and
    // presses Enter; what it ran.
    const TerminalEntry &runInTerminal(const QString &context, const QString &command);

    // One step: its title, then what the action did.
    void beginStep(const QString &title);
    bool endStep(bool ok, const QString &failure = {});
    void shoot(QWidget *widget, const QString &name);
    // Spins the event loop until `condition` holds or `ms` pass.
    static bool waitFor(const std::function<bool()> &condition, int ms = 3000);

    MainWindow &m_window;
    WorkspaceDocument &m_document;
    std::ostream &m_out;
    QString m_directory;
    int m_step = 0;
    std::size_t m_eventsSeen = 0;
};
