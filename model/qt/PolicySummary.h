#pragma once

// The console's "Policy summary" of a policy document: per service, what the policy
// allows or explicitly denies (access level), on which resources and under which
// request conditions, as the IAM user guide's "Policy summary (list of services)"
// describes it.
//
//   iam::ParseResult parsed = iam::parsePolicy(text, "policy");
//   PolicySummary summary = summarizePolicy(*parsed.document, Catalogs::bundled().services);
//   for (const PolicySummaryService &s : summary.services)   // {Allow, "S3", "Full: List; Limited: Read", ...}
//
// Actions are expanded through the service catalog, so a service's access level
// says "Full" for a level only when every action of that level is covered. Without
// a catalog every named service is uncategorized. Pure function; any thread.

#include <QList>
#include <QString>
#include <QStringList>

namespace iam {
class ServiceCatalog;
struct PolicyDocument;
}

struct PolicySummaryService
{
    // The console's sections, in its order.
    enum class Section { Uncategorized, ExplicitDeny, Allow };

    Section section = Section::Allow;
    QString service;        // "S3", short as the console writes it
    QString prefix;         // "s3"
    QString accessLevel;    // "Full access", "Limited: List, Read", "Full: List; Limited: Write"
    QString resource;       // "All resources", "BucketName | string like | lab-bucket, ObjectName | string like | All"
    QString condition;      // "None", "aws:SourceIp | ip address | 203.0.113.0/24"
    // The actions covered: "GetObject" with its access level "Read", in catalog order.
    QStringList actions;
    QStringList actionLevels;
};

struct PolicySummary
{
    QList<PolicySummaryService> services;   // by section, then by service name
    int catalogServiceCount = 0;            // "Allow (2 of 456 services)"
};

PolicySummary summarizePolicy(const iam::PolicyDocument &document, const iam::ServiceCatalog *catalog);

// "S3" for "Amazon S3", "IAM" for "AWS Identity and Access Management (IAM)".
QString shortServiceName(const QString &catalogName);

// "Allow", "Explicit deny", "Uncategorized services".
QString policySummarySectionName(PolicySummaryService::Section section);
