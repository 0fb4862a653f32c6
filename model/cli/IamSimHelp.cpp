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

OPTIONS
       --cli-input-json (string)
          The request: file://PATH, or - to read standard input.

       --explain
          Also write, to standard error, how each decision was reached: the
          policy types consulted in AWS's order and, for each statement, what
          matched or what failed (action, resource, principal, or which
          condition key and value).

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

} // namespace

const IamSimCommandHelp kIamSimCommands[] = {
    {"simulate-custom-policy", "Decide requests against the policies a request file gives", kSimulateHelp},
    {"validate-policy", "Check a policy as IAM Access Analyzer does", kValidateHelp},
};
const std::size_t kIamSimCommandCount = sizeof kIamSimCommands / sizeof kIamSimCommands[0];

} // namespace iam
