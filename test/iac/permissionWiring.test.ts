import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { exportCdk } from '../../core/iac/cdk';
import { importTemplate } from '../../core/iac/import';
import { exportSam } from '../../core/iac/sam';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { parseDesign, type Design } from '../../core/model';
import { validateSamTemplate } from '../support/samSchema';

/** Issue 14, bullet 6: Lambda permissions and SNS subscription protocols through export and import. */
const load = (doc: unknown): Design => {
  const r = parseDesign(JSON.stringify(doc));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path} ${p.message}`).join('; '));
  return r.design;
};

const withPermissions = load({
  format: 'serverless-design', schemaVersion: 2, name: 'partner invokes', region: 'eu-west-1',
  nodes: [{ id: 'fn', kind: 'lambda', name: 'ingest', props: { permissions: [
    { principal: 'sns.amazonaws.com', sourceArn: 'arn:aws:sns:eu-west-1:111122223333:partner-orders' },
    { principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::partner-uploads', sourceAccount: '111122223333' },
  ] } }],
  edges: [],
});

describe('function permissions (AWS::Lambda::Permission)', () => {
  it('SAM writes one permission per statement, and the import gives them back', () => {
    const template = exportSam(withPermissions).files[0].content;
    expect(template).toContain('AWS::Lambda::Permission');
    expect(validateSamTemplate(parseTemplateText(template).template)).toEqual([]);
    expect(template).toContain('SourceAccount: "111122223333"');
    const { design } = importTemplate(template);
    const fn = design.nodes.find((n) => n.kind === 'lambda');
    expect(fn?.kind === 'lambda' && fn.props.permissions).toEqual(withPermissions.nodes[0].kind === 'lambda' ? withPermissions.nodes[0].props.permissions : undefined);
  });

  it('the CDK app declares them as lambda.CfnPermission with the same principal, source ARN and account', () => {
    const app = exportCdk(withPermissions).files.map((f) => f.content).join('\n');
    expect(app).toContain('CfnPermission');
    expect(app).toContain("principal: 'sns.amazonaws.com'");
    expect(app).toContain("sourceAccount: '111122223333'");
  });
});

describe('import keeps a wrongly wired permission or subscription for CFG-10', () => {
  const template = JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Uploads: { Type: 'AWS::S3::Bucket', Properties: { NotificationConfiguration: { LambdaConfigurations: [{ Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['Thumbs', 'Arn'] } }] } } },
      ThumbsRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
      Thumbs: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['ThumbsRole', 'Arn'] }, Code: { ZipFile: 'x' } } },
      ThumbsPermission: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: { Ref: 'Thumbs' }, Principal: 'sns.amazonaws.com', SourceArn: { 'Fn::GetAtt': ['Uploads', 'Arn'] } } },
      Orders: { Type: 'AWS::SNS::Topic' },
      Jobs: { Type: 'AWS::SQS::Queue' },
      JobsSubscription: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Orders' }, Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': ['Jobs', 'Arn'] } } },
    },
  });
  const { design } = importTemplate(template);
  const findings = analyze(design).findings.filter((f) => f.ruleId === 'CFG-10');

  it('the S3 trigger keeps the SNS principal (and no SourceAccount), and CFG-10 reports it on the trigger', () => {
    const trigger = design.edges.find((e) => e.kind === 'trigger' && e.from === 'Uploads' && e.to === 'Thumbs');
    expect(trigger?.kind === 'trigger' && trigger.props.permission).toEqual({ principal: 'sns.amazonaws.com', sourceArn: null, sourceAccount: null });
    expect(findings.find((f) => f.target.id === trigger?.id)?.message).toMatch(/principal must be s3\.amazonaws\.com/);
  });

  it('a queue subscribed with the lambda protocol is drawn to the queue, the protocol kept, and CFG-10 reports it', () => {
    const sub = design.edges.find((e) => e.kind === 'trigger' && e.from === 'Orders' && e.to === 'Jobs');
    expect(sub?.kind === 'trigger' && sub.props.protocol).toBe('lambda');
    expect(findings.find((f) => f.target.id === sub?.id)?.message).toMatch(/protocol is lambda, but "[^"]+" takes sqs/);
  });
});

describe('a node in another account or Region (CFG-12) through export and import', () => {
  const design = load({
    format: 'serverless-design', schemaVersion: 2, name: 'cross region', region: 'us-east-1',
    nodes: [{ id: 'fn', kind: 'lambda', name: 'worker' }, { id: 'q', kind: 'sqsQueue', name: 'jobs', props: { region: 'eu-west-1', account: '111122223333' } }],
    edges: [{ id: 'e', kind: 'trigger', from: 'q', to: 'fn' }],
  });

  it('SAM warns that a template deploys to one account and Region, keeps the placement in metadata, and the import gives it back', () => {
    const out = exportSam(design);
    expect(out.warnings.join('\n')).toMatch(/jobs.*account 111122223333 and Region eu-west-1; a template deploys to one account and Region/);
    const { design: back } = importTemplate(out.files[0].content);
    const q = back.nodes.find((n) => n.kind === 'sqsQueue');
    expect(q?.kind === 'sqsQueue' && [q.props.account, q.props.region]).toEqual(['111122223333', 'eu-west-1']);
  });

  it('the CDK export says the same warning', () => {
    expect(exportCdk(design).warnings.join('\n')).toMatch(/account 111122223333 and Region eu-west-1/);
  });
});

describe('SQS FIFO throughput settings (CFG-07) through export and import', () => {
  const design = load({
    format: 'serverless-design', schemaVersion: 2, name: 'fifo', region: 'us-east-1',
    nodes: [{ id: 'q', kind: 'sqsQueue', name: 'payments', props: { fifo: true, queueName: 'payments.fifo', deduplicationScope: 'messageGroup', fifoThroughputLimit: 'perMessageGroupId' } }],
    edges: [],
  });

  it('SAM writes DeduplicationScope and FifoThroughputLimit, and the import reads them back', () => {
    const template = exportSam(design).files[0].content;
    expect(template).toMatch(/DeduplicationScope: messageGroup/);
    expect(template).toMatch(/FifoThroughputLimit: perMessageGroupId/);
    const q = importTemplate(template).design.nodes.find((n) => n.kind === 'sqsQueue');
    expect(q?.kind === 'sqsQueue' && [q.props.deduplicationScope, q.props.fifoThroughputLimit]).toEqual(['messageGroup', 'perMessageGroupId']);
  });

  it('the CDK app sets them with the sqs enums', () => {
    const app = exportCdk(design).files.map((f) => f.content).join('\n');
    expect(app).toContain('sqs.DeduplicationScope.MESSAGE_GROUP');
    expect(app).toContain('sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID');
  });
});

describe('provisioned pollers, Kafka partitions and DynamoDB stream shards through export and import', () => {
  const design = load({
    format: 'serverless-design', schemaVersion: 2, name: 'pollers', region: 'us-east-1',
    nodes: [
      { id: 'k', kind: 'kafka', name: 'orders-cluster', props: { topicPartitions: 24 } },
      { id: 't', kind: 'dynamoTable', name: 'orders', props: { streamViewType: 'NEW_AND_OLD_IMAGES', streamShards: 6 } },
      { id: 'q', kind: 'sqsQueue', name: 'jobs' },
      { id: 'fn', kind: 'lambda', name: 'consume' },
    ],
    edges: [
      { id: 'ek', kind: 'trigger', from: 'k', to: 'fn', props: { startingPosition: 'TRIM_HORIZON', provisionedPollers: { minimumPollers: 2, maximumPollers: 40 } } },
      { id: 'et', kind: 'trigger', from: 't', to: 'fn', props: { startingPosition: 'LATEST' } },
      { id: 'eq', kind: 'trigger', from: 'q', to: 'fn', props: { provisionedPollers: { minimumPollers: 2, maximumPollers: 10 } } },
    ],
  });

  it('SAM writes the Kafka event\'s ProvisionedPollerConfig, warns that its SQS event cannot, and the import gives back pollers, partitions and shards', () => {
    const out = exportSam(design);
    expect(out.files[0].content).toMatch(/ProvisionedPollerConfig:\s+MinimumPollers: 2\s+MaximumPollers: 40/);
    expect(out.warnings.join('\n')).toMatch(/provisioned pollers, which SAM's SQS event cannot say/);
    expect(validateSamTemplate(parseTemplateText(out.files[0].content).template)).toEqual([]);
    const back = importTemplate(out.files[0].content).design;
    const kafkaEdge = back.edges.find((e) => e.kind === 'trigger' && back.nodes.find((n) => n.id === e.from)?.kind === 'kafka');
    expect(kafkaEdge?.kind === 'trigger' && kafkaEdge.props.provisionedPollers).toEqual({ minimumPollers: 2, maximumPollers: 40 });
    const kafka = back.nodes.find((n) => n.kind === 'kafka');
    expect(kafka?.kind === 'kafka' && kafka.props.topicPartitions).toBe(24);
    const table = back.nodes.find((n) => n.kind === 'dynamoTable');
    expect(table?.kind === 'dynamoTable' && table.props.streamShards).toBe(6);
  });

  it('the CDK app sets provisionedPollerConfig on the SQS and Kafka mappings', () => {
    const app = exportCdk(design).files.map((f) => f.content).join('\n');
    expect(app.match(/provisionedPollerConfig: \{/g)?.length).toBe(2);
  });
});

describe('ElastiCache Serverless through export and import', () => {
  const design = load({
    format: 'serverless-design', schemaVersion: 2, name: 'serverless cache', region: 'us-east-1',
    nodes: [
      { id: 'vpc', kind: 'vpc', name: 'VPC', props: { cidr: '10.0.0.0/16' } },
      { id: 'a', kind: 'subnet', name: 'private-a', parent: 'vpc', props: { az: 'a', cidr: '10.0.1.0/24' } },
      { id: 'b', kind: 'subnet', name: 'private-b', parent: 'vpc', props: { az: 'b', cidr: '10.0.2.0/24' } },
      { id: 'sg', kind: 'securityGroup', name: 'cache-sg', parent: 'vpc' },
      { id: 'cache', kind: 'elasticache', name: 'Sessions', parent: 'vpc', props: { engine: 'valkey', serverless: true, subnets: ['a', 'b'], securityGroups: ['sg'] } },
    ],
    edges: [],
  });

  it('SAM writes a valid AWS::ElastiCache::ServerlessCache with its name, subnets and group, and the import reads it back as serverless', () => {
    const text = exportSam(design).files[0].content;
    const tree = parseTemplateText(text).template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    expect(validateSamTemplate(tree)).toEqual([]);
    const cache = Object.values(tree.Resources).find((r) => r.Type === 'AWS::ElastiCache::ServerlessCache');
    expect(cache?.Properties).toMatchObject({ ServerlessCacheName: 'sessions', Engine: 'valkey' });
    expect((cache?.Properties.SubnetIds as unknown[]).length).toBe(2);
    expect(Object.values(tree.Resources).some((r) => r.Type === 'AWS::ElastiCache::SubnetGroup')).toBe(false);
    const back = importTemplate(text).design.nodes.find((n) => n.kind === 'elasticache');
    expect(back?.kind === 'elasticache' && [back.props.serverless, back.props.engine, back.props.subnets.length]).toEqual([true, 'valkey', 2]);
  });

  it('the CDK app declares elasticache.CfnServerlessCache', () => {
    const app = exportCdk(design).files.map((f) => f.content).join('\n');
    expect(app).toContain('CfnServerlessCache');
    expect(app).toContain("serverlessCacheName: 'sessions'");
  });
});

describe('network ACLs through export and import', () => {
  const acl = {
    ingress: [{ ruleNumber: 100, protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.0.10.0/23', action: 'allow' }],
    egress: [{ ruleNumber: 100, protocol: 'tcp', fromPort: 1024, toPort: 65535, cidr: '10.0.10.0/23', action: 'allow' }, { ruleNumber: 200, protocol: '-1', fromPort: 0, toPort: 65535, cidr: '0.0.0.0/0', action: 'deny' }],
  };
  const design = load({
    format: 'serverless-design', schemaVersion: 2, name: 'nacl', region: 'us-east-1',
    nodes: [
      { id: 'vpc', kind: 'vpc', name: 'VPC', props: { cidr: '10.0.0.0/16' } },
      { id: 'data', kind: 'subnet', name: 'data-a', parent: 'vpc', props: { az: 'a', cidr: '10.0.20.0/24', networkAcl: acl } },
    ],
    edges: [],
  });

  it('SAM writes a valid NetworkAcl, one entry per rule and the association; the import puts the rules back on the subnet', () => {
    const text = exportSam(design).files[0].content;
    const tree = parseTemplateText(text).template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    expect(validateSamTemplate(tree)).toEqual([]);
    const entries = Object.values(tree.Resources).filter((r) => r.Type === 'AWS::EC2::NetworkAclEntry').map((r) => r.Properties);
    expect(entries).toContainEqual(expect.objectContaining({ RuleNumber: 200, Protocol: -1, RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' }));
    expect(entries).toContainEqual(expect.objectContaining({ RuleNumber: 100, Protocol: 6, Egress: false, PortRange: { From: 5432, To: 5432 } }));
    const subnet = importTemplate(text).design.nodes.find((n) => n.kind === 'subnet');
    expect(subnet?.kind === 'subnet' && subnet.props.networkAcl).toEqual(acl);
  });

  it('the CDK app writes the same as L1 (CfnNetworkAcl, CfnNetworkAclEntry, CfnSubnetNetworkAclAssociation)', () => {
    const app = exportCdk(design).files.map((f) => f.content).join('\n');
    expect(app.match(/CfnNetworkAclEntry\(/g)?.length).toBe(3);
    expect(app).toContain('CfnSubnetNetworkAclAssociation');
  });
});

describe('a shared route table through export and import', () => {
  const design = load({
    format: 'serverless-design', schemaVersion: 2, name: 'shared routes', region: 'us-east-1',
    nodes: [
      { id: 'vpc', kind: 'vpc', name: 'VPC', props: { cidr: '10.0.0.0/16' } },
      { id: 'igw', kind: 'internetGateway', name: 'igw', parent: 'vpc' },
      { id: 'pa', kind: 'subnet', name: 'public-a', parent: 'vpc', props: { az: 'a', cidr: '10.0.0.0/24', routeTable: { defaultRoute: 'igw' } } },
      { id: 'pb', kind: 'subnet', name: 'public-b', parent: 'vpc', props: { az: 'b', cidr: '10.0.1.0/24', routeTableOf: 'pa' } },
    ],
    edges: [],
  });

  it('SAM associates the sharing subnet with the owner\'s table and writes no table of its own; the import gives routeTableOf back', () => {
    const text = exportSam(design).files[0].content;
    const tree = parseTemplateText(text).template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    expect(Object.values(tree.Resources).filter((r) => r.Type === 'AWS::EC2::RouteTable')).toHaveLength(1);
    const tables = Object.values(tree.Resources).filter((r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation').map((r) => JSON.stringify(r.Properties.RouteTableId));
    expect(new Set(tables).size).toBe(1);
    const back = importTemplate(text).design;
    const pb = back.nodes.find((n) => n.name === 'public-b');
    const pa = back.nodes.find((n) => n.name === 'public-a');
    expect(pb?.kind === 'subnet' && pb.props.routeTableOf).toBe(pa?.id);
    expect(pa?.kind === 'subnet' && pa.props.routeTable.defaultRoute).toBeTruthy();
  });

  it('the CDK app gives the sharing subnet a copy of the routes, and says so', () => {
    const out = exportCdk(design);
    expect(out.warnings.join('\n')).toMatch(/shares the route table of "public-a".*a copy of those routes/);
    expect(out.files.map((f) => f.content).join('\n').match(/addDefaultInternetRoute/g)?.length).toBe(2);
  });
});

describe('a function\'s own load-balancer permission beside an ALB trigger', () => {
  it('comes back as the function\'s statement, in order; the trigger\'s generated permission is not taken for one', () => {
    const design = load({
      format: 'serverless-design', schemaVersion: 2, name: 'alb', region: 'us-east-1',
      nodes: [
        { id: 'vpc', kind: 'vpc', name: 'VPC', props: { cidr: '10.0.0.0/16' } },
        { id: 'a', kind: 'subnet', name: 'a', parent: 'vpc', props: { az: 'a', cidr: '10.0.1.0/24' } },
        { id: 'b', kind: 'subnet', name: 'b', parent: 'vpc', props: { az: 'b', cidr: '10.0.2.0/24' } },
        { id: 'sg', kind: 'securityGroup', name: 'alb-sg', parent: 'vpc' },
        { id: 'alb', kind: 'alb', name: 'web', parent: 'vpc', props: { subnets: ['a', 'b'], securityGroups: ['sg'] } },
        { id: 'fn', kind: 'lambda', name: 'handler', props: { permissions: [{ principal: 'elasticloadbalancing.amazonaws.com' }, { principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::partner', sourceAccount: '111122223333' }] } },
      ],
      edges: [{ id: 'e', kind: 'trigger', from: 'alb', to: 'fn', props: { path: '/*' } }],
    });
    const back = importTemplate(exportSam(design).files[0].content).design;
    const fn = back.nodes.find((n) => n.kind === 'lambda');
    expect(fn?.kind === 'lambda' && fn.props.permissions?.map((p) => p.principal)).toEqual(['elasticloadbalancing.amazonaws.com', 's3.amazonaws.com']);
  });
});
