// The terminal's shell in-process: the walkthrough's two outcomes, credentials on
// the laptop and on an instance, the AWS CLI's errors and exit codes, the instance
// metadata service, the builtins, and simulate-principal-policy.

#include "AccountApi.h"
#include "AwsShell.h"
#include "CatalogAwsManagedPolicies.h"
#include "DefaultWorkspace.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <memory>

using json = nlohmann::json;
using namespace iam;

namespace {

constexpr const char *kInstance = "i-0abc1234def567890";
constexpr const char *kBucket = "lab-bucket-111122223333";
const std::string kTrust = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],"Principal":{"Service":["ec2.amazonaws.com"]}}]})";
const std::string kUserPolicy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/S3Access"}]})";

} // namespace

class tst_AwsShell : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void instanceWithRoleListsBuckets();
    void laptopUserIsDeniedListBuckets();
    void noCredentialsExit253();
    void callsLandInEventLogAsTerminal();
    void s3LsBucketPrefixAndRecursive();
    void s3CpPrintsObject();
    void serviceErrorsExit254();
    void usageErrorsExit252();
    void helpAndVersion();
    void curlReadsInstanceMetadata();
    void curlOnLaptopTimesOut();
    void configureListShowsCredentialSource();
    void associateInstanceProfileFromTerminal();
    void simulatePrincipalPolicyDecisions();
    void simulatePrincipalPolicyNeedsPermission();
    void builtins();
    void promptAndCompletions();

private:
    void rootCall(const std::string &service, const std::string &operation, const json &params);
    void createS3AccessRole(bool associate);
    void attachUserPolicy();
    ShellRun laptop(const std::string &line, const std::string &user = "lab-user")
    {
        return m_shell->run(ShellContext::localMachine(user), line);
    }
    ShellRun onInstance(const std::string &line) { return m_shell->run(ShellContext::instance(kInstance), line); }

    std::unique_ptr<Account> m_account;
    std::unique_ptr<AccountApi> m_api;
    std::unique_ptr<AwsShell> m_shell;
};

void tst_AwsShell::init()
{
    const AwsManagedPolicies *managed = CatalogAwsManagedPolicies::bundled();
    QVERIFY(managed);
    m_account = defaultAccount(managed);
    m_api = std::make_unique<AccountApi>(*m_account);
    m_shell = std::make_unique<AwsShell>(*m_api);
}

void tst_AwsShell::rootCall(const std::string &service, const std::string &operation, const json &params)
{
    const CallResult result = m_api->call(CallerIdentity::root(), service, operation, params);
    QVERIFY2(result.ok(), result.cliError(operation).c_str());
}

