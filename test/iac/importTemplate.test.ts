import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVERED_TYPES, formatImportReport, importTemplate, TemplateSyntaxError } from '../../core/iac/import';
import type { ImportResult } from '../../core/iac/import';
import { isCoveredType } from '../../core/iac/import/report';
import { restoreDesign } from '../../core/model';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/iac/${name}`, import.meta.url), 'utf8');

function view({ design, report }: ImportResult) {
  const node = (id: string) => {
    const n = design.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id}; nodes: ${design.nodes.map((x) => x.id).join(', ')}`);
    return n as typeof n & { props: Record<string, unknown> };
  };
  const edge = (kind: string, from: string, to: string) => design.edges.find((e) => e.kind === kind && e.from === from && e.to === to);
  const entry = (id: string) => {
    const e = report.resources.find((r) => r.logicalId === id);
    if (!e) throw new Error(`no report entry ${id}`);
    return e;
  };
  return { node, edge, entry };
}

describe('importTemplate: a SAM template in short form (test/fixtures/iac/sam-orders.yaml)', () => {
  const result = importTemplate(fixture('sam-orders.yaml'), { fileName: 'sam-orders.yaml' });
  const { node, edge, entry } = view(result);

  it('gives a design the model loads without problems', () => {
    const restored = restoreDesign(JSON.parse(JSON.stringify(result.design)));
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(restored.problems).toEqual([]);
    expect(result.report.flavor).toBe('sam');
  });

  it('applies Globals, parameter defaults and the Fn::If branch the defaults decide', () => {
    const fn = node('ProcessOrder');
    expect(fn.name).toBe('Process order'); // Metadata.ServerlessDesigner.name
    expect(fn.props).toMatchObject({ runtime: 'nodejs22.x', memoryMb: 512, architecture: 'arm64', timeoutSeconds: 60, reservedConcurrency: 10, stopsAtFirstFailure: false });
    expect(fn.props.environment).toEqual({ STAGE: 'prod', TABLE_NAME: '${OrdersTable}' });
    expect(fn.props.asyncConfig).toMatchObject({ maximumRetryAttempts: 1 });
    expect(entry('ProcessOrder').notes.join(' ')).toMatch(/Fn::If on condition IsProd: took the true branch/);
  });

  it('turns every SAM event into a trigger with its settings', () => {
    expect(edge('trigger', 'OrdersQueue', 'ProcessOrder')?.props).toMatchObject({ batchSize: 25, maximumBatchingWindowSeconds: 5, reportBatchItemFailures: true, maximumConcurrency: 5 });
    expect(node('ServerlessRestApi').props).toMatchObject({ apiType: 'rest', endpointType: 'edge' });
    expect(edge('trigger', 'ServerlessRestApi', 'ProcessOrder')?.props).toMatchObject({ method: 'POST', path: '/orders' });
    expect(node('ProcessOrderNightly').props).toMatchObject({ ruleType: 'schedule', scheduleExpression: 'rate(1 day)' });
    expect(edge('trigger', 'ProcessOrderNightly', 'ProcessOrder')?.props.retryPolicy).toMatchObject({ maximumRetryAttempts: 3 });
    const stream = edge('trigger', 'OrdersTable', 'StreamReader');
    expect(stream?.props).toMatchObject({ startingPosition: 'LATEST', bisectBatchOnFunctionError: true, maximumRetryAttempts: 3 });
    expect(edge('destination', 'OrdersTable', 'OrdersDlq')?.props).toMatchObject({ on: 'failure', via: stream?.id });
  });

  it('wires DLQs, redrive, destinations, subscriptions, rule targets and S3 notifications', () => {
    expect(edge('deadLetter', 'ProcessOrder', 'OrdersDlq')).toBeDefined();
    expect(edge('deadLetter', 'OrdersQueue', 'OrdersDlq')?.props.maxReceiveCount).toBe(5);
    expect(edge('destination', 'ProcessOrder', 'FailureTopic')?.props.on).toBe('failure');
    expect(edge('trigger', 'FailureTopic', 'Notifier')?.props.filterPolicy).toBe('{"severity":["high"]}');
    const target = edge('trigger', 'AuditRule', 'Notifier');
    expect(target?.props.retryPolicy).toEqual({ maximumRetryAttempts: 4, maximumEventAgeSeconds: 3600 });
    // The rule has two targets: the DLQ says which one it belongs to.
    expect(edge('trigger', 'AuditRule', 'StreamReader')).toBeDefined();
    expect(edge('deadLetter', 'AuditRule', 'OrdersDlq')?.props.via).toBe(target?.id);
    expect(edge('trigger', 'UploadsBucket', 'Notifier')?.props).toMatchObject({ events: ['s3:ObjectCreated:*'], suffix: '.csv' });
    expect(entry('UploadsPermission').notes).toContain('corroborates UploadsBucket → Notifier');
  });

  it('draws access edges from policy templates, IAM statements and environment variables', () => {
    expect(edge('access', 'ProcessOrder', 'OrdersTable')?.props.mode).toBe('readWrite');
    expect(edge('access', 'Notifier', 'FailureTopic')?.props.mode).toBe('publish');
    expect(edge('access', 'Notifier', 'UploadsBucket')?.props.mode).toBe('readWrite');
  });

  it('places the network: VPC ⊃ subnets (AZ letters), routes to IGW and NAT, gateway endpoint, security-group rules, RDS', () => {
    expect(node('PublicSubnet')).toMatchObject({ parent: 'Vpc', props: { az: 'a', mapPublicIpOnLaunch: true, routeTable: { defaultRoute: 'Igw' } } });
    // The two private subnets share one route table: the first holds its routes, the second names it (routeTableOf).
    expect(node('PrivateSubnetA')).toMatchObject({ parent: 'Vpc', props: { routeTable: { defaultRoute: 'Nat', gatewayEndpoints: ['S3Endpoint'] } } });
    expect(node('PrivateSubnetB')).toMatchObject({ parent: 'Vpc', props: { az: 'b', routeTableOf: 'PrivateSubnetA' } });
    expect(node('Nat')).toMatchObject({ parent: 'PublicSubnet', props: { elasticIp: true } });
    expect(node('Igw').parent).toBe('Vpc');
    expect(node('S3Endpoint').props).toMatchObject({ endpointType: 'gateway', service: 's3' });
    expect(node('ProcessOrder').props.vpc).toEqual({ subnets: ['PrivateSubnetA', 'PrivateSubnetB'], securityGroups: ['FunctionSg'] });
    expect(node('DatabaseSg').props.ingress).toEqual([
      expect.objectContaining({ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.1.0.0/16' }),
      expect.objectContaining({ securityGroup: 'FunctionSg' }),
    ]);
    expect(node('Database')).toMatchObject({ parent: 'Vpc', props: { engine: 'postgres', instanceClass: 'db.t4g.small', multiAz: true, allocatedStorageGb: 50, subnets: ['PrivateSubnetA', 'PrivateSubnetB'], securityGroups: ['DatabaseSg'] } });
  });

  it('reports what it could not take, per resource with the template line and the reason', () => {
    expect(entry('IdentityPool')).toMatchObject({ status: 'skipped', line: 183, reasons: ['AWS::Cognito::IdentityPool: no such resource kind in the model'] });
    const reader = entry('StreamReader');
    expect(reader.status).toBe('partial');
    expect(reader.reasons.join('\n')).toMatch(/Events\.FromMq \(MQ\): no such event source/);
    expect(reader.reasons.join('\n')).toMatch(/memoryMb = 20000 was not taken/);
    expect(node('StreamReader').props.memoryMb).toBe(128);
    expect(entry('DatabaseSg').reasons.join('\n')).toMatch(/IPv6/);
    // Properties the model has no setting for are named, not dropped silently.
    expect(entry('OrdersTable').notes).toContain('not in the model, so not imported: AttributeDefinitions, KeySchema');
    expect(entry('ProcessOrder').notes.join('\n')).not.toMatch(/not in the model/);
    expect(entry('Notifier').condition).toBe('IsProd');
    expect(result.report.notes.join('\n')).toMatch(/conditions kept as data.*IsProd/);
    expect(result.report.totals).toMatchObject({ resources: 33, understood: 32, skippedByType: { 'AWS::Cognito::IdentityPool': 1 } });
    const text = formatImportReport(result.report);
    expect(text).toMatch(/IdentityPool AWS::Cognito::IdentityPool \(line 183\)/);
    expect(text).toMatch(/skipped by type: AWS::Cognito::IdentityPool ×1/);
  });

  it('returns positions for no node: layout is the caller\'s (layoutDesign)', () => {
    expect(result.design.layout.positions).toEqual({});
  });
});

describe('importTemplate: plain CloudFormation JSON in long form (test/fixtures/iac/cfn-streams.json)', () => {
  const result = importTemplate(fixture('cfn-streams.json'));
  const { node, edge, entry } = view(result);

  it('reads functions, roles with attached policies, mappings, async config and log groups', () => {
    expect(result.report.flavor).toBe('cloudformation');
    expect(result.report.format).toBe('json');
    expect(node('Aggregator').props).toMatchObject({ runtime: 'python3.12', memoryMb: 1024, timeoutSeconds: 60, logRetentionDays: 14, asyncConfig: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 300 } });
    // GetItem/Query on the role + PutItem in an attached AWS::IAM::Policy (ARN built with Fn::Sub).
    expect(edge('access', 'Aggregator', 'Sessions')?.props.mode).toBe('readWrite');
    expect(edge('access', 'Aggregator', 'FailedClicks')?.props.mode).toBe('write');
    const mapping = edge('trigger', 'Clicks', 'Aggregator');
    expect(mapping?.props).toMatchObject({ startingPosition: 'TRIM_HORIZON', batchSize: 500, parallelizationFactor: 4, maximumRecordAgeSeconds: 3600 });
    expect(edge('destination', 'Clicks', 'FailedClicks')?.props.via).toBe(mapping?.id);
    expect(node('Clicks').props).toMatchObject({ shardCount: 2, retentionHours: 48 });
    expect(entry('AggregatorWrites').status).toBe('imported');
  });

  it('says which parameter could not be resolved, and keeps the default', () => {
    expect(entry('Sessions').reasons).toEqual([expect.stringMatching(/ProvisionedThroughput\.ReadCapacityUnits could not be resolved \(parameter ReadCapacity has no default\)/)]);
    expect(node('Sessions').props).toMatchObject({ billingMode: 'provisioned', writeCapacityUnits: 7 });
  });

  it('names a reference to nothing and an undefined condition', () => {
    expect(entry('Orphan').reasons.join('\n')).toMatch(/Fn::GetAtt Nowhere points to nothing/);
    expect(entry('HourlyRule').reasons.join('\n')).toMatch(/Condition NeverDefined is not defined/);
  });
});

describe('importTemplate: data stores, HTTP routes, a load balancer, Kafka (test/fixtures/iac/cfn-data-routes.yaml)', () => {
  const result = importTemplate(fixture('cfn-data-routes.yaml'));
  const { node, edge, entry } = view(result);

  it('loads as a valid design', () => {
    const restored = restoreDesign(JSON.parse(JSON.stringify(result.design)));
    expect(restored.ok && restored.problems).toEqual([]);
  });

  it('places Aurora, its proxy, the cache and the Kafka cluster in the VPC through their subnet groups', () => {
    expect(node('Cluster')).toMatchObject({ parent: 'Vpc', props: { engine: 'aurora-postgresql', instanceClass: 'db.r6g.large', subnets: ['SubnetA', 'SubnetB'], securityGroups: ['DbSg'] } });
    expect(entry('ClusterWriter').notes).toContain('folded into cluster Cluster (an instance of it)');
    expect(node('Proxy')).toMatchObject({ parent: 'Vpc', props: { target: 'Cluster', requireTls: true } });
    expect(node('Cache')).toMatchObject({ parent: 'Vpc', props: { engine: 'valkey', nodeType: 'cache.t4g.small', numNodes: 2, securityGroups: ['DbSg'] } });
    expect(node('Kafka')).toMatchObject({ kind: 'kafka', parent: 'Vpc', props: { flavor: 'msk', subnets: ['SubnetA', 'SubnetB'] } });
    // A rule whose port is !GetAtt Cluster.Endpoint.Port takes the engine's port; all-traffic egress is AWS's default (null).
    expect(node('DbSg').props.ingress).toEqual([expect.objectContaining({ fromPort: 5432, toPort: 5432, securityGroup: 'AppSg' })]);
    expect(node('AppSg').props.egress).toBeNull();
  });

  it('turns routes, listener rules, schedules and subscriptions into triggers', () => {
    expect(node('Api').props).toMatchObject({ apiType: 'http', stage: 'live', authorizer: 'iam' });
    expect(edge('trigger', 'Api', 'App')?.props).toMatchObject({ method: 'GET', path: '/orders/{id}' });
    expect(node('Alb').props).toMatchObject({ scheme: 'internal', multiValueHeaders: true, subnets: ['SubnetA', 'SubnetB'] });
    expect(edge('trigger', 'Alb', 'App')?.props).toMatchObject({ method: 'POST', path: '/admin/*' });
    expect(node('Nightly').props).toMatchObject({ ruleType: 'schedule', scheduler: true, scheduleExpression: 'cron(0 2 * * ? *)' });
    expect(edge('trigger', 'Nightly', 'App')?.props.retryPolicy).toMatchObject({ maximumRetryAttempts: 2 });
    expect(edge('trigger', 'Kafka', 'App')?.props).toMatchObject({ batchSize: 50, startingPosition: 'LATEST' });
    const hook = result.design.nodes.find((n) => n.kind === 'externalEndpoint');
    expect(hook?.props).toMatchObject({ url: 'https://hooks.example.com/alerts' });
    expect(edge('trigger', 'Alerts', hook!.id)).toBeDefined();
    expect(entry('Alerts').reasons).toEqual(['subscription protocol email: no such subscriber in the model']);
  });

  it('reads access from environment variables that name a proxy, a cache and a secret', () => {
    expect(edge('access', 'App', 'Proxy')?.props.mode).toBe('connect');
    expect(edge('access', 'App', 'Cache')?.props.mode).toBe('connect');
    expect(node('DbSecret')).toMatchObject({ kind: 'awsService', props: { service: 'secretsmanager' } });
    expect(edge('access', 'App', 'DbSecret')?.props.mode).toBe('read');
    expect(node('App').props.vpc).toEqual({ subnets: ['SubnetA', 'SubnetB'], securityGroups: ['AppSg'] });
  });
});

describe('importTemplate: malformed templates give a message per resource, never a crash', () => {
  it('throws TemplateSyntaxError (with a line) only for unreadable text or a template that is not a mapping', () => {
    expect(() => importTemplate('Resources: [unclosed')).toThrow(TemplateSyntaxError);
    expect(() => importTemplate('- just\n- a list\n')).toThrow(TemplateSyntaxError);
    expect(() => importTemplate('"a string"')).toThrow(TemplateSyntaxError);
  });

  it('Resources that are not a map: an empty design and a note', () => {
    const { design, report } = importTemplate('Resources:\n  - Type: AWS::SQS::Queue\n');
    expect(design.nodes).toEqual([]);
    expect(report.notes.join('\n')).toMatch(/Resources is a list, not a map/);
  });

  it('a resource without Type, a Ref to nothing, a circular DependsOn', () => {
    const { design, report } = importTemplate(`Resources:
  NoType:
    Properties: {}
  Weird: 42
  A:
    Type: AWS::SQS::Queue
    DependsOn: B
    Properties:
      RedrivePolicy: {deadLetterTargetArn: !GetAtt Missing.Arn, maxReceiveCount: 2}
  B:
    Type: AWS::SQS::Queue
    DependsOn: [A]
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment: {Variables: {X: !Ref Ghost}}
      Events: [not, a, map]
`);
    const by = (id: string) => report.resources.find((r) => r.logicalId === id)!;
    expect(by('NoType')).toMatchObject({ status: 'skipped', reasons: ['the resource has no Type'], line: 2 });
    expect(by('Weird').reasons).toEqual(['a resource is a map with a Type, not a number']);
    expect(by('A').reasons.join('\n')).toMatch(/Fn::GetAtt Missing points to nothing/);
    expect(by('A').reasons.join('\n')).toMatch(/DependsOn forms a cycle \(A → B → A\)/);
    expect(by('B').reasons.join('\n')).toMatch(/DependsOn forms a cycle/);
    expect(by('Fn').reasons.join('\n')).toMatch(/Ref Ghost points to nothing/);
    expect(by('Fn').reasons.join('\n')).toMatch(/Events is not a map/);
    expect(design.nodes.map((n) => n.id).sort()).toEqual(['A', 'B', 'Fn']);
  });

  it('a 10,000-element list is reported once, quickly', () => {
    // Kept under CloudFormation's 1 MB, which the parser enforces first.
    const rules = Array.from({ length: 10000 }, (_, i) => ({ IpProtocol: 'tcp', FromPort: i, ToPort: i, CidrIpv6: '::/0' }));
    const layers = Array.from({ length: 10000 }, (_, i) => `L${i}`);
    const text = JSON.stringify({ Resources: {
      Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: rules } },
      Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Layers: layers } },
    } });
    const started = performance.now();
    const { design, report } = importTemplate(text);
    expect(performance.now() - started).toBeLessThan(5000);
    const sg = report.resources.find((r) => r.logicalId === 'Sg')!;
    expect(sg.status).toBe('partial');
    expect(sg.reasons.length).toBeLessThanOrEqual(21);
    expect(sg.reasons.at(-1)).toMatch(/more/);
    const fn = report.resources.find((r) => r.logicalId === 'Fn')!;
    expect(fn.reasons.join('\n')).toMatch(/layers .* was not taken/);
    expect(design.nodes.find((n) => n.id === 'Fn')?.props).toMatchObject({ layers: [] });
  });
});

