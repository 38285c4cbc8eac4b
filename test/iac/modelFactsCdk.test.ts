import { describe, expect, it } from 'vitest';
import { exportCdk } from '../../core/iac/cdk';
import { importTemplate } from '../../core/iac/import';
import { parseDesign } from '../../core/model';
import { resourcesOf, synthesize, typeCheck, writeApp } from '../support/cdkSynth';

/** Issue 14, bullet 6: the CDK app of a design using every new fact type-checks, synthesizes with
 *  CloudFormation's validation on, and imports back with the facts. One app: a synth is slow. */
const r = parseDesign(JSON.stringify({
  format: 'serverless-design', schemaVersion: 2, name: 'model facts', region: 'us-east-1',
  nodes: [
    { id: 'vpc', kind: 'vpc', name: 'VPC', props: { cidr: '10.0.0.0/16' } },
    { id: 'a', kind: 'subnet', name: 'data-a', parent: 'vpc', props: { az: 'a', cidr: '10.0.1.0/24', networkAcl: { ingress: [{ ruleNumber: 100, protocol: 'tcp', fromPort: 6379, toPort: 6380, cidr: '10.0.0.0/16' }], egress: [{ ruleNumber: 100, protocol: 'tcp', fromPort: 1024, toPort: 65535, cidr: '10.0.0.0/16' }] } } },
    { id: 'b', kind: 'subnet', name: 'data-b', parent: 'vpc', props: { az: 'b', cidr: '10.0.2.0/24' } },
    { id: 'sg', kind: 'securityGroup', name: 'cache-sg', parent: 'vpc' },
    { id: 'cache', kind: 'elasticache', name: 'Sessions', parent: 'vpc', props: { engine: 'valkey', serverless: true, subnets: ['a', 'b'], securityGroups: ['sg'] } },
    { id: 'q', kind: 'sqsQueue', name: 'jobs' },
    { id: 'fq', kind: 'sqsQueue', name: 'payments', props: { fifo: true, deduplicationScope: 'messageGroup', fifoThroughputLimit: 'perMessageGroupId' } },
    { id: 'fn', kind: 'lambda', name: 'worker', props: { permissions: [{ principal: 'sns.amazonaws.com', sourceArn: 'arn:aws:sns:us-east-1:111122223333:partner', sourceAccount: '111122223333' }] } },
  ],
  edges: [{ id: 'e', kind: 'trigger', from: 'q', to: 'fn', props: { provisionedPollers: { minimumPollers: 2, maximumPollers: 20 } } }],
}));

describe('CDK export of the new model facts', () => {
  it('type-checks, synthesizes with validation, and says what the design says', () => {
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const app = writeApp(exportCdk(r.design));
    expect([...typeCheck([app]).values()].flat()).toEqual([]);
    const template = synthesize(app, { validation: true });
    expect(resourcesOf(template, 'AWS::ElastiCache::ServerlessCache')).toHaveLength(1);
    expect(resourcesOf(template, 'AWS::EC2::NetworkAclEntry')).toHaveLength(2);
    expect(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')[0][1].Properties).toMatchObject({ ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 20 } });
    expect(resourcesOf(template, 'AWS::SQS::Queue').map(([, q]) => q.Properties)).toContainEqual(expect.objectContaining({ DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' }));
    expect(resourcesOf(template, 'AWS::Lambda::Permission').map(([, p]) => p.Properties)).toContainEqual(expect.objectContaining({ Principal: 'sns.amazonaws.com', SourceAccount: '111122223333' }));
    const back = importTemplate(JSON.stringify(template)).design;
    const fn = back.nodes.find((n) => n.kind === 'lambda');
    expect(fn?.kind === 'lambda' && fn.props.permissions).toEqual([{ principal: 'sns.amazonaws.com', sourceArn: 'arn:aws:sns:us-east-1:111122223333:partner', sourceAccount: '111122223333' }]);
    const edge = back.edges.find((e) => e.kind === 'trigger');
    expect(edge?.kind === 'trigger' && edge.props.provisionedPollers).toEqual({ minimumPollers: 2, maximumPollers: 20 });
    const cache = back.nodes.find((n) => n.kind === 'elasticache');
    expect(cache?.kind === 'elasticache' && cache.props.serverless).toBe(true);
  }, 120_000);
});
