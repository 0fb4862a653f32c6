#pragma once

// The Terminal dock: "Run on:" (the local machine, configured with an IAM user's
// key, or an EC2 instance), the user `aws configure` was run with, Clear, and the
// terminal (TerminalView). The main window and the walkthrough drive it through
// terminalSession() and view().
//
//   auto *dock = new TerminalDock(document, this);
//   addDockWidget(Qt::BottomDockWidgetArea, dock);
//   dock->terminalSession()->setCurrentKey("i-0abc1234def567890");
//   dock->view()->runLine("aws s3 ls");

#include <QDockWidget>

class QComboBox;
class QMenu;
class QPushButton;
class QToolButton;
class TerminalSession;
class TerminalView;
class WorkspaceDocument;

class TerminalDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit TerminalDock(WorkspaceDocument &document, QWidget *parent = nullptr);

    TerminalSession *terminalSession() const { return m_session; }
    TerminalView *view() const { return m_view; }

private:
    void createWidgets();
    void connectSignals();
    void selectCurrentContext();
    void contextChosen(int index);
    void rebuildUserMenu();

    WorkspaceDocument &m_document;
    TerminalSession *m_session = nullptr;
    QComboBox *m_contextCombo = nullptr;
    QToolButton *m_userButton = nullptr;
    QMenu *m_userMenu = nullptr;
    QPushButton *m_clearButton = nullptr;
    TerminalView *m_view = nullptr;
};
