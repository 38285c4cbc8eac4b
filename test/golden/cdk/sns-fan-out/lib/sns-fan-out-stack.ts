// AWS CDK stack for the design 'SNS fan-out', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
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

export class SNSFanOutStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'SNS fan-out (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: {
        design: 'SNS fan-out',
        region: 'eu-west-1',
        nodes: [{
          kind: 'externalEndpoint',
          name: 'Email provider API',
          props: { url: 'https://api.sendgrid.com' },
        }],
      },
    };

    // Data
    // The design has no key schema: a string partition key named pk.
    const shipmentsTable = new dynamodb.Table(this, 'ShipmentsTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    const orderEventsLake = new s3.Bucket(this, 'OrderEventsLake');

    // Messaging
    const subscriptionDlq = new sqs.Queue(this, 'SubscriptionDLQ', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const fulfilmentDlq = new sqs.Queue(this, 'FulfilmentDLQ', { retentionPeriod: cdk.Duration.days(14) });
    const fulfilmentQueue = new sqs.Queue(this, 'FulfilmentQueue', {
      visibilityTimeout: cdk.Duration.minutes(3),
      receiveMessageWaitTime: cdk.Duration.seconds(20),
      deadLetterQueue: { queue: fulfilmentDlq, maxReceiveCount: 5 },
    });
    const analyticsDlq = new sqs.Queue(this, 'AnalyticsDLQ', { retentionPeriod: cdk.Duration.days(14) });
    const analyticsQueue = new sqs.Queue(this, 'AnalyticsQueue', {
      visibilityTimeout: cdk.Duration.minutes(10),
      receiveMessageWaitTime: cdk.Duration.seconds(20),
      deadLetterQueue: { queue: analyticsDlq, maxReceiveCount: 5 },
    });
    const failedNotifications = new sqs.Queue(this, 'FailedNotifications', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const orderEvents = new sns.Topic(this, 'OrderEvents');

    // Functions
    const placeOrderLogs = new logs.LogGroup(this, 'PlaceOrderLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const placeOrder = new lambda.Function(this, 'PlaceOrder', {
      description: 'Producer: validates the order and publishes OrderPlaced to the topic.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'place-order')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.seconds(10),
      environment: { TOPIC_ARN: 'order-events', POWERTOOLS_SERVICE_NAME: 'orders' },
      logGroup: placeOrderLogs,
    });
    const fulfilmentWorkerLogs = new logs.LogGroup(this, 'FulfilmentWorkerLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const fulfilmentWorker = new lambda.Function(this, 'FulfilmentWorker', {
      description: 'Creates the pick list for the warehouse.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'fulfilment-worker')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.seconds(30),
      environment: { TABLE_NAME: 'shipments', POWERTOOLS_SERVICE_NAME: 'fulfilment' },
      logGroup: fulfilmentWorkerLogs,
    });
    const analyticsLoaderLogs = new logs.LogGroup(this, 'AnalyticsLoaderLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const analyticsLoader = new lambda.Function(this, 'AnalyticsLoader', {
      description: 'Writes batches of order events to the data lake as Parquet.',
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'analytics-loader')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: cdk.Duration.minutes(1),
      environment: { LAKE_BUCKET: 'order-events-lake', POWERTOOLS_SERVICE_NAME: 'analytics' },
      logGroup: analyticsLoaderLogs,
    });
    const notifyCustomerLogs = new logs.LogGroup(this, 'NotifyCustomerLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const notifyCustomer = new lambda.Function(this, 'NotifyCustomer', {
      description: 'Subscribed directly: sends the order confirmation email.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'notify-customer')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: cdk.Duration.seconds(10),
      environment: {
        EMAIL_API_URL: 'https://api.sendgrid.com',
        POWERTOOLS_SERVICE_NAME: 'notify',
      },
      maxEventAge: cdk.Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedNotifications),
      logGroup: notifyCustomerLogs,
    });

    // Event sources and subscriptions
    orderEvents.addSubscription(new subscriptions.SqsSubscription(fulfilmentQueue, {
      rawMessageDelivery: true,
      deadLetterQueue: subscriptionDlq,
    }));
    orderEvents.addSubscription(new subscriptions.SqsSubscription(analyticsQueue, {
      rawMessageDelivery: true,
      deadLetterQueue: subscriptionDlq,
    }));
    orderEvents.addSubscription(new subscriptions.LambdaSubscription(notifyCustomer, {
      deadLetterQueue: subscriptionDlq,
    }));
    fulfilmentWorker.addEventSource(new sources.SqsEventSource(fulfilmentQueue, {
      batchSize: 10,
      reportBatchItemFailures: true,
    }));
    analyticsLoader.addEventSource(new sources.SqsEventSource(analyticsQueue, {
      batchSize: 100,
      maxBatchingWindow: cdk.Duration.seconds(30),
      reportBatchItemFailures: true,
    }));

    // State machines, rules, schedules and APIs
    const ordersApi = new apigwv2.HttpApi(this, 'OrdersAPI', {
      description: 'Storefront calls POST /orders.',
      defaultAuthorizer: new authorizers.HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    ordersApi.addStage('Stage', { stageName: 'prod', autoDeploy: true });
    ordersApi.addRoutes({
      path: '/orders',
      methods: [apigwv2.HttpMethod.POST],
      integration: new integrations.HttpLambdaIntegration('PlaceOrderIntegration', placeOrder),
    });

    // Access (IAM grants from the design's access edges)
    orderEvents.grantPublish(placeOrder);
    shipmentsTable.grantWriteData(fulfilmentWorker);
    orderEventsLake.grantWrite(analyticsLoader);

    // Design settings CloudFormation has no property for
    designMetadata(ordersApi, { name: 'Orders API' });
    designMetadata(placeOrder, {
      name: 'Place order',
      access: [{ to: logicalIdOf(orderEvents), mode: 'publish' }],
    });
    designMetadata(orderEvents, {
      name: 'Order events',
      description: 'Standard topic: every subscriber gets every order event.',
    });
    designMetadata(subscriptionDlq, {
      name: 'Subscription DLQ',
      description: 'Messages SNS could not deliver to a subscription (deleted endpoint, permissions).',
    });
    designMetadata(fulfilmentQueue, {
      name: 'Fulfilment queue',
      description: 'Visibility timeout 180 s = 6 × 30 s.',
    });
    designMetadata(fulfilmentDlq, { name: 'Fulfilment DLQ' });
    designMetadata(analyticsQueue, {
      name: 'Analytics queue',
      description: 'Visibility timeout 600 s ≥ 6 × 60 s + 30 s window.',
    });
    designMetadata(analyticsDlq, { name: 'Analytics DLQ' });
    designMetadata(fulfilmentWorker, {
      name: 'Fulfilment worker',
      access: [{ to: logicalIdOf(shipmentsTable), mode: 'write' }],
    });
    designMetadata(analyticsLoader, {
      name: 'Analytics loader',
      access: [{ to: logicalIdOf(orderEventsLake), mode: 'write' }],
    });
    designMetadata(notifyCustomer, {
      name: 'Notify customer',
      access: [{ to: 'Email provider API', toMetadataNode: true, mode: 'invoke' }],
    });
    designMetadata(shipmentsTable, { name: 'Shipments table' });
    designMetadata(orderEventsLake, { name: 'Order events lake', storageClass: 'INTELLIGENT_TIERING' });
    designMetadata(failedNotifications, {
      name: 'Failed notifications',
      description: 'On-failure destination of the direct subscriber.',
    });
  }
}
