// The AWS CLI's output formats (json, text, table) against the CLI's own formatter
// on the same responses (expected texts produced by awscli.formatter.TableFormatter
// and awscli.text.format_text), --query, the shell-word tokenizer, and the CLI's
// "maybe you meant" matching.

#include "AwsCliFormatter.h"
#include "AwsCliHelp.h"
#include "AwsCliQuery.h"
#include "ShellLexer.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace iam;
using ordered_json = nlohmann::ordered_json;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<std::string>)

class tst_AwsCliOutput : public QObject
{
    Q_OBJECT

private slots:
    void tableAndText_data();
    void tableAndText();
    void jsonKeepsModelOrderAndV2Timestamps();
    void jsonPrintsNothingForEmptyStructure();
    void query_data();
    void query();
    void invalidQuery();
    void tokenizer_data();
    void tokenizer();
    void tokenizerReportsUnsupportedSyntax();
    void similarityMatchesDifflib();
};

void tst_AwsCliOutput::tableAndText_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<std::string>("operation");
    QTest::addColumn<std::string>("table");
    QTest::addColumn<std::string>("text");
    QTest::newRow("identity") << QByteArray(R"json({"UserId": "AIDAEXAMPLEUSERID0001", "Account": "111122223333", "Arn": "arn:aws:iam::111122223333:user/lab-user"})json")
        << std::string("GetCallerIdentity")
        << std::string("--------------------------------------------------------\n"
        "|                   GetCallerIdentity                  |\n"
        "+---------+--------------------------------------------+\n"
        "|  Account|  111122223333                              |\n"
        "|  Arn    |  arn:aws:iam::111122223333:user/lab-user   |\n"
        "|  UserId |  AIDAEXAMPLEUSERID0001                     |\n"
        "+---------+--------------------------------------------+\n")
        << std::string("111122223333\tarn:aws:iam::111122223333:user/lab-user\tAIDAEXAMPLEUSERID0001\n");
    QTest::newRow("buckets") << QByteArray(R"json({"Buckets": [{"Name": "lab-bucket-111122223333", "CreationDate": "2024-04-30T16:20:00+00:00"}, {"Name": "logs", "CreationDate": "2024-05-01T09:00:00+00:00"}], "Owner": {"DisplayName": "iam-studio-lab", "ID": "7f3e"}})json")
        << std::string("ListBuckets")
        << std::string("------------------------------------------------------------\n"
        "|                        ListBuckets                       |\n"
        "+----------------------------------------------------------+\n"
        "||                         Buckets                        ||\n"
        "|+----------------------------+---------------------------+|\n"
        "||        CreationDate        |           Name            ||\n"
        "|+----------------------------+---------------------------+|\n"
        "||  2024-04-30T16:20:00+00:00 |  lab-bucket-111122223333  ||\n"
        "||  2024-05-01T09:00:00+00:00 |  logs                     ||\n"
        "|+----------------------------+---------------------------+|\n"
        "||                          Owner                         ||\n"
        "|+--------------------------------------+-----------------+|\n"
        "||              DisplayName             |       ID        ||\n"
        "|+--------------------------------------+-----------------+|\n"
        "||  iam-studio-lab                      |  7f3e           ||\n"
        "|+--------------------------------------+-----------------+|\n")
        << std::string("BUCKETS\t2024-04-30T16:20:00+00:00\tlab-bucket-111122223333\n"
        "BUCKETS\t2024-05-01T09:00:00+00:00\tlogs\n"
        "OWNER\tiam-studio-lab\t7f3e\n");
    QTest::newRow("instances") << QByteArray(R"json({"Reservations": [{"Instances": [{"InstanceId": "i-0abc1234def567890", "ImageId": "ami-0abcdef1234567890", "InstanceType": "t2.micro", "LaunchTime": "2024-04-30T16:20:00+00:00", "Placement": {"AvailabilityZone": "us-east-1a"}, "State": {"Code": 16, "Name": "running"}, "Tags": [{"Key": "Name", "Value": "lab-instance"}], "EbsOptimized": false}]}]})json")
        << std::string("DescribeInstances")
        << std::string("---------------------------------------------------\n"
        "|                DescribeInstances                |\n"
        "+-------------------------------------------------+\n"
        "||                 Reservations                  ||\n"
        "|||                  Instances                  |||\n"
        "||+---------------+-----------------------------+||\n"
        "|||  EbsOptimized |  False                      |||\n"
        "|||  ImageId      |  ami-0abcdef1234567890      |||\n"
        "|||  InstanceId   |  i-0abc1234def567890        |||\n"
        "|||  InstanceType |  t2.micro                   |||\n"
        "|||  LaunchTime   |  2024-04-30T16:20:00+00:00  |||\n"
        "||+---------------+-----------------------------+||\n"
        "||||                 Placement                 ||||\n"
        "|||+------------------------+------------------+|||\n"
        "||||  AvailabilityZone      |  us-east-1a      ||||\n"
        "|||+------------------------+------------------+|||\n"
        "||||                   State                   ||||\n"
        "|||+-----------------+-------------------------+|||\n"
        "||||  Code           |  16                     ||||\n"
        "||||  Name           |  running                ||||\n"
        "|||+-----------------+-------------------------+|||\n"
        "||||                   Tags                    ||||\n"
        "|||+--------------+----------------------------+|||\n"
        "||||  Key         |  Name                      ||||\n"
        "||||  Value       |  lab-instance              ||||\n"
        "|||+--------------+----------------------------+|||\n")
        << std::string("INSTANCES\tFalse\tami-0abcdef1234567890\ti-0abc1234def567890\tt2.micro\t2024-04-30T16:20:00+00:00\n"
        "PLACEMENT\tus-east-1a\n"
        "STATE\t16\trunning\n"
        "TAGS\tName\tlab-instance\n");
    QTest::newRow("role") << QByteArray(R"json({"Role": {"Path": "/", "RoleName": "S3Access", "RoleId": "AROAEXAMPLEROLEID0001", "Arn": "arn:aws:iam::111122223333:role/S3Access", "CreateDate": "2024-05-01T09:00:00+00:00", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]}, "Action": ["sts:AssumeRole"]}]}, "MaxSessionDuration": 3600}})json")
        << std::string("GetRole")
        << std::string("---------------------------------------------------------------------\n"
        "|                              GetRole                              |\n"
        "+-------------------------------------------------------------------+\n"
        "||                              Role                               ||\n"
        "|+---------------------+-------------------------------------------+|\n"
        "||  Arn                |  arn:aws:iam::111122223333:role/S3Access  ||\n"
        "||  CreateDate         |  2024-05-01T09:00:00+00:00                ||\n"
        "||  MaxSessionDuration |  3600                                     ||\n"
        "||  Path               |  /                                        ||\n"
        "||  RoleId             |  AROAEXAMPLEROLEID0001                    ||\n"
        "||  RoleName           |  S3Access                                 ||\n"
        "|+---------------------+-------------------------------------------+|\n"
        "|||                   AssumeRolePolicyDocument                    |||\n"
        "||+---------------------------+-----------------------------------+||\n"
        "|||  Version                  |  2012-10-17                       |||\n"
        "||+---------------------------+-----------------------------------+||\n"
        "||||                          Statement                          ||||\n"
        "|||+-------------------------------+-----------------------------+|||\n"
        "||||  Effect                       |  Allow                      ||||\n"
        "|||+-------------------------------+-----------------------------+|||\n"
        "|||||                          Action                           |||||\n"
        "||||+-----------------------------------------------------------+||||\n"
        "|||||  sts:AssumeRole                                           |||||\n"
        "||||+-----------------------------------------------------------+||||\n"
        "|||||                         Principal                         |||||\n"
        "||||+-----------------------------------------------------------+||||\n"
        "||||||                         Service                         ||||||\n"
        "|||||+---------------------------------------------------------+|||||\n"
        "||||||  ec2.amazonaws.com                                      ||||||\n"
        "|||||+---------------------------------------------------------+|||||\n")
        << std::string("ROLE\tarn:aws:iam::111122223333:role/S3Access\t2024-05-01T09:00:00+00:00\t3600\t/\tAROAEXAMPLEROLEID0001\tS3Access\n"
        "ASSUMEROLEPOLICYDOCUMENT\t2012-10-17\n"
        "STATEMENT\tAllow\n"
        "ACTION\tsts:AssumeRole\n"
        "SERVICE\tec2.amazonaws.com\n");
    QTest::newRow("roles") << QByteArray(R"json({"Roles": [{"RoleName": "S3Access", "Path": "/", "MaxSessionDuration": 3600}, {"RoleName": "Admin", "Path": "/ops/", "MaxSessionDuration": 43200}]})json")
        << std::string("ListRoles")
        << std::string("-----------------------------------------------\n"
        "|                  ListRoles                  |\n"
        "+---------------------------------------------+\n"
        "||                   Roles                   ||\n"
        "|+---------------------+--------+------------+|\n"
        "|| MaxSessionDuration  | Path   | RoleName   ||\n"
        "|+---------------------+--------+------------+|\n"
        "||  3600               |  /     |  S3Access  ||\n"
        "||  43200              |  /ops/ |  Admin     ||\n"
        "|+---------------------+--------+------------+|\n")
        << std::string("ROLES\t3600\t/\tS3Access\n"
        "ROLES\t43200\t/ops/\tAdmin\n");
    QTest::newRow("small") << QByteArray(R"json({"Account": "111122223333", "UserId": "AIDA1"})json")
        << std::string("GetCallerIdentity")
        << std::string("----------------------------\n"
        "|     GetCallerIdentity    |\n"
        "+---------------+----------+\n"
        "|    Account    | UserId   |\n"
        "+---------------+----------+\n"
        "|  111122223333 |  AIDA1   |\n"
        "+---------------+----------+\n")
        << std::string("111122223333\tAIDA1\n");
    QTest::newRow("scalars") << QByteArray(R"json([["S3Access", "/"], ["Admin", "/ops/"]])json")
        << std::string("ListRoles")
        << std::string("-----------------------\n"
        "|      ListRoles      |\n"
        "+-----------+---------+\n"
        "|  S3Access |  /      |\n"
        "|  Admin    |  /ops/  |\n"
        "+-----------+---------+\n")
        << std::string("S3Access\t/\n"
        "Admin\t/ops/\n");
}