describe('COVERED_TYPES', () => {
  it('lists each type once, and every type the importer reads into a node', () => {
    expect(new Set(COVERED_TYPES).size).toBe(COVERED_TYPES.length);
    for (const t of ['AWS::Serverless::Function', 'AWS::SQS::Queue', 'AWS::EC2::Subnet', 'AWS::RDS::DBProxy']) expect(isCoveredType(t)).toBe(true);
    expect(isCoveredType('AWS::AppSync::GraphQLApi')).toBe(false);
  });
});

describe('importTemplate never crashes on odd values (property)', () => {
  const TYPES = [
    'AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::Lambda::EventSourceMapping', 'AWS::SQS::Queue', 'AWS::SNS::Topic',
    'AWS::SNS::Subscription', 'AWS::Events::Rule', 'AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::EC2::Subnet', 'AWS::EC2::SecurityGroup',
    'AWS::EC2::Route', 'AWS::RDS::DBInstance', 'AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route', 'AWS::IAM::Role', 'AWS::Lambda::Permission',
    'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::Serverless::StateMachine', 'Custom::Thing',
  ];
  const ids = ['A', 'B', 'C', 'D'];
  // Values that look like template values: intrinsics pointing at the other resources, or anything JSON.
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(...ids).map((id) => ({ Ref: id })),
      fc.constantFrom(...ids).map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })),
      fc.constantFrom(...ids).map((id) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:x:::\${${id}}` })),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('Type', 'Properties', 'Queue', 'Stream', 'Arn', 'TargetArn', 'Events', 'Resource', 'Action', 'Statement', 'VpcId', 'SubnetIds'), tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  const resource = fc.record({ Type: fc.constantFrom(...TYPES), Properties: fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 6 }) }, { requiredKeys: ['Type'] });
  const template = fc.dictionary(fc.constantFrom(...ids), resource, { minKeys: 1 }).map((Resources) => JSON.stringify({ Transform: 'AWS::Serverless-2016-10-31', Resources }));

  it('gives a design the model loads without a problem, and a report line per resource', () => {
    fc.assert(fc.property(template, (text) => {
      const { design, report } = importTemplate(text);
      expect(report.resources.length).toBe(Object.keys((JSON.parse(text) as { Resources: object }).Resources).length);
      const restored = restoreDesign(JSON.parse(JSON.stringify(design)));
      expect(restored.ok && restored.problems.map((p) => p.message)).toEqual([]);
    }), { numRuns: 300 });
  });
});
