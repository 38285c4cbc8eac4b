// AWS CDK stack for the design 'Queue-based load levelling into RDS', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

/** Design settings no CloudFormation property says, read back by Serverless Designer's import. */
function designMetadata(scope: Construct, data: Record<string, unknown>): void {
  const resource = (scope.node.defaultChild ?? scope) as cdk.CfnResource;
  resource.addMetadata('ServerlessDesigner', data);
}

/** The logical id CloudFormation gives a construct's resource (resolved at synth). */
function logicalIdOf(scope: Construct): string {
  return cdk.Stack.of(scope).getLogicalId((scope.node.defaultChild ?? scope) as cdk.CfnElement);
}

export class QueueBasedLoadLevellingIntoRDSStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Queue-based load levelling into RDS (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: { design: 'Queue-based load levelling into RDS', region: 'us-east-1' },
    };

    // Network
    // Subnets, gateways and routes are declared one by one below, exactly as designed.
    const ordersVpc = new ec2.Vpc(this, 'OrdersVPC', {
      ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
      enableDnsSupport: true,
      enableDnsHostnames: true,
      natGateways: 0,
      subnetConfiguration: [],
    });
    const privateSubnetA = new ec2.Subnet(this, 'PrivateSubnetA', {
      vpcId: ordersVpc.vpcId,
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.20.10.0/24',
    });
    const privateSubnetB = new ec2.Subnet(this, 'PrivateSubnetB', {
      vpcId: ordersVpc.vpcId,
      availabilityZone: 'us-east-1b',
      cidrBlock: '10.20.11.0/24',
    });
    const orderWriterSg = new ec2.SecurityGroup(this, 'OrderWriterSG', {
      vpc: ordersVpc,
      description: 'On the function ENIs; no inbound rules needed.',
      allowAllOutbound: true,
    });
    const rdsProxySg = new ec2.SecurityGroup(this, 'RDSProxySG', {
      vpc: ordersVpc,
      description: 'RDS Proxy SG',
      allowAllOutbound: true,
    });
    const databaseSg = new ec2.SecurityGroup(this, 'DatabaseSG', {
      vpc: ordersVpc,
      description: 'Database SG',
      allowAllOutbound: true,
    });
    rdsProxySg.addIngressRule(orderWriterSg, ec2.Port.tcp(5432), 'Postgres from the order writer');
    databaseSg.addIngressRule(rdsProxySg, ec2.Port.tcp(5432), 'Postgres from RDS Proxy');

    // Data
    // The design names no engine version: the newest this aws-cdk-lib lists.
    const ordersDatabase = new rds.DatabaseInstance(this, 'OrdersDatabase', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17_9 }),
      instanceType: new ec2.InstanceType('r6g.large'),
      allocatedStorage: 100,
      multiAz: true,
      publiclyAccessible: false,
      vpc: ordersVpc,
      vpcSubnets: { subnets: [privateSubnetA, privateSubnetB] },
      securityGroups: [databaseSg],
    });
    const ordersProxy = new rds.DatabaseProxy(this, 'OrdersProxy', {
      proxyTarget: rds.ProxyTarget.fromInstance(ordersDatabase),
      secrets: [ordersDatabase.secret!],
      vpc: ordersVpc,
      vpcSubnets: { subnets: [privateSubnetA, privateSubnetB] },
      securityGroups: [rdsProxySg],
      requireTLS: true,
    });

    // Messaging
    const incomingOrdersDlq = new sqs.Queue(this, 'IncomingOrdersDLQ', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const incomingOrders = new sqs.Queue(this, 'IncomingOrders', {
      visibilityTimeout: cdk.Duration.minutes(5),
      receiveMessageWaitTime: cdk.Duration.seconds(20),
      deadLetterQueue: { queue: incomingOrdersDlq, maxReceiveCount: 10 },
    });

    // Functions
    const orderWriterLogs = new logs.LogGroup(this, 'OrderWriterLogs', {
      retention: logs.RetentionDays.TWO_WEEKS,
    });
    const orderWriter = new lambda.Function(this, 'OrderWriter', {
      description: 'Writes each batch of orders to Postgres through RDS Proxy (IAM auth). Reserved concurrency caps DB connections.',
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'order-writer')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.seconds(30),
      reservedConcurrentExecutions: 10,
      environment: {
        DB_PROXY_ENDPOINT: 'orders-proxy',
        DB_NAME: 'orders',
        DB_USER: 'order_writer',
      },
      vpc: ordersVpc,
      vpcSubnets: { subnets: [privateSubnetA, privateSubnetB] },
      securityGroups: [orderWriterSg],
      logGroup: orderWriterLogs,
    });

    // Event sources and subscriptions
    orderWriter.addEventSource(new sources.SqsEventSource(incomingOrders, {
      batchSize: 10,
      maxBatchingWindow: cdk.Duration.seconds(5),
      reportBatchItemFailures: true,
      maxConcurrency: 10,
    }));

    // Access (IAM grants from the design's access edges)
    ordersProxy.grantConnect(orderWriter);

    // Design settings CloudFormation has no property for
    designMetadata(incomingOrders, {
      name: 'Incoming orders',
      description: 'Producers enqueue at any rate; visibility timeout 300 s ≥ 6 × 30 s + 5 s window.',
    });
    designMetadata(incomingOrdersDlq, {
      name: 'Incoming orders DLQ',
      description: 'Orders that failed 10 receives.',
    });
    designMetadata(orderWriter, {
      name: 'Order writer',
      access: [{ to: logicalIdOf(ordersProxy), mode: 'connect' }],
    });
    designMetadata(ordersVpc, { name: 'Orders VPC' });
    designMetadata(privateSubnetA, { name: 'Private subnet A' });
    designMetadata(privateSubnetB, { name: 'Private subnet B' });
    designMetadata(orderWriterSg, { name: 'Order writer SG' });
    designMetadata(rdsProxySg, { name: 'RDS Proxy SG' });
    designMetadata(databaseSg, { name: 'Database SG' });
    designMetadata(ordersProxy, {
      name: 'Orders proxy',
      description: 'Pools connections so 10 concurrent writers share a few DB connections.',
    });
    designMetadata(ordersDatabase, { name: 'Orders database' });
  }
}