void tst_AwsCliOutput::tableAndText()
{
    QFETCH(QByteArray, response);
    QFETCH(std::string, operation);
    QFETCH(std::string, table);
    QFETCH(std::string, text);
    const ordered_json value = AwsCliFormatter::present(nlohmann::json::parse(response.toStdString()));
    QCOMPARE(AwsCliFormatter::table(operation, value), table);
    QCOMPARE(AwsCliFormatter::text(value), text);
}

void tst_AwsCliOutput::jsonKeepsModelOrderAndV2Timestamps()
{
    // nlohmann::json sorts keys; the CLI prints them in the service model's order
    // and v2 writes timestamps as ISO 8601 with an offset.
    const nlohmann::json response = nlohmann::json::parse(R"({
        "Owner": {"ID": "7f3e", "DisplayName": "iam-studio-lab"},
        "Buckets": [{"CreationDate": "2024-04-30T16:20:00Z", "Name": "lab-bucket-111122223333"}]})");
    QCOMPARE(AwsCliFormatter::json(AwsCliFormatter::present(response)),
             std::string("{\n"
                         "    \"Buckets\": [\n"
                         "        {\n"
                         "            \"Name\": \"lab-bucket-111122223333\",\n"
                         "            \"CreationDate\": \"2024-04-30T16:20:00+00:00\"\n"
                         "        }\n"
                         "    ],\n"
                         "    \"Owner\": {\n"
                         "        \"DisplayName\": \"iam-studio-lab\",\n"
                         "        \"ID\": \"7f3e\"\n"
                         "    }\n"
                         "}\n"));
    const nlohmann::json identity = {{"Arn", "arn:aws:iam::111122223333:user/lab-user"},
                                     {"Account", "111122223333"},
                                     {"UserId", "AIDAEXAMPLE"}};
    QCOMPARE(AwsCliFormatter::json(AwsCliFormatter::present(identity)),
             std::string("{\n"
                         "    \"UserId\": \"AIDAEXAMPLE\",\n"
                         "    \"Account\": \"111122223333\",\n"
                         "    \"Arn\": \"arn:aws:iam::111122223333:user/lab-user\"\n"
                         "}\n"));
    const nlohmann::json role = nlohmann::json::parse(R"({"Role": {"Arn": "a", "RoleName": "S3Access", "Path": "/",
        "RoleId": "AROA1", "CreateDate": "2024-05-01T09:00:00Z", "MaxSessionDuration": 3600,
        "AssumeRolePolicyDocument": {"Statement": [{"Principal": {"Service": "ec2.amazonaws.com"},
            "Action": "sts:AssumeRole", "Effect": "Allow"}], "Version": "2012-10-17"}}})");
    const std::string printed = AwsCliFormatter::json(AwsCliFormatter::present(role));
    QVERIFY(printed.find("\"Path\"") < printed.find("\"RoleName\""));
    QVERIFY(printed.find("\"RoleId\"") < printed.find("\"Arn\""));
    QVERIFY(printed.find("\"Version\"") < printed.find("\"Statement\""));
    QVERIFY(printed.find("\"Effect\"") < printed.find("\"Principal\""));
    QVERIFY(printed.find("\"Principal\"") < printed.find("\"Action\""));
    QVERIFY(printed.find("\"CreateDate\": \"2024-05-01T09:00:00+00:00\"") != std::string::npos);
}

