import { App, Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../core/iac/import';
import { restoreDesign } from '../../core/model';

/** A small CDK stack, synthesized in-process (real CDK output, not hand-written). `cdkCli`: the context
 *  `cdk synth` passes (construct paths in Metadata, the AWS::CDK::Metadata resource), as in the
 *  `*.template.json` people import; without it, what a bare `new App()` gives. */
function synthesize(cdkCli = true): string {
  const app = new App(cdkCli ? { context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:version-reporting': true } } : {});
  const stack = new Stack(app, 'OrdersStack');
  const vpc = new ec2.Vpc(stack, 'Network', { maxAzs: 2, natGateways: 1 });
  const dlq = new sqs.Queue(stack, 'OrdersDlq');
  const queue = new sqs.Queue(stack, 'Orders', { visibilityTimeout: Duration.seconds(90), deadLetterQueue: { queue: dlq, maxReceiveCount: 4 } });
  const table = new dynamodb.Table(stack, 'OrdersTable', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST });
  const fn = new lambda.Function(stack, 'ProcessOrder', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {}'),
    memorySize: 1024,
    timeout: Duration.seconds(30),
    architecture: lambda.Architecture.ARM_64,
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    logRetention: logs.RetentionDays.TWO_WEEKS,
    environment: { TABLE: table.tableName },
  });
  fn.addEventSource(new SqsEventSource(queue, { batchSize: 5, reportBatchItemFailures: true }));
  table.grantReadWriteData(fn);
  const bucket = new s3.Bucket(stack, 'Uploads');
  bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn), { prefix: 'in/' });
  return JSON.stringify(app.synth().getStackByName('OrdersStack').template);
}

describe('importTemplate: a CDK-synthesized template', () => {
  const text = synthesize();
  const { design, report } = importTemplate(text, { fileName: 'OrdersStack.template.json' });
  const byName = (name: string) => design.nodes.find((n) => n.name === name);
  const idOf = (name: string) => {
    const n = byName(name);
    if (!n) throw new Error(`no node named ${name}; names: ${design.nodes.map((x) => x.name).join(', ')}`);
    return n.id;
  };
  const edge = (kind: string, from: string, to: string) => design.edges.find((e) => e.kind === kind && e.from === idOf(from) && e.to === idOf(to));

  it('is recognised as CDK output and loads as a valid design', () => {
    expect(report.flavor).toBe('cdk');
    const restored = restoreDesign(JSON.parse(JSON.stringify(design)));
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(restored.problems).toEqual([]);
  });

  it('names nodes after their construct paths', () => {
    expect(byName('ProcessOrder')?.kind).toBe('lambda');
    expect(byName('Orders')?.kind).toBe('sqsQueue');
    expect(byName('OrdersTable')?.kind).toBe('dynamoTable');
    expect(byName('Network')?.kind).toBe('vpc');
    expect(byName('PrivateSubnet1')?.kind).toBe('subnet');
  });

  it('reads the function, its event source, DLQ redrive, access grant, log retention and S3 notification', () => {
    const fn = byName('ProcessOrder')!;
    expect(fn.props).toMatchObject({ runtime: 'nodejs22.x', memoryMb: 1024, timeoutSeconds: 30, architecture: 'arm64', logRetentionDays: 14 });
    expect(edge('trigger', 'Orders', 'ProcessOrder')?.props).toMatchObject({ batchSize: 5, reportBatchItemFailures: true });
    expect(edge('deadLetter', 'Orders', 'OrdersDlq')?.props.maxReceiveCount).toBe(4);
    expect(edge('access', 'ProcessOrder', 'OrdersTable')?.props.mode).toBe('readWrite');
    expect(edge('trigger', 'Uploads', 'ProcessOrder')?.props).toMatchObject({ events: ['s3:ObjectCreated:*'], prefix: 'in/' });
  });

  it('builds the VPC: subnets in two AZs inside it, NAT in a public subnet, private default routes via the NAT', () => {
    const vpcId = idOf('Network');
    const subnets = design.nodes.filter((n) => n.kind === 'subnet');
    expect(subnets).toHaveLength(4);
    expect(subnets.every((s) => s.parent === vpcId)).toBe(true);
    expect(new Set(subnets.map((s) => (s.props as { az: string }).az))).toEqual(new Set(['a', 'b']));
    const nat = design.nodes.find((n) => n.kind === 'natGateway')!;
    expect(byName('PublicSubnet1')?.id).toBe(nat.parent);
    for (const name of ['PrivateSubnet1', 'PrivateSubnet2']) expect((byName(name)!.props as { routeTable: { defaultRoute: string } }).routeTable.defaultRoute).toBe(nat.id);
    const igw = design.nodes.find((n) => n.kind === 'internetGateway')!;
    expect((byName('PublicSubnet2')!.props as { routeTable: { defaultRoute: string } }).routeTable.defaultRoute).toBe(igw.id);
    expect(byName('ProcessOrder')!.props).toMatchObject({ vpc: { subnets: [idOf('PrivateSubnet1'), idOf('PrivateSubnet2')] } });
  });

  it('lists CDK internals in the report, not as nodes', () => {
    const internals = report.resources.filter((r) => r.cdkInternal);
    expect(internals.map((r) => r.type)).toEqual(expect.arrayContaining(['AWS::CDK::Metadata']));
    expect(internals.some((r) => /log-retention helper/.test(r.reasons[0]))).toBe(true);
    expect(internals.some((r) => /bucket-notifications helper/.test(r.reasons[0]))).toBe(true);
    expect(internals.every((r) => r.status === 'skipped' && r.nodes.length === 0)).toBe(true);
    expect(design.nodes.filter((n) => n.kind === 'lambda')).toHaveLength(1);
  });
});

describe('importTemplate: CDK output without path metadata (a bare new App())', () => {
  const { design, report } = importTemplate(synthesize(false));

  it('still tells CDK internals apart and names nodes from logical ids without the hash', () => {
    expect(report.flavor).toBe('cdk');
    expect(design.nodes.find((n) => n.kind === 'lambda')?.name).toBe('ProcessOrder');
    expect(design.nodes.filter((n) => n.kind === 'lambda')).toHaveLength(1);
    expect(report.resources.filter((r) => r.cdkInternal).length).toBeGreaterThanOrEqual(2);
  });
});