void tst_AwsShell::createS3AccessRole(bool associate)
{
    rootCall("iam", "CreateRole", {{"RoleName", "S3Access"}, {"AssumeRolePolicyDocument", kTrust}});
    rootCall("iam", "AttachRolePolicy",
             {{"RoleName", "S3Access"}, {"PolicyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}});
    rootCall("iam", "CreateInstanceProfile", {{"InstanceProfileName", "S3Access"}});
    rootCall("iam", "AddRoleToInstanceProfile", {{"InstanceProfileName", "S3Access"}, {"RoleName", "S3Access"}});
    if (associate)
        rootCall("ec2", "AssociateIamInstanceProfile",
                 {{"InstanceId", kInstance}, {"IamInstanceProfile", {{"Name", "S3Access"}}}});
}

void tst_AwsShell::attachUserPolicy()
{
    rootCall("iam", "CreatePolicy", {{"PolicyName", "IAM-User-Policy"}, {"PolicyDocument", kUserPolicy}});
    rootCall("iam", "AttachUserPolicy",
             {{"UserName", "lab-user"}, {"PolicyArn", "arn:aws:iam::111122223333:policy/IAM-User-Policy"}});
}

void tst_AwsShell::instanceWithRoleListsBuckets()
{
    createS3AccessRole(true);
    const ShellRun run = onInstance("aws s3 ls");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, std::string("2024-04-30 16:20:00 lab-bucket-111122223333\n"));
    QCOMPARE(run.err, std::string());
    QCOMPARE(run.callerArn, std::string("arn:aws:sts::111122223333:assumed-role/S3Access/i-0abc1234def567890"));
    QCOMPARE(run.calls, std::vector<std::string>{"s3:ListBuckets"});
    QCOMPARE(run.authorizations.size(), std::size_t(1));
    QCOMPARE(run.authorizations[0].action, std::string("s3:ListAllMyBuckets"));
    QVERIFY(run.allowed());
}

void tst_AwsShell::laptopUserIsDeniedListBuckets()
{
    createS3AccessRole(true);
    attachUserPolicy();
    const ShellRun run = laptop("aws s3 ls");
    QCOMPARE(run.exitCode, 254);
    QCOMPARE(run.out, std::string());
    QCOMPARE(run.err, std::string("\nAn error occurred (AccessDenied) when calling the ListBuckets operation: "
                                  "Access Denied\n"));
    QCOMPARE(run.callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    QVERIFY(run.madeCalls());
    QVERIFY(!run.allowed());
    QCOMPARE(run.authorizations[0].outcome, Outcome::ImplicitDeny);
}

void tst_AwsShell::noCredentialsExit253()
{
    const std::string expected
        = "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n";
    // An instance with no instance profile: IMDS has no role, the CLI finds nothing.
    ShellRun run = onInstance("aws s3 ls");
    QCOMPARE(run.exitCode, 253);
    QCOMPARE(run.err, expected);
    QVERIFY(!run.madeCalls());
    QVERIFY(run.callerArn.empty());
    // `aws configure` never run, and a user deleted since.
    run = laptop("aws sts get-caller-identity", "");
    QCOMPARE(run.exitCode, 253);
    QCOMPARE(run.err, expected);
    run = laptop("aws sts get-caller-identity", "ghost");
    QCOMPARE(run.exitCode, 253);
    // A role EC2 may not assume gives no credentials either.
    rootCall("iam", "CreateRole",
             {{"RoleName", "NotForEc2"},
              {"AssumeRolePolicyDocument",
               R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"lambda.amazonaws.com"}}]})"}});
    rootCall("iam", "CreateInstanceProfile", {{"InstanceProfileName", "NotForEc2"}});
    rootCall("iam", "AddRoleToInstanceProfile", {{"InstanceProfileName", "NotForEc2"}, {"RoleName", "NotForEc2"}});
    rootCall("ec2", "AssociateIamInstanceProfile",
             {{"InstanceId", kInstance}, {"IamInstanceProfile", {{"Name", "NotForEc2"}}}});
    run = onInstance("aws s3 ls");
    QCOMPARE(run.exitCode, 253);
    QCOMPARE(run.err, expected);
}

void tst_AwsShell::callsLandInEventLogAsTerminal()
{
    const std::size_t before = m_account->eventLog().events().size();
    const ShellRun run = laptop("aws sts get-caller-identity");
    QCOMPARE(run.exitCode, 0);
    const auto &events = m_account->eventLog().events();
    QCOMPARE(events.size(), before + 1);
    QCOMPARE(events.back().source, CallSource::Terminal);
    QCOMPARE(events.back().action, std::string("sts:GetCallerIdentity"));
    QCOMPARE(events.back().callerArn, std::string("arn:aws:iam::111122223333:user/lab-user"));
    const json identity = json::parse(run.out);
    QCOMPARE(identity["Arn"].get<std::string>(), std::string("arn:aws:iam::111122223333:user/lab-user"));
    // Keys in the service model's order: UserId, Account, Arn.
    QVERIFY(run.out.find("\"UserId\"") < run.out.find("\"Account\""));
    QVERIFY(run.out.find("\"Account\"") < run.out.find("\"Arn\""));
}

void tst_AwsShell::s3LsBucketPrefixAndRecursive()
{
    createS3AccessRole(true);
    ShellRun run = onInstance(std::string("aws s3 ls s3://") + kBucket);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, std::string("                           PRE data/\n"
                                  "                           PRE images/\n"
                                  "2024-04-30 16:20:00         83 notes.txt\n"));
    QCOMPARE(run.calls, std::vector<std::string>{"s3:ListObjectsV2"});
    run = onInstance(std::string("aws s3 ls s3://") + kBucket + "/data/");
    QCOMPARE(run.out, std::string("2024-04-30 16:20:00         53 report.csv\n"
                                  "2024-04-30 16:20:00         43 users.json\n"));
    run = onInstance(std::string("aws s3 ls s3://") + kBucket + "/data");
    QCOMPARE(run.out, std::string("                           PRE data/\n"));
    run = onInstance(std::string("aws s3 ls --recursive s3://") + kBucket + " --summarize");
    QCOMPARE(run.out, std::string("2024-04-30 16:20:00         53 data/report.csv\n"
                                  "2024-04-30 16:20:00         43 data/users.json\n"
                                  "2024-04-30 16:20:00         78 images/architecture.txt\n"
                                  "2024-04-30 16:20:00         83 notes.txt\n"
                                  "\nTotal Objects: 4\n"
                                  "   Total Size: 257\n"));
    // Nothing under the prefix: no output, exit 1.
    run = onInstance(std::string("aws s3 ls s3://") + kBucket + "/nothing/");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, std::string());
    // The laptop user may not list the bucket.
    run = laptop(std::string("aws s3 ls s3://") + kBucket);
    QCOMPARE(run.exitCode, 254);
    QCOMPARE(run.err, std::string("\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: "
                                  "Access Denied\n"));
}

