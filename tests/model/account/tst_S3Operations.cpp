// The S3 operations of the simulated account: buckets, objects and bucket policies,
// with S3's authorization (the bucket policy as the resource policy) and S3's errors,
// and the walkthrough's key call: ListBuckets from the instance and from the user.

#include "AccountApi.h"
#include "InstanceCredentials.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace iam;
using json = nlohmann::json;

namespace {

const char *const kAccountId = "111122223333";
const char *const kInstanceId = "i-0abc1234def567890";
const char *const kBucket = "lab-bucket";

const char *const kEc2Trust = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"],
                "Principal": {"Service": ["ec2.amazonaws.com"]}}]})";
const char *const kLabUserPolicy = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
               {"Effect": "Allow", "Action": "iam:PassRole",
                "Resource": "arn:aws:iam::111122223333:role/S3Access"}]})";
const char *const kAllowAll = R"({"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
const char *const kReadOnlyArn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

// The one AWS-managed policy the walkthrough needs.
class TestManagedPolicies : public AwsManagedPolicies
{
public:
    TestManagedPolicies()
    {
        m_readOnly.name = "AmazonS3ReadOnlyAccess";
        m_readOnly.arn = kReadOnlyArn;
        m_readOnly.defaultVersionId = "v3";
        m_readOnly.document = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["s3:Get*", "s3:List*", "s3-object-lambda:Get*", "s3-object-lambda:List*"],
            "Resource": "*"}]})";
    }
    const AwsManagedPolicy *find(std::string_view arn) const override
    {
        return arn == m_readOnly.arn ? &m_readOnly : nullptr;
    }
    std::vector<const AwsManagedPolicy *> all() const override { return {&m_readOnly}; }

private:
    AwsManagedPolicy m_readOnly;
};

struct Fixture
{
    TestManagedPolicies managed;
    Account account{kAccountId, &managed};
    AccountApi api{account};

    Fixture()
    {
        account.setClock("2024-05-01T12:00:00Z");
        addUser("lab-user", kLabUserPolicy);
        addUser("admin", kAllowAll);
        addUser("nobody", {});
        Role role;
        role.name = "S3Access";
        role.id = account.newId("AROA");
        role.trustPolicy = kEc2Trust;
        role.attachedPolicies.push_back(kReadOnlyArn);
        account.mutableRoles().push_back(role);
        InstanceProfile profile;
        profile.name = "S3Access";
        profile.id = account.newId("AIPA");
        profile.role = "S3Access";
        account.mutableInstanceProfiles().push_back(profile);
        Ec2Instance instance;
        instance.id = kInstanceId;
        instance.instanceProfile = "S3Access";
        instance.associationId = "iip-assoc-0123456789abcdef0";
        account.mutableInstances().push_back(instance);
        S3Bucket bucket;
        bucket.name = kBucket;
        bucket.createDate = "2024-04-01T00:00:00Z";
        account.mutableBuckets().push_back(bucket);
    }

    void addUser(const std::string &name, const std::string &policy)
    {
        User user;
        user.name = name;
        user.id = account.newId("AIDA");
        if (!policy.empty())
            user.inlinePolicies.push_back({"policy", policy});
        account.mutableUsers().push_back(user);
    }
    void putObjects(std::initializer_list<const char *> keys)
    {
        for (const char *key : keys)
            QVERIFY(call(CallerIdentity::root(), "PutObject", {{"Bucket", kBucket}, {"Key", key}, {"Body", key}}).ok());
    }
    CallResult call(const CallerIdentity &caller, const char *operation, const json &params = json::object())
    {
        return api.call(caller, "s3", operation, params);
    }
};

std::vector<std::string> listed(const json &response, const char *list, const char *field)
{
    std::vector<std::string> out;
    if (response.contains(list)) {
        for (const json &item : response.at(list))
            out.push_back(item.at(field).get<std::string>());
    }
    return out;
}

using Strings = std::vector<std::string>;

} // namespace

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(nlohmann::json)
Q_DECLARE_METATYPE(std::vector<std::string>)

