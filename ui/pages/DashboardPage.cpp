#include "DashboardPage.h"

#include "Navigation.h"
#include "WorkspaceDocument.h"

#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

DashboardPage::DashboardPage(WorkspaceDocument &document, Navigation &navigation, QWidget *parent)
    : ConsolePage(document, navigation, parent)
{
    setObjectName(QStringLiteral("dashboardPage"));
    setHeading(tr("IAM dashboard"));
    createWidgets();
    showCounts();
    connect(&document, &WorkspaceDocument::entityChanged, this, &DashboardPage::showCounts);
    connect(&document, &WorkspaceDocument::accountReplaced, this, &DashboardPage::showCounts);
}

QList<Crumb> DashboardPage::crumbs() const
{
    return {{tr("IAM"), {ConsoleLocation::Page::Dashboard, {}}}, {tr("Dashboard"), {ConsoleLocation::Page::Dashboard, {}}}};
}

void DashboardPage::createWidgets()
{
    auto *resources = new QGroupBox(tr("IAM resources"), this);
    m_resources = new QLabel(resources);
    m_resources->setObjectName(QStringLiteral("resourceCounts"));
    m_resources->setTextFormat(Qt::RichText);
    connect(m_resources, &QLabel::linkActivated, this,
            [this](const QString &page) { m_navigation.go(ConsoleLocation::Page(page.toInt())); });
    (new QVBoxLayout(resources))->addWidget(m_resources);

    auto *account = new QGroupBox(tr("AWS Account"), this);
    m_account = new QLabel(account);
    m_account->setObjectName(QStringLiteral("accountSummary"));
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);
    (new QVBoxLayout(account))->addWidget(m_account);

    contentLayout()->addWidget(resources);
    contentLayout()->addWidget(account);
    contentLayout()->addStretch(1);
}

void DashboardPage::showCounts()
{
    using Page = ConsoleLocation::Page;
    const iam::Account &account = m_document.account();
    const auto cell = [](const QString &name, std::size_t count, Page page) {
        return QStringLiteral("<td style='padding:4px 32px 4px 0'>%1<br><a href='%2' style='font-size:20px'>%3</a></td>")
            .arg(name)
            .arg(int(page))
            .arg(count);
    };
    m_resources->setText(QStringLiteral("<table><tr>%1%2%3%4</tr></table>")
                             .arg(cell(tr("User groups"), account.groups().size(), Page::Groups),
                                  cell(tr("Users"), account.users().size(), Page::Users),
                                  cell(tr("Roles"), account.roles().size(), Page::Roles),
                                  cell(tr("Customer managed policies"), account.policies().size(), Page::Policies)));
    const QString alias = QString::fromStdString(account.alias());
    m_account->setText(tr("Account ID: %1\nAccount Alias: %2\nSign-in URL for IAM users in this account: https://%3.signin.aws.amazon.com/console")
                           .arg(QString::fromStdString(account.accountId()), alias.isEmpty() ? tr("None") : alias,
                                alias.isEmpty() ? QString::fromStdString(account.accountId()) : alias));
}
