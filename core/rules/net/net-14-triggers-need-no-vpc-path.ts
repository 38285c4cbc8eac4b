import { vpcOf } from '../../graph';
import type { DesignNode } from '../../model/design';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { endpointsOf, names } from './support';

/** The endpoint service a trigger source's API would go through, if a function called it. */
const SOURCE_SERVICES: Partial<Record<DesignNode['kind'], readonly string[]>> = {
  sqsQueue: ['sqs'], kinesisStream: ['kinesis-streams', 'kinesis'], snsTopic: ['sns'], s3Bucket: ['s3'], eventRule: ['events'], dynamoTable: ['dynamodb'], apiGateway: ['execute-api'],
};

export default defineRule({
  id: 'NET-14',
  title: 'Triggers need no path into the function\'s VPC',
  severity: 'info',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/vpc.html',
  appliesTo: ['trigger', 'vpcEndpoint', 'lambda'],
  why: 'VPC configuration covers a function\'s outbound traffic only. API Gateway, ALB ("invokes the Lambda function directly instead of using a network connection"), SNS, S3 and EventBridge invoke through the Lambda service, and Lambda polls SQS queues and streams from its own network: none needs an inbound rule, a NAT gateway or an endpoint in the function\'s VPC. So no trigger is ever reported as unreachable here.',
  check(ctx) {
    const { index } = ctx;
    const used = new Set(ctx.reachability().flatMap((r) => r.paths.flatMap((p) => p.hops.flatMap((h) => h.node?.id ?? []))));
    const byEndpoint = new Map<string, { sources: DesignNode[]; fns: DesignNode[] }>();
    for (const edge of ctx.design.edges) {
      const source = index.node(edge.from);
      const fn = index.node(edge.to);
      if (edge.kind !== 'trigger' || fn?.kind !== 'lambda' || !fn.props.vpc || !source) continue;
      const endpoints = (SOURCE_SERVICES[source.kind] ?? []).flatMap((svc) => endpointsOf(index, vpcOf(index, fn), svc, 'interface'));
      for (const ep of endpoints.filter((e) => !used.has(e.id))) {
        const entry = byEndpoint.get(ep.id) ?? byEndpoint.set(ep.id, { sources: [], fns: [] }).get(ep.id)!;
        entry.sources.push(source);
        entry.fns.push(fn);
      }
    }
    return [...byEndpoint].map(([id, { sources, fns }]): RuleFinding => {
      const ep = index.node(id)!;
      return {
        target: ep,
        message: `Interface endpoint "${ep.name}" carries no function's traffic: ${names(sources)} reach${new Set(sources).size > 1 ? '' : 'es'} ${names(fns)} through the Lambda service, not through the VPC, so the trigger does not need it.`,
        fix: `Remove "${ep.name}" unless something else in the VPC calls that API (interface endpoints are billed per hour and per GB); the trigger works without it.`,
      };
    });
  },
});
