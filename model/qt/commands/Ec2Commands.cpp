#include "Ec2Commands.h"

#include "WorkspaceDocument.h"

namespace {

using Call = ApiCommand::Call;
using nlohmann::json;

std::string str(const QString &s)
{
    return s.toStdString();
}

json idsJson(const QStringList &ids)
{
    json list = json::array();
    for (const QString &id : ids)
        list.push_back(str(id));
    return list;
}

// "Stop instance i-0abc..." for one, "Stop 2 instances" for more.
QString stateText(const char *one, const char *many, const QStringList &ids)
{
    if (ids.size() == 1)
        return QObject::tr(one).arg(ids.front());
    return QObject::tr(many, nullptr, int(ids.size()));
}

ApiCommand *stateCommand(WorkspaceDocument &doc, const char *operation, const QString &text, const QStringList &ids)
{
    return new ApiCommand(doc, text, {{"ec2", operation, {{"InstanceIds", idsJson(ids)}}}});
}

} // namespace

ApiCommand *launchInstanceCommand(WorkspaceDocument &doc, const LaunchDraft &draft)
{
    json params = {{"ImageId", str(draft.imageId)},
                   {"InstanceType", str(draft.instanceType)},
                   {"MinCount", 1},
                   {"MaxCount", 1}};
    if (!draft.name.isEmpty()) {
        json tags = json::array();
        tags.push_back({{"Key", "Name"}, {"Value", str(draft.name)}});
        params["TagSpecifications"] = json::array({{{"ResourceType", "instance"}, {"Tags", tags}}});
    }
    if (!draft.instanceProfile.isEmpty())
        params["IamInstanceProfile"] = {{"Name", str(draft.instanceProfile)}};
    const QString text = draft.name.isEmpty() ? QObject::tr("Launch instance")
                                              : QObject::tr("Launch instance %1").arg(draft.name);
    return new ApiCommand(doc, text, {{"ec2", "RunInstances", params}});
}

QStringList launchedInstanceIds(const ApiCommand &command)
{
    QStringList ids;
    if (!command.outcome().ok || command.results().empty())
        return ids;
    const json &response = command.results().front().response;
    if (!response.contains("Instances") || !response["Instances"].is_array())
        return ids;
    for (const json &instance : response["Instances"]) {
        if (instance.contains("InstanceId") && instance["InstanceId"].is_string())
            ids.push_back(QString::fromStdString(instance["InstanceId"].get<std::string>()));
    }
    return ids;
}

ApiCommand *startInstancesCommand(WorkspaceDocument &doc, const QStringList &instanceIds)
{
    return stateCommand(doc, "StartInstances",
                        stateText("Start instance %1", "Start %n instances", instanceIds), instanceIds);
}

ApiCommand *stopInstancesCommand(WorkspaceDocument &doc, const QStringList &instanceIds)
{
    return stateCommand(doc, "StopInstances",
                        stateText("Stop instance %1", "Stop %n instances", instanceIds), instanceIds);
}

ApiCommand *terminateInstancesCommand(WorkspaceDocument &doc, const QStringList &instanceIds)
{
    return stateCommand(doc, "TerminateInstances",
                        stateText("Terminate instance %1", "Terminate %n instances", instanceIds), instanceIds);
}

QString IamRolePlan::successText() const
{
    switch (change) {
    case Change::None: return {};
    case Change::Associate:
    case Change::Replace: return QObject::tr("Successfully attached %1 to instance %2").arg(profileName, instanceId);
    case Change::Disassociate:
        return QObject::tr("Successfully detached %1 from instance %2").arg(currentProfile, instanceId);
    }
    return {};
}

IamRolePlan planIamRoleChange(const iam::Account &account, const QString &instanceId, const QString &profileName)
{
    IamRolePlan plan;
    plan.instanceId = instanceId;
    plan.profileName = profileName;
    const iam::Ec2Instance *instance = account.findInstance(str(instanceId));
    if (!instance)
        return plan;
    plan.currentProfile = QString::fromStdString(instance->instanceProfile);
    plan.associationId = QString::fromStdString(instance->associationId);
    // The console decides by the instance's association: none yet is Associate;
    // one, and another profile chosen, is Replace; "No IAM Role" is Disassociate.
    const bool associated = !instance->associationId.empty();
    if (!associated)
        plan.change = profileName.isEmpty() ? IamRolePlan::Change::None : IamRolePlan::Change::Associate;
    else if (profileName.isEmpty())
        plan.change = IamRolePlan::Change::Disassociate;
    else if (profileName != plan.currentProfile)
        plan.change = IamRolePlan::Change::Replace;
    return plan;
}

ApiCommand *modifyIamRoleCommand(WorkspaceDocument &doc, const IamRolePlan &plan)
{
    using Change = IamRolePlan::Change;
    const json profile = {{"Name", str(plan.profileName)}};
    switch (plan.change) {
    case Change::None:
        return nullptr;
    case Change::Associate:
        return new ApiCommand(doc, QObject::tr("Attach IAM role %1 to %2").arg(plan.profileName, plan.instanceId),
                              {{"ec2", "AssociateIamInstanceProfile",
                                {{"InstanceId", str(plan.instanceId)}, {"IamInstanceProfile", profile}}}});
    case Change::Replace:
        return new ApiCommand(doc, QObject::tr("Replace IAM role of %1 with %2").arg(plan.instanceId, plan.profileName),
                              {{"ec2", "ReplaceIamInstanceProfileAssociation",
                                {{"AssociationId", str(plan.associationId)}, {"IamInstanceProfile", profile}}}});
    case Change::Disassociate:
        return new ApiCommand(doc, QObject::tr("Detach IAM role %1 from %2").arg(plan.currentProfile, plan.instanceId),
                              {{"ec2", "DisassociateIamInstanceProfile", {{"AssociationId", str(plan.associationId)}}}});
    }
    return nullptr;
}
