#include "ServiceNavigator.h"

#include "Navigation.h"

#include <QHeaderView>

namespace {

constexpr int kPageRole = Qt::UserRole + 1;

// The list page a detail page belongs to.
ConsoleLocation::Page listPageOf(ConsoleLocation::Page page)
{
    using Page = ConsoleLocation::Page;
    switch (page) {
    case Page::User: return Page::Users;
    case Page::Group: return Page::Groups;
    case Page::Role: return Page::Roles;
    case Page::Policy: return Page::Policies;
    default: return page;
    }
}

} // namespace

ServiceNavigator::ServiceNavigator(Navigation &navigation, QWidget *parent)
    : QTreeWidget(parent)
    , m_navigation(navigation)
{
    using Page = ConsoleLocation::Page;
    setObjectName(QStringLiteral("serviceNavigator"));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(14);
    setFrameShape(QFrame::NoFrame);

    auto *iam = new QTreeWidgetItem(this, {tr("IAM")});
    iam->setToolTip(0, tr("Identity and Access Management"));
    QFont bold = iam->font(0);
    bold.setBold(true);
    iam->setFont(0, bold);
    iam->setFlags(Qt::ItemIsEnabled);
    addEntry(iam, tr("Dashboard"), Page::Dashboard);
    auto *access = new QTreeWidgetItem(iam, {tr("Access management")});
    access->setFlags(Qt::ItemIsEnabled);
    access->setFont(0, bold);
    addEntry(access, tr("User groups"), Page::Groups);
    addEntry(access, tr("Users"), Page::Users);
    addEntry(access, tr("Roles"), Page::Roles);
    addEntry(access, tr("Policies"), Page::Policies);
    expandAll();
    setItemsExpandable(false);

    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QVariant page = item->data(0, kPageRole);
        if (page.isValid())
            m_navigation.go(ConsoleLocation::Page(page.toInt()));
    });
}

QTreeWidgetItem *ServiceNavigator::addEntry(QTreeWidgetItem *parent, const QString &text, ConsoleLocation::Page page)
{
    auto *item = new QTreeWidgetItem(parent, {text});
    item->setData(0, kPageRole, int(page));
    item->setData(0, Qt::AccessibleTextRole, text);
    return item;
}

void ServiceNavigator::showLocation(const ConsoleLocation &location)
{
    const int page = int(listPageOf(location.page));
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->data(0, kPageRole) == page) {
            setCurrentItem(*it);
            return;
        }
    }
}
