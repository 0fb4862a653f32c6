#include "IamSimHelp.h"

#include <cstddef>

namespace iam {

const std::string_view kIamSimOverview = R"(NAME
       iam-sim -

DESCRIPTION
       iam-sim decides AWS IAM requests offline, with IAM Studio's policy
       evaluation engine, and checks policies as IAM Access Analyzer does. Its
       files are those of the AWS CLI's "aws iam simulate-custom-policy" and
       "aws accessanalyzer validate-policy".

SYNOPSIS
          iam-sim <command> [parameters]

       Use iam-sim <command> help for information on a specific command.

AVAILABLE COMMANDS
)";

namespace {

constexpr std::string_view kSimulateHelp = R"(NAME
       simulate-custom-policy -

DESCRIPTION
       Simulates how a set of IAM policies works with a list of API actions
       and resources, and reports for each action and resource whether it is
       allowed, explicitly denied or implicitly denied, which statements
       decided, and which context keys the policies needed but the request did
       not give.

       Beyond the AWS API's PolicyInputList, PermissionsBoundaryPolicyInputList,
       ResourcePolicy, ResourceOwner, CallerArn and ContextEntries, the request
       may carry SessionPolicyInputList, ServiceControlPolicies and
       ResourceControlPolicies (one inner list per organization level, root
       first). Policies may be JSON strings or embedded JSON objects.

SYNOPSIS
            simulate-custom-policy
          --cli-input-json <value>
          [--explain]
          [--output <value>]

OPTIONS
       --cli-input-json (string)
          The request: file://PATH, or - to read standard input.

       --explain
          Also write, to standard error, how each decision was reached: the
          policy types consulted in AWS's order and, for each statement, what
          matched or what failed (action, resource, principal, or which
          condition key and value).

       --output (string)
          json (default), or text: one line per pair, ACTION, RESOURCE and
          DECISION separated by tabs.

EXAMPLES
       iam-sim simulate-custom-policy --cli-input-json file://request.json

OUTPUT
       EvaluationResults -> (list)
          EvalActionName, EvalResourceName, EvalDecision (allowed |
          explicitDeny | implicitDeny), MatchedStatements (SourcePolicyId,
          SourcePolicyType, StartPosition, EndPosition), MissingContextValues.

EXIT STATUS
       0 evaluated, 2 bad input (with file:line:column), 1 internal error.
)";

constexpr std::string_view kValidateHelp = R"(NAME
       validate-policy -

DESCRIPTION
       Checks a policy as IAM Access Analyzer's policy validation does, and
       lists findings: ERROR (the policy cannot work), SECURITY_WARNING (it
       grants more than is safe), WARNING and SUGGESTION, each with an issue
       code, a message and where in the policy it applies.

SYNOPSIS
            validate-policy
          --policy-document <value>
          [--policy-type <value>]

OPTIONS
       --policy-document (string)
          The policy: file://PATH, - for standard input, or the JSON itself.

       --policy-type (string)
          IDENTITY_POLICY (default), RESOURCE_POLICY, SERVICE_CONTROL_POLICY,
          RESOURCE_CONTROL_POLICY or TRUST_POLICY.

EXAMPLES
       iam-sim validate-policy --policy-document file://policy.json

OUTPUT
       findings -> (list)
          findingType, issueCode, learnMoreLink, findingDetails, locations
          (path and span: start and end line, column and offset).

EXIT STATUS
       0 validated (with or without findings), 2 unreadable input or bad
       options.
)";

constexpr std::string_view kSimulatePrincipalHelp = R"(NAME
       simulate-principal-policy -

DESCRIPTION
       Simulates how the policies of a user or role in a workspace work with a
       list of actions and resources: its inline and managed policies, its
       groups' policies, its permissions boundary, and the resource's own
       policy when the workspace has the resource (a bucket policy, a role's
       trust policy). The request context is the one AWS would supply for that
       principal (aws:username, aws:PrincipalArn, aws:PrincipalTag/..., ...),
       plus --context-entries.

