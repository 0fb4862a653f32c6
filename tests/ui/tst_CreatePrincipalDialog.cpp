// Create user / Create user group: the name checked as typed.

#include "CreatePrincipalDialog.h"
#include "WorkspaceDocument.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

class tst_CreatePrincipalDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QTRY_VERIFY(QApplication::topLevelWidgets().isEmpty()); }

    void groupNameRules();
};

void tst_CreatePrincipalDialog::groupNameRules()
{
    WorkspaceDocument doc(Catalogs::bundled());
    CreatePrincipalDialog dialog(doc, PrincipalKind::Group);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *create = dialog.findChild<QPushButton *>(QStringLiteral("createButton"));
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("nameProblem"));
    QCOMPARE(create->text(), QStringLiteral("Create user group"));
    QVERIFY(!create->isEnabled());
    QVERIFY(problem->isHidden());   // nothing said before anything is typed
    QTest::keyClicks(name, QString(129, QLatin1Char('g')));
    QCOMPARE(problem->text(), QStringLiteral("The user group name can have up to 128 characters."));
    QVERIFY(!create->isEnabled());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("lab-user"));   // a user's name is free for a group
    QVERIFY(create->isEnabled());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.name(), QStringLiteral("lab-user"));
}

QTEST_MAIN(tst_CreatePrincipalDialog)
#include "tst_CreatePrincipalDialog.moc"
