// AWS CDK stack for the design 'Microservices over EventBridge', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
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

export class MicroservicesOverEventBridgeStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Microservices over EventBridge (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: {
        design: 'Microservices over EventBridge',
        region: 'eu-west-1',
        nodes: [
          {
            kind: 'externalEndpoint',
            name: 'Payment provider API',
            props: { url: 'https://api.stripe.com' },
          },
          {
            kind: 'externalEndpoint',
            name: 'Carrier API',
            props: { url: 'https://api.carrier.example.com' },
          },
        ],
      },
    };

    // Data
    // The design has no key schema: a string partition key named pk.
    const inventoryTable = new dynamodb.Table(this, 'InventoryTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    // The design has no key schema: a string partition key named pk.
    const ordersTable = new dynamodb.Table(this, 'OrdersTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });

    // Messaging
    const ruleTargetDlq = new sqs.Queue(this, 'RuleTargetDLQ', { retentionPeriod: cdk.Duration.days(14) });
    const failedEvents = new sqs.Queue(this, 'FailedEvents', { retentionPeriod: cdk.Duration.days(14) });
    const commerceBus = new events.EventBus(this, 'CommerceBus', {
      description: 'Services publish domain events here and know nothing about each other.',
    });

    // Functions
    const placeOrderLogs = new logs.LogGroup(this, 'PlaceOrderLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const placeOrder = new lambda.Function(this, 'PlaceOrder', {
      description: 'Orders service: stores the order as PENDING and publishes OrderPlaced.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'place-order')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.seconds(10),
      environment: {
        TABLE_NAME: 'orders',
        EVENT_BUS_NAME: 'commerce',
        POWERTOOLS_SERVICE_NAME: 'orders',
      },
      logGroup: placeOrderLogs,
    });
    const paymentsServiceLogs = new logs.LogGroup(this, 'PaymentsServiceLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const paymentsService = new lambda.Function(this, 'PaymentsService', {
      description: 'Charges or refunds through the payment provider (idempotency key = order id); publishes PaymentSucceeded / PaymentFailed.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'payments-service')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.seconds(15),
      environment: { EVENT_BUS_NAME: 'commerce', POWERTOOLS_SERVICE_NAME: 'payments' },
      maxEventAge: cdk.Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedEvents),
      logGroup: paymentsServiceLogs,
    });
    const inventoryServiceLogs = new logs.LogGroup(this, 'InventoryServiceLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const inventoryService = new lambda.Function(this, 'InventoryService', {
      description: 'Reserves or releases stock with conditional writes; publishes StockReserved / StockUnavailable.',
      runtime: lambda.Runtime.PYTHON_3_13,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'inventory-service')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: cdk.Duration.seconds(10),
      environment: {
        TABLE_NAME: 'inventory',
        EVENT_BUS_NAME: 'commerce',
        POWERTOOLS_SERVICE_NAME: 'inventory',
      },
      maxEventAge: cdk.Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedEvents),
      logGroup: inventoryServiceLogs,
    });
    const ordersServiceEventsLogs = new logs.LogGroup(this, 'OrdersServiceEventsLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const ordersServiceEvents = new lambda.Function(this, 'OrdersServiceEvents', {
      description: 'Moves the order through its states; publishes OrderConfirmed / OrderCancelled.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'orders-service-events')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: cdk.Duration.seconds(10),
      environment: {
        TABLE_NAME: 'orders',
        EVENT_BUS_NAME: 'commerce',
        POWERTOOLS_SERVICE_NAME: 'orders',
      },
      maxEventAge: cdk.Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedEvents),
      logGroup: ordersServiceEventsLogs,
    });
    const shippingServiceLogs = new logs.LogGroup(this, 'ShippingServiceLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const shippingService = new lambda.Function(this, 'ShippingService', {
      description: 'Books the shipment with the carrier; publishes ShipmentCreated.',
      runtime: lambda.Runtime.PYTHON_3_13,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'shipping-service')),
      memorySize: 512,
      timeout: cdk.Duration.seconds(20),
      environment: { EVENT_BUS_NAME: 'commerce', POWERTOOLS_SERVICE_NAME: 'shipping' },
      maxEventAge: cdk.Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedEvents),
      logGroup: shippingServiceLogs,
    });

    // State machines, rules, schedules and APIs
    const paymentsOrderEvents = new events.Rule(this, 'PaymentsOrderEvents', {
      description: 'Charge on OrderPlaced, refund on OrderCancelled.',
      eventBus: commerceBus,
      eventPattern: {
        source: ['com.shop.orders'],
        detailType: ['OrderPlaced', 'OrderCancelled'],
      },
    });
    paymentsOrderEvents.addTarget(new targets.LambdaFunction(paymentsService, {
      retryAttempts: 10,
      maxEventAge: cdk.Duration.hours(1),
      deadLetterQueue: ruleTargetDlq,
    }));
    const inventoryOrderEvents = new events.Rule(this, 'InventoryOrderEvents', {
      description: 'Reserve stock on OrderPlaced, release it on OrderCancelled.',
      eventBus: commerceBus,
      eventPattern: {
        source: ['com.shop.orders'],
        detailType: ['OrderPlaced', 'OrderCancelled'],
      },
    });
    inventoryOrderEvents.addTarget(new targets.LambdaFunction(inventoryService, {
      retryAttempts: 10,
      maxEventAge: cdk.Duration.hours(1),
      deadLetterQueue: ruleTargetDlq,
    }));
    const ordersServiceOutcomes = new events.Rule(this, 'OrdersServiceOutcomes', {
      description: 'Payment, stock and shipment outcomes update the order.',
      eventBus: commerceBus,
      eventPattern: {
        source: ['com.shop.payments', 'com.shop.inventory', 'com.shop.shipping'],
      },
    });
    ordersServiceOutcomes.addTarget(new targets.LambdaFunction(ordersServiceEvents, {
      retryAttempts: 10,
      maxEventAge: cdk.Duration.hours(1),
      deadLetterQueue: ruleTargetDlq,
    }));
    const shippingConfirmedOrders = new events.Rule(this, 'ShippingConfirmedOrders', {
      description: 'Book a shipment once the order is paid and reserved.',
      eventBus: commerceBus,
      eventPattern: { source: ['com.shop.orders'], detailType: ['OrderConfirmed'] },
    });
    shippingConfirmedOrders.addTarget(new targets.LambdaFunction(shippingService, {
      retryAttempts: 10,
      maxEventAge: cdk.Duration.hours(1),
      deadLetterQueue: ruleTargetDlq,
    }));
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
    ordersTable.grantWriteData(placeOrder);
    commerceBus.grantPutEventsTo(placeOrder);
    commerceBus.grantPutEventsTo(paymentsService);
    commerceBus.grantPutEventsTo(inventoryService);
    inventoryTable.grantReadWriteData(inventoryService);
    commerceBus.grantPutEventsTo(ordersServiceEvents);
    ordersTable.grantReadWriteData(ordersServiceEvents);
    commerceBus.grantPutEventsTo(shippingService);

    // Design settings CloudFormation has no property for
    designMetadata(ordersApi, { name: 'Orders API' });
    designMetadata(placeOrder, {
      name: 'Place order',
      access: [{ to: logicalIdOf(ordersTable), mode: 'write' }, { to: logicalIdOf(commerceBus), mode: 'publish' }],
    });
    designMetadata(commerceBus, { name: 'Commerce bus' });
    designMetadata(paymentsOrderEvents, { name: 'Payments: order events' });
    designMetadata(inventoryOrderEvents, { name: 'Inventory: order events' });
    designMetadata(ordersServiceOutcomes, { name: 'Orders: service outcomes' });
    designMetadata(shippingConfirmedOrders, { name: 'Shipping: confirmed orders' });
    designMetadata(paymentsService, {
      name: 'Payments service',
      access: [
        { to: logicalIdOf(commerceBus), mode: 'publish' },
        { to: 'Payment provider API', toMetadataNode: true, mode: 'invoke' },
      ],
    });
    designMetadata(inventoryService, {
      name: 'Inventory service',
      access: [{ to: logicalIdOf(commerceBus), mode: 'publish' }, { to: logicalIdOf(inventoryTable) }],
    });
    designMetadata(ordersServiceEvents, {
      name: 'Orders service (events)',
      access: [{ to: logicalIdOf(commerceBus), mode: 'publish' }, { to: logicalIdOf(ordersTable) }],
    });
    designMetadata(shippingService, {
      name: 'Shipping service',
      access: [
        { to: logicalIdOf(commerceBus), mode: 'publish' },
        { to: 'Carrier API', toMetadataNode: true, mode: 'invoke' },
      ],
    });
    designMetadata(inventoryTable, {
      name: 'Inventory table',
      description: 'Owned by the inventory service.',
    });
    designMetadata(ordersTable, { name: 'Orders table', description: 'Owned by the orders service.' });
    designMetadata(ruleTargetDlq, {
      name: 'Rule target DLQ',
      description: 'Events EventBridge could not deliver to a service within its retry policy.',
    });
    designMetadata(failedEvents, {
      name: 'Failed events',
      description: 'On-failure destination of every service: events whose handler failed after retries.',
    });
  }
}
