// Arn: splitting ARNs into their parts, matching them part by part, and reading
// who is calling off CallerArn.

#include "Arn.h"

#include <QtTest>

using namespace iam;

class tst_Arn : public QObject
{
    Q_OBJECT

private slots:
    void splitArn_data();
    void splitArn();
    void arnMatches_data();
    void arnMatches();
    void parseCaller_data();
    void parseCaller();
    void isAccountId_data();
    void isAccountId();
};

void tst_Arn::splitArn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("parts");   // partition, service, region, account, resource

    // reference_identifiers.md § "IAM ARNs": arn:partition:service:region:account:resource;
    // S3 bucket ARNs leave region and account empty.
    QTest::newRow("s3-bucket-empty-region-and-account")
        << "arn:aws:s3:::lab-bucket" << true << QStringList{"aws", "s3", "", "", "lab-bucket"};
    QTest::newRow("s3-object-key-with-slashes")
        << "arn:aws:s3:::lab-bucket/home/dana/notes.txt" << true
        << QStringList{"aws", "s3", "", "", "lab-bucket/home/dana/notes.txt"};
    QTest::newRow("user-with-path")
        << "arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/Jane" << true
        << QStringList{"aws", "iam", "", "111122223333", "user/division_abc/subdivision_xyz/Jane"};
    QTest::newRow("regional-resource")
        << "arn:aws:sqs:us-east-2:111122223333:queue1" << true
        << QStringList{"aws", "sqs", "us-east-2", "111122223333", "queue1"};
    // The resource part keeps any further colons (log groups, Lambda versions).
    QTest::newRow("resource-keeps-colons")
        << "arn:aws:logs:us-east-1:111122223333:log-group:my-group:*" << true
        << QStringList{"aws", "logs", "us-east-1", "111122223333", "log-group:my-group:*"};
    QTest::newRow("lambda-version-after-colon")
        << "arn:aws:lambda:us-east-1:111122223333:function:my-fn:7" << true
        << QStringList{"aws", "lambda", "us-east-1", "111122223333", "function:my-fn:7"};
    QTest::newRow("other-partition")
        << "arn:aws-cn:s3:::lab-bucket" << true << QStringList{"aws-cn", "s3", "", "", "lab-bucket"};
    QTest::newRow("empty-resource-part") << "arn:aws:s3:::" << true << QStringList{"aws", "s3", "", "", ""};
    QTest::newRow("wildcards-kept-as-text")
        << "arn:aws:ec2:*:*:instance/*" << true << QStringList{"aws", "ec2", "*", "*", "instance/*"};

    QTest::newRow("too-few-colons") << "arn:aws:s3::lab-bucket" << false << QStringList{};
    QTest::newRow("prefix-only") << "arn:" << false << QStringList{};
    QTest::newRow("not-an-arn") << "lab-bucket" << false << QStringList{};
    QTest::newRow("star") << "*" << false << QStringList{};
    QTest::newRow("empty") << "" << false << QStringList{};
    QTest::newRow("service-principal") << "ec2.amazonaws.com" << false << QStringList{};
    QTest::newRow("uppercase-arn-prefix") << "ARN:aws:s3:::lab-bucket" << false << QStringList{};
}

void tst_Arn::splitArn()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QStringList, parts);
    const std::string arn = text.toStdString();
    const auto split = iam::splitArn(arn);
    QCOMPARE(split.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(QString::fromUtf8(split->partition().data(), qsizetype(split->partition().size())), parts[0]);
    QCOMPARE(QString::fromUtf8(split->service().data(), qsizetype(split->service().size())), parts[1]);
    QCOMPARE(QString::fromUtf8(split->region().data(), qsizetype(split->region().size())), parts[2]);
    QCOMPARE(QString::fromUtf8(split->account().data(), qsizetype(split->account().size())), parts[3]);
    QCOMPARE(QString::fromUtf8(split->resource().data(), qsizetype(split->resource().size())), parts[4]);
    // Views into the caller's string, not copies.
    QVERIFY(split->resource().data() >= arn.data() && split->resource().data() <= arn.data() + arn.size());
}

