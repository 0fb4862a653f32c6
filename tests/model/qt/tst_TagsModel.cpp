// A role's or user's tags, kept in place as tags are added, changed and removed.

#include "AccountCommands.h"
#include "TagsModel.h"
#include "WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

class tst_TagsModel : public QObject
{
    Q_OBJECT

private slots:
    void roleTags();
    void userTags();
};

void tst_TagsModel::roleTags()
{
    WorkspaceDocument doc(Catalogs::bundled());
    RoleDraft draft;
    draft.name = QStringLiteral("S3Access");
    draft.trustPolicy = QStringLiteral(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}]})");
    draft.tags = {{QStringLiteral("team"), QStringLiteral("data")}};
    QVERIFY(doc.execute(createRoleCommand(doc, draft)).ok);

    TagsModel model(doc, PrincipalKind::Role, QStringLiteral("S3Access"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Key"));
    QCOMPARE(model.index(0, TagsModel::KeyColumn).data().toString(), QStringLiteral("team"));
    QCOMPARE(model.index(0, TagsModel::ValueColumn).data().toString(), QStringLiteral("data"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(doc.call("iam", "TagRole", {{"RoleName", "S3Access"}, {"Tags", {{{"Key", "env"}, {"Value", "lab"}}}}}).ok());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.index(1, TagsModel::KeyColumn).data().toString(), QStringLiteral("env"));
    QVERIFY(doc.call("iam", "TagRole", {{"RoleName", "S3Access"}, {"Tags", {{{"Key", "team"}, {"Value", "ops"}}}}}).ok());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, TagsModel::ValueColumn).data().toString(), QStringLiteral("ops"));
    QVERIFY(doc.call("iam", "UntagRole", {{"RoleName", "S3Access"}, {"TagKeys", {"team"}}}).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
}

void tst_TagsModel::userTags()
{
    WorkspaceDocument doc(Catalogs::bundled());
    TagsModel model(doc, PrincipalKind::User, QStringLiteral("lab-user"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = model.rowCount();
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(doc.call("iam", "TagUser", {{"UserName", "lab-user"}, {"Tags", {{{"Key", "owner"}, {"Value", "me"}}}}}).ok());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), before + 1);
    QCOMPARE(model.keyAt(before), QStringLiteral("owner"));
}

QTEST_GUILESS_MAIN(tst_TagsModel)
#include "tst_TagsModel.moc"
