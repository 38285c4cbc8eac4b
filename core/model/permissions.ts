import { z } from 'zod';
import { accountId } from './account';

/** Lambda resource-based permissions and SNS subscription protocols: what AWS::Lambda::Permission
 *  and AWS::SNS::Subscription carry (CFG-10 checks them).
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-permission.html
 *  https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html */

/** The service principal that invokes a function for each service that can be named by its ARN's
 *  service part (arn:aws:<service>:…). */
export const PRINCIPAL_OF_ARN_SERVICE: Readonly<Record<string, string>> = {
  s3: 's3.amazonaws.com',
  sns: 'sns.amazonaws.com',
  events: 'events.amazonaws.com',
  'execute-api': 'apigateway.amazonaws.com',
  elasticloadbalancing: 'elasticloadbalancing.amazonaws.com',
  logs: 'logs.amazonaws.com',
  'cognito-idp': 'cognito-idp.amazonaws.com',
  iot: 'iot.amazonaws.com',
  scheduler: 'scheduler.amazonaws.com',
  secretsmanager: 'secretsmanager.amazonaws.com',
  ses: 'ses.amazonaws.com',
  config: 'config.amazonaws.com',
  cloudformation: 'cloudformation.amazonaws.com',
};

/** Service principals the designer knows (the values above); any other `<service>.amazonaws.com`
 *  is accepted too. */
export const KNOWN_SERVICE_PRINCIPALS = [...new Set(Object.values(PRINCIPAL_OF_ARN_SERVICE))] as [string, ...string[]];

const SERVICE_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;
const IAM_PRINCIPAL = /^arn:aws[a-z-]*:iam::\d{12}:(root|(role|user)\/[\w+=,.@/-]+)$/;
/** arn:partition:service:region:account:resource — region and account may be empty (S3 buckets). */
export const ARN_PATTERN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12}|\*)?:(.+)$/;

/** Who a permission lets invoke: a service principal, an account ID, an IAM ARN, or "*". */
export const principal = () => z.union([
  z.enum(KNOWN_SERVICE_PRINCIPALS),
  z.string().regex(SERVICE_PRINCIPAL, { message: 'expected a service principal such as s3.amazonaws.com, a 12-digit account ID, an IAM ARN or *' }),
  accountId(),
  z.string().regex(IAM_PRINCIPAL, { message: 'expected an IAM ARN such as arn:aws:iam::123456789012:root' }),
  z.literal('*'),
]);

export const arn = () => z.string().regex(ARN_PATTERN, { message: 'expected an ARN such as arn:aws:s3:::my-bucket' });

/** One statement of a function's resource-based policy (AWS::Lambda::Permission with Action
 *  lambda:InvokeFunction): on a function for an invoker the design does not draw (another account's
 *  topic, a service with no node), or on a trigger edge when it differs from what the exporter
 *  generates from the edge (then `sourceArn` null means the edge's source). */
export const lambdaPermission = z.looseObject({
  principal: principal(),
  sourceArn: arn().nullable().default(null),
  sourceAccount: accountId().nullable().default(null),
});
export type LambdaPermission = z.output<typeof lambdaPermission>;

/** SNS subscription protocols (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html). */
export const SNS_PROTOCOLS = ['lambda', 'sqs', 'http', 'https', 'email', 'email-json', 'sms', 'application', 'firehose'] as const;
export type SnsProtocol = (typeof SNS_PROTOCOLS)[number];

/** The parts of an ARN, or undefined when `text` is not one. */
export function parseArn(text: string): { service: string; region: string; account: string; resource: string } | undefined {
  const m = ARN_PATTERN.exec(text);
  return m ? { service: m[1], region: m[2], account: m[3] ?? '', resource: m[4] } : undefined;
}

/** What an SNS Endpoint must look like for each protocol (API_Subscribe "Endpoint"). Undefined: fits. */
export function endpointMismatch(protocol: SnsProtocol, endpoint: string): string | undefined {
  const service = parseArn(endpoint)?.service;
  switch (protocol) {
    case 'lambda': return service === 'lambda' ? undefined : 'the lambda protocol takes a function ARN';
    case 'sqs': return service === 'sqs' ? undefined : 'the sqs protocol takes a queue ARN';
    case 'firehose': return service === 'firehose' ? undefined : 'the firehose protocol takes a Firehose stream ARN';
    case 'application': return service === 'sns' ? undefined : 'the application protocol takes a platform endpoint ARN';
    case 'http': return endpoint.startsWith('http://') ? undefined : 'the http protocol takes a URL beginning with http://';
    case 'https': return endpoint.startsWith('https://') ? undefined : 'the https protocol takes a URL beginning with https://';
    case 'email': case 'email-json': return /^[^@\s]+@[^@\s]+$/.test(endpoint) ? undefined : `the ${protocol} protocol takes an email address`;
    case 'sms': return /^\+?\d{6,15}$/.test(endpoint) ? undefined : 'the sms protocol takes a phone number';
  }
}