void tst_AwsShell::s3CpPrintsObject()
{
    createS3AccessRole(true);
    ShellRun run = onInstance(std::string("aws s3 cp s3://") + kBucket + "/data/report.csv -");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, std::string("month,requests,denied\n2024-03,1250,17\n2024-04,1398,9\n"));
    QCOMPARE(run.calls, std::vector<std::string>{"s3:GetObject"});
    run = onInstance(std::string("aws s3 cp s3://") + kBucket + "/notes.txt .");
    QCOMPARE(run.out, std::string("download: s3://lab-bucket-111122223333/notes.txt to ./notes.txt\n"));
    run = onInstance(std::string("aws s3 cp s3://") + kBucket + "/missing.txt -");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, std::string("fatal error: An error occurred (404) when calling the HeadObject operation: "
                                  "Key \"missing.txt\" does not exist\n"));
    run = laptop(std::string("aws s3 cp s3://") + kBucket + "/notes.txt -");
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, std::string("fatal error: An error occurred (403) when calling the HeadObject operation: "
                                  "Forbidden\n"));
}

void tst_AwsShell::serviceErrorsExit254()
{
    ShellRun run = laptop("aws iam get-role --role-name Nope");
    QCOMPARE(run.exitCode, 254);
    QVERIFY2(run.err.starts_with("\nAn error occurred (AccessDenied) when calling the GetRole operation: User: "
                                 "arn:aws:iam::111122223333:user/lab-user is not authorized to perform: "
                                 "iam:GetRole on resource: arn:aws:iam::111122223333:role/Nope because no "
                                 "identity-based policy allows the iam:GetRole action\n"),
             run.err.c_str());
    createS3AccessRole(false);
    run = m_shell->run(ShellContext::instance(kInstance), "aws iam get-role --role-name S3Access");
    QCOMPARE(run.exitCode, 253);   // no profile associated yet
}

void tst_AwsShell::usageErrorsExit252()
{
    const std::string usage = "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
                              "To see help text, you can run:\n\n"
                              "  aws help\n"
                              "  aws <command> help\n"
                              "  aws <command> <subcommand> help\n\n";
    ShellRun run = laptop("aws");
    QCOMPARE(run.exitCode, 252);
    QCOMPARE(run.err, usage + "aws: error: the following arguments are required: command\n\n");
    run = laptop("aws iam get-role");
    QCOMPARE(run.exitCode, 252);
    QCOMPARE(run.err, usage + "aws: error: the following arguments are required: --role-name\n\n");
    QVERIFY(!run.madeCalls());
    run = laptop("aws sts get-caller-identity --bogus x");
    QCOMPARE(run.exitCode, 252);
    QCOMPARE(run.err, usage + "Unknown options: --bogus,x\n\n");
    run = laptop("aws s3api");
    QCOMPARE(run.err, usage + "aws: error: the following arguments are required: operation\n\n");
    run = laptop("aws sts get-caller-identty");
    QCOMPARE(run.exitCode, 252);
    QCOMPARE(run.err, usage
                          + "aws: error: argument operation: Invalid choice, valid choices are:\n\n"
                            "assume-role                              | get-caller-identity                     \n\n\n"
                            "Invalid choice: 'get-caller-identty', maybe you meant:\n\n"
                            "  * get-caller-identity\n\n");
    run = laptop("aws s4 ls");
    QCOMPARE(run.exitCode, 252);
    QVERIFY(run.err.find("aws: error: argument command: Invalid choice, valid choices are:") != std::string::npos);
    run = laptop("aws s3 ls --output yml");
    QCOMPARE(run.exitCode, 252);
    run = laptop("aws ec2 associate-iam-instance-profile --instance-id i-0abc1234def567890 "
                 "--iam-instance-profile S3Access");
    QCOMPARE(run.exitCode, 252);
    QCOMPARE(run.err, std::string("\nError parsing parameter '--iam-instance-profile': Expected: '=', received: "
                                  "'EOF' for input:\nS3Access\n        ^\n"));
    QVERIFY(!run.madeCalls());
}

