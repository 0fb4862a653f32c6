#pragma once

// "IAM > Roles > S3Access": every crumb but the last is a link to its location.

#include "ConsolePage.h"

#include <QLabel>

class Navigation;

class Breadcrumbs : public QLabel
{
    Q_OBJECT

public:
    explicit Breadcrumbs(Navigation &navigation, QWidget *parent = nullptr);

    void setCrumbs(const QList<Crumb> &crumbs);
    QStringList texts() const;

private:
    Navigation &m_navigation;
    QList<Crumb> m_crumbs;
};
