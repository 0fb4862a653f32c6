#include "DefaultWorkspace.h"

namespace iam {

namespace {

constexpr const char *kAccountId = "111122223333";
constexpr const char *kClock = "2024-05-01T09:00:00Z";
constexpr const char *kCreated = "2024-04-30T16:20:00Z";

// The walkthrough's "IAM user with a limited permission": it may look at itself
// and change its password, as a new console user can, and do nothing in EC2 or
// S3. ${aws:username} keeps it to its own user.
constexpr const char *kSelfServicePolicy = R"({
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ViewOwnUser",
            "Effect": "Allow",
            "Action": [
                "iam:GetUser",
                "iam:ListAttachedUserPolicies",
                "iam:ListUserPolicies",
                "iam:GetUserPolicy",
                "iam:ListGroupsForUser",
                "iam:ListUserTags",
                "iam:ChangePassword"
            ],
            "Resource": "arn:aws:iam::111122223333:user/${aws:username}"
        },
        {
            "Sid": "ViewPasswordPolicy",
            "Effect": "Allow",
            "Action": "iam:GetAccountPasswordPolicy",
            "Resource": "*"
        }
    ]
})";

S3Object textObject(std::string key, std::string content)
{
    return {std::move(key), std::move(content), kCreated};
}

} // namespace

std::unique_ptr<Account> defaultAccount(const AwsManagedPolicies *awsManaged)
{
    auto account = std::make_unique<Account>(kAccountId, awsManaged);
    account->setAlias("iam-studio-lab");
    // A fixed clock: every run of the walkthrough logs the same times.
    account->setClock(kClock);

    User user;
    user.name = "lab-user";
    user.id = account->newId("AIDA");
    user.createDate = kCreated;
    user.inlinePolicies.push_back({"lab-user-self-service", kSelfServicePolicy});
    account->mutableUsers().push_back(std::move(user));

    S3Bucket bucket;
    bucket.name = std::string("lab-bucket-") + kAccountId;
    bucket.createDate = kCreated;
    // Sorted by key, as S3 lists them.
    bucket.objects = {
        textObject("data/report.csv", "month,requests,denied\n2024-03,1250,17\n2024-04,1398,9\n"),
        textObject("data/users.json", "[{\"name\": \"lab-user\", \"team\": \"workshop\"}]\n"),
        textObject("images/architecture.txt",
                   "laptop --(aws s3 ls: AccessDenied)--x S3\n"
                   "lab-instance --(role S3Access)--> S3\n"),
        textObject("notes.txt", "Objects in this bucket are private. Only the lab instance's role should read them.\n"),
    };
    account->mutableBuckets().push_back(std::move(bucket));

    Ec2Instance instance;
    instance.id = "i-0abc1234def567890";
    instance.name = "lab-instance";
    instance.state = "running";
    instance.instanceType = "t2.micro";
    instance.launchTime = kCreated;
    account->mutableInstances().push_back(std::move(instance));
    return account;
}

CallerIdentity defaultSignedIn()
{
    return CallerIdentity::root();
}

} // namespace iam
