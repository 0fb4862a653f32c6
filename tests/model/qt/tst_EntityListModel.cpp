// EntityListModel: rows follow the account one change at a time, in the account's
// order, through commands, undo and redo; a whole new account is a reset.

#include "AccountCommands.h"
#include "EntityListModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

namespace {

// The smallest subclass: users by name, with their group count.
class UserNames : public EntityListModel
{
public:
    explicit UserNames(WorkspaceDocument &doc) : EntityListModel(doc) { reload(); }

protected:
    iam::AccountChange::Entity entity() const override { return iam::AccountChange::Entity::User; }
    std::vector<std::string> currentKeys() const override
    {
        std::vector<std::string> keys;
        for (const iam::User &user : m_document.account().users())
            keys.push_back(user.name);
        return keys;
    }
    QStringList headers() const override { return {QStringLiteral("User name"), QStringLiteral("Groups")}; }
    QVariant cell(const std::string &key, int column, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        if (column == 0)
            return QString::fromStdString(key);
        return int(m_document.account().findUser(key)->groups.size());
    }
};

QStringList names(const EntityListModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.keyAt(row);
    return list;
}

} // namespace

class tst_EntityListModel : public QObject
{
    Q_OBJECT

private slots:
    void listsTheAccountsEntities();
    void addAndRemoveAreSingleRowChanges();
    void undoOfADeletePutsTheRowBackInPlace();
    void modificationIsADataChangeOfItsRow();
    void openingAnotherWorkspaceResets();
};

void tst_EntityListModel::listsTheAccountsEntities()
{
    WorkspaceDocument doc(Catalogs::bundled());
    UserNames model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(names(model), QStringList{"lab-user"});
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("User name"));
    QCOMPARE(model.data(model.index(0, 0), EntityListModel::KeyRole).toString(), QStringLiteral("lab-user"));
    QCOMPARE(model.rowOf("lab-user"), 0);
    QCOMPARE(model.rowOf("nobody"), -1);
}

void tst_EntityListModel::addAndRemoveAreSingleRowChanges()
{
    WorkspaceDocument doc(Catalogs::bundled());
    UserNames model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(names(model), QStringList({"lab-user", "dana"}));
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(names(model), QStringList{"lab-user"});
    QCOMPARE(reset.count(), 0);
}

void tst_EntityListModel::undoOfADeletePutsTheRowBackInPlace()
{
    WorkspaceDocument doc(Catalogs::bundled());
    for (const char *name : {"ana", "ben"})
        QVERIFY(doc.execute(createUserCommand(doc, name)).ok);
    UserNames model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(doc.execute(new ApiCommand(doc, "Delete ana", {{"iam", "DeleteUser", {{"UserName", "ana"}}}})).ok);
    QCOMPARE(names(model), QStringList({"lab-user", "ben"}));
    doc.undoStack()->undo();
    QCOMPARE(names(model), QStringList({"lab-user", "ana", "ben"}));
}

void tst_EntityListModel::modificationIsADataChangeOfItsRow()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);
    QVERIFY(doc.execute(createGroupCommand(doc, "Developers")).ok);
    UserNames model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(doc.execute(addUserToGroupCommand(doc, "dana", "Developers")).ok);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(model.data(model.index(1, 1)).toInt(), 1);
}

void tst_EntityListModel::openingAnotherWorkspaceResets()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, "dana")).ok);
    UserNames model(doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    doc.newWorkspace();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(names(model), QStringList{"lab-user"});
}

QTEST_GUILESS_MAIN(tst_EntityListModel)
#include "tst_EntityListModel.moc"
