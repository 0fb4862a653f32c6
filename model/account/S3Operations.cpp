// The S3 operations of the simulated account: buckets, objects and bucket policies,
// authorized as S3 authorizes them. Object and bucket actions carry the bucket
// policy as the resource policy, so a bucket policy can grant or deny; S3 words
// every denial the same terse way ("Access Denied").

#include "AccountApi.h"

#include "PolicyParser.h"
#include "PolicyValidator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iam {

using json = nlohmann::json;

namespace {

constexpr std::size_t kMaxBucketPolicySize = 20 * 1024;   // S3's limit on a bucket policy
constexpr int kDefaultMaxKeys = 1000;

// S3's ETag for a single-part upload is the MD5 of the content (RFC 1321).
std::string md5Hex(const std::string &data)
{
    static const std::array<std::uint32_t, 64> sines = [] {
        std::array<std::uint32_t, 64> table{};
        for (int i = 0; i < 64; ++i)
            table[i] = static_cast<std::uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
        return table;
    }();
    static constexpr std::array<int, 64> shifts = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                                   5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                                   4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                                   6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
    std::string message = data;
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    message += static_cast<char>(0x80);
    while (message.size() % 64 != 56)
        message += '\0';
    for (int i = 0; i < 8; ++i)
        message += static_cast<char>((bits >> (8 * i)) & 0xff);

    std::uint32_t h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    for (std::size_t chunk = 0; chunk < message.size(); chunk += 64) {
        std::uint32_t w[16];
        for (int i = 0; i < 16; ++i) {
            w[i] = 0;
            for (int b = 0; b < 4; ++b)
                w[i] |= static_cast<std::uint32_t>(static_cast<unsigned char>(message[chunk + 4 * i + b])) << (8 * b);
        }
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
        for (int i = 0; i < 64; ++i) {
            std::uint32_t f = 0;
            int g = 0;
            if (i < 16) {
                f = (b & c) | (~b & d);
                g = i;
            } else if (i < 32) {
                f = (d & b) | (~d & c);
                g = (5 * i + 1) % 16;
            } else if (i < 48) {
                f = b ^ c ^ d;
                g = (3 * i + 5) % 16;
            } else {
                f = c ^ (b | ~d);
                g = (7 * i) % 16;
            }
            const std::uint32_t rotated = a + f + sines[i] + w[g];
            a = d;
            d = c;
            c = b;
            b += (rotated << shifts[i]) | (rotated >> (32 - shifts[i]));
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (const std::uint32_t word : h) {
        for (int byte = 0; byte < 4; ++byte) {
            const unsigned value = (word >> (8 * byte)) & 0xff;
            hex += kHex[value >> 4];
            hex += kHex[value & 0xf];
        }
    }
    return hex;
}

std::string etag(const std::string &content)
{
    return '"' + md5Hex(content) + '"';
}

std::string bucketArn(const std::string &bucket)
{
    return "arn:aws:s3:::" + bucket;
}

std::string objectArn(const std::string &bucket, const std::string &key)
{
    return "arn:aws:s3:::" + bucket + "/" + key;
}

// The bucket's policy as the resource policy of a request, or none.
const std::string *policyOf(const S3Bucket *bucket)
{
    return bucket && !bucket->policy.empty() ? &bucket->policy : nullptr;
}

// Bucket naming rules (general purpose buckets): 3-63 characters of lowercase
// letters, digits, dots and hyphens, starting and ending with a letter or digit,
// no adjacent dots, not shaped like an IP address.
bool validBucketName(const std::string &name)
{
    if (name.size() < 3 || name.size() > 63)
        return false;
    const auto allowed = [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '.'
            || c == '-';
    };
    const auto alnum = [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    };
    if (!std::all_of(name.begin(), name.end(), allowed) || !alnum(name.front()) || !alnum(name.back()))
        return false;
    if (name.find("..") != std::string::npos)
        return false;
    const bool ipShaped = std::all_of(name.begin(), name.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    }) && std::count(name.begin(), name.end(), '.') == 3;
    return !ipShaped;
}

bool failNoSuchBucket(CallContext &ctx)
{
    return ctx.fail("NoSuchBucket", "The specified bucket does not exist");
}

// The canonical user id S3 shows as the owner: 64 hex digits, stable per account.
std::string canonicalUserId(const std::string &accountId)
{
    std::string id;
    for (int round = 0; round < 2; ++round)
        id += md5Hex("canonical-user/" + std::to_string(round) + "/" + accountId);
    return id;
}

void createBucket(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    if (!name)
        return;
    if (!ctx.authorize("s3:CreateBucket", bucketArn(*name)))
        return;
    if (!validBucketName(*name)) {
        ctx.fail("InvalidBucketName", "The specified bucket is not valid.");
        return;
    }
    if (account.findBucket(*name)) {
        ctx.fail("BucketAlreadyOwnedByYou",
                 "Your previous request to create the named bucket succeeded and you already own it.");
        return;
    }
    S3Bucket bucket;
    bucket.name = *name;
    if (const auto config = ctx.params.find("CreateBucketConfiguration");
        config != ctx.params.end() && config->is_object()) {
        if (const auto region = config->find("LocationConstraint"); region != config->end() && region->is_string()
            && !region->get<std::string>().empty())
            bucket.region = region->get<std::string>();
    }
    bucket.createDate = account.now();
    // us-east-1 answers with the path; other regions with the bucket's URL.
    ctx.result.response = {{"Location", bucket.region == "us-east-1"
                                            ? "/" + bucket.name
                                            : "http://" + bucket.name + ".s3.amazonaws.com/"}};
    account.mutableBuckets().push_back(std::move(bucket));
    account.notify({AccountChange::Kind::Added, AccountChange::Entity::Bucket, *name});
}

void deleteBucket(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    if (!name)
        return;
    const S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:DeleteBucket", bucketArn(*name), {}, policyOf(bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }
    if (!bucket->objects.empty()) {
        ctx.fail("BucketNotEmpty", "The bucket you tried to delete is not empty");
        return;
    }
    auto &buckets = account.mutableBuckets();
    buckets.erase(std::remove_if(buckets.begin(), buckets.end(), [&](const S3Bucket &b) { return b.name == *name; }),
                  buckets.end());
    account.notify({AccountChange::Kind::Removed, AccountChange::Entity::Bucket, *name});
}

void listBuckets(CallContext &ctx)
{
    const Account &account = ctx.account;
    // ListBuckets lists the account's buckets, not a resource: s3:ListAllMyBuckets on "*".
    if (!ctx.authorize("s3:ListAllMyBuckets", "*"))
        return;
    json buckets = json::array();
    for (const S3Bucket &bucket : account.buckets())
        buckets.push_back({{"Name", bucket.name}, {"CreationDate", bucket.createDate}});
    ctx.result.response = {
        {"Buckets", std::move(buckets)},
        {"Owner",
         {{"DisplayName", account.alias().empty() ? account.accountId() : account.alias()},
          {"ID", canonicalUserId(account.accountId())}}}};
}

std::optional<int> maxKeysParam(CallContext &ctx)
{
    const std::string text = ctx.optional("MaxKeys", std::to_string(kDefaultMaxKeys));
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0) {
        ctx.fail("InvalidArgument", "Provided max-keys not an integer or within integer range");
        return std::nullopt;
    }
    return std::min(value, kDefaultMaxKeys);
}

// ListObjectsV2: keys under Prefix in key order; with a Delimiter, keys that hold it
// after the prefix roll up into CommonPrefixes. Each key and each common prefix
// counts toward MaxKeys. The continuation token (opaque to callers) is "K" or "P"
// and the last key or common prefix returned.
void listObjectsV2(CallContext &ctx)
{
    const Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    if (!name)
        return;
    const std::string prefix = ctx.optional("Prefix");
    const std::string delimiter = ctx.optional("Delimiter");
    const std::string token = ctx.optional("ContinuationToken");
    const std::string startAfter = ctx.optional("StartAfter");
    const auto maxKeys = maxKeysParam(ctx);
    if (!maxKeys)
        return;
    if (!token.empty() && token[0] != 'K' && token[0] != 'P') {
        ctx.fail("InvalidArgument", "The continuation token provided is incorrect");
        return;
    }
    ExtraContext extra;
    if (ctx.params.contains("Prefix"))
        extra.push_back({"s3:prefix", {prefix}});
    if (ctx.params.contains("Delimiter"))
        extra.push_back({"s3:delimiter", {delimiter}});
    if (ctx.params.contains("MaxKeys"))
        extra.push_back({"s3:max-keys", {std::to_string(*maxKeys)}});
    const S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:ListBucket", bucketArn(*name), extra, policyOf(bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }

    const std::string after = token.empty() ? startAfter : token.substr(1);
    const bool afterPrefix = !token.empty() && token[0] == 'P';
    json contents = json::array();
    json commonPrefixes = json::array();
    std::string lastPrefix;
    std::string last;   // the token of the last entry returned
    int count = 0;
    bool truncated = false;
    for (const S3Object &object : bucket->objects) {
        if (!object.key.starts_with(prefix) || object.key <= after)
            continue;
        if (afterPrefix && object.key.starts_with(after))
            continue;   // already returned within that common prefix
        std::string rolledUp;
        if (!delimiter.empty()) {
            if (const auto at = object.key.find(delimiter, prefix.size()); at != std::string::npos)
                rolledUp = object.key.substr(0, at + delimiter.size());
        }
        if (!rolledUp.empty() && rolledUp == lastPrefix)
            continue;
        if (count == *maxKeys) {
            truncated = true;
            break;
        }
        ++count;
        if (!rolledUp.empty()) {
            commonPrefixes.push_back({{"Prefix", rolledUp}});
            lastPrefix = rolledUp;
            last = "P" + rolledUp;
        } else {
            contents.push_back({{"Key", object.key},
                                {"LastModified", object.lastModified},
                                {"ETag", etag(object.content)},
                                {"Size", object.content.size()},
                                {"StorageClass", "STANDARD"}});
            last = "K" + object.key;
        }
    }

    json response = {{"IsTruncated", truncated}, {"Name", bucket->name}, {"Prefix", prefix},
                     {"MaxKeys", *maxKeys},      {"KeyCount", count}};
    // S3 leaves out what is empty or was not asked for.
    if (!contents.empty())
        response["Contents"] = std::move(contents);
    if (!commonPrefixes.empty())
        response["CommonPrefixes"] = std::move(commonPrefixes);
    if (ctx.params.contains("Delimiter"))
        response["Delimiter"] = delimiter;
    if (!token.empty())
        response["ContinuationToken"] = token;
    if (!startAfter.empty())
        response["StartAfter"] = startAfter;
    if (truncated)
        response["NextContinuationToken"] = last;
    ctx.result.response = std::move(response);
}

const S3Object *findObject(const S3Bucket &bucket, const std::string &key)
{
    const auto it = std::find_if(bucket.objects.begin(), bucket.objects.end(),
                                 [&](const S3Object &object) { return object.key == key; });
    return it == bucket.objects.end() ? nullptr : &*it;
}

void getObject(CallContext &ctx)
{
    const Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    const auto key = name ? ctx.required("Key") : std::nullopt;
    if (!key)
        return;
    const S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:GetObject", objectArn(*name, *key), {}, policyOf(bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }
    const S3Object *object = findObject(*bucket, *key);
    if (!object) {
        // S3 tells only callers who may list the bucket that a key is missing;
        // everyone else gets Access Denied, so keys cannot be probed.
        if (ctx.authorize("s3:ListBucket", bucketArn(*name), {}, policyOf(bucket)))
            ctx.fail("NoSuchKey", "The specified key does not exist.");
        return;
    }
    ctx.result.response = {{"Body", object->content},
                           {"ContentLength", object->content.size()},
                           {"LastModified", object->lastModified},
                           {"ETag", etag(object->content)},
                           {"ContentType", "binary/octet-stream"},
                           {"AcceptRanges", "bytes"}};
}

void putObject(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    const auto key = name ? ctx.required("Key") : std::nullopt;
    if (!key)
        return;
    S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:PutObject", objectArn(*name, *key), {}, policyOf(bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }
    if (key->empty()) {
        ctx.fail("KeyTooShortError", "Your key is too short");
        return;
    }
    S3Object object{*key, ctx.optional("Body"), account.now()};
    ctx.result.response = {{"ETag", etag(object.content)}};
    // INVARIANT: objects stay sorted by key, the order S3 lists them in.
    auto &objects = bucket->objects;
    const auto at = std::lower_bound(objects.begin(), objects.end(), *key,
                                     [](const S3Object &o, const std::string &k) { return o.key < k; });
    if (at != objects.end() && at->key == *key)
        *at = std::move(object);
    else
        objects.insert(at, std::move(object));
    account.notify({AccountChange::Kind::Modified, AccountChange::Entity::Bucket, *name});
}

void deleteObject(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    const auto key = name ? ctx.required("Key") : std::nullopt;
    if (!key)
        return;
    S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:DeleteObject", objectArn(*name, *key), {}, policyOf(bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }
    // Deleting a key that is not there succeeds: S3's DeleteObject is idempotent.
    auto &objects = bucket->objects;
    const auto it = std::find_if(objects.begin(), objects.end(), [&](const S3Object &o) { return o.key == *key; });
    if (it == objects.end())
        return;
    objects.erase(it);
    account.notify({AccountChange::Kind::Modified, AccountChange::Entity::Bucket, *name});
}

// The bucket owner's root user may always read, replace and delete the bucket
// policy, even one that denies it, so that no policy can lock the owner out.
const std::string *policyForPolicyAction(const CallContext &ctx, const S3Bucket *bucket)
{
    return ctx.caller.kind == CallerIdentity::Kind::Root ? nullptr : policyOf(bucket);
}

void putBucketPolicy(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    if (!name)
        return;
    // The API takes the policy as text; a console may hand over the object itself.
    const auto given = ctx.params.find("Policy");
    if (given == ctx.params.end() || !(given->is_string() || given->is_object())) {
        ctx.fail("MissingParameter", "The request must contain the parameter Policy.");
        return;
    }
    const std::string text = given->is_string() ? given->get<std::string>() : given->dump(4);
    S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:PutBucketPolicy", bucketArn(*name), {}, policyForPolicyAction(ctx, bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }
    if (text.size() > kMaxBucketPolicySize) {
        ctx.fail("PolicyTooLarge", "Policy exceeds the maximum allowed document size.");
        return;
    }
    const ParseResult parsed = parsePolicy(text, "bucket policy");
    const Diagnostics findings = validatePolicy(parsed, PolicyType::Resource);
    const auto error = std::find_if(findings.begin(), findings.end(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error;
    });
    if (error != findings.end()) {
        ctx.fail("MalformedPolicy", std::to_string(error->where.line) + ":" + std::to_string(error->where.column)
                                        + ": " + error->message);
        return;
    }
    bucket->policy = text;
    account.notify({AccountChange::Kind::Modified, AccountChange::Entity::Bucket, *name});
}

void getBucketPolicy(CallContext &ctx)
{
    const Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    if (!name)
        return;
    const S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:GetBucketPolicy", bucketArn(*name), {}, policyForPolicyAction(ctx, bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }
    if (bucket->policy.empty()) {
        ctx.fail("NoSuchBucketPolicy", "The bucket policy does not exist");
        return;
    }
    ctx.result.response = {{"Policy", bucket->policy}};
}

void deleteBucketPolicy(CallContext &ctx)
{
    Account &account = ctx.account;
    const auto name = ctx.required("Bucket");
    if (!name)
        return;
    S3Bucket *bucket = account.findBucket(*name);
    if (!ctx.authorize("s3:DeleteBucketPolicy", bucketArn(*name), {}, policyForPolicyAction(ctx, bucket)))
        return;
    if (!bucket) {
        failNoSuchBucket(ctx);
        return;
    }
    // Deleting an absent policy succeeds, as S3's does.
    if (bucket->policy.empty())
        return;
    bucket->policy.clear();
    account.notify({AccountChange::Kind::Modified, AccountChange::Entity::Bucket, *name});
}

} // namespace

void registerS3Operations(OperationTable &table)
{
    table.emplace("s3:CreateBucket", createBucket);
    table.emplace("s3:DeleteBucket", deleteBucket);
    table.emplace("s3:ListBuckets", listBuckets);
    table.emplace("s3:ListObjectsV2", listObjectsV2);
    table.emplace("s3:GetObject", getObject);
    table.emplace("s3:PutObject", putObject);
    table.emplace("s3:DeleteObject", deleteObject);
    table.emplace("s3:PutBucketPolicy", putBucketPolicy);
    table.emplace("s3:GetBucketPolicy", getBucketPolicy);
    table.emplace("s3:DeleteBucketPolicy", deleteBucketPolicy);
}

} // namespace iam
