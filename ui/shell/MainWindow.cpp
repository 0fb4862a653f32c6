#include "MainWindow.h"

#include "Breadcrumbs.h"
#include "ConsolePage.h"
#include "ConsoleStyle.h"
#include "CreatePolicyWizard.h"
#include "CreateRoleWizard.h"
#include "HeaderBar.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PageFactory.h"
#include "ServiceNavigator.h"
#include "TerminalDock.h"
#include "WorkspaceDocument.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

constexpr int kMaxRecentFiles = 8;
const char *const kFileFilter = QT_TRANSLATE_NOOP("MainWindow", "IAM Studio workspaces (*.iamstudio *.json);;All files (*)");

} // namespace

MainWindow::MainWindow(WorkspaceDocument &document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(document)
    , m_navigation(new Navigation(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_unsavedPrompt = [this](const QString &fileName) {
        return QMessageBox::warning(this, tr("IAM Studio"),
                                    tr("Do you want to save the changes you made to %1?").arg(fileName),
                                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
    m_fileChooser = [this](bool saving, const QString &suggested) {
        return saving ? QFileDialog::getSaveFileName(this, tr("Save workspace"), suggested, tr(kFileFilter))
                      : QFileDialog::getOpenFileName(this, tr("Open workspace"), suggested, tr(kFileFilter));
    };
    createActions();
    createMenus();
    createWidgets();
    connectSignals();
    readSettings();
    goTo({ConsoleLocation::Page::Dashboard, {}}, false);
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    using Page = ConsoleLocation::Page;
    m_newAction = new QAction(tr("&New Workspace"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Start over on the walkthrough's account"));
    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_saveAction = new QAction(tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAsAction = new QAction(tr("Save &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    // The stack's actions read "Undo Attach AmazonS3ReadOnlyAccess to S3Access".
    m_undoAction = m_document.undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document.undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);

    m_backAction = new QAction(tr("&Back"), this);
    m_backAction->setShortcut(QKeySequence::Back);
    m_forwardAction = new QAction(tr("&Forward"), this);
    m_forwardAction->setShortcut(QKeySequence::Forward);
    m_darkAction = new QAction(tr("&Dark Mode"), this);
    m_darkAction->setCheckable(true);

    const std::pair<QString, Page> pages[] = {{tr("&Dashboard"), Page::Dashboard}, {tr("User &groups"), Page::Groups},
                                              {tr("&Users"), Page::Users},         {tr("&Roles"), Page::Roles},
                                              {tr("&Policies"), Page::Policies},   {tr("&Instances"), Page::Instances},
                                              {tr("&Buckets"), Page::Buckets}};
    int key = Qt::Key_1;
    for (const auto &[text, page] : pages) {
        auto *action = new QAction(text, this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
        connect(action, &QAction::triggered, this, [this, page] { m_navigation->go(page); });
        m_goActions << action;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_backAction);
    m_viewMenu->addAction(m_forwardAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_darkAction);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions(m_goActions);
    go->addSeparator();
    go->addAction(tr("Create &role…"), this, [this] { m_navigation->createRole(); });
    go->addAction(tr("Create &policy…"), this, [this] { m_navigation->createPolicy(); });
}

void MainWindow::createWidgets()
{
    m_header = new HeaderBar(m_document, this);
    m_navigator = new ServiceNavigator(*m_navigation, this);
    m_navigator->setMinimumWidth(200);
    m_breadcrumbs = new Breadcrumbs(*m_navigation, this);
    m_pages = new QStackedWidget(this);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_pages);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 8, 0, 0);
    rightLayout->setSpacing(0);
    auto *crumbRow = new QHBoxLayout;
    crumbRow->setContentsMargins(24, 0, 24, 0);
    crumbRow->addWidget(m_breadcrumbs);
    rightLayout->addLayout(crumbRow);
    rightLayout->addWidget(scroll, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigator);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 980});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    // The terminal where `aws s3 ls` runs on the laptop or on an instance.
    m_terminal = new TerminalDock(m_document, this);
    m_terminal->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_terminal);
    resizeDocks({m_terminal}, {240}, Qt::Vertical);
    QAction *terminal = m_terminal->toggleViewAction();
    terminal->setText(tr("&Terminal"));
    terminal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_QuoteLeft));
    m_viewMenu->insertAction(m_darkAction, terminal);
    m_viewMenu->insertSeparator(m_darkAction);

    m_statusAccount = new QLabel(this);
    m_statusIdentity = new QLabel(this);
    m_statusIdentity->setObjectName(QStringLiteral("statusIdentity"));
    statusBar()->addWidget(m_statusAccount);
    statusBar()->addPermanentWidget(m_statusIdentity);
}

void MainWindow::connectSignals()
{
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newWorkspace);
    connect(m_openAction, &QAction::triggered, this, [this] { openWorkspace(); });
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_saveAsAction, &QAction::triggered, this, [this] { saveAs(); });
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_backAction, &QAction::triggered, this, &MainWindow::back);
    connect(m_forwardAction, &QAction::triggered, this, &MainWindow::forward);
    connect(m_darkAction, &QAction::toggled, this, [](bool dark) { ConsoleStyle::apply(*qApp, dark); });

    connect(m_navigation, &Navigation::requested, this, [this](const ConsoleLocation &location) { goTo(location); });
    connect(m_navigation, &Navigation::createRoleRequested, this, &MainWindow::openCreateRoleWizard);
    connect(m_navigation, &Navigation::createPolicyRequested, this, &MainWindow::openCreatePolicyWizard);

    connect(&m_document, &WorkspaceDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&m_document, &WorkspaceDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(&m_document, &WorkspaceDocument::signedInChanged, this, &MainWindow::updateStatus);
    connect(&m_document, &WorkspaceDocument::accountReplaced, this, [this] {
        updateStatus();
        m_backStack.clear();
        m_forwardStack.clear();
        goTo({ConsoleLocation::Page::Dashboard, {}}, false);
    });
    // A detail page whose entity went away (deleted, or undone) falls back to its list.
    connect(&m_document, &WorkspaceDocument::entityChanged, this, [this](const iam::AccountChange &change) {
        if (change.kind == iam::AccountChange::Kind::Removed && !m_location.key.isEmpty()
            && QString::fromStdString(change.name) == m_location.key)
            goTo(m_location, false);
    });
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_recentFiles = settings.value(QStringLiteral("recentFiles")).toStringList();
    m_darkAction->setChecked(settings.value(QStringLiteral("view/dark"), false).toBool());
    updateRecentFilesMenu();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("recentFiles"), m_recentFiles);
    settings.setValue(QStringLiteral("view/dark"), m_darkAction->isChecked());
}

