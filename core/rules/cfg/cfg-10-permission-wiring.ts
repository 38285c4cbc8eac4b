import type { DesignNode, EdgeOfKind, NodeOfKind } from '../../model/design';
import { endpointMismatch, parseArn, PRINCIPAL_OF_ARN_SERVICE, type LambdaPermission, type SnsProtocol } from '../../model/permissions';
import { defineRule, type RuleFinding } from '../types';

/** The service principal that invokes a function for a trigger from each source kind (the SAM
 *  exporter grants the same: core/iac/sam). Event source mappings (queues, streams, Kafka) poll
 *  with the function's role and take no resource-based permission. */
const PRINCIPAL_OF_SOURCE: Partial<Record<DesignNode['kind'], string>> = {
  s3Bucket: 's3.amazonaws.com',
  snsTopic: 'sns.amazonaws.com',
  eventRule: 'events.amazonaws.com',
  apiGateway: 'apigateway.amazonaws.com',
  alb: 'elasticloadbalancing.amazonaws.com',
  cognitoUserPool: 'cognito-idp.amazonaws.com',
};

/** The protocol a subscription's target implies (what the exporter writes). */
function impliedProtocol(target: DesignNode): SnsProtocol | undefined {
  if (target.kind === 'lambda') return 'lambda';
  if (target.kind === 'sqsQueue') return 'sqs';
  if (target.kind === 'externalEndpoint') return target.props.url.startsWith('http:') ? 'http' : 'https';
  return undefined;
}

/** What is wrong with one permission statement: principal vs the service behind the source ARN,
 *  and an S3 source ARN (which has no account ID) without SourceAccount. */
function permissionProblems(p: LambdaPermission, sourceArn: string | null, expected: string | undefined, sourceName = 'the source'): string[] {
  const out: string[] = [];
  const arn = sourceArn === null ? undefined : parseArn(sourceArn);
  const behindArn = arn ? PRINCIPAL_OF_ARN_SERVICE[arn.service] : undefined;
  const service = behindArn ?? expected;
  const isService = p.principal.endsWith('.amazonaws.com') || p.principal.endsWith('.amazonaws.com.cn');
  if (service && isService && p.principal !== service) out.push(`its principal is ${p.principal}, but ${arn && behindArn ? `the source ARN ${sourceArn} is an ${arn.service} resource` : `${sourceName} invokes through ${service}`}, so the principal must be ${service}`);
  if (expected && behindArn && behindArn !== expected) out.push(`its source ARN ${sourceArn} belongs to ${behindArn.replace('.amazonaws.com', '')}, not to the trigger's source`);
  const s3 = arn ? arn.service === 's3' : expected === 's3.amazonaws.com';
  if (s3 && p.sourceAccount === null) out.push('an S3 bucket ARN carries no account ID, so without SourceAccount a bucket of the same name in any account could invoke the function');
  return out;
}

export default defineRule({
  id: 'CFG-10',
  title: 'Permission and subscription wiring',
  severity: 'warning',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  appliesTo: ['lambda', 'trigger'],
  why: 'A function\'s resource-based permission must name the service that invokes it: the principal must be the service behind the SourceArn (s3.amazonaws.com for a bucket). A bucket\'s ARN has no account ID, so a permission for S3 also needs SourceAccount, or a same-named bucket in another account could invoke the function. An SNS subscription\'s Endpoint must match its Protocol (a function ARN for lambda, a queue ARN for sqs, a URL for http/https); otherwise SNS refuses the subscription or never delivers.',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const fn of ctx.index.ofKind('lambda')) {
      (fn.props.permissions ?? []).forEach((p, i) => {
        const problems = permissionProblems(p, p.sourceArn, undefined);
        if (!problems.length) return;
        out.push({
          target: fn,
          message: `Permission ${i + 1} of "${fn.name}" (${p.principal}${p.sourceArn ? ` from ${p.sourceArn}` : ''}): ${problems.join('; ')}.`,
          fix: fixFor(fn, p, p.sourceArn),
        });
      });
    }
    for (const edge of ctx.design.edges) {
      if (edge.kind !== 'trigger') continue;
      const source = ctx.index.node(edge.from);
      const target = ctx.index.node(edge.to);
      if (!source || !target) continue;
      if (edge.props.permission && target.kind === 'lambda') checkEdgePermission(edge, source, target, out);
      if (source.kind === 'snsTopic' && (edge.props.protocol !== undefined || edge.props.endpoint !== undefined)) checkSubscription(edge, source, target, out);
    }
    return out;
  },
});