class tst_S3Operations : public QObject
{
    Q_OBJECT

private slots:
    void listBucketsWalkthrough_data();
    void listBucketsWalkthrough();
    void listBucketsShape();
    void createBucket_data();
    void createBucket();
    void deleteBucket();
    void objectRoundTrip();
    void listObjectsV2Delimiter_data();
    void listObjectsV2Delimiter();
    void listObjectsV2Pages();
    void listObjectsV2PrefixInContext_data();
    void listObjectsV2PrefixInContext();
    void missingKey_data();
    void missingKey();
    void noSuchBucket_data();
    void noSuchBucket();
    void deniedPutChangesNothing();
    void bucketPolicyRoundTrip();
    void malformedBucketPolicy_data();
    void malformedBucketPolicy();
    void bucketPolicyGrantsAndDenies();
    void rootKeepsControlOfTheBucketPolicy();
};

void tst_S3Operations::listBucketsWalkthrough_data()
{
    QTest::addColumn<bool>("fromInstance");
    QTest::addColumn<std::string>("user");
    QTest::addColumn<std::string>("cliError");
    QTest::newRow("instance-session-with-s3-read-only") << true << std::string() << std::string();
    QTest::newRow("lab-user-from-own-machine")
        << false << std::string("lab-user")
        << std::string("An error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied");
    QTest::newRow("administrator") << false << std::string("admin") << std::string();
}

void tst_S3Operations::listBucketsWalkthrough()
{
    QFETCH(bool, fromInstance);
    QFETCH(std::string, user);
    QFETCH(std::string, cliError);
    Fixture f;
    const std::optional<CallerIdentity> caller =
        fromInstance ? instanceSession(f.account, kInstanceId) : CallerIdentity::user(user);
    QVERIFY(caller);
    const CallResult result = f.call(*caller, "ListBuckets");
    QCOMPARE(result.authorizations.size(), std::size_t(1));
    QCOMPARE(result.authorizations[0].action, std::string("s3:ListAllMyBuckets"));
    QCOMPARE(result.authorizations[0].resource, std::string("*"));
    if (!cliError.empty()) {
        QCOMPARE(result.errorCode, std::string("AccessDenied"));
        QCOMPARE(result.errorMessage, std::string("Access Denied"));
        QCOMPARE(result.cliError("ListBuckets"), cliError);
        QVERIFY(!f.account.eventLog().events().back().allowed);
        return;
    }
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QCOMPARE(listed(result.response, "Buckets", "Name"), Strings{kBucket});
}

void tst_S3Operations::listBucketsShape()
{
    Fixture f;
    const CallResult result = f.call(CallerIdentity::root(), "ListBuckets");
    QCOMPARE(result.response.at("Buckets"),
             json::array({{{"Name", kBucket}, {"CreationDate", "2024-04-01T00:00:00Z"}}}));
    const std::string id = result.response.at("Owner").at("ID").get<std::string>();
    QCOMPARE(id.size(), std::size_t(64));
    QVERIFY(result.response.at("Owner").contains("DisplayName"));
}

void tst_S3Operations::createBucket_data()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");
    QTest::newRow("new-name") << std::string("reports-2024") << std::string() << std::string();
    QTest::newRow("own-bucket-again") << std::string(kBucket) << std::string("BucketAlreadyOwnedByYou")
                                      << std::string("Your previous request to create the named bucket succeeded and "
                                                     "you already own it.");
    QTest::newRow("uppercase-name") << std::string("Reports") << std::string("InvalidBucketName")
                                    << std::string("The specified bucket is not valid.");
    QTest::newRow("too-short") << std::string("ab") << std::string("InvalidBucketName")
                               << std::string("The specified bucket is not valid.");
    QTest::newRow("ip-address-shaped") << std::string("192.168.5.4") << std::string("InvalidBucketName")
                                       << std::string("The specified bucket is not valid.");
}

