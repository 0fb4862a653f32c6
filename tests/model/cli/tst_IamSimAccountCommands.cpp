// iam-sim's workspace commands in-process: the walkthrough driven as a script would.

#include "IamSimCli.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using json = nlohmann::json;

class tst_IamSimAccountCommands : public QObject
{
    Q_OBJECT

private slots:
    void walkthroughAsScript();
    void newWorkspaceRefusesToOverwrite();
    void instanceWithoutRoleHasNoCredentials();

private:
    struct Run
    {
        int code;
        std::string out;
        std::string err;
    };
    Run run(std::vector<std::string> args)
    {
        std::istringstream in;
        std::ostringstream out, err;
        const int code = iam::runIamSim(args, in, out, err);
        return {code, out.str(), err.str()};
    }
    Run call(const std::string &as, const std::string &service, const std::string &operation,
             const std::string &params = "{}")
    {
        return run({"call", "--workspace", m_path, "--as", as, service, operation, params, "--save"});
    }

    QTemporaryDir m_dir;
    std::string m_path = m_dir.filePath("lab.iamstudio").toStdString();
};

void tst_IamSimAccountCommands::walkthroughAsScript()
{
    QCOMPARE(run({"new-workspace", m_path}).code, 0);
    const std::string trust = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],"Principal":{"Service":["ec2.amazonaws.com"]}}]})";
    Run r = call("root", "iam", "CreateRole", json{{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", trust}}.dump());
    QVERIFY2(r.code == 0, r.err.c_str());
    QCOMPARE(json::parse(r.out)["Role"]["Arn"].get<std::string>(), std::string("arn:aws:iam::111122223333:role/S3Access"));
    // The bundled catalog knows AmazonS3ReadOnlyAccess.
    r = call("root", "iam", "AttachRolePolicy", R"({"RoleName": "S3Access", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"})");
    QVERIFY2(r.code == 0, r.err.c_str());
    QCOMPARE(call("root", "iam", "CreateInstanceProfile", R"({"InstanceProfileName": "S3Access"})").code, 0);
    QCOMPARE(call("root", "iam", "AddRoleToInstanceProfile", R"({"InstanceProfileName": "S3Access", "RoleName": "S3Access"})").code, 0);
    const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/S3Access"}]})";
    QCOMPARE(call("root", "iam", "CreatePolicy", json{{"PolicyName", "IAM-User-Policy"}, {"PolicyDocument", policy}}.dump()).code, 0);
    QCOMPARE(call("root", "iam", "AttachUserPolicy", R"({"UserName": "lab-user", "PolicyArn": "arn:aws:iam::111122223333:policy/IAM-User-Policy"})").code, 0);

    // simulate-principal-policy with lab-user's real policies.
    r = run({"simulate-principal-policy", "--workspace", m_path, "--policy-source-arn",
             "arn:aws:iam::111122223333:user/lab-user", "--action-names", "iam:PassRole", "--resource-arns",
             "arn:aws:iam::111122223333:role/S3Access", "arn:aws:iam::111122223333:role/Other"});
    QVERIFY2(r.code == 0, r.err.c_str());
    const json results = json::parse(r.out)["EvaluationResults"];
    QCOMPARE(results[0]["EvalDecision"].get<std::string>(), std::string("allowed"));
    QCOMPARE(results[1]["EvalDecision"].get<std::string>(), std::string("implicitDeny"));

    // Modify IAM role as lab-user, then aws s3 ls on the instance and on the laptop.
    r = call("arn:aws:iam::111122223333:user/lab-user", "ec2", "AssociateIamInstanceProfile",
             R"({"InstanceId": "i-0abc1234def567890", "IamInstanceProfile": {"Name": "S3Access"}})");
    QVERIFY2(r.code == 0, r.err.c_str());
    r = call("instance:i-0abc1234def567890", "s3", "ListBuckets");
    QVERIFY2(r.code == 0, r.err.c_str());
    QVERIFY(!json::parse(r.out)["Buckets"].empty());
    r = call("arn:aws:iam::111122223333:user/lab-user", "s3", "ListBuckets");
    QCOMPARE(r.code, 254);
    QCOMPARE(r.err, std::string("An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied\n"));

    // Everything went through the saved workspace: the export shows the new role.
    r = run({"export-authorization-details", "--workspace", m_path});
    QCOMPARE(r.code, 0);
    const json details = json::parse(r.out);
    const bool hasRole = std::any_of(details["RoleDetailList"].begin(), details["RoleDetailList"].end(),
                                     [](const json &role) { return role["RoleName"] == "S3Access"; });
    QVERIFY(hasRole);
}

void tst_IamSimAccountCommands::newWorkspaceRefusesToOverwrite()
{
    const std::string path = m_dir.filePath("twice.iamstudio").toStdString();
    QCOMPARE(run({"new-workspace", path}).code, 0);
    const Run again = run({"new-workspace", path});
    QCOMPARE(again.code, 2);
    QVERIFY(again.err.find("already exists") != std::string::npos);
    QCOMPARE(run({"new-workspace", path, "--force"}).code, 0);
}

void tst_IamSimAccountCommands::instanceWithoutRoleHasNoCredentials()
{
    const std::string path = m_dir.filePath("bare.iamstudio").toStdString();
    QCOMPARE(run({"new-workspace", path}).code, 0);
    const Run r = run({"call", "--workspace", path, "--as", "instance:i-0abc1234def567890", "s3", "ListBuckets"});
    QCOMPARE(r.code, 253);
    QCOMPARE(r.err, std::string("Unable to locate credentials. You can configure credentials by running \"aws configure\".\n"));
}

QTEST_APPLESS_MAIN(tst_IamSimAccountCommands)
#include "tst_IamSimAccountCommands.moc"
