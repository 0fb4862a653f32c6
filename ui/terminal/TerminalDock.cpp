#include "TerminalDock.h"

#include "TerminalContexts.h"
#include "TerminalSession.h"
#include "TerminalView.h"
#include "WorkspaceDocument.h"

#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

TerminalDock::TerminalDock(WorkspaceDocument &document, QWidget *parent)
    : QDockWidget(tr("Terminal"), parent)
    , m_document(document)
    , m_session(new TerminalSession(document, this))
{
    setObjectName(QStringLiteral("terminalDock"));
    createWidgets();
    connectSignals();
    selectCurrentContext();
}

void TerminalDock::createWidgets()
{
    auto *contents = new QWidget(this);
    contents->setObjectName(QStringLiteral("terminalDockContents"));

    auto *runOn = new QLabel(tr("Run on:"), contents);
    m_contextCombo = new QComboBox(contents);
    m_contextCombo->setObjectName(QStringLiteral("terminalContext"));
    m_contextCombo->setModel(m_session->contexts());
    m_contextCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_contextCombo->setToolTip(tr("Where commands run: your own machine with an IAM user's access key, or an EC2 "
                                  "instance with its role's credentials"));
    runOn->setBuddy(m_contextCombo);

    m_userMenu = new QMenu(contents);
    m_userMenu->setObjectName(QStringLiteral("terminalLocalUserMenu"));
    m_userButton = new QToolButton(contents);
    m_userButton->setObjectName(QStringLiteral("terminalLocalUser"));
    m_userButton->setText(tr("aws configure"));
    m_userButton->setToolTip(tr("Which IAM user's access key the local machine's AWS CLI uses"));
    m_userButton->setPopupMode(QToolButton::InstantPopup);
    m_userButton->setMenu(m_userMenu);

    m_clearButton = new QPushButton(tr("Clear"), contents);
    m_clearButton->setObjectName(QStringLiteral("terminalClear"));
    m_clearButton->setToolTip(tr("Clear the screen (Ctrl+L)"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(runOn);
    bar->addWidget(m_contextCombo);
    bar->addWidget(m_userButton);
    bar->addStretch(1);
    bar->addWidget(m_clearButton);

    m_view = new TerminalView(*m_session, contents);

    auto *layout = new QVBoxLayout(contents);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    setWidget(contents);
    setFocusProxy(m_view);
    rebuildUserMenu();
}

void TerminalDock::connectSignals()
{
    connect(m_contextCombo, &QComboBox::currentIndexChanged, this, &TerminalDock::contextChosen);
    connect(m_session, &TerminalSession::contextChanged, this, &TerminalDock::selectCurrentContext);
    connect(m_clearButton, &QPushButton::clicked, this, [this] {
        m_session->clearScreen();
        m_view->setFocus();
    });
    connect(m_userMenu, &QMenu::aboutToShow, this, &TerminalDock::rebuildUserMenu);
}

// The session decides (it falls back to the local machine when an instance goes);
// the selector shows its choice.
void TerminalDock::selectCurrentContext()
{
    const QSignalBlocker blocker(m_contextCombo);
    m_contextCombo->setCurrentIndex(m_session->contexts()->rowOf(m_session->currentKey()));
    m_userButton->setEnabled(m_session->currentKey() == TerminalContexts::LocalKey);
}

void TerminalDock::contextChosen(int index)
{
    m_session->setCurrentKey(m_session->contexts()->keyAt(index));
    selectCurrentContext();
    m_view->setFocus();
}

void TerminalDock::rebuildUserMenu()
{
    m_userMenu->clear();
    auto *group = new QActionGroup(m_userMenu);
    const QString current = m_session->localUser();
    m_userMenu->addSection(tr("Access key of IAM user"));
    for (const iam::User &user : m_document.account().users()) {
        const QString name = QString::fromStdString(user.name);
        QAction *action = m_userMenu->addAction(name);
        action->setObjectName(QStringLiteral("terminalUser_") + name);
        action->setCheckable(true);
        action->setChecked(name == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, name] { m_session->setLocalUser(name); });
    }
    if (m_document.account().users().empty())
        m_userMenu->addAction(tr("No IAM users"))->setEnabled(false);
}