void tst_S3Operations::createBucket()
{
    QFETCH(std::string, name);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);
    Fixture f;
    const CallResult result = f.call(CallerIdentity::user("admin"), "CreateBucket", {{"Bucket", name}});
    QCOMPARE(result.errorCode, errorCode);
    QCOMPARE(result.errorMessage, errorMessage);
    QCOMPARE(result.authorizations.front().action, std::string("s3:CreateBucket"));
    QCOMPARE(result.authorizations.front().resource, "arn:aws:s3:::" + name);
    QCOMPARE(f.account.buckets().size(), std::size_t(errorCode.empty() ? 2 : 1));
    if (errorCode.empty()) {
        QCOMPARE(result.response.at("Location"), json("/" + name));
        QCOMPARE(f.account.findBucket(name)->createDate, std::string("2024-05-01T12:00:00Z"));
    }

    const CallResult denied = f.call(CallerIdentity::user("lab-user"), "CreateBucket", {{"Bucket", "lab-user-bucket"}});
    QCOMPARE(denied.errorCode, std::string("AccessDenied"));
    QVERIFY(!f.account.findBucket("lab-user-bucket"));
}

void tst_S3Operations::deleteBucket()
{
    Fixture f;
    f.putObjects({"notes.txt"});
    CallResult result = f.call(CallerIdentity::root(), "DeleteBucket", {{"Bucket", kBucket}});
    QCOMPARE(result.errorCode, std::string("BucketNotEmpty"));
    QCOMPARE(result.errorMessage, std::string("The bucket you tried to delete is not empty"));
    QVERIFY(f.call(CallerIdentity::root(), "DeleteObject", {{"Bucket", kBucket}, {"Key", "notes.txt"}}).ok());
    result = f.call(CallerIdentity::user("nobody"), "DeleteBucket", {{"Bucket", kBucket}});
    QCOMPARE(result.errorCode, std::string("AccessDenied"));
    QVERIFY(f.account.findBucket(kBucket));
    result = f.call(CallerIdentity::root(), "DeleteBucket", {{"Bucket", kBucket}});
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QVERIFY(!f.account.findBucket(kBucket));
}

void tst_S3Operations::objectRoundTrip()
{
    Fixture f;
    const auto admin = CallerIdentity::user("admin");
    CallResult put = f.call(admin, "PutObject", {{"Bucket", kBucket}, {"Key", "hello.txt"}, {"Body", "hello"}});
    QVERIFY2(put.ok(), put.errorMessage.c_str());
    QCOMPARE(put.response.at("ETag"), json("\"5d41402abc4b2a76b9719d911017c592\""));   // MD5 of "hello"
    QCOMPARE(put.authorizations.front().resource, std::string("arn:aws:s3:::lab-bucket/hello.txt"));

    const CallResult get = f.call(admin, "GetObject", {{"Bucket", kBucket}, {"Key", "hello.txt"}});
    QVERIFY2(get.ok(), get.errorMessage.c_str());
    QCOMPARE(get.response.at("Body"), json("hello"));
    QCOMPARE(get.response.at("ContentLength"), json(5));
    QCOMPARE(get.response.at("LastModified"), json("2024-05-01T12:00:00Z"));

    put = f.call(admin, "PutObject", {{"Bucket", kBucket}, {"Key", "empty"}});
    QCOMPARE(put.response.at("ETag"), json("\"d41d8cd98f00b204e9800998ecf8427e\""));   // MD5 of ""
    put = f.call(admin, "PutObject", {{"Bucket", kBucket}, {"Key", "hello.txt"}, {"Body", "hello again"}});
    QCOMPARE(f.account.findBucket(kBucket)->objects.size(), std::size_t(2));   // replaced, not added

    const CallResult list = f.call(admin, "ListObjectsV2", {{"Bucket", kBucket}});
    QVERIFY2(list.ok(), list.errorMessage.c_str());
    QCOMPARE(listed(list.response, "Contents", "Key"), (Strings{"empty", "hello.txt"}));
    QCOMPARE(list.response.at("Contents").at(1).at("Size"), json(11));
    QCOMPARE(list.response.at("KeyCount"), json(2));
    QCOMPARE(list.response.at("IsTruncated"), json(false));
    QCOMPARE(list.response.at("Name"), json(kBucket));

    QVERIFY(f.call(admin, "DeleteObject", {{"Bucket", kBucket}, {"Key", "hello.txt"}}).ok());
    QVERIFY(f.call(admin, "DeleteObject", {{"Bucket", kBucket}, {"Key", "hello.txt"}}).ok());   // idempotent
    QCOMPARE(f.account.findBucket(kBucket)->objects.size(), std::size_t(1));
}

