// The console's use cases for a role an AWS service assumes: EC2 first, each use
// case with a principal and a description, every suggested policy a real one.

#include "RoleUseCases.h"

#include "AwsManagedPolicies.h"
#include "Catalogs.h"

#include <QtTest>

class tst_RoleUseCases : public QObject
{
    Q_OBJECT

private slots:
    void ec2FirstThenLambda();
    void ec2UseCasesInTheConsolesOrder();
    void everyUseCaseIsComplete();
    void suggestedPoliciesExist();
    void find();
};

void tst_RoleUseCases::ec2FirstThenLambda()
{
    const QStringList services = RoleUseCases::services();
    QCOMPARE(RoleUseCases::commonServices(), (QStringList{"EC2", "Lambda"}));
    QCOMPARE(services.mid(0, 2), RoleUseCases::commonServices());
    QVERIFY(services.size() > 8);
    QStringList unique = services;
    QCOMPARE(unique.removeDuplicates(), 0);
    // The others by name.
    const QStringList others = services.mid(2);
    QStringList sorted = others;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(others, sorted);
}

void tst_RoleUseCases::ec2UseCasesInTheConsolesOrder()
{
    const QList<RoleUseCase> ec2 = RoleUseCases::forService(QStringLiteral("EC2"));
    QVERIFY(ec2.size() >= 3);
    QCOMPARE(ec2.front().name, QStringLiteral("EC2"));
    QCOMPARE(ec2.front().description, QStringLiteral("Allows EC2 instances to call AWS services on your behalf."));
    QCOMPARE(ec2.front().roleDescription, ec2.front().description);
    QCOMPARE(ec2.front().principal, QStringLiteral("ec2.amazonaws.com"));
    QVERIFY(ec2.front().managedPolicyArns.isEmpty());
    QCOMPARE(ec2.at(1).name, QStringLiteral("EC2 Role for AWS Systems Manager"));
    QCOMPARE(ec2.at(2).name, QStringLiteral("EC2 Spot Fleet Role"));
}

void tst_RoleUseCases::everyUseCaseIsComplete()
{
    for (const RoleUseCase &useCase : RoleUseCases::all()) {
        QVERIFY2(!useCase.name.isEmpty() && !useCase.service.isEmpty(), qPrintable(useCase.name));
        QVERIFY2(useCase.description.endsWith(QLatin1Char('.')), qPrintable(useCase.name));
        QVERIFY2(useCase.principal.endsWith(QStringLiteral(".amazonaws.com")), qPrintable(useCase.principal));
        QVERIFY2(RoleUseCases::services().contains(useCase.service), qPrintable(useCase.service));
    }
}

void tst_RoleUseCases::suggestedPoliciesExist()
{
    const iam::AwsManagedPolicies *aws = Catalogs::bundled().awsManaged;
    QVERIFY(aws);
    for (const RoleUseCase &useCase : RoleUseCases::all()) {
        for (const QString &arn : useCase.managedPolicyArns)
            QVERIFY2(aws->find(arn.toStdString()), qPrintable(arn));
    }
}

void tst_RoleUseCases::find()
{
    const RoleUseCase *lambda = RoleUseCases::find(QStringLiteral("Lambda"), QStringLiteral("Lambda"));
    QVERIFY(lambda);
    QCOMPARE(lambda->principal, QStringLiteral("lambda.amazonaws.com"));
    QVERIFY(!RoleUseCases::find(QStringLiteral("EC2"), QStringLiteral("Lambda")));
}

QTEST_APPLESS_MAIN(tst_RoleUseCases)
#include "tst_RoleUseCases.moc"
