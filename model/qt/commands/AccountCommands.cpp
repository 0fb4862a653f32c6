#include "AccountCommands.h"

#include "WorkspaceDocument.h"

#include <QStringList>

namespace {

using Call = ApiCommand::Call;
using nlohmann::json;

std::string str(const QString &s)
{
    return s.toStdString();
}

json tagsJson(const QList<QPair<QString, QString>> &tags)
{
    json list = json::array();
    for (const auto &[key, value] : tags)
        list.push_back({{"Key", str(key)}, {"Value", str(value)}});
    return list;
}

// "AttachRolePolicy" and {"RoleName": name} for a role.
std::string operation(const char *verb, PrincipalKind kind, const char *noun)
{
    return verb + str(principalKindName(kind)) + noun;
}

json principalParams(PrincipalKind kind, const QString &name)
{
    return {{str(principalKindName(kind)) + "Name", str(name)}};
}

// The display name of a managed policy: "AmazonS3ReadOnlyAccess".
QString policyName(const WorkspaceDocument &doc, const QString &arn)
{
    const std::string name = doc.account().managedPolicyName(str(arn));
    return name.empty() ? arn.section(QLatin1Char('/'), -1) : QString::fromStdString(name);
}

Call attachCall(PrincipalKind kind, const QString &name, const QString &arn)
{
    json params = principalParams(kind, name);
    params["PolicyArn"] = str(arn);
    return {"iam", operation("Attach", kind, "Policy"), params};
}

} // namespace

ApiCommand *createRoleCommand(WorkspaceDocument &doc, const RoleDraft &draft)
{
    json create = {{"RoleName", str(draft.name)},
                   {"Path", str(draft.path)},
                   {"AssumeRolePolicyDocument", str(draft.trustPolicy)},
                   {"MaxSessionDuration", draft.maxSessionDuration}};
    if (!draft.description.isEmpty())
        create["Description"] = str(draft.description);
    if (!draft.permissionsBoundary.isEmpty())
        create["PermissionsBoundary"] = str(draft.permissionsBoundary);
    if (!draft.tags.isEmpty())
        create["Tags"] = tagsJson(draft.tags);
    std::vector<Call> calls{{"iam", "CreateRole", create}};
    for (const QString &arn : draft.policyArns)
        calls.push_back(attachCall(PrincipalKind::Role, draft.name, arn));
    if (draft.createInstanceProfile) {
        calls.push_back({"iam", "CreateInstanceProfile", {{"InstanceProfileName", str(draft.name)}, {"Path", str(draft.path)}}});
        calls.push_back({"iam", "AddRoleToInstanceProfile",
                         {{"InstanceProfileName", str(draft.name)}, {"RoleName", str(draft.name)}}});
    }
    return new ApiCommand(doc, QObject::tr("Create role %1").arg(draft.name), std::move(calls));
}

ApiCommand *createPolicyCommand(WorkspaceDocument &doc, const PolicyDraft &draft)
{
    json create = {{"PolicyName", str(draft.name)}, {"Path", str(draft.path)}, {"PolicyDocument", str(draft.document)}};
    if (!draft.description.isEmpty())
        create["Description"] = str(draft.description);
    if (!draft.tags.isEmpty())
        create["Tags"] = tagsJson(draft.tags);
    return new ApiCommand(doc, QObject::tr("Create policy %1").arg(draft.name), {{"iam", "CreatePolicy", create}});
}

ApiCommand *createUserCommand(WorkspaceDocument &doc, const QString &userName)
{
    return new ApiCommand(doc, QObject::tr("Create user %1").arg(userName),
                          {{"iam", "CreateUser", {{"UserName", str(userName)}}}});
}

ApiCommand *createGroupCommand(WorkspaceDocument &doc, const QString &groupName)
{
    return new ApiCommand(doc, QObject::tr("Create user group %1").arg(groupName),
                          {{"iam", "CreateGroup", {{"GroupName", str(groupName)}}}});
}

