// IAM > Users > lab-user driven as a learner would: policies inherited from a
// group, Add permissions, Add user to groups / Remove (each undone and redone),
// the permissions boundary section, and the denial path.

#include "AccountCommands.h"
#include "AddPermissionsDialog.h"
#include "ChooseNamesDialog.h"
#include "DecisionsModel.h"
#include "MessageBar.h"
#include "Navigation.h"
#include "PrincipalPoliciesModel.h"
#include "UserDetailPage.h"
#include "WorkspaceDocument.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

namespace {

const QString kS3ReadOnly = QStringLiteral("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
const QString kReadOnly = QStringLiteral("arn:aws:iam::aws:policy/ReadOnlyAccess");

const iam::User &user(const WorkspaceDocument &doc)
{
    return *doc.account().findUser("lab-user");
}

template <typename T>
T *child(const QObject &parent, const char *name)
{
    return parent.findChild<T *>(QString::fromLatin1(name));
}

void selectRow(QTableView *table, int row)
{
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, 1));
    table->selectRow(row);
}

} // namespace

class tst_UserDetailPage : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void summaryTabsAndCrumbs();
    void groupPoliciesAreListedButNotRemovedHere();
    void addPermissionsAttachesToTheUser();
    void addToGroupsAndRemove();
    void deniedForLabUser();
    void accessDecisionsFollowTheUsersPolicies();
};

void tst_UserDetailPage::summaryTabsAndCrumbs()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    UserDetailPage page(doc, nav, QStringLiteral("lab-user"));
    page.show();
    QCOMPARE(child<QLabel>(page, "summaryArn")->text(), QStringLiteral("arn:aws:iam::111122223333:user/lab-user"));
    QCOMPARE(child<QLabel>(page, "summaryCreated")->text(), QStringLiteral("April 30, 2024, 16:20 (UTC)"));
    QCOMPARE(child<QLabel>(page, "summaryLastActivity")->text(), QStringLiteral("None"));
    auto *tabs = child<QTabWidget>(page, "tabs");
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Groups"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Access decisions"));
    QVERIFY(child<QGroupBox>(page, "boundaryBox"));
    QCOMPARE(page.crumbs().size(), 3);
    QCOMPARE(page.crumbs()[1].location.page, ConsoleLocation::Page::Users);
    QVERIFY(doc.api().call(iam::CallerIdentity::user("lab-user"), "iam", "GetUser", {{"UserName", "lab-user"}}).ok());
    QCOMPARE(child<QLabel>(page, "summaryLastActivity")->text(), QStringLiteral("Now"));
    QVERIFY(!UserDetailPage::exists(doc, QStringLiteral("nobody")));
}

void tst_UserDetailPage::groupPoliciesAreListedButNotRemovedHere()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::Group, QStringLiteral("developers"), kReadOnly)).ok);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, QStringLiteral("lab-user"), QStringLiteral("developers"))).ok);
    Navigation nav;
    UserDetailPage page(doc, nav, QStringLiteral("lab-user"));
    page.show();
    auto *table = child<QTableView>(page, "policiesTable");
    QCOMPARE(table->model()->rowCount(), 2);   // its own inline policy, the group's ReadOnlyAccess
    QCOMPARE(table->model()->index(1, 0).data().toString(), QStringLiteral("ReadOnlyAccess"));
    QCOMPARE(table->model()->index(1, 2).data().toString(), QStringLiteral("Group developers"));
    auto *remove = child<QPushButton>(page, "removePolicyButton");
    selectRow(table, 1);
    QVERIFY(!remove->isEnabled());
    selectRow(table, 0);
    QVERIFY(remove->isEnabled());

    // Activating the group's policy opens the policy page.
    QSignalSpy requested(&nav, &Navigation::requested);
    table->setCurrentIndex(table->model()->index(1, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(qvariant_cast<ConsoleLocation>(requested.at(0).at(0)).key, kReadOnly);
}

void tst_UserDetailPage::addPermissionsAttachesToTheUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    UserDetailPage page(doc, nav, QStringLiteral("lab-user"));
    page.show();
    child<QPushButton>(page, "addPermissionsButton")->click();
    auto *dialog = page.findChild<AddPermissionsDialog *>();
    QVERIFY(dialog);
    auto *search = child<QLineEdit>(*dialog, "policySearchEdit");
    auto *picker = child<QTableView>(*dialog, "policyTable");
    QTest::keyClicks(search, QStringLiteral("AmazonS3ReadOnlyAccess"));
    QCOMPARE(picker->model()->rowCount(), 1);
    picker->setFocus();
    picker->setCurrentIndex(picker->model()->index(0, 0));
    QTest::keyClick(picker, Qt::Key_Space);
    child<QPushButton>(*dialog, "addPermissionsButton")->click();
    QTRY_VERIFY(!page.findChild<AddPermissionsDialog *>());
    QCOMPARE(user(doc).attachedPolicies, std::vector<std::string>{kS3ReadOnly.toStdString()});
    QCOMPARE(page.messageBar()->title(), QStringLiteral("Policy was successfully attached to user."));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Attach AmazonS3ReadOnlyAccess to lab-user"));
    doc.undoStack()->undo();
    QVERIFY(user(doc).attachedPolicies.empty());
    doc.undoStack()->redo();
    QCOMPARE(user(doc).attachedPolicies.size(), std::size_t(1));
}

