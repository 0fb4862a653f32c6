#pragma once

// The side panel the terminal opens when a decision badge is clicked: why that
// command was allowed or denied (terminalDecisionHtml), with a close button.

#include <QWidget>

struct TerminalEntry;
class QLabel;
class QTextBrowser;

class TerminalDecisionPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalDecisionPanel(QWidget *parent = nullptr);

    void showEntry(const TerminalEntry &entry);
    QString text() const;

private:
    void createWidgets();

    QLabel *m_title = nullptr;
    QTextBrowser *m_text = nullptr;
};