ApiCommand *attachPolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                const QString &policyArn)
{
    return new ApiCommand(doc, QObject::tr("Attach %1 to %2").arg(policyName(doc, policyArn), name),
                          {attachCall(kind, name, policyArn)});
}

ApiCommand *attachPoliciesCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                  const QStringList &policyArns)
{
    if (policyArns.size() == 1)
        return attachPolicyCommand(doc, kind, name, policyArns.front());
    std::vector<Call> calls;
    for (const QString &arn : policyArns)
        calls.push_back(attachCall(kind, name, arn));
    return new ApiCommand(doc, QObject::tr("Attach %n policies to %1", nullptr, int(policyArns.size())).arg(name),
                          std::move(calls));
}

ApiCommand *detachPolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                const QString &policyArn)
{
    json params = principalParams(kind, name);
    params["PolicyArn"] = str(policyArn);
    return new ApiCommand(doc, QObject::tr("Detach %1 from %2").arg(policyName(doc, policyArn), name),
                          {{"iam", operation("Detach", kind, "Policy"), params}});
}

ApiCommand *putInlinePolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                   const QString &policyName, const QString &document)
{
    json params = principalParams(kind, name);
    params["PolicyName"] = str(policyName);
    params["PolicyDocument"] = str(document);
    return new ApiCommand(doc, QObject::tr("Put inline policy %1 on %2").arg(policyName, name),
                          {{"iam", operation("Put", kind, "Policy"), params}});
}

ApiCommand *deleteInlinePolicyCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                      const QString &policyName)
{
    json params = principalParams(kind, name);
    params["PolicyName"] = str(policyName);
    return new ApiCommand(doc, QObject::tr("Remove inline policy %1 from %2").arg(policyName, name),
                          {{"iam", operation("Delete", kind, "Policy"), params}});
}

ApiCommand *setPermissionsBoundaryCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name,
                                          const QString &policyArn)
{
    json params = principalParams(kind, name);
    params["PermissionsBoundary"] = str(policyArn);
    return new ApiCommand(doc, QObject::tr("Set permissions boundary %1 on %2").arg(policyName(doc, policyArn), name),
                          {{"iam", operation("Put", kind, "PermissionsBoundary"), params}});
}

ApiCommand *removePermissionsBoundaryCommand(WorkspaceDocument &doc, PrincipalKind kind, const QString &name)
{
    return new ApiCommand(doc, QObject::tr("Remove permissions boundary from %1").arg(name),
                          {{"iam", operation("Delete", kind, "PermissionsBoundary"), principalParams(kind, name)}});
}

ApiCommand *updateTrustPolicyCommand(WorkspaceDocument &doc, const QString &roleName, const QString &document)
{
    return new ApiCommand(doc, QObject::tr("Edit trust policy of %1").arg(roleName),
                          {{"iam", "UpdateAssumeRolePolicy",
                            {{"RoleName", str(roleName)}, {"PolicyDocument", str(document)}}}});
}

ApiCommand *addUserToGroupCommand(WorkspaceDocument &doc, const QString &userName, const QString &groupName)
{
    return new ApiCommand(doc, QObject::tr("Add %1 to %2").arg(userName, groupName),
                          {{"iam", "AddUserToGroup", {{"UserName", str(userName)}, {"GroupName", str(groupName)}}}});
}

ApiCommand *removeUserFromGroupCommand(WorkspaceDocument &doc, const QString &userName, const QString &groupName)
{
    return new ApiCommand(doc, QObject::tr("Remove %1 from %2").arg(userName, groupName),
                          {{"iam", "RemoveUserFromGroup", {{"UserName", str(userName)}, {"GroupName", str(groupName)}}}});
}

ApiCommand *createPolicyVersionCommand(WorkspaceDocument &doc, const QString &policyArn, const QString &document)
{
    return new ApiCommand(doc, QObject::tr("Edit policy %1").arg(policyName(doc, policyArn)),
                          {{"iam", "CreatePolicyVersion",
                            {{"PolicyArn", str(policyArn)}, {"PolicyDocument", str(document)}, {"SetAsDefault", true}}}});
}
