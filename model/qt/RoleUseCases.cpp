#include "RoleUseCases.h"

#include <QObject>

namespace {

QString aws(const char *path)
{
    return QStringLiteral("arn:aws:iam::aws:policy/") + QLatin1String(path);
}

// The console's wording for each use case; the role description it prefills is the
// use case's description.
QList<RoleUseCase> makeTable()
{
    const auto row = [](const char *service, const char *name, const char *description, const char *principal,
                        QStringList policies = {}) {
        const QString text = QObject::tr(description);
        return RoleUseCase{QString::fromLatin1(service), QObject::tr(name), text, QString::fromLatin1(principal),
                           text, std::move(policies)};
    };
    return {
        // Commonly used services.
        row("EC2", "EC2", "Allows EC2 instances to call AWS services on your behalf.", "ec2.amazonaws.com"),
        row("EC2", "EC2 Role for AWS Systems Manager",
            "Allows EC2 instances to call AWS services like CloudWatch and Systems Manager on your behalf.",
            "ec2.amazonaws.com", {aws("AmazonSSMManagedInstanceCore")}),
        row("EC2", "EC2 Spot Fleet Role",
            "Allows EC2 Spot Fleet to request and terminate Spot Instances on your behalf.", "spotfleet.amazonaws.com",
            {aws("service-role/AmazonEC2SpotFleetTaggingRole")}),
        row("EC2", "EC2 - Spot Fleet Auto Scaling",
            "Allows Auto Scaling to access and update EC2 spot fleets on your behalf.",
            "application-autoscaling.amazonaws.com", {aws("service-role/AmazonEC2SpotFleetAutoscaleRole")}),
        row("EC2", "EC2 - Spot Fleet Tagging",
            "Allows EC2 to launch spot instances and attach tags to the launched instances on your behalf.",
            "spotfleet.amazonaws.com", {aws("service-role/AmazonEC2SpotFleetTaggingRole")}),
        row("Lambda", "Lambda", "Allows Lambda functions to call AWS services on your behalf.", "lambda.amazonaws.com"),
        // Use cases for other AWS services, by service name.
        row("API Gateway", "API Gateway", "Allows API Gateway to push logs to CloudWatch Logs.",
            "apigateway.amazonaws.com", {aws("service-role/AmazonAPIGatewayPushToCloudWatchLogs")}),
        row("CloudFormation", "CloudFormation",
            "Allows CloudFormation to create and manage AWS stacks and resources on your behalf.",
            "cloudformation.amazonaws.com"),
        row("CodeDeploy", "CodeDeploy", "Allows CodeDeploy to call AWS services such as Auto Scaling on your behalf.",
            "codedeploy.amazonaws.com", {aws("service-role/AWSCodeDeployRole")}),
        row("EKS", "EKS - Cluster",
            "Allows access to other AWS service resources that are required to operate clusters managed by EKS.",
            "eks.amazonaws.com", {aws("AmazonEKSClusterPolicy")}),
        row("Elastic Container Service", "Elastic Container Service Task",
            "Allows ECS tasks to call AWS services on your behalf.", "ecs-tasks.amazonaws.com"),
        row("Glue", "Glue", "Allows Glue to call AWS services on your behalf.", "glue.amazonaws.com",
            {aws("service-role/AWSGlueServiceRole")}),
        row("RDS", "RDS - Enhanced Monitoring", "Allows RDS to send Enhanced Monitoring metrics to CloudWatch Logs.",
            "monitoring.rds.amazonaws.com", {aws("service-role/AmazonRDSEnhancedMonitoringRole")}),
        row("Redshift", "Redshift - Customizable", "Allows Redshift clusters to call AWS services on your behalf.",
            "redshift.amazonaws.com"),
        row("S3", "S3", "Allows S3 to call AWS services on your behalf.", "s3.amazonaws.com"),
        row("S3", "S3 Batch Operations", "Allows S3 Batch Operations to call AWS services on your behalf.",
            "batchoperations.s3.amazonaws.com"),
        row("SageMaker", "SageMaker - Execution",
            "Allows SageMaker notebook instances, training jobs, and models to access S3, ECR, and CloudWatch on "
            "your behalf.",
            "sagemaker.amazonaws.com", {aws("AmazonSageMakerFullAccess")}),
        row("Systems Manager", "Systems Manager", "Allows SSM to call AWS services on your behalf.",
            "ssm.amazonaws.com"),
    };
}

} // namespace

const QList<RoleUseCase> &RoleUseCases::all()
{
    static const QList<RoleUseCase> table = makeTable();
    return table;
}

QStringList RoleUseCases::commonServices()
{
    return {QStringLiteral("EC2"), QStringLiteral("Lambda")};
}

QStringList RoleUseCases::services()
{
    QStringList result;
    for (const RoleUseCase &useCase : all()) {
        if (!result.contains(useCase.service))
            result.append(useCase.service);
    }
    return result;
}

QList<RoleUseCase> RoleUseCases::forService(const QString &service)
{
    QList<RoleUseCase> result;
    for (const RoleUseCase &useCase : all()) {
        if (useCase.service == service)
            result.append(useCase);
    }
    return result;
}

const RoleUseCase *RoleUseCases::find(const QString &service, const QString &name)
{
    for (const RoleUseCase &useCase : all()) {
        if (useCase.service == service && useCase.name == name)
            return &useCase;
    }
    return nullptr;
}