void tst_AwsCliOutput::jsonPrintsNothingForEmptyStructure()
{
    QCOMPARE(AwsCliFormatter::json(ordered_json::object()), std::string());
    QCOMPARE(AwsCliFormatter::json(ordered_json()), std::string("null\n"));
    QCOMPARE(AwsCliFormatter::json(ordered_json::array()), std::string("[]\n"));
    QCOMPARE(AwsCliFormatter::text(ordered_json()), std::string("None\n"));
    QCOMPARE(AwsCliFormatter::text(ordered_json(true)), std::string("True\n"));
    QCOMPARE(AwsCliFormatter::table("ListRoles", ordered_json::array()), std::string());
}

void tst_AwsCliOutput::query_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    QTest::newRow("field") << "Account" << R"("111122223333")";
    QTest::newRow("sub-expression") << "Owner.DisplayName" << R"("lab")";
    QTest::newRow("missing") << "Nope.Nothing" << "null";
    QTest::newRow("index") << "Buckets[0].Name" << R"("b1")";
    QTest::newRow("negative-index") << "Buckets[-1].Name" << R"("b2")";
    QTest::newRow("projection") << "Buckets[*].Name" << R"(["b1","b2"])";
    QTest::newRow("flatten") << "Reservations[].Instances[].InstanceId" << R"(["i-1","i-2"])";
    QTest::newRow("filter-raw-string") << "Reservations[].Instances[?State.Name=='running'].InstanceId[]"
                                       << R"(["i-1"])";
    QTest::newRow("filter-literal") << "Reservations[].Instances[?State.Code==`80`][].InstanceId" << R"(["i-2"])";
    QTest::newRow("tag-value") << "Reservations[].Instances[].Tags[?Key=='Name'].Value[]" << R"(["web"])";
    QTest::newRow("multiselect-list") << "Buckets[].[Name,Size]" << R"([["b1",1],["b2",20]])";
    QTest::newRow("multiselect-hash") << "Buckets[].{N: Name}" << R"([{"N":"b1"},{"N":"b2"}])";
    QTest::newRow("pipe") << "Buckets[*].Name | [0]" << R"("b1")";
    QTest::newRow("length") << "length(Buckets)" << "2";
    QTest::newRow("comparison") << "Buckets[?Size > `5`].Name" << R"(["b2"])";
    QTest::newRow("and-not") << "Buckets[?Size > `0` && !(Name == 'b2')].Name" << R"(["b1"])";
    QTest::newRow("starts-with") << "Buckets[?starts_with(Name, 'b2')].Name" << R"(["b2"])";
    QTest::newRow("values") << "Owner.*" << R"(["lab"])";
    QTest::newRow("quoted") << "\"Account\"" << R"("111122223333")";
    QTest::newRow("current") << "Buckets[0].Name | @" << R"("b1")";
}

