// Several memberships in one edit: one undo step, all or nothing.

#include "AccountCommands.h"
#include "MembershipCommands.h"
#include "WorkspaceDocument.h"

#include <QUndoStack>
#include <QtTest>

class tst_MembershipCommands : public QObject
{
    Q_OBJECT

private slots:
    void addUserToSeveralGroupsIsOneStep();
    void singleGroupSpeaksLikeTheSingleCommand();
    void addAndRemoveSeveralUsers();
    void oneRefusalRollsBackTheRest();
};

namespace {

const std::vector<std::string> &groupsOf(WorkspaceDocument &doc, const char *user)
{
    return doc.account().findUser(user)->groups;
}

} // namespace

void tst_MembershipCommands::addUserToSeveralGroupsIsOneStep()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("auditors"))).ok);
    QVERIFY(doc.execute(addUserToGroupsCommand(doc, QStringLiteral("lab-user"),
                                               {QStringLiteral("developers"), QStringLiteral("auditors")})).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Add lab-user to 2 groups"));
    QCOMPARE(groupsOf(doc, "lab-user").size(), std::size_t(2));
    doc.undoStack()->undo();
    QVERIFY(groupsOf(doc, "lab-user").empty());
    doc.undoStack()->redo();
    QCOMPARE(groupsOf(doc, "lab-user").size(), std::size_t(2));
}

void tst_MembershipCommands::singleGroupSpeaksLikeTheSingleCommand()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(addUserToGroupsCommand(doc, QStringLiteral("lab-user"), {QStringLiteral("developers")})).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Add lab-user to developers"));
}

void tst_MembershipCommands::addAndRemoveSeveralUsers()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("alice"))).ok);
    const QStringList users{QStringLiteral("lab-user"), QStringLiteral("alice")};
    QVERIFY(doc.execute(addUsersToGroupCommand(doc, QStringLiteral("developers"), users)).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Add 2 users to developers"));
    QCOMPARE(groupsOf(doc, "alice").size(), std::size_t(1));
    QVERIFY(doc.execute(removeUsersFromGroupCommand(doc, QStringLiteral("developers"), users)).ok);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Remove 2 users from developers"));
    QVERIFY(groupsOf(doc, "alice").empty());
    QVERIFY(groupsOf(doc, "lab-user").empty());
    doc.undoStack()->undo();
    QCOMPARE(groupsOf(doc, "lab-user").size(), std::size_t(1));
}

void tst_MembershipCommands::oneRefusalRollsBackTheRest()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createGroupCommand(doc, QStringLiteral("developers"))).ok);
    const int steps = doc.undoStack()->count();
    const CommandOutcome outcome = doc.execute(addUserToGroupsCommand(
        doc, QStringLiteral("lab-user"), {QStringLiteral("developers"), QStringLiteral("no-such-group")}));
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, QStringLiteral("NoSuchEntity"));
    QVERIFY(groupsOf(doc, "lab-user").empty());
    QCOMPARE(doc.undoStack()->count(), steps);
}

QTEST_GUILESS_MAIN(tst_MembershipCommands)
#include "tst_MembershipCommands.moc"
