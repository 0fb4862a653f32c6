// IAM's name rules for users, groups and roles, checked before any call.

#include "PrincipalNameRules.h"

#include <QtTest>

class tst_PrincipalNameRules : public QObject
{
    Q_OBJECT

private slots:
    void problems_data();
    void problems();
};

void tst_PrincipalNameRules::problems_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("user-ok") << int(PrincipalKind::User) << "dev.ops+1@team_a-b=c," << "";
    QTest::newRow("user-empty") << int(PrincipalKind::User) << "" << "Enter a user name.";
    QTest::newRow("user-space") << int(PrincipalKind::User) << "lab user"
                                << "The user name contains characters that are not allowed.";
    QTest::newRow("user-65") << int(PrincipalKind::User) << QString(65, QLatin1Char('a'))
                             << "The user name can have up to 64 characters.";
    QTest::newRow("group-128-ok") << int(PrincipalKind::Group) << QString(128, QLatin1Char('a')) << "";
    QTest::newRow("group-129") << int(PrincipalKind::Group) << QString(129, QLatin1Char('a'))
                               << "The user group name can have up to 128 characters.";
    QTest::newRow("role-slash") << int(PrincipalKind::Role) << "a/b"
                                << "The role name contains characters that are not allowed.";
}

void tst_PrincipalNameRules::problems()
{
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, problem);
    QCOMPARE(principalNameProblem(PrincipalKind(kind), name), problem);
}

QTEST_APPLESS_MAIN(tst_PrincipalNameRules)
#include "tst_PrincipalNameRules.moc"