void tst_AwsShell::helpAndVersion()
{
    ShellRun run = laptop("aws help");
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.find("       o s3api\n") != std::string::npos);
    run = laptop("aws iam help");
    QVERIFY(run.out.find("       o simulate-principal-policy\n") != std::string::npos);
    run = laptop("aws iam get-role help");
    QVERIFY(run.out.find("--role-name <value>") != std::string::npos);
    run = laptop("aws --version");
    QVERIFY(run.out.starts_with("aws-cli/2."));
    QCOMPARE(run.exitCode, 0);
}

void tst_AwsShell::curlReadsInstanceMetadata()
{
    const std::string base = "curl -s http://169.254.169.254/latest/meta-data/";
    ShellRun run = onInstance(base + "instance-id");
    QCOMPARE(run.out, std::string("i-0abc1234def567890\n"));
    // No role yet: the iam/ branch does not exist.
    run = onInstance(base + "iam/security-credentials/");
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.find("<title>404 - Not Found</title>") != std::string::npos);

    createS3AccessRole(true);
    run = onInstance(base + "iam/security-credentials/");
    QCOMPARE(run.out, std::string("S3Access\n"));
    run = onInstance(base + "iam/security-credentials/S3Access");
    QCOMPARE(run.exitCode, 0);
    const json credentials = json::parse(run.out);
    QCOMPARE(credentials["Code"].get<std::string>(), std::string("Success"));
    QCOMPARE(credentials["Type"].get<std::string>(), std::string("AWS-HMAC"));
    QCOMPARE(credentials["LastUpdated"].get<std::string>(), std::string("2024-05-01T09:00:00Z"));
    QCOMPARE(credentials["Expiration"].get<std::string>(), std::string("2024-05-01T15:00:00Z"));
    const std::string key = credentials["AccessKeyId"].get<std::string>();
    QVERIFY(key.starts_with("ASIA") && key.size() == 20);
    QCOMPARE(credentials["SecretAccessKey"].get<std::string>().size(), std::size_t(40));
    QVERIFY(run.out.starts_with("{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : "));
    // Deterministic: the same keys again.
    QCOMPARE(onInstance(base + "iam/security-credentials/S3Access").out, run.out);
    run = onInstance(base + "iam/security-credentials/WrongRole");
    QVERIFY(run.out.find("404 - Not Found") != std::string::npos);
    run = onInstance("curl -sf " + base.substr(8) + "iam/security-credentials/WrongRole");
    QCOMPARE(run.exitCode, 22);
    QVERIFY(onInstance("curl -X PUT http://169.254.169.254/latest/api/token -H "
                       "\"X-aws-ec2-metadata-token-ttl-seconds: 21600\"").out.starts_with("AQAEA"));
    QVERIFY(!run.madeCalls());
}

void tst_AwsShell::curlOnLaptopTimesOut()
{
    ShellRun run = laptop("curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/");
    QCOMPARE(run.exitCode, 28);
    QCOMPARE(run.out, std::string());
    QCOMPARE(run.err, std::string());
    run = laptop("curl --connect-timeout 2 http://169.254.169.254/latest/meta-data/");
    QCOMPARE(run.exitCode, 28);
    QCOMPARE(run.err, std::string("curl: (28) Connection timed out after 2001 milliseconds\n"));
    run = laptop("curl https://example.com/");
    QCOMPARE(run.exitCode, 6);
}

void tst_AwsShell::configureListShowsCredentialSource()
{
    ShellRun run = laptop("aws configure list");
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.starts_with("      Name                    Value             Type    Location\n"
                                 "      ----                    -----             ----    --------\n"
                                 "   profile                <not set>             None    None\n"
                                 "access_key     ****************"),
             run.out.c_str());
    QVERIFY(run.out.find(" shared-credentials-file    \n") != std::string::npos);
    QVERIFY(run.out.find("    region                us-east-1      config-file    ~/.aws/config\n")
            != std::string::npos);
    QVERIFY(!run.madeCalls());
    createS3AccessRole(true);
    run = onInstance("aws configure list");
    const std::string key = json::parse(onInstance("curl -s http://169.254.169.254/latest/meta-data/iam/"
                                                   "security-credentials/S3Access").out)["AccessKeyId"];
    QVERIFY2(run.out.find("access_key     ****************" + key.substr(16) + "         iam-role    \n")
                 != std::string::npos,
             run.out.c_str());
}

