#include "ArnTemplate.h"

#include <QTest>

class tst_ArnTemplate : public QObject
{
    Q_OBJECT

private slots:
    void listsItsVariables();
    void build_data();
    void build();
};

void tst_ArnTemplate::listsItsVariables()
{
    const ArnTemplate role(QStringLiteral("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
    QCOMPARE(role.variables(), (QStringList{QStringLiteral("Partition"), QStringLiteral("Account"),
                                            QStringLiteral("RoleNameWithPath")}));
    QCOMPARE(role.editableVariables(), (QStringList{QStringLiteral("Account"), QStringLiteral("RoleNameWithPath")}));
    QCOMPARE(ArnTemplate(QStringLiteral("*")).variables(), QStringList());
}

void tst_ArnTemplate::build_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("values");   // name, value, name, value...
    QTest::addColumn<QString>("arn");
    const QString bucket = QStringLiteral("arn:${Partition}:s3:::${BucketName}");
    const QString object = QStringLiteral("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    const QString role = QStringLiteral("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
    QTest::newRow("bucket") << bucket << QStringList{QStringLiteral("BucketName"), QStringLiteral("lab-bucket-111122223333")}
                            << QStringLiteral("arn:aws:s3:::lab-bucket-111122223333");
    QTest::newRow("any-bucket") << bucket << QStringList{} << QStringLiteral("arn:aws:s3:::*");
    QTest::newRow("any-object-of-bucket") << object << QStringList{QStringLiteral("BucketName"), QStringLiteral("b")}
                                          << QStringLiteral("arn:aws:s3:::b/*");
    QTest::newRow("role") << role
                          << QStringList{QStringLiteral("Account"), QStringLiteral("111122223333"),
                                         QStringLiteral("RoleNameWithPath"), QStringLiteral("S3Access")}
                          << QStringLiteral("arn:aws:iam::111122223333:role/S3Access");
    QTest::newRow("blank-is-any") << role << QStringList{QStringLiteral("Account"), QStringLiteral("  ")}
                                  << QStringLiteral("arn:aws:iam::*:role/*");
    QTest::newRow("other-partition") << bucket << QStringList{QStringLiteral("Partition"), QStringLiteral("aws-cn")}
                                     << QStringLiteral("arn:aws-cn:s3:::*");
}

void tst_ArnTemplate::build()
{
    QFETCH(QString, format);
    QFETCH(QStringList, values);
    QFETCH(QString, arn);
    QHash<QString, QString> map;
    for (int i = 0; i + 1 < values.size(); i += 2)
        map.insert(values[i], values[i + 1]);
    QCOMPARE(ArnTemplate(format).build(map), arn);
}

QTEST_GUILESS_MAIN(tst_ArnTemplate)
#include "tst_ArnTemplate.moc"
