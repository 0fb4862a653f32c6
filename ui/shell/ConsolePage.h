#pragma once

// A page of the console (a list, a detail page): a heading, the page's flash
// (MessageBar) and its content. The main window shows one at a time and builds
// the breadcrumbs from crumbs().
//
// runCommand() is how a page edits the account: the command runs as the signed-in
// caller, goes on the undo stack when it succeeds, and a refusal shows AWS's text
// in the page's red flash and changes nothing.

#include "ConsoleLocation.h"

#include <QList>
#include <QWidget>

class ApiCommand;
class MessageBar;
class Navigation;
class QLabel;
class QVBoxLayout;
class WorkspaceDocument;

struct Crumb
{
    QString text;
    ConsoleLocation location;   // where clicking it goes
};

class ConsolePage : public QWidget
{
    Q_OBJECT

public:
    ConsolePage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    // "IAM > Roles > S3Access": the page's own crumb comes last.
    virtual QList<Crumb> crumbs() const = 0;
    // The page's heading, also the window's context ("S3Access").
    QString heading() const;

    MessageBar *messageBar() const { return m_messageBar; }

    // Runs `command`; on success shows `success` (if not empty) in green, on a
    // refusal shows "`failureTitle`" and AWS's message in red. Returns whether it ran.
    bool runCommand(ApiCommand *command, const QString &success, const QString &failureTitle);

protected:
    void setHeading(const QString &heading, const QString &subtitle = {});
    // Where subclasses put their content, under the heading and the flash.
    QVBoxLayout *contentLayout() const { return m_content; }

    WorkspaceDocument &m_document;
    Navigation &m_navigation;

private:
    QLabel *m_heading = nullptr;
    QLabel *m_subtitle = nullptr;
    MessageBar *m_messageBar = nullptr;
    QVBoxLayout *m_content = nullptr;
};