void tst_AwsCliOutput::query()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    const ordered_json document = ordered_json::parse(R"({
        "Account": "111122223333",
        "Owner": {"DisplayName": "lab"},
        "Buckets": [{"Name": "b1", "Size": 1}, {"Name": "b2", "Size": 20}],
        "Reservations": [{"Instances": [
            {"InstanceId": "i-1", "State": {"Code": 16, "Name": "running"}, "Tags": [{"Key": "Name", "Value": "web"}]},
            {"InstanceId": "i-2", "State": {"Code": 80, "Name": "stopped"}}]}]})");
    std::string error;
    const auto query = AwsCliQuery::parse(expression.toStdString(), &error);
    QVERIFY2(query, error.c_str());
    QCOMPARE(query->search(document).dump(), expected.toStdString());
}

void tst_AwsCliOutput::invalidQuery()
{
    std::string error;
    QVERIFY(!AwsCliQuery::parse("Buckets[", &error));
    QVERIFY(!error.empty());
    QVERIFY(!AwsCliQuery::parse("Buckets[?Name=='x'", &error));
    QVERIFY(!AwsCliQuery::parse("'unclosed", &error));
    QVERIFY(!AwsCliQuery::parse("a b", &error));
}

void tst_AwsCliOutput::tokenizer_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("blanks") << "  aws   s3\tls  " << QStringList{"aws", "s3", "ls"};
    QTest::newRow("single-quotes") << "echo 'a \"b\" \\c'" << QStringList{"echo", "a \"b\" \\c"};
    QTest::newRow("double-quotes") << R"(echo "a 'b' \"c\" \$d \n")" << QStringList{"echo", R"(a 'b' "c" $d \n)"};
    QTest::newRow("adjacent-quotes") << R"(echo a"b c"'d e'f)" << QStringList{"echo", "ab cd ef"};
    QTest::newRow("empty-quoted-word") << "echo '' \"\"" << QStringList{"echo", "", ""};
    QTest::newRow("backslash-escapes") << R"(echo a\ b \'c\")" << QStringList{"echo", "a b", "'c\""};
    QTest::newRow("line-continuation") << "echo a\\\nb" << QStringList{"echo", "ab"};
    QTest::newRow("comment") << "aws s3 ls # list buckets" << QStringList{"aws", "s3", "ls"};
    QTest::newRow("hash-inside-word") << "echo a#b" << QStringList{"echo", "a#b"};
    QTest::newRow("json-argument") << R"(aws x --p '{"Name": "S3Access"}')"
                                   << QStringList{"aws", "x", "--p", R"({"Name": "S3Access"})"};
    QTest::newRow("operator-in-quotes") << "echo 'a|b' \"c>d\"" << QStringList{"echo", "a|b", "c>d"};
}