void tst_Arn::arnMatches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("arn");
    QTest::addColumn<bool>("expected");

    // reference_policies_elements_resource.md ("wildcard characters within any ARN segment")
    // and reference_policies_elements_condition_operators.md § "Amazon Resource Name (ARN)
    // condition operators": each colon-delimited part is matched on its own.
    QTest::newRow("lone-star-matches-every-arn") << "*" << "arn:aws:iam::111122223333:role/x" << true;
    QTest::newRow("lone-star-matches-non-arn") << "*" << "lab-bucket" << true;
    QTest::newRow("exact-arn") << "arn:aws:s3:::lab-bucket" << "arn:aws:s3:::lab-bucket" << true;
    QTest::newRow("bucket-does-not-cover-its-objects") << "arn:aws:s3:::lab-bucket" << "arn:aws:s3:::lab-bucket/a" << false;
    QTest::newRow("star-in-resource-part-spans-slashes")
        << "arn:aws:s3:::lab-bucket/*" << "arn:aws:s3:::lab-bucket/home/dana/notes.txt" << true;
    QTest::newRow("star-in-resource-part-spans-colons")
        << "arn:aws:logs:us-east-1:111122223333:log-group:*"
        << "arn:aws:logs:us-east-1:111122223333:log-group:my-group:log-stream:s1" << true;
    QTest::newRow("s3-star-does-not-reach-iam") << "arn:aws:s3:::*" << "arn:aws:iam::1:role/x" << false;
    QTest::newRow("s3-star-does-not-reach-iam-real-account")
        << "arn:aws:s3:::*" << "arn:aws:iam::111122223333:role/x" << false;
    QTest::newRow("s3-star-covers-bucket-and-objects") << "arn:aws:s3:::*" << "arn:aws:s3:::b/k" << true;
    // The guide's own example: StringLike would match, ArnLike must not, because the
    // first `*` may only take `us-east-2`.
    QTest::newRow("star-in-region-stays-in-region")
        << "arn:aws:someservice:*:111122223333:finance/*"
        << "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt" << false;
    QTest::newRow("star-in-region-matches-region")
        << "arn:aws:someservice:*:111122223333:finance/*"
        << "arn:aws:someservice:us-east-2:111122223333:finance/document.txt" << true;
    QTest::newRow("star-part-matches-empty-part") << "arn:aws:s3:*:*:lab-bucket" << "arn:aws:s3:::lab-bucket" << true;
    QTest::newRow("every-part-star") << "arn:*:*:*:*:*" << "arn:aws:iam::111122223333:user/dana" << true;
    QTest::newRow("every-part-star-needs-an-arn") << "arn:*:*:*:*:*" << "lab-bucket" << false;
    QTest::newRow("question-in-account") << "arn:aws:iam::11112222333?:root" << "arn:aws:iam::111122223333:root" << true;
    QTest::newRow("question-in-account-one-char-only")
        << "arn:aws:iam::1111222233?:root" << "arn:aws:iam::111122223333:root" << false;
    QTest::newRow("partial-service-wildcard") << "arn:aws:s*:::b" << "arn:aws:sqs:::b" << true;
    // ARNs are case-sensitive (reference_policies_elements_resource.md; wildcards.json
    // p-wc-resource-user-name-case).
    QTest::newRow("resource-part-case-sensitive")
        << "arn:aws:iam::111122223333:user/Dana" << "arn:aws:iam::111122223333:user/dana" << false;
    QTest::newRow("service-part-case-sensitive") << "arn:aws:S3:::b" << "arn:aws:s3:::b" << false;
    QTest::newRow("arn-pattern-against-non-arn") << "arn:aws:s3:::*" << "lab-bucket" << false;
    QTest::newRow("non-arn-pattern-is-whole-glob") << "lab-*" << "lab-bucket" << true;
    QTest::newRow("non-arn-pattern-exact") << "lab-bucket" << "lab-bucket" << true;
}