void tst_AwsShell::associateInstanceProfileFromTerminal()
{
    createS3AccessRole(false);
    // Without IAM-User-Policy: EC2's UnauthorizedOperation.
    ShellRun run = laptop("aws ec2 associate-iam-instance-profile --instance-id i-0abc1234def567890 "
                          "--iam-instance-profile Name=S3Access");
    QCOMPARE(run.exitCode, 254);
    QVERIFY(run.err.starts_with("\nAn error occurred (UnauthorizedOperation) when calling the "
                                "AssociateIamInstanceProfile operation: You are not authorized"));
    attachUserPolicy();
    run = laptop("aws ec2 associate-iam-instance-profile --instance-id i-0abc1234def567890 "
                 "--iam-instance-profile Name=S3Access");
    QVERIFY2(run.exitCode == 0, run.err.c_str());
    const json response = json::parse(run.out);
    QCOMPARE(response["IamInstanceProfileAssociation"]["State"].get<std::string>(), std::string("associating"));
    const bool passRole = std::any_of(run.authorizations.begin(), run.authorizations.end(),
                                      [](const AuthorizationCheck &c) { return c.action == "iam:PassRole"; });
    QVERIFY(passRole);
    QCOMPARE(onInstance("aws s3 ls").exitCode, 0);
    run = laptop("aws ec2 describe-iam-instance-profile-associations --output text");
    QVERIFY2(run.out.starts_with("IAMINSTANCEPROFILEASSOCIATIONS\tiip-assoc-"), run.out.c_str());
}

void tst_AwsShell::simulatePrincipalPolicyDecisions()
{
    createS3AccessRole(false);
    attachUserPolicy();
    rootCall("iam", "PutUserPolicy",
             {{"UserName", "lab-user"},
              {"PolicyName", "NoTerminate"},
              {"PolicyDocument",
               R"({"Version":"2012-10-17","Statement":[{"Sid":"NoTerminate","Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*"}]})"}});
    const ShellRun run = m_shell->run(
        ShellContext::localMachine("lab-user"),
        "aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/lab-user "
        "--action-names iam:PassRole --resource-arns arn:aws:iam::111122223333:role/S3Access "
        "arn:aws:iam::111122223333:role/Admin");
    // lab-user has no iam:SimulatePrincipalPolicy; root does (below, through the API).
    QCOMPARE(run.exitCode, 254);
    QVERIFY(run.err.find("iam:SimulatePrincipalPolicy on resource: arn:aws:iam::111122223333:user/lab-user")
            != std::string::npos);
    // Root may simulate anyone.
    const CallResult result = m_api->call(
        CallerIdentity::root(), "iam", "SimulatePrincipalPolicy",
        {{"PolicySourceArn", "arn:aws:iam::111122223333:user/lab-user"},
         {"ActionNames", {"iam:PassRole", "ec2:TerminateInstances", "s3:ListAllMyBuckets"}},
         {"ResourceArns", {"arn:aws:iam::111122223333:role/S3Access"}}});
    QVERIFY2(result.ok(), result.cliError("SimulatePrincipalPolicy").c_str());
    const json &results = result.response["EvaluationResults"];
    QCOMPARE(results.size(), std::size_t(3));
    QCOMPARE(results[0]["EvalDecision"].get<std::string>(), std::string("allowed"));
    QCOMPARE(results[0]["MatchedStatements"][0]["SourcePolicyId"].get<std::string>(), std::string("IAM-User-Policy"));
    QCOMPARE(results[0]["MatchedStatements"][0]["SourcePolicyType"].get<std::string>(), std::string("user-managed"));
    QCOMPARE(results[1]["EvalDecision"].get<std::string>(), std::string("explicitDeny"));
    QCOMPARE(results[1]["MatchedStatements"][0]["SourcePolicyId"].get<std::string>(), std::string("NoTerminate"));
    QCOMPARE(results[2]["EvalDecision"].get<std::string>(), std::string("implicitDeny"));
    QCOMPARE(results[2]["EvalResourceName"].get<std::string>(), std::string("arn:aws:iam::111122223333:role/S3Access"));
}

