// WorkspaceDocument: the open workspace's file, modified state and signed-in caller.

#include "AccountCommands.h"
#include "WorkspaceDocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

class tst_WorkspaceDocument : public QObject
{
    Q_OBJECT

private slots:
    void opensOnTheWalkthroughsAccount();
    void anEditMarksModifiedAndSavingClearsIt();
    void saveAndOpenRoundTrip();
    void aBadFileIsRefusedWithItsPositionAndChangesNothing();
    void signingInAsAnotherIdentityIsSaved();
    void openingClearsTheUndoStack();

private:
    QTemporaryDir m_dir;
};

void tst_WorkspaceDocument::opensOnTheWalkthroughsAccount()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QCOMPARE(doc.account().accountId(), std::string("111122223333"));
    QVERIFY(doc.account().findUser("lab-user"));
    QCOMPARE(doc.signedIn().kind, iam::CallerIdentity::Kind::Root);
    QCOMPARE(doc.signedInArn(), QStringLiteral("arn:aws:iam::111122223333:root"));
    QVERIFY(!doc.isModified());
    QVERIFY(doc.filePath().isEmpty());
}

void tst_WorkspaceDocument::anEditMarksModifiedAndSavingClearsIt()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QSignalSpy modified(&doc, &WorkspaceDocument::modifiedChanged);
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("dana"))).ok);
    QVERIFY(doc.isModified());
    QCOMPARE(modified.count(), 1);

    QString error;
    QVERIFY2(doc.save(m_dir.filePath("a.iamstudio"), &error), qPrintable(error));
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(doc.filePath(), m_dir.filePath("a.iamstudio"));

    // Undo after a save is a change against the file.
    doc.undoStack()->undo();
    QVERIFY(doc.isModified());
}

void tst_WorkspaceDocument::saveAndOpenRoundTrip()
{
    const QString path = m_dir.filePath("round.iamstudio");
    {
        WorkspaceDocument doc(Catalogs::bundled());
        QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("dana"))).ok);
        doc.setSignedIn(iam::CallerIdentity::user("dana"));
        QString error;
        QVERIFY2(doc.save(path, &error), qPrintable(error));
    }
    WorkspaceDocument doc(Catalogs::bundled());
    QSignalSpy replaced(&doc, &WorkspaceDocument::accountReplaced);
    QString error;
    QVERIFY2(doc.open(path, &error), qPrintable(error));
    QCOMPARE(replaced.count(), 1);
    QVERIFY(doc.account().findUser("dana"));
    QCOMPARE(doc.signedIn(), iam::CallerIdentity::user("dana"));
    QVERIFY(!doc.isModified());
}

void tst_WorkspaceDocument::aBadFileIsRefusedWithItsPositionAndChangesNothing()
{
    const QString path = m_dir.filePath("bad.iamstudio");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"formatVersion\": 1,\n  \"account\": [\n");
    file.close();

    WorkspaceDocument doc(Catalogs::bundled());
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("dana"))).ok);
    QSignalSpy replaced(&doc, &WorkspaceDocument::accountReplaced);
    QString error;
    QVERIFY(!doc.open(path, &error));
    QVERIFY2(error.startsWith(path + ":"), qPrintable(error));
    QVERIFY2(error.contains(": error: "), qPrintable(error));
    QCOMPARE(replaced.count(), 0);
    QVERIFY(doc.account().findUser("dana"));
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(doc.filePath().isEmpty());
}

void tst_WorkspaceDocument::signingInAsAnotherIdentityIsSaved()
{
    WorkspaceDocument doc(Catalogs::bundled());
    QSignalSpy signedIn(&doc, &WorkspaceDocument::signedInChanged);
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QCOMPARE(signedIn.count(), 1);
    QVERIFY(doc.isModified());
    doc.setSignedIn(iam::CallerIdentity::user("lab-user"));
    QCOMPARE(signedIn.count(), 1);
    doc.setSignedIn(iam::CallerIdentity::root());
    QVERIFY(!doc.isModified());
}

void tst_WorkspaceDocument::openingClearsTheUndoStack()
{
    const QString path = m_dir.filePath("plain.iamstudio");
    WorkspaceDocument doc(Catalogs::bundled());
    QString error;
    QVERIFY(doc.save(path, &error));
    QVERIFY(doc.execute(createUserCommand(doc, QStringLiteral("dana"))).ok);
    QVERIFY(doc.open(path, &error));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.account().findUser("dana"));
}

QTEST_GUILESS_MAIN(tst_WorkspaceDocument)
#include "tst_WorkspaceDocument.moc"