void MainWindow::goTo(const ConsoleLocation &location, bool record)
{
    ConsolePage *page = createPage(location, m_document, *m_navigation, m_pages);
    if (!page) {
        // Gone (deleted, or undone): its list instead.
        const auto list = ConsoleLocation::listOf(location.page);
        page = createPage({list == location.page ? ConsoleLocation::Page::Dashboard : list, {}}, m_document,
                          *m_navigation, m_pages);
        if (!page)
            return;
    }
    if (record && !(location == m_location)) {
        m_backStack << m_location;
        m_forwardStack.clear();
    }
    m_location = location;
    if (m_page) {
        m_pages->removeWidget(m_page);
        m_page->deleteLater();
    }
    m_page = page;
    m_pages->addWidget(page);
    m_pages->setCurrentWidget(page);
    m_breadcrumbs->setCrumbs(page->crumbs());
    m_navigator->showLocation(location);
    m_backAction->setEnabled(!m_backStack.isEmpty());
    m_forwardAction->setEnabled(!m_forwardStack.isEmpty());
}

void MainWindow::back()
{
    if (m_backStack.isEmpty())
        return;
    m_forwardStack.prepend(m_location);
    goTo(m_backStack.takeLast(), false);
}

void MainWindow::forward()
{
    if (m_forwardStack.isEmpty())
        return;
    m_backStack << m_location;
    goTo(m_forwardStack.takeFirst(), false);
}

