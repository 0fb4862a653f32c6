#include "PolicyCommands.h"

#include "WorkspaceDocument.h"

#include <QObject>

namespace {

using Call = ApiCommand::Call;
using nlohmann::json;

std::string str(const QString &s)
{
    return s.toStdString();
}

QString policyName(const WorkspaceDocument &doc, const QString &arn)
{
    const std::string name = doc.account().managedPolicyName(str(arn));
    return name.empty() ? arn.section(QLatin1Char('/'), -1) : QString::fromStdString(name);
}

// "AttachRolePolicy" with {"RoleName": ..., "PolicyArn": ...}; for a boundary
// "PutRolePermissionsBoundary" with {"RoleName": ..., "PermissionsBoundary": ...}.
Call holderCall(const PolicyHolder &holder, const QString &arn, bool attach)
{
    const std::string kind = str(principalKindName(holder.kind));
    json params = {{kind + "Name", str(holder.name)}};
    if (holder.boundary) {
        if (attach)
            params["PermissionsBoundary"] = str(arn);
        return {"iam", (attach ? "Put" : "Delete") + kind + "PermissionsBoundary", params};
    }
    params["PolicyArn"] = str(arn);
    return {"iam", (attach ? "Attach" : "Detach") + kind + "Policy", params};
}

// "S3Access", or "3 entities".
QString holdersText(const QList<PolicyHolder> &holders)
{
    return holders.size() == 1 ? holders.front().name : QObject::tr("%n entities", nullptr, int(holders.size()));
}

} // namespace

ApiCommand *deletePolicyCommand(WorkspaceDocument &doc, const QString &policyArn)
{
    std::vector<Call> calls;
    if (const iam::ManagedPolicy *policy = doc.account().findPolicy(str(policyArn))) {
        for (const iam::PolicyVersion &version : policy->versions)
            if (version.versionId != policy->defaultVersionId)
                calls.push_back({"iam", "DeletePolicyVersion", {{"PolicyArn", str(policyArn)}, {"VersionId", version.versionId}}});
    }
    calls.push_back({"iam", "DeletePolicy", {{"PolicyArn", str(policyArn)}}});
    return new ApiCommand(doc, QObject::tr("Delete policy %1").arg(policyName(doc, policyArn)), std::move(calls));
}

ApiCommand *setDefaultPolicyVersionCommand(WorkspaceDocument &doc, const QString &policyArn, const QString &versionId)
{
    return new ApiCommand(doc, QObject::tr("Set %1 as the default version of %2").arg(versionId, policyName(doc, policyArn)),
                          {{"iam", "SetDefaultPolicyVersion", {{"PolicyArn", str(policyArn)}, {"VersionId", str(versionId)}}}});
}

ApiCommand *attachPolicyToEntitiesCommand(WorkspaceDocument &doc, const QString &policyArn,
                                          const QList<PolicyHolder> &holders)
{
    std::vector<Call> calls;
    for (const PolicyHolder &holder : holders)
        calls.push_back(holderCall(holder, policyArn, true));
    return new ApiCommand(doc, QObject::tr("Attach %1 to %2").arg(policyName(doc, policyArn), holdersText(holders)),
                          std::move(calls));
}

ApiCommand *detachPolicyFromEntitiesCommand(WorkspaceDocument &doc, const QString &policyArn,
                                            const QList<PolicyHolder> &holders)
{
    std::vector<Call> calls;
    for (const PolicyHolder &holder : holders)
        calls.push_back(holderCall(holder, policyArn, false));
    return new ApiCommand(doc, QObject::tr("Detach %1 from %2").arg(policyName(doc, policyArn), holdersText(holders)),
                          std::move(calls));
}
