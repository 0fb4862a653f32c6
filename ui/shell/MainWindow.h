#pragma once

// The console's window: the dark header with the identity switcher, the service
// navigator, breadcrumbs over the page in view, and a status bar with the account
// and the caller. File (New, Open, Save, Save As, recent files), Edit (Undo, Redo
// in the console's words), View (Back, Forward, Terminal, dark mode), Go (the IAM,
// EC2 and S3 pages); the terminal docked below the page.
//
// Questions a user must answer (unsaved changes, which file) go through two seams
// that a test pre-answers instead of clicking through a modal box.

#include "ConsoleLocation.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>

class Breadcrumbs;
class ConsolePage;
class HeaderBar;
class Navigation;
class QLabel;
class QMenu;
class QStackedWidget;
class ServiceNavigator;
class TerminalDock;
class WorkspaceDocument;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Save, Discard or Cancel, for the file named.
    using UnsavedPrompt = std::function<QMessageBox::StandardButton(const QString &fileName)>;
    // A path to open (save == false) or save to; empty: cancelled.
    using FileChooser = std::function<QString(bool save, const QString &suggested)>;

    explicit MainWindow(WorkspaceDocument &document, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setUnsavedPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }
    void setFileChooser(FileChooser chooser) { m_fileChooser = std::move(chooser); }

    Navigation &navigation() const { return *m_navigation; }
    ConsolePage *currentPage() const { return m_page; }
    const ConsoleLocation &location() const { return m_location; }
    Breadcrumbs *breadcrumbs() const { return m_breadcrumbs; }
    TerminalDock *terminal() const { return m_terminal; }

    // File actions, also for tests and the headless walkthrough. Each returns false
    // when the user cancelled or the file could not be read or written (the reason
    // is shown in the page's flash).
    bool newWorkspace();
    bool openWorkspace(const QString &path = {});
    bool save();
    bool saveAs(const QString &path = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void connectSignals();
    void readSettings();
    void writeSettings() const;

    void goTo(const ConsoleLocation &location, bool record = true);
    void back();
    void forward();
    void openCreateRoleWizard();
    void openCreatePolicyWizard();
    void updateTitle();
    void updateStatus();
    void updateRecentFilesMenu();
    void addRecentFile(const QString &path);
    bool maybeSave();
    void showFileError(const QString &title, const QString &error);

    WorkspaceDocument &m_document;
    Navigation *m_navigation = nullptr;
    HeaderBar *m_header = nullptr;
    ServiceNavigator *m_navigator = nullptr;
    Breadcrumbs *m_breadcrumbs = nullptr;
    QStackedWidget *m_pages = nullptr;
    ConsolePage *m_page = nullptr;
    QLabel *m_statusAccount = nullptr;
    QLabel *m_statusIdentity = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    TerminalDock *m_terminal = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_darkAction = nullptr;
    QList<QAction *> m_goActions;

    ConsoleLocation m_location;
    QList<ConsoleLocation> m_backStack;
    QList<ConsoleLocation> m_forwardStack;
    QStringList m_recentFiles;
    UnsavedPrompt m_unsavedPrompt;
    FileChooser m_fileChooser;
};
