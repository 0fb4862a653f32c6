#include "ServiceNavigator.h"

#include "Navigation.h"

#include <QHeaderView>

namespace {

constexpr int kPageRole = Qt::UserRole + 1;

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

    QTreeWidgetItem *iam = addHeading(nullptr, tr("IAM"));
    iam->setToolTip(0, tr("Identity and Access Management"));
    addEntry(iam, tr("Dashboard"), Page::Dashboard);
    QTreeWidgetItem *access = addHeading(iam, tr("Access management"));
    addEntry(access, tr("User groups"), Page::Groups);
    addEntry(access, tr("Users"), Page::Users);
    addEntry(access, tr("Roles"), Page::Roles);
    addEntry(access, tr("Policies"), Page::Policies);
    QTreeWidgetItem *ec2 = addHeading(nullptr, tr("EC2"));
    addEntry(addHeading(ec2, tr("Instances")), tr("Instances"), Page::Instances);
    QTreeWidgetItem *s3 = addHeading(nullptr, tr("Amazon S3"));
    addEntry(s3, tr("General purpose buckets"), Page::Buckets);
    expandAll();
    setItemsExpandable(false);

    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QVariant page = item->data(0, kPageRole);
        if (page.isValid())
            m_navigation.go(ConsoleLocation::Page(page.toInt()));
    });
}

QTreeWidgetItem *ServiceNavigator::addHeading(QTreeWidgetItem *parent, const QString &text)
{
    auto *item = parent ? new QTreeWidgetItem(parent, {text}) : new QTreeWidgetItem(this, {text});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFlags(Qt::ItemIsEnabled);
    return item;
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
    const int page = int(ConsoleLocation::listOf(location.page));
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->data(0, kPageRole) == page) {
            setCurrentItem(*it);
            return;
        }
    }
}