function fixFor(fn: NodeOfKind<'lambda'>, p: LambdaPermission, sourceArn: string | null): string {
  const arn = sourceArn === null ? undefined : parseArn(sourceArn);
  const service = arn ? PRINCIPAL_OF_ARN_SERVICE[arn.service] : undefined;
  const parts: string[] = [];
  if (service && p.principal !== service) parts.push(`set the principal to ${service}`);
  if ((arn?.service === 's3') && p.sourceAccount === null) parts.push('add SourceAccount (the bucket owner\'s account ID)');
  return parts.length ? `In the permission of "${fn.name}", ${parts.join(' and ')}.` : `Make the permission of "${fn.name}" name the service and source that really invoke it.`;
}

function checkEdgePermission(edge: EdgeOfKind<'trigger'>, source: DesignNode, fn: NodeOfKind<'lambda'>, out: RuleFinding[]): void {
  const p = edge.props.permission!;
  const expected = PRINCIPAL_OF_SOURCE[source.kind];
  if (!expected) {
    out.push({
      target: edge,
      message: `The trigger "${source.name}" → "${fn.name}" carries a Lambda permission (${p.principal}), but ${source.kind === 'sqsQueue' || source.kind === 'kinesisStream' || source.kind === 'dynamoTable' || source.kind === 'kafka' ? 'an event source mapping polls with the function\'s execution role and uses no resource-based permission' : `"${source.name}" does not invoke through one`}.`,
      fix: `Remove the permission from the trigger "${source.name}" → "${fn.name}".`,
    });
    return;
  }
  const problems = permissionProblems(p, p.sourceArn, expected, `"${source.name}"`);
  if (!problems.length) return;
  const parts: string[] = [];
  if (p.principal !== expected && (p.principal.endsWith('.amazonaws.com') || p.principal.endsWith('.amazonaws.com.cn'))) parts.push(`set its principal to ${expected}`);
  if (p.sourceArn !== null && PRINCIPAL_OF_ARN_SERVICE[parseArn(p.sourceArn)?.service ?? ''] !== expected) parts.push(`make its source ARN the ARN of "${source.name}"`);
  if (expected === 's3.amazonaws.com' && p.sourceAccount === null) parts.push('add SourceAccount (the account that owns the bucket)');
  out.push({
    target: edge,
    message: `The permission that lets "${source.name}" invoke "${fn.name}": ${problems.join('; ')}.`,
    fix: `In the permission of the trigger "${source.name}" → "${fn.name}", ${parts.join(' and ') || 'name the service and source that really invoke it'}.`,
  });
}

function checkSubscription(edge: EdgeOfKind<'trigger'>, topic: DesignNode, target: DesignNode, out: RuleFinding[]): void {
  const implied = impliedProtocol(target);
  const protocol = edge.props.protocol ?? implied;
  const problems: string[] = [];
  if (edge.props.protocol !== undefined && implied !== undefined && edge.props.protocol !== implied) problems.push(`its protocol is ${edge.props.protocol}, but "${target.name}" takes ${implied}`);
  const endpoint = edge.props.endpoint;
  if (endpoint !== undefined && protocol !== undefined) {
    const mismatch = endpointMismatch(protocol, endpoint);
    if (mismatch) problems.push(`its endpoint is ${endpoint}, and ${mismatch}`);
  }
  if (!problems.length) return;
  out.push({
    target: edge,
    message: `The subscription of "${target.name}" to "${topic.name}": ${problems.join('; ')}. SNS refuses it or never delivers.`,
    fix: `Set the subscription's protocol to ${implied ?? 'the one the endpoint takes'} and its endpoint to ${implied === 'lambda' || implied === 'sqs' ? `the ARN of "${target.name}"` : implied ? `the URL of "${target.name}"` : 'one the protocol takes'}, or clear both so they follow the target.`,
  });
}
