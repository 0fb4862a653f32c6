#pragma once

// How the S3 console words what it shows: sizes ("58.0 B", "1.2 KB", "2.7 MB"),
// times ("April 30, 2024, 16:20:00 (UTC+00:00)"), Regions ("US East (N. Virginia)
// us-east-1"), an object's type (its extension), and the names of a bucket or an
// object (ARN, S3 URI, object URL). Pure functions of their input.

#include <QString>

#include <string>

namespace S3ConsoleText {

// Powers of 1024 with one decimal, as the console's Size column: "0 B" only for
// nothing at all, else "58.0 B", "1.2 KB", "3.4 MB", "1.0 GB".
QString sizeText(qint64 bytes);
// An ISO 8601 UTC time as the console prints it; unparsable input is returned as given.
QString dateText(const std::string &iso);
// "US East (N. Virginia) us-east-1"; an unknown code is shown alone.
QString regionText(const QString &code);
// The key's extension, lowercased as written ("csv"); "-" for a key without one.
QString objectType(const QString &key);

QString bucketArn(const QString &bucket);
QString objectArn(const QString &bucket, const QString &key);
QString s3Uri(const QString &bucket, const QString &key);
QString objectUrl(const QString &bucket, const QString &key);

// A console location's key for an object, "bucket/key", split back at the first
// slash (bucket names hold none). Returns false when there is no slash.
bool splitObjectKey(const QString &location, QString *bucket, QString *key);

} // namespace S3ConsoleText
