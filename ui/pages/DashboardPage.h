#pragma once

// IAM dashboard: the account's IAM resources counted (each a link to its list) and
// the account's id and alias, as the console's dashboard shows them.

#include "ConsolePage.h"

class QLabel;

class DashboardPage : public ConsolePage
{
    Q_OBJECT

public:
    DashboardPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent = nullptr);

    QList<Crumb> crumbs() const override;

private:
    void createWidgets();
    void showCounts();

    QLabel *m_resources = nullptr;
    QLabel *m_account = nullptr;
};