void tst_AwsShell::simulatePrincipalPolicyNeedsPermission()
{
    // A user allowed to simulate, running it from the terminal, text output.
    rootCall("iam", "PutUserPolicy",
             {{"UserName", "lab-user"},
              {"PolicyName", "Simulate"},
              {"PolicyDocument",
               R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:SimulatePrincipalPolicy","Resource":"*"}]})"}});
    ShellRun run = laptop("aws iam simulate-principal-policy --policy-source-arn "
                          "arn:aws:iam::111122223333:user/lab-user --action-names s3:ListAllMyBuckets "
                          "iam:SimulatePrincipalPolicy --output text --query EvaluationResults[].[EvalActionName,EvalDecision]");
    QVERIFY2(run.exitCode == 0, run.err.c_str());
    QCOMPARE(run.out, std::string("s3:ListAllMyBuckets\timplicitDeny\n"
                                  "iam:SimulatePrincipalPolicy\tallowed\n"));
    QCOMPARE(run.calls, std::vector<std::string>{"iam:SimulatePrincipalPolicy"});
    run = laptop("aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:role/Nope "
                 "--action-names s3:ListBucket");
    QCOMPARE(run.exitCode, 254);
    QCOMPARE(run.err, std::string("\nAn error occurred (NoSuchEntity) when calling the SimulatePrincipalPolicy "
                                  "operation: The role with name Nope cannot be found.\n"));
}

void tst_AwsShell::builtins()
{
    ShellRun run = laptop("clear");
    QVERIFY(run.clearScreen);
    QCOMPARE(run.exitCode, 0);
    run = laptop(R"(echo "hello   world" 'it''s' a\ b)");
    QCOMPARE(run.out, std::string("hello   world its a b\n"));
    QCOMPARE(laptop("whoami").out, std::string("lab-user\n"));
    QCOMPARE(onInstance("whoami").out, std::string("ec2-user\n"));
    QCOMPARE(laptop("pwd", "").out, std::string("/home/learner\n"));
    QCOMPARE(laptop("hostname").out, std::string("laptop\n"));
    run = laptop("   ");
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.empty() && run.err.empty() && !run.madeCalls());
    run = laptop("foo --bar");
    QCOMPARE(run.exitCode, 127);
    QCOMPARE(run.err, std::string("bash: foo: command not found\n"));
    run = laptop("echo 'unterminated");
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, std::string("bash: unexpected EOF while looking for matching `''\n"
                                  "bash: syntax error: unexpected end of file\n"));
    run = laptop("aws s3 ls | grep lab");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.madeCalls());
    QVERIFY(laptop("help").out.find("aws s3 ls") != std::string::npos);
}

void tst_AwsShell::promptAndCompletions()
{
    QCOMPARE(m_shell->prompt(ShellContext::localMachine("lab-user")), std::string("lab-user@laptop:~$ "));
    QCOMPARE(m_shell->prompt(ShellContext::localMachine("")), std::string("learner@laptop:~$ "));
    QCOMPARE(m_shell->prompt(ShellContext::instance(kInstance)), std::string("[ec2-user@ip-172-31-16-5 ~]$ "));
    const std::string other = m_shell->prompt(ShellContext::instance("i-0123456789abcdef0"));
    QVERIFY(other.starts_with("[ec2-user@ip-172-31-") && other != m_shell->prompt(ShellContext::instance(kInstance)));
    QCOMPARE(m_shell->completions("aws s3 l"), std::vector<std::string>{"ls"});
    QCOMPARE(m_shell->completions("aw"), std::vector<std::string>{"aws"});
    QCOMPARE(m_shell->completions("aws st"), std::vector<std::string>{"sts"});
    QCOMPARE(m_shell->completions("aws iam get-role --ro"), std::vector<std::string>{"--role-name"});
    QCOMPARE(m_shell->completions("aws --output t"), (std::vector<std::string>{"table", "text"}));
    QCOMPARE(m_shell->completions("aws s3 ls s3://lab"), std::vector<std::string>{"s3://lab-bucket-111122223333/"});
    const auto services = m_shell->completions("aws ");
    QVERIFY(std::find(services.begin(), services.end(), "ec2") != services.end());
    QVERIFY(m_shell->completions("zzz").empty());
}

QTEST_APPLESS_MAIN(tst_AwsShell)
#include "tst_AwsShell.moc"