SYNOPSIS
            simulate-principal-policy
          --workspace <value>
          --policy-source-arn <value>
          --action-names <value> [<value>...]
          [--resource-arns <value> [<value>...]]
          [--context-entries <value> [<value>...]]

OPTIONS
       --context-entries (list)
          JSON, or the AWS CLI's shorthand:
          ContextKeyName=string,ContextKeyValues=string,string,ContextKeyType=string

EXAMPLES
       iam-sim simulate-principal-policy --workspace lab.iamstudio \
           --policy-source-arn arn:aws:iam::111122223333:user/lab-user \
           --action-names iam:PassRole \
           --resource-arns arn:aws:iam::111122223333:role/S3Access

OUTPUT
       EvaluationResults, as simulate-custom-policy prints them.

EXIT STATUS
       0 evaluated, 2 bad input, 254 the principal does not exist.
)";

constexpr std::string_view kCallHelp = R"(NAME
       call -

DESCRIPTION
       Makes one API call on the workspace's simulated account as a caller,
       authorized as AWS would authorize it, and prints the response or the
       AWS error. The call is recorded in the workspace's event log; --save
       writes the workspace back (atomically).

SYNOPSIS
            call
          --workspace <value>
          --as <value>
          <service> <operation> [<parameters>]
          [--save]

OPTIONS
       --as (string)
          root, instance:INSTANCE_ID (the instance's role session, as the
          metadata service would give it), or a user, role or assumed-role ARN.

       <parameters> (string)
          The API's parameters as a JSON object, inline or file://PATH.

EXAMPLES
       iam-sim call --workspace lab.iamstudio --as instance:i-0abc1234def567890 \
           s3 ListBuckets

EXIT STATUS
       0 done, 254 the service returned an error (as the AWS CLI), 253 no
       credentials (an instance without a usable role), 2 bad input.
)";

constexpr std::string_view kNewWorkspaceHelp = R"(NAME
       new-workspace -

DESCRIPTION
       Writes the PassRole walkthrough's starting workspace: account
       111122223333, the administrator, the IAM user lab-user with limited
       permissions, a bucket with a few objects, and one running instance
       without a role.

SYNOPSIS
            new-workspace <file> [--force]

EXIT STATUS
       0 written, 2 the file exists (without --force).
)";

constexpr std::string_view kImportHelp = R"(NAME
       import-authorization-details -

DESCRIPTION
       Reads the output of "aws iam get-account-authorization-details" (users,
       groups, roles, instance profiles, customer-managed policies and their
       versions) into a new workspace.

SYNOPSIS
            import-authorization-details
          --input <file>
          --workspace <file>

EXIT STATUS
       0 imported, 2 the input is not valid (with file:line:column).
)";

constexpr std::string_view kExportHelp = R"(NAME
       export-authorization-details -

DESCRIPTION
       Prints the workspace's account in the format of "aws iam
       get-account-authorization-details".

SYNOPSIS
            export-authorization-details
          --workspace <file>

EXIT STATUS
       0 exported, 2 the workspace cannot be read.
)";

} // namespace

const IamSimCommandHelp kIamSimCommands[] = {
    {"simulate-custom-policy", "Decide requests against the policies a request file gives", kSimulateHelp},
    {"validate-policy", "Check a policy as IAM Access Analyzer does", kValidateHelp},
    {"simulate-principal-policy", "Decide requests against a workspace principal's real policies", kSimulatePrincipalHelp},
    {"call", "Make one API call on a workspace as some caller", kCallHelp},
    {"new-workspace", "Write the walkthrough's starting workspace", kNewWorkspaceHelp},
    {"import-authorization-details", "Read get-account-authorization-details output into a workspace", kImportHelp},
    {"export-authorization-details", "Print a workspace as get-account-authorization-details output", kExportHelp},
};
const std::size_t kIamSimCommandCount = sizeof kIamSimCommands / sizeof kIamSimCommands[0];

} // namespace iam