void tst_S3Operations::listObjectsV2Delimiter_data()
{
    QTest::addColumn<json>("params");
    QTest::addColumn<Strings>("keys");
    QTest::addColumn<Strings>("prefixes");
    QTest::newRow("no-delimiter-lists-everything")
        << json::object() << Strings{"a.txt", "docs/sub/z.txt", "docs/x.txt", "docs/y.txt", "logs/1"} << Strings{};
    QTest::newRow("top-level-folders") << json{{"Delimiter", "/"}} << Strings{"a.txt"} << Strings{"docs/", "logs/"};
    QTest::newRow("inside-a-folder") << json{{"Prefix", "docs/"}, {"Delimiter", "/"}}
                                     << Strings{"docs/x.txt", "docs/y.txt"} << Strings{"docs/sub/"};
    QTest::newRow("prefix-only") << json{{"Prefix", "docs/s"}} << Strings{"docs/sub/z.txt"} << Strings{};
    QTest::newRow("nothing-under-prefix") << json{{"Prefix", "zzz"}} << Strings{} << Strings{};
}

void tst_S3Operations::listObjectsV2Delimiter()
{
    QFETCH(json, params);
    QFETCH(Strings, keys);
    QFETCH(Strings, prefixes);
    Fixture f;
    f.putObjects({"logs/1", "docs/x.txt", "a.txt", "docs/sub/z.txt", "docs/y.txt"});
    params["Bucket"] = kBucket;
    const CallResult result = f.call(CallerIdentity::root(), "ListObjectsV2", params);
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QCOMPARE(listed(result.response, "Contents", "Key"), keys);
    QCOMPARE(listed(result.response, "CommonPrefixes", "Prefix"), prefixes);
    QCOMPARE(result.response.at("KeyCount"), json(keys.size() + prefixes.size()));
    QCOMPARE(result.response.contains("Contents"), !keys.empty());   // S3 leaves out an empty list
}

void tst_S3Operations::listObjectsV2Pages()
{
    Fixture f;
    f.putObjects({"a.txt", "docs/x.txt", "docs/y.txt", "logs/1", "m.txt"});
    Strings seen;
    json params = {{"Bucket", kBucket}, {"Delimiter", "/"}, {"MaxKeys", 2}};
    for (int page = 0; page < 5; ++page) {
        const CallResult result = f.call(CallerIdentity::root(), "ListObjectsV2", params);
        QVERIFY2(result.ok(), result.errorMessage.c_str());
        for (const std::string &key : listed(result.response, "Contents", "Key"))
            seen.push_back(key);
        for (const std::string &prefix : listed(result.response, "CommonPrefixes", "Prefix"))
            seen.push_back(prefix);
        if (!result.response.at("IsTruncated").get<bool>())
            break;
        QCOMPARE(result.response.at("KeyCount"), json(2));
        params["ContinuationToken"] = result.response.at("NextContinuationToken");
    }
    std::sort(seen.begin(), seen.end());
    QCOMPARE(seen, (Strings{"a.txt", "docs/", "logs/", "m.txt"}));
}

void tst_S3Operations::listObjectsV2PrefixInContext_data()
{
    QTest::addColumn<std::string>("prefix");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("own-home-folder") << std::string("home/dana/") << true;
    QTest::newRow("someone-elses-folder") << std::string("home/lee/") << false;
    QTest::newRow("no-prefix") << std::string() << false;
}

