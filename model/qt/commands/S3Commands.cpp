#include "S3Commands.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("S3Commands", text);
}

ApiCommand *command(WorkspaceDocument &doc, const QString &text, const char *operation, nlohmann::json params)
{
    return new ApiCommand(doc, text, {{"s3", operation, std::move(params)}});
}

} // namespace

ApiCommand *putBucketPolicyCommand(WorkspaceDocument &doc, const QString &bucket, const QString &policy)
{
    return command(doc, tr("Edit bucket policy of %1").arg(bucket), "PutBucketPolicy",
                   {{"Bucket", bucket.toStdString()}, {"Policy", policy.toStdString()}});
}

ApiCommand *deleteBucketPolicyCommand(WorkspaceDocument &doc, const QString &bucket)
{
    return command(doc, tr("Delete bucket policy of %1").arg(bucket), "DeleteBucketPolicy",
                   {{"Bucket", bucket.toStdString()}});
}

ApiCommand *createBucketCommand(WorkspaceDocument &doc, const QString &bucket, const QString &region)
{
    nlohmann::json params = {{"Bucket", bucket.toStdString()}};
    // us-east-1 is the API's default and may not be named as a location constraint.
    if (!region.isEmpty() && region != QLatin1String("us-east-1"))
        params["CreateBucketConfiguration"] = {{"LocationConstraint", region.toStdString()}};
    return command(doc, tr("Create bucket %1").arg(bucket), "CreateBucket", std::move(params));
}

ApiCommand *deleteBucketCommand(WorkspaceDocument &doc, const QString &bucket)
{
    return command(doc, tr("Delete bucket %1").arg(bucket), "DeleteBucket", {{"Bucket", bucket.toStdString()}});
}

ApiCommand *putObjectCommand(WorkspaceDocument &doc, const QString &bucket, const QString &key,
                             const QByteArray &body)
{
    return command(doc, tr("Upload %1").arg(key), "PutObject",
                   {{"Bucket", bucket.toStdString()}, {"Key", key.toStdString()}, {"Body", body.toStdString()}});
}

ApiCommand *deleteObjectCommand(WorkspaceDocument &doc, const QString &bucket, const QString &key)
{
    return command(doc, tr("Delete %1").arg(key), "DeleteObject",
                   {{"Bucket", bucket.toStdString()}, {"Key", key.toStdString()}});
}
