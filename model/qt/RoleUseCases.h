#pragma once

// The console's "Use case" choices for a role an AWS service assumes: per service,
// its use cases with the console's one-line description, the service principal
// the trust policy names, the role description the console prefills, and the
// AWS-managed policies the console suggests (pre-checked on Add permissions).
//
//   RoleUseCases::services();            // "EC2", "Lambda", then the others by name
//   RoleUseCases::forService("EC2");     // "EC2" first, then "EC2 Role for AWS Systems Manager", ...
//
// A small, fixed table (RoleUseCases.cpp), not the console's full list. Thread-safe.

#include <QList>
#include <QString>
#include <QStringList>

struct RoleUseCase
{
    QString service;              // "EC2"
    QString name;                 // "EC2 Role for AWS Systems Manager"
    QString description;          // the console's line under the name
    QString principal;            // "ec2.amazonaws.com"
    QString roleDescription;      // prefilled on Name, review, and create
    QStringList managedPolicyArns;   // suggested, may be empty
};

class RoleUseCases
{
public:
    // Every use case, grouped by service in services() order.
    static const QList<RoleUseCase> &all();
    // "Commonly used services" first (EC2, Lambda), then the rest by name.
    static QStringList services();
    // The services the console shows as "Commonly used services".
    static QStringList commonServices();
    static QList<RoleUseCase> forService(const QString &service);
    // The use case named `name` of `service`, or nullptr.
    static const RoleUseCase *find(const QString &service, const QString &name);
};