void tst_S3Operations::listObjectsV2PrefixInContext()
{
    QFETCH(std::string, prefix);
    QFETCH(bool, allowed);
    Fixture f;
    f.addUser("dana", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket",
        "Resource": "arn:aws:s3:::lab-bucket",
        "Condition": {"StringLike": {"s3:prefix": "home/${aws:username}/*"}}}]})");
    json params = {{"Bucket", kBucket}, {"Delimiter", "/"}};
    if (!prefix.empty())
        params["Prefix"] = prefix;
    const CallResult result = f.call(CallerIdentity::user("dana"), "ListObjectsV2", params);
    QCOMPARE(result.ok(), allowed);
    QCOMPARE(result.authorizations.front().action, std::string("s3:ListBucket"));
    QCOMPARE(result.authorizations.front().resource, std::string("arn:aws:s3:::lab-bucket"));
}

void tst_S3Operations::missingKey_data()
{
    QTest::addColumn<std::string>("user");
    QTest::addColumn<std::string>("errorCode");
    QTest::addColumn<std::string>("errorMessage");
    QTest::newRow("caller-may-list-bucket") << std::string("admin") << std::string("NoSuchKey")
                                            << std::string("The specified key does not exist.");
    QTest::newRow("caller-may-only-get-objects")
        << std::string("reader") << std::string("AccessDenied") << std::string("Access Denied");
}

