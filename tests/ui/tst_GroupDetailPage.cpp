// IAM > User groups > developers driven as a learner would: Add users / Remove
// users (undone and redone), and its Permissions tab (no boundary for groups).

#include "AccountCommands.h"
#include "ChooseNamesDialog.h"
#include "GroupDetailPage.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "WorkspaceDocument.h"

#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

namespace {

template <typename T>
T *child(const QObject &parent, const char *name)
{
    return parent.findChild<T *>(QString::fromLatin1(name));
}

const std::vector<std::string> &groupsOf(const WorkspaceDocument &doc, const char *name)
{
    return doc.account().findUser(name)->groups;
}

} // namespace

class tst_GroupDetailPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void summaryAndTabs();
    void addAndRemoveUsers();
    void permissionsOfTheGroup();
};

void tst_GroupDetailPage::summaryAndTabs()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    Navigation nav;
    GroupDetailPage page(doc, nav, QStringLiteral("developers"));
    page.show();
    QCOMPARE(child<QLabel>(page, "summaryArn")->text(), QStringLiteral("arn:aws:iam::111122223333:group/developers"));
    QCOMPARE(child<QLabel>(page, "summaryName")->text(), QStringLiteral("developers"));
    auto *tabs = child<QTabWidget>(page, "tabs");
    QCOMPARE(tabs->tabText(0), QStringLiteral("Users"));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Permissions"));
    QVERIFY(!child<QGroupBox>(page, "boundaryBox"));
    QCOMPARE(page.crumbs()[1].text, QStringLiteral("User groups"));
}

void tst_GroupDetailPage::addAndRemoveUsers()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("alice"))).ok);
    Navigation nav;
    GroupDetailPage page(doc, nav, QStringLiteral("developers"));
    page.show();
    auto *users = child<QTableView>(page, "usersTable");
    QCOMPARE(child<QLabel>(page, "usersHeading")->text(), QStringLiteral("Users in this group (0)"));

    child<QPushButton>(page, "addUsersButton")->click();
    auto *dialog = page.findChild<ChooseNamesDialog *>();
    QVERIFY(dialog);
    auto *list = child<QListWidget>(*dialog, "namesList");
    QCOMPARE(list->count(), 2);
    auto *add = child<QPushButton>(*dialog, "addButton");
    QVERIFY(!add->isEnabled());
    list->item(0)->setCheckState(Qt::Checked);
    list->item(1)->setCheckState(Qt::Checked);
    QVERIFY(add->isEnabled());
    add->click();
    QTRY_VERIFY(!page.findChild<ChooseNamesDialog *>());
    QCOMPARE(groupsOf(doc, "alice").size(), std::size_t(1));
    QCOMPARE(groupsOf(doc, "lab-user").size(), std::size_t(1));
    QCOMPARE(users->model()->rowCount(), 2);
    QCOMPARE(child<QLabel>(page, "usersHeading")->text(), QStringLiteral("Users in this group (2)"));
    QVERIFY(!child<QPushButton>(page, "addUsersButton")->isEnabled());

    users->selectAll();
    child<QPushButton>(page, "removeUsersButton")->click();
    QCOMPARE(page.messageBar()->title(), QStringLiteral("2 users were removed from this group."));
    QVERIFY(groupsOf(doc, "alice").empty());
    QCOMPARE(users->model()->rowCount(), 0);
    doc.undoStack()->undo();
    QCOMPARE(users->model()->rowCount(), 2);
    doc.undoStack()->undo();
    QCOMPARE(users->model()->rowCount(), 0);
    QVERIFY(groupsOf(doc, "lab-user").empty());
    doc.undoStack()->redo();
    QCOMPARE(users->model()->rowCount(), 2);
}

void tst_GroupDetailPage::permissionsOfTheGroup()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    Navigation nav;
    GroupDetailPage page(doc, nav, QStringLiteral("developers"));
    page.show();
    auto *table = child<QTableView>(page, "policiesTable");
    QCOMPARE(table->model()->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Attached entities"));
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Group, QStringLiteral("developers"),
                                            QStringLiteral("arn:aws:iam::aws:policy/ReadOnlyAccess"))).ok);
    QCOMPARE(table->model()->rowCount(), 1);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 1));
    table->selectRow(0);
    child<QPushButton>(page, "removePolicyButton")->click();
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Policy was successfully removed from user group."));
    QVERIFY(doc.account().findGroup("developers")->attachedPolicies.empty());
    QCOMPARE(table->model()->rowCount(), 0);
}

QTEST_MAIN(tst_GroupDetailPage)
#include "tst_GroupDetailPage.moc"