// The console lands on the list with a green flash naming what was created.
void MainWindow::openCreateRoleWizard()
{
    CreateRoleWizard *wizard = CreateRoleWizard::openFor(m_document, this);
    connect(wizard, &CreateRoleWizard::roleCreated, this, [this](const QString &name) {
        goTo({ConsoleLocation::Page::Roles, {}});
        m_page->messageBar()->showSuccess(tr("Role %1 created.").arg(name));
    });
}

void MainWindow::openCreatePolicyWizard()
{
    CreatePolicyWizard *wizard = CreatePolicyWizard::openFor(m_document, this);
    connect(wizard, &CreatePolicyWizard::policyCreated, this, [this](const QString &name) {
        goTo({ConsoleLocation::Page::Policies, {}});
        m_page->messageBar()->showSuccess(tr("Policy %1 created.").arg(name));
    });
}

void MainWindow::updateTitle()
{
    const QString path = m_document.filePath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] — IAM Studio").arg(name));
    setWindowModified(m_document.isModified());
}

void MainWindow::updateStatus()
{
    const iam::Account &account = m_document.account();
    m_statusAccount->setText(tr("Account %1 (%2)")
                                 .arg(QString::fromStdString(account.accountId()),
                                      QString::fromStdString(account.alias())));
    m_statusIdentity->setText(tr("Signed in as %1").arg(m_document.signedInArn()));
}

void MainWindow::updateRecentFilesMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_recentFiles)) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openWorkspace(path); });
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());
}

void MainWindow::addRecentFile(const QString &path)
{
    m_recentFiles.removeAll(path);
    m_recentFiles.prepend(path);
    while (m_recentFiles.size() > kMaxRecentFiles)
        m_recentFiles.removeLast();
    updateRecentFilesMenu();
    writeSettings();
}

bool MainWindow::maybeSave()
{
    if (!m_document.isModified())
        return true;
    const QString path = m_document.filePath();
    switch (m_unsavedPrompt(path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName())) {
    case QMessageBox::Save: return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

bool MainWindow::newWorkspace()
{
    if (!maybeSave())
        return false;
    m_document.newWorkspace();
    return true;
}

bool MainWindow::openWorkspace(const QString &path)
{
    if (!maybeSave())
        return false;
    const QString chosen = path.isEmpty() ? m_fileChooser(false, QFileInfo(m_document.filePath()).path()) : path;
    if (chosen.isEmpty())
        return false;
    QString error;
    if (!m_document.open(chosen, &error)) {
        showFileError(tr("Could not open %1").arg(QFileInfo(chosen).fileName()), error);
        return false;
    }
    addRecentFile(chosen);
    return true;
}

bool MainWindow::save()
{
    return m_document.filePath().isEmpty() ? saveAs() : saveAs(m_document.filePath());
}

bool MainWindow::saveAs(const QString &path)
{
    const QString chosen = path.isEmpty() ? m_fileChooser(true, tr("workspace.iamstudio")) : path;
    if (chosen.isEmpty())
        return false;
    QString error;
    if (!m_document.save(chosen, &error)) {
        showFileError(tr("Could not save %1").arg(QFileInfo(chosen).fileName()), error);
        return false;
    }
    addRecentFile(chosen);
    statusBar()->showMessage(tr("Saved %1").arg(chosen), 4000);
    return true;
}

void MainWindow::showFileError(const QString &title, const QString &error)
{
    if (m_page)
        m_page->messageBar()->showError(title, error);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}
