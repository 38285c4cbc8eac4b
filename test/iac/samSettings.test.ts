import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { exportSam } from '../../core/iac/sam';
import { createDesign, createEdge, createNode, type Design, type DesignEdge, type DesignNode } from '../../core/model';
import { validateSamTemplate } from '../support/samSchema';

/* Specific design settings land in the template property AWS reads them from. */

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function design(nodes: DesignNode[], edges: DesignEdge[] = [], name = 'Settings'): Design {
  return { ...createDesign(name), nodes, edges };
}
const n = (kind: DesignNode['kind'], id: string, name: string, props: Record<string, unknown> = {}, parent?: string) => createNode(kind, id, name, props, parent);
const e = (kind: DesignEdge['kind'], id: string, from: string, to: string, props: Record<string, unknown> = {}) => createEdge(kind, id, from, to, props);

function exported(d: Design): { tree: Raw; resources: Raw; warnings: string[]; files: { path: string; content: string }[] } {
  const out = exportSam(d);
  const tree = parseTemplateText(out.files[0].content).template as Raw;
  expect(validateSamTemplate(tree)).toEqual([]);
  return { tree, resources: tree.Resources as Raw, warnings: out.warnings, files: out.files };
}

describe('SAM export: where each setting lands', () => {
  it('SQS trigger: batch size, batching window, maximum concurrency, partial batch responses, filters', () => {
    const { resources } = exported(design(
      [n('sqsQueue', 'q', 'Orders queue'), n('lambda', 'f', 'Worker')],
      [e('trigger', 't', 'q', 'f', { batchSize: 7, maximumBatchingWindowSeconds: 20, maximumConcurrency: 50, reportBatchItemFailures: true, filters: ['{"body":{"kind":["order"]}}'] })],
    ));
    const event = resources.Worker.Properties.Events.OrdersQueue;
    expect(event.Type).toBe('SQS');
    expect(event.Properties).toEqual({
      Queue: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] }, BatchSize: 7, MaximumBatchingWindowInSeconds: 20,
      ScalingConfig: { MaximumConcurrency: 50 }, FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"kind":["order"]}}' }] },
    });
  });

  it('stream trigger: starting position, bisect, retries, record age, parallelization, on-failure destination of that mapping', () => {
    const { resources } = exported(design(
      [n('kinesisStream', 's', 'Clicks'), n('lambda', 'f', 'Consumer'), n('sqsQueue', 'q', 'Failed records')],
      [
        e('trigger', 't', 's', 'f', { startingPosition: 'TRIM_HORIZON', bisectBatchOnFunctionError: true, maximumRetryAttempts: 3, maximumRecordAgeSeconds: 3600, parallelizationFactor: 4 }),
        e('destination', 'd', 's', 'q', { on: 'failure', via: 't' }),
      ],
    ));
    expect(resources.Consumer.Properties.Events.Clicks.Properties).toEqual({
      Stream: { 'Fn::GetAtt': ['Clicks', 'Arn'] }, StartingPosition: 'TRIM_HORIZON', BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3, MaximumRecordAgeInSeconds: 3600, ParallelizationFactor: 4,
      DestinationConfig: { OnFailure: { Type: 'SQS', Destination: { 'Fn::GetAtt': ['FailedRecords', 'Arn'] } } },
    });
  });

  it('queue redrive: the dead-letter queue and maxReceiveCount', () => {
    const { resources } = exported(design(
      [n('sqsQueue', 'q', 'Jobs', { visibilityTimeoutSeconds: 120 }), n('sqsQueue', 'dlq', 'Jobs DLQ', { messageRetentionSeconds: 1209600 })],
      [e('deadLetter', 'r', 'q', 'dlq', { maxReceiveCount: 3 })],
    ));
    expect(resources.Jobs.Properties).toEqual({ VisibilityTimeout: 120, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['JobsDLQ', 'Arn'] }, maxReceiveCount: 3 } });
    expect(resources.JobsDLQ.Properties).toEqual({ MessageRetentionPeriod: 1209600 });
  });

  it('provisioned concurrency goes on the published alias; without an alias it is left out with a warning', () => {
    const withAlias = exported(design([n('lambda', 'f', 'Api', { provisionedConcurrency: 5, publish: { alias: 'live' }, reservedConcurrency: 20 })]));
    expect(withAlias.resources.Api.Properties).toMatchObject({ AutoPublishAlias: 'live', ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 }, ReservedConcurrentExecutions: 20 });
    const without = exported(design([n('lambda', 'f', 'Api', { provisionedConcurrency: 5 })]));
    expect(without.resources.Api.Properties.ProvisionedConcurrencyConfig).toBeUndefined();
    expect(without.warnings.join('\n')).toMatch(/provisioned concurrency but no alias/);
  });

  it('function settings: memory, timeout, architecture, /tmp, layers, environment, async config, recursive loop, DLQ, destinations', () => {
    const { resources } = exported(design([
      n('lambda', 'f', 'Resizer', {
        memoryMb: 2048, timeoutSeconds: 60, architecture: 'arm64', ephemeralStorageMb: 4096, layers: ['arn:aws:lambda:us-east-1:123456789012:layer:sharp:3'],
        environment: { BUCKET: 'images' }, asyncConfig: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 600 }, recursiveLoop: 'Allow',
      }),
      n('sqsQueue', 'dlq', 'Resizer DLQ'), n('snsTopic', 'ok', 'Resized'),
    ], [e('deadLetter', 'd', 'f', 'dlq'), e('destination', 's', 'f', 'ok', { on: 'success' })]));
    expect(resources.Resizer.Properties).toMatchObject({
      MemorySize: 2048, Timeout: 60, Architectures: ['arm64'], EphemeralStorage: { Size: 4096 }, Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:sharp:3'],
      Environment: { Variables: { BUCKET: 'images' } }, RecursiveLoop: 'Allow',
      DeadLetterQueue: { Type: 'SQS', TargetArn: { 'Fn::GetAtt': ['ResizerDLQ', 'Arn'] } },
      EventInvokeConfig: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 600, DestinationConfig: { OnSuccess: { Type: 'SNS', Destination: { Ref: 'Resized' } } } },
    });
  });

  it('AWS defaults are left out: a default function and queue carry only what they must', () => {
    const { resources } = exported(design([n('lambda', 'f', 'Plain'), n('sqsQueue', 'q', 'Plain queue')]));
    expect(Object.keys(resources.Plain.Properties).sort()).toEqual(['CodeUri', 'Handler', 'Runtime']);
    expect(resources.PlainQueue.Properties).toBeUndefined();
  });

  it('settings every function shares move to Globals', () => {
    const { tree, resources } = exported(design([
      n('lambda', 'a', 'A', { runtime: 'python3.13', handler: 'app.handler', memoryMb: 512, timeoutSeconds: 10 }),
      n('lambda', 'b', 'B', { runtime: 'python3.13', handler: 'app.handler', memoryMb: 1024, timeoutSeconds: 10 }),
    ]));
    expect(tree.Globals.Function).toMatchObject({ Runtime: 'python3.13', Timeout: 10, Handler: 'app.handler' });
    expect(resources.A.Properties.Runtime).toBeUndefined();
    expect(resources.A.Properties.MemorySize).toBe(512);
    expect(resources.B.Properties.MemorySize).toBe(1024);
  });

  it('VpcConfig names the function\'s subnets and security groups', () => {
    const { resources } = exported(design([
      n('vpc', 'v', 'Main VPC'), n('subnet', 'a', 'App A', { az: 'a', cidr: '10.0.1.0/24' }, 'v'), n('subnet', 'b', 'App B', { az: 'b', cidr: '10.0.2.0/24' }, 'v'),
      n('securityGroup', 'sg', 'App SG', {}, 'v'),
      n('lambda', 'f', 'Worker', { vpc: { subnets: ['a', 'b'], securityGroups: ['sg'] } }),
    ]));
    expect(resources.Worker.Properties.VpcConfig).toEqual({ SubnetIds: [{ Ref: 'AppA' }, { Ref: 'AppB' }], SecurityGroupIds: [{ Ref: 'AppSG' }] });
    expect(resources.AppA.Properties).toMatchObject({ VpcId: { Ref: 'MainVPC' }, AvailabilityZone: { 'Fn::Sub': '${AWS::Region}a' }, CidrBlock: '10.0.1.0/24', Tags: [{ Key: 'Name', Value: 'App A' }] });
  });

  it('NAT placement per AZ: each private subnet routes through the NAT gateway in its own AZ, each NAT has its Elastic IP', () => {
    const { resources } = exported(design([
      n('vpc', 'v', 'VPC'), n('internetGateway', 'igw', 'IGW', {}, 'v'),
      n('subnet', 'pa', 'Public A', { az: 'a', cidr: '10.0.0.0/24', routeTable: { defaultRoute: 'igw' } }, 'v'),
      n('subnet', 'pb', 'Public B', { az: 'b', cidr: '10.0.1.0/24', routeTable: { defaultRoute: 'igw' } }, 'v'),
      n('natGateway', 'na', 'NAT A', {}, 'pa'), n('natGateway', 'nb', 'NAT B', {}, 'pb'),
      n('subnet', 'xa', 'Private A', { az: 'a', cidr: '10.0.10.0/24', routeTable: { defaultRoute: 'na' } }, 'v'),
      n('subnet', 'xb', 'Private B', { az: 'b', cidr: '10.0.11.0/24', routeTable: { defaultRoute: 'nb' } }, 'v'),
    ]));
    const routes = Object.values(resources).filter((r: Raw) => r.Type === 'AWS::EC2::Route') as Raw[];
    const routeOf = (subnet: string) => {
      const assoc = Object.values(resources).find((r: Raw) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation' && r.Properties.SubnetId.Ref === subnet) as Raw;
      return routes.find((r) => r.Properties.RouteTableId.Ref === assoc.Properties.RouteTableId.Ref)!.Properties;
    };
    expect(routeOf('PrivateA')).toMatchObject({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: 'NATA' } });
    expect(routeOf('PrivateB')).toMatchObject({ NatGatewayId: { Ref: 'NATB' } });
    expect(routeOf('PublicA')).toMatchObject({ GatewayId: { Ref: 'IGW' } });
    expect(resources.NATA.Properties.SubnetId).toEqual({ Ref: 'PublicA' });
    expect(resources.NATB.Properties.SubnetId).toEqual({ Ref: 'PublicB' });
    const eipA = resources.NATA.Properties.AllocationId['Fn::GetAtt'][0];
    const eipB = resources.NATB.Properties.AllocationId['Fn::GetAtt'][0];
    expect(eipA).not.toBe(eipB);
    expect(resources[eipA].Type).toBe('AWS::EC2::EIP');
    expect(resources.IGWAttachment.Properties).toEqual({ VpcId: { Ref: 'VPC' }, InternetGatewayId: { Ref: 'IGW' } });
  });

  it('security group rules: CIDR peers inline, group peers as their own resources, "no egress" as a rule matching nothing', () => {
    const { resources } = exported(design([
      n('vpc', 'v', 'VPC'), n('securityGroup', 'app', 'App', { egress: [] }, 'v'),
      n('securityGroup', 'db', 'DB', { ingress: [
        { protocol: 'tcp', fromPort: 5432, toPort: 5432, securityGroup: 'app', description: 'from app' },
        { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' },
      ] }, 'v'),
    ]));
    expect(resources.DB.Properties.SecurityGroupIngress).toEqual([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' }]);
    expect(resources.DBIngress1.Properties).toEqual({ GroupId: { Ref: 'DB' }, IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, Description: 'from app', SourceSecurityGroupId: { Ref: 'App' } });
    expect(resources.App.Properties.SecurityGroupEgress).toEqual([expect.objectContaining({ CidrIp: '255.255.255.255/32' })]);
    expect(resources.DB.Properties.SecurityGroupEgress).toBeUndefined();
  });

  it('least-privilege policies from access edges; network access (RDS Proxy) needs none and is kept in metadata', () => {
    const { resources } = exported(design([
      n('lambda', 'f', 'Api'), n('dynamoTable', 't', 'Items'), n('sqsQueue', 'q', 'Out'), n('s3Bucket', 'b', 'Files'),
      n('vpc', 'v', 'VPC'), n('rds', 'db', 'DB', {}, 'v'), n('rdsProxy', 'p', 'Proxy', { target: 'db' }, 'v'),
    ], [
      e('access', 'a1', 'f', 't', { mode: 'read' }), e('access', 'a2', 'f', 'q', { mode: 'write' }), e('access', 'a3', 'f', 'b', { mode: 'readWrite' }),
      e('access', 'a4', 'f', 'p', { mode: 'connect', port: 5432 }),
    ]));
    expect(resources.Api.Properties.Policies).toEqual([
      { DynamoDBReadPolicy: { TableName: { Ref: 'Items' } } },
      { SQSSendMessagePolicy: { QueueName: { 'Fn::GetAtt': ['Out', 'QueueName'] } } },
      { S3CrudPolicy: { BucketName: { Ref: 'Files' } } },
    ]);
    expect(resources.Api.Metadata.ServerlessDesigner.access).toContainEqual({ to: 'Proxy', mode: 'connect', port: 5432 });
  });

  it('an EventBridge rule with one function target is a SAM event with its pattern, retry policy and dead-letter queue', () => {
    const { resources } = exported(design([
      n('eventRule', 'r', 'Order placed', { eventPattern: '{"source":["shop"]}' }), n('lambda', 'f', 'Handler'), n('sqsQueue', 'dlq', 'Rule DLQ'),
    ], [e('trigger', 't', 'r', 'f', { retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeSeconds: 3600 } }), e('deadLetter', 'd', 'r', 'dlq')]));
    expect(resources.Handler.Properties.Events.OrderPlaced).toEqual({
      Type: 'EventBridgeRule',
      Properties: { Pattern: { source: ['shop'] }, RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600 }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['RuleDLQ', 'Arn'] } } },
    });
    expect(resources.Handler.Metadata.ServerlessDesigner.events.OrderPlaced.source).toMatchObject({ kind: 'eventRule', name: 'Order placed' });
  });

  it('design-only settings travel in Metadata.ServerlessDesigner, defaults stay out', () => {
    const { resources } = exported(design([
      n('lambda', 'f', 'Switch', { killSwitch: true, reservedConcurrency: 0 }), n('sqsQueue', 'q', 'Ordered', { fifo: true, orderCritical: true }), n('lambda', 'g', 'Plain'),
    ]));
    expect(resources.Switch.Metadata.ServerlessDesigner).toMatchObject({ killSwitch: true });
    expect(resources.Ordered.Metadata.ServerlessDesigner).toMatchObject({ orderCritical: true });
    expect(resources.Ordered.Properties.FifoQueue).toBe(true);
    expect(resources.Plain.Metadata).toBeUndefined();
  });

  it('settings the template cannot carry under the current choices travel in metadata (image runtime, capacity of an on-demand table)', () => {
    const { resources, files } = exported(design([
      n('lambda', 'f', 'Img', { packageType: 'Image', runtime: 'python3.12', handler: 'app.main' }),
      n('dynamoTable', 't', 'Tbl', { billingMode: 'onDemand', readCapacityUnits: 50 }),
      n('apiGateway', 'a', 'Http', { apiType: 'http', endpointType: 'edge' }),
    ]));
    expect(resources.Img.Properties.Runtime).toBeUndefined();
    expect(resources.Img.Properties.PackageType).toBe('Image');
    expect(resources.Img.Metadata).toMatchObject({ DockerContext: './src/img', ServerlessDesigner: { runtime: 'python3.12', handler: 'app.main' } });
    expect(files.find((f) => f.path === 'src/img/Dockerfile')?.content).toMatch(/FROM public\.ecr\.aws\/lambda\/python:3\.12/);
    expect(resources.Tbl.Properties.ProvisionedThroughput).toBeUndefined();
    expect(resources.Tbl.Metadata.ServerlessDesigner).toEqual({ readCapacityUnits: 50 });
    expect(resources.Http.Metadata.ServerlessDesigner).toEqual({ endpointType: 'edge' });
  });

  it('a disabled trigger: Enabled false on a mapping; from a source with no switch, a warning and metadata', () => {
    const { resources, warnings } = exported(design(
      [n('sqsQueue', 'q', 'Jobs'), n('snsTopic', 't', 'News'), n('lambda', 'f', 'Worker')],
      [e('trigger', 'a', 'q', 'f', { enabled: false }), e('trigger', 'b', 't', 'f', { enabled: false })],
    ));
    expect(resources.Worker.Properties.Events.Jobs.Properties.Enabled).toBe(false);
    expect(resources.News.Metadata.ServerlessDesigner.triggers).toEqual([{ to: 'Worker', props: { enabled: false } }]);
    expect(warnings.join('\n')).toMatch(/News.*disabled in the design/);
  });

  it('placeholder handlers match each runtime and handler', () => {
    const { files } = exported(design([
      n('lambda', 'a', 'Node fn', { runtime: 'nodejs22.x', handler: 'src/main.run' }),
      n('lambda', 'b', 'Py fn', { runtime: 'python3.13', handler: 'app.lambda_handler' }),
      n('lambda', 'c', 'Java fn', { runtime: 'java21', handler: 'com.example.Handler::handleRequest' }),
    ]));
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    expect(byPath.get('src/node-fn/src/main.mjs')).toMatch(/export const run = async/);
    expect(byPath.get('src/py-fn/app.py')).toMatch(/def lambda_handler\(event, context\)/);
    expect(byPath.get('src/java-fn/README.md')).toMatch(/Maven/);
  });
});
