#pragma once

// An ARN format of the service authorization reference, e.g.
// "arn:${Partition}:s3:::${BucketName}/${ObjectName}", as the visual editor's
// "Add ARN" fields use it: one field per ${Variable}, "Any" for `*`.
//
//   ArnTemplate bucket(QStringLiteral("arn:${Partition}:s3:::${BucketName}"));
//   bucket.variables();                                   // {"Partition", "BucketName"}
//   bucket.build({{"BucketName", "lab-bucket"}});         // "arn:aws:s3:::lab-bucket"
//   bucket.build({});                                     // "arn:aws:s3:::*"

#include <QHash>
#include <QString>
#include <QStringList>

class ArnTemplate
{
public:
    explicit ArnTemplate(QString format);

    const QString &format() const { return m_format; }
    // The format's variables in order, each once ("Partition", "Region", "Account", ...).
    QStringList variables() const;
    // The variables a user fills in: all but Partition, which is always "aws" here.
    QStringList editableVariables() const;

    // The ARN with each variable replaced by its value; a variable without a value
    // (or with an empty one) becomes `*`, except Partition, which becomes "aws".
    QString build(const QHash<QString, QString> &values) const;

private:
    QString m_format;
};
