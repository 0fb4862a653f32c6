// Each location gets its page; a detail page only for an entity that exists.

#include "AccountCommands.h"
#include "GroupDetailPage.h"
#include "MainWindow.h"
#include "GroupsPage.h"
#include "Navigation.h"
#include "PageFactory.h"
#include "RoleDetailPage.h"
#include "RolesPage.h"
#include "UserDetailPage.h"
#include "UsersPage.h"
#include "WorkspaceDocument.h"

#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest>

#include <memory>

class tst_PageFactory : public QObject
{
    Q_OBJECT

private slots:
    void listsAndDetails();
    void aGoneRoleFallsBackToTheRoles();
};

void tst_PageFactory::listsAndDetails()
{
    using Page = ConsoleLocation::Page;
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.trustPolicy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})");
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
    Navigation nav;
    const auto make = [&](Page page, const QString &key = {}) {
        return std::unique_ptr<ConsolePage>(createPage({page, key}, doc, nav, nullptr));
    };
    QVERIFY(qobject_cast<UsersPage *>(make(Page::Users).get()));
    QVERIFY(qobject_cast<GroupsPage *>(make(Page::Groups).get()));
    QVERIFY(qobject_cast<RolesPage *>(make(Page::Roles).get()));
    QVERIFY(qobject_cast<UserDetailPage *>(make(Page::User, QStringLiteral("lab-user")).get()));
    QVERIFY(qobject_cast<GroupDetailPage *>(make(Page::Group, QStringLiteral("developers")).get()));
    QVERIFY(qobject_cast<RoleDetailPage *>(make(Page::Role, QStringLiteral("S3Access")).get()));
    QVERIFY(!make(Page::User, QStringLiteral("nobody")));
    QVERIFY(!make(Page::Group, QStringLiteral("nobody")));
    QVERIFY(!make(Page::Role, QStringLiteral("nobody")));
}

void tst_PageFactory::aGoneRoleFallsBackToTheRoles()
{
    QStandardPaths::setTestModeEnabled(true);
    WorkspaceDocument doc(Catalogs::bundled());
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.trustPolicy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})");
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);
    MainWindow window(doc);
    window.navigation().go(ConsoleLocation::Page::Role, QStringLiteral("S3Access"));
    QVERIFY(qobject_cast<RoleDetailPage *>(window.currentPage()));
    doc.undoStack()->undo();
    QTRY_VERIFY(qobject_cast<RolesPage *>(window.currentPage()));
}

QTEST_MAIN(tst_PageFactory)
#include "tst_PageFactory.moc"