void tst_UserDetailPage::addToGroupsAndRemove()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("auditors"))).ok);
    Navigation nav;
    UserDetailPage page(doc, nav, QStringLiteral("lab-user"));
    page.show();
    child<QTabWidget>(page, "tabs")->setCurrentIndex(1);
    auto *groups = child<QTableView>(page, "groupsTable");
    auto *add = child<QPushButton>(page, "addToGroupsButton");
    QCOMPARE(groups->model()->rowCount(), 0);
    QVERIFY(add->isEnabled());

    add->click();
    auto *dialog = page.findChild<ChooseNamesDialog *>();
    QVERIFY(dialog);
    auto *list = child<QListWidget>(*dialog, "namesList");
    QCOMPARE(list->count(), 2);
    QTest::keyClicks(child<QLineEdit>(*dialog, "namesSearchEdit"), QStringLiteral("dev"));
    QVERIFY(list->item(1)->isHidden());
    list->item(0)->setCheckState(Qt::Checked);
    list->item(1)->setCheckState(Qt::Checked);
    child<QPushButton>(*dialog, "addButton")->click();
    QTRY_VERIFY(!page.findChild<ChooseNamesDialog *>());

    QCOMPARE(user(doc).groups, (std::vector<std::string>{"developers", "auditors"}));
    QCOMPARE(groups->model()->rowCount(), 2);
    QCOMPARE(page.messageBar()->title(), QStringLiteral("User was added to 2 groups."));
    QVERIFY(!add->isEnabled());   // nothing left to join
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Add lab-user to 2 groups"));

    selectRow(groups, 0);
    child<QPushButton>(page, "removeFromGroupButton")->click();
    QCOMPARE(user(doc).groups, std::vector<std::string>{"auditors"});
    QCOMPARE(groups->model()->rowCount(), 1);
    doc.undoStack()->undo();
    QCOMPARE(user(doc).groups.size(), std::size_t(2));
    doc.undoStack()->undo();
    QVERIFY(user(doc).groups.empty());
    QCOMPARE(groups->model()->rowCount(), 0);
    doc.undoStack()->redo();
    QCOMPARE(user(doc).groups.size(), std::size_t(2));
}

void tst_UserDetailPage::deniedForLabUser()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    const int steps = doc.undoStack()->count();
    Navigation nav;
    UserDetailPage page(doc, nav, QStringLiteral("lab-user"));
    page.show();
    child<QPushButton>(page, "addToGroupsButton")->click();
    auto *dialog = page.findChild<ChooseNamesDialog *>();
    child<QListWidget>(*dialog, "namesList")->item(0)->setCheckState(Qt::Checked);
    child<QPushButton>(*dialog, "addButton")->click();
    QCOMPARE(page.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(page.messageBar()->text().startsWith(QStringLiteral(
        "User: arn:aws:iam::111122223333:user/lab-user is not authorized to perform: iam:AddUserToGroup")));
    QVERIFY(user(doc).groups.empty());
    QCOMPARE(doc.undoStack()->count(), steps);
}

namespace {

// The badge the page's decisions show for `action`, or empty while not computed.
QString decisionFor(const DecisionsModel &model, const QString &action)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, DecisionsModel::ActionColumn).data().toString() == action)
            return model.index(row, DecisionsModel::DecisionColumn).data().toString();
    return {};
}

} // namespace

// The Access decisions tab is the engine's verdict for this user, recomputed when
// its policies change: lab-user cannot list buckets until a policy allows it
// (reference_policies_evaluation-logic.md: no Allow is an implicit deny).
void tst_UserDetailPage::accessDecisionsFollowTheUsersPolicies()
{
    WorkspaceDocument doc(Catalogs::bundled());
    Navigation nav;
    UserDetailPage page(doc, nav, QStringLiteral("lab-user"));
    page.show();
    auto *decisions = page.findChild<DecisionsModel *>();
    QVERIFY(decisions);
    QTRY_COMPARE(decisionFor(*decisions, "s3:ListAllMyBuckets"), QStringLiteral("Denied (implicit)"));
    QVERIFY(doc.execute(attachPolicyCommand(doc, PrincipalKind::User, "lab-user",
                                            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")).ok);
    QTRY_COMPARE(decisionFor(*decisions, "s3:ListAllMyBuckets"), QStringLiteral("Allowed"));
    doc.undoStack()->undo();
    QTRY_COMPARE(decisionFor(*decisions, "s3:ListAllMyBuckets"), QStringLiteral("Denied (implicit)"));
}

QTEST_MAIN(tst_UserDetailPage)
#include "tst_UserDetailPage.moc"