void tst_Arn::arnMatches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, arn);
    QFETCH(bool, expected);
    QCOMPARE(iam::arnMatches(pattern.toStdString(), arn.toStdString()), expected);
}

void tst_Arn::parseCaller_data()
{
    QTest::addColumn<QString>("callerArn");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("roleName");

    using Kind = Caller::Kind;
    // reference_policies_elements_principal.md: account root, IAM users, IAM roles,
    // role sessions, federated user sessions and AWS service principals.
    QTest::newRow("account-root") << "arn:aws:iam::111122223333:root" << int(Kind::AccountRoot) << "111122223333" << "";
    QTest::newRow("other-partition-root") << "arn:aws-cn:iam::111122223333:root" << int(Kind::AccountRoot)
                                          << "111122223333" << "";
    QTest::newRow("user") << "arn:aws:iam::111122223333:user/dana" << int(Kind::User) << "111122223333" << "";
    QTest::newRow("user-with-path") << "arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/Jane"
                                    << int(Kind::User) << "111122223333" << "";
    QTest::newRow("role") << "arn:aws:iam::111122223333:role/S3Access" << int(Kind::Role) << "111122223333"
                          << "S3Access";
    QTest::newRow("role-with-path-name-is-last-segment")
        << "arn:aws:iam::111122223333:role/service-role/team/S3Access" << int(Kind::Role) << "111122223333"
        << "S3Access";
    QTest::newRow("assumed-role-session")
        << "arn:aws:sts::444455556666:assumed-role/S3Access/i-0abcd1234" << int(Kind::AssumedRole) << "444455556666"
        << "S3Access";
    QTest::newRow("assumed-role-session-name-with-at")
        << "arn:aws:sts::111122223333:assumed-role/Admin/dana@example.com" << int(Kind::AssumedRole)
        << "111122223333" << "Admin";
    QTest::newRow("federated-user") << "arn:aws:sts::111122223333:federated-user/Bob" << int(Kind::FederatedUser)
                                    << "111122223333" << "";
    QTest::newRow("service-principal") << "ec2.amazonaws.com" << int(Kind::Service) << "" << "";
    QTest::newRow("service-principal-elb") << "elasticloadbalancing.amazonaws.com" << int(Kind::Service) << "" << "";
    // A group is not a principal; it is still an ARN, matched only exactly.
    QTest::newRow("group-is-other") << "arn:aws:iam::111122223333:group/Developers" << int(Kind::Other)
                                    << "111122223333" << "";
    QTest::newRow("empty-is-other") << "" << int(Kind::Other) << "" << "";
}

void tst_Arn::parseCaller()
{
    QFETCH(QString, callerArn);
    QFETCH(int, kind);
    QFETCH(QString, account);
    QFETCH(QString, roleName);
    const std::string arn = callerArn.toStdString();
    const Caller caller = iam::parseCaller(arn);
    QCOMPARE(int(caller.kind), kind);
    QCOMPARE(std::string(caller.arn), arn);
    QCOMPARE(std::string(caller.account), account.toStdString());
    QCOMPARE(std::string(caller.roleName), roleName.toStdString());
}

void tst_Arn::isAccountId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    // reference_policies_elements_principal.md § "AWS account principals": a 12-digit id.
    QTest::newRow("twelve-digits") << "111122223333" << true;
    QTest::newRow("leading-zeros") << "000011112222" << true;
    QTest::newRow("eleven-digits") << "11112222333" << false;
    QTest::newRow("thirteen-digits") << "1111222233334" << false;
    QTest::newRow("letter-inside") << "11112222333a" << false;
    QTest::newRow("hyphenated") << "1111-2222-3333" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("root-arn-is-not-an-id") << "arn:aws:iam::111122223333:root" << false;
}

void tst_Arn::isAccountId()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(iam::isAccountId(text.toStdString()), expected);
}

QTEST_APPLESS_MAIN(tst_Arn)
#include "tst_Arn.moc"