void tst_S3Operations::missingKey()
{
    QFETCH(std::string, user);
    QFETCH(std::string, errorCode);
    QFETCH(std::string, errorMessage);
    Fixture f;
    f.addUser("reader", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::lab-bucket/*"}]})");
    const CallResult result =
        f.call(CallerIdentity::user(user), "GetObject", {{"Bucket", kBucket}, {"Key", "gone.txt"}});
    QCOMPARE(result.errorCode, errorCode);
    QCOMPARE(result.errorMessage, errorMessage);
}

void tst_S3Operations::noSuchBucket_data()
{
    QTest::addColumn<std::string>("operation");
    for (const char *operation : {"DeleteBucket", "ListObjectsV2", "GetObject", "PutObject", "DeleteObject",
                                  "PutBucketPolicy", "GetBucketPolicy", "DeleteBucketPolicy"})
        QTest::newRow(operation) << std::string(operation);
}

void tst_S3Operations::noSuchBucket()
{
    QFETCH(std::string, operation);
    Fixture f;
    const json params = {{"Bucket", "no-such-bucket"},
                         {"Key", "k"},
                         {"Policy", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::no-such-bucket/*"}]})"}};
    const CallResult result = f.call(CallerIdentity::user("admin"), operation.c_str(), params);
    QCOMPARE(result.errorCode, std::string("NoSuchBucket"));
    QCOMPARE(result.errorMessage, std::string("The specified bucket does not exist"));
    // A caller without permission is told no more than Access Denied.
    const CallResult denied = f.call(CallerIdentity::user("nobody"), operation.c_str(), params);
    QCOMPARE(denied.errorCode, std::string("AccessDenied"));
}

void tst_S3Operations::deniedPutChangesNothing()
{
    Fixture f;
    const std::optional<CallerIdentity> session = instanceSession(f.account, kInstanceId);
    QVERIFY(session);
    const CallResult result = f.call(*session, "PutObject", {{"Bucket", kBucket}, {"Key", "x"}, {"Body", "y"}});
    QCOMPARE(result.errorCode, std::string("AccessDenied"));
    QVERIFY(f.account.findBucket(kBucket)->objects.empty());
    const Event &event = f.account.eventLog().events().back();
    QCOMPARE(event.action, std::string("s3:PutObject"));
    QCOMPARE(event.resources, Strings{"arn:aws:s3:::lab-bucket/x"});
}

void tst_S3Operations::bucketPolicyRoundTrip()
{
    Fixture f;
    const auto admin = CallerIdentity::user("admin");
    CallResult result = f.call(admin, "GetBucketPolicy", {{"Bucket", kBucket}});
    QCOMPARE(result.errorCode, std::string("NoSuchBucketPolicy"));
    QCOMPARE(result.errorMessage, std::string("The bucket policy does not exist"));

    const std::string policy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:user/nobody"}, "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::lab-bucket/*"}]})";
    result = f.call(admin, "PutBucketPolicy", {{"Bucket", kBucket}, {"Policy", policy}});
    QVERIFY2(result.ok(), result.errorMessage.c_str());
    QCOMPARE(result.authorizations.front().action, std::string("s3:PutBucketPolicy"));
    QCOMPARE(result.authorizations.front().resource, std::string("arn:aws:s3:::lab-bucket"));
    result = f.call(admin, "GetBucketPolicy", {{"Bucket", kBucket}});
    QCOMPARE(result.response.at("Policy"), json(policy));
    QVERIFY(f.call(admin, "DeleteBucketPolicy", {{"Bucket", kBucket}}).ok());
    QVERIFY(f.account.findBucket(kBucket)->policy.empty());
    QVERIFY(f.call(admin, "DeleteBucketPolicy", {{"Bucket", kBucket}}).ok());   // none left: still fine
}

void tst_S3Operations::malformedBucketPolicy_data()
{
    QTest::addColumn<std::string>("policy");
    QTest::addColumn<std::string>("message");
    QTest::newRow("not-json") << std::string("{\"Version\": \"2012-10-17\",\n  \"Statement\": [}")
                              << std::string("2:17: ");
    QTest::newRow("no-principal")
        << std::string(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::lab-bucket/*"}]})")
        << std::string("1:41: ");
}

void tst_S3Operations::malformedBucketPolicy()
{
    QFETCH(std::string, policy);
    QFETCH(std::string, message);
    Fixture f;
    const CallResult result =
        f.call(CallerIdentity::root(), "PutBucketPolicy", {{"Bucket", kBucket}, {"Policy", policy}});
    QCOMPARE(result.errorCode, std::string("MalformedPolicy"));
    QVERIFY2(result.errorMessage.starts_with(message), result.errorMessage.c_str());
    QVERIFY(f.account.findBucket(kBucket)->policy.empty());
}

void tst_S3Operations::bucketPolicyGrantsAndDenies()
{
    Fixture f;
    f.putObjects({"notes.txt"});
    const json get = {{"Bucket", kBucket}, {"Key", "notes.txt"}};
    QCOMPARE(f.call(CallerIdentity::user("nobody"), "GetObject", get).errorCode, std::string("AccessDenied"));

    // Same account: a bucket policy naming the user grants by itself.
    f.account.findBucket(kBucket)->policy = R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/nobody"},
         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lab-bucket/*"},
        {"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::lab-bucket/*",
         "Condition": {"StringEquals": {"aws:username": "admin"}}}]})";
    const CallResult granted = f.call(CallerIdentity::user("nobody"), "GetObject", get);
    QVERIFY2(granted.ok(), granted.errorMessage.c_str());
    QCOMPARE(granted.response.at("Body"), json("notes.txt"));
    // An explicit deny in the bucket policy beats the administrator's Allow.
    QCOMPARE(f.call(CallerIdentity::user("admin"), "GetObject", get).errorCode, std::string("AccessDenied"));
}

void tst_S3Operations::rootKeepsControlOfTheBucketPolicy()
{
    Fixture f;
    f.account.findBucket(kBucket)->policy = R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::lab-bucket",
         "arn:aws:s3:::lab-bucket/*"]}]})";
    QCOMPARE(f.call(CallerIdentity::user("admin"), "DeleteBucketPolicy", {{"Bucket", kBucket}}).errorCode,
             std::string("AccessDenied"));
    QCOMPARE(f.call(CallerIdentity::root(), "ListObjectsV2", {{"Bucket", kBucket}}).errorCode,
             std::string("AccessDenied"));
    QVERIFY(f.call(CallerIdentity::root(), "GetBucketPolicy", {{"Bucket", kBucket}}).ok());
    QVERIFY(f.call(CallerIdentity::root(), "DeleteBucketPolicy", {{"Bucket", kBucket}}).ok());
    QVERIFY(f.account.findBucket(kBucket)->policy.empty());
}

QTEST_APPLESS_MAIN(tst_S3Operations)
#include "tst_S3Operations.moc"