void tst_AwsCliOutput::tokenizer()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    const ShellWords split = ShellLexer::split(line.toStdString());
    QVERIFY(split.ok());
    QStringList got;
    for (const std::string &word : split.words)
        got << QString::fromStdString(word);
    QCOMPARE(got, words);
}

void tst_AwsCliOutput::tokenizerReportsUnsupportedSyntax()
{
    ShellWords split = ShellLexer::split("echo 'open");
    QCOMPARE(split.unterminatedQuote, '\'');
    split = ShellLexer::split("echo \"open 'x'");
    QCOMPARE(split.unterminatedQuote, '"');
    QVERIFY(!split.endsInBlank);
    split = ShellLexer::split("aws s3 ls | grep x");
    QCOMPARE(split.unsupportedOperator, std::string("|"));
    split = ShellLexer::split("aws s3 ls >> out.txt");
    QCOMPARE(split.unsupportedOperator, std::string(">>"));
    split = ShellLexer::split("true && false");
    QCOMPARE(split.unsupportedOperator, std::string("&&"));
    QVERIFY(ShellLexer::split("aws s3 ").endsInBlank);
    QVERIFY(!ShellLexer::split("aws s3").endsInBlank);
}

void tst_AwsCliOutput::similarityMatchesDifflib()
{
    // difflib.SequenceMatcher(None, a, b).ratio() for the same pairs.
    QCOMPARE(AwsCliHelp::similarity("get-caller-identty", "get-caller-identity"), 36.0 / 37.0);
    QCOMPARE(AwsCliHelp::similarity("s4", "s3"), 0.5);
    QCOMPARE(AwsCliHelp::similarity("ec", "ec2"), 0.8);
    QCOMPARE(AwsCliHelp::similarity("abc", "xyz"), 0.0);
    const std::string message = AwsCliHelp::invalidChoice("lst-roles", {"get-role", "list-roles"});
    QVERIFY(message.ends_with("\n\n\nInvalid choice: 'lst-roles', maybe you meant:\n\n  * list-roles"));
}

QTEST_APPLESS_MAIN(tst_AwsCliOutput)
#include "tst_AwsCliOutput.moc"
