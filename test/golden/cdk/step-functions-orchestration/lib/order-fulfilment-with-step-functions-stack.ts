// AWS CDK stack for the design 'Order fulfilment with Step Functions', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
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

export class OrderFulfilmentWithStepFunctionsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Order fulfilment with Step Functions (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: {
        design: 'Order fulfilment with Step Functions',
        region: 'us-east-1',
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
    const ordersTable = new dynamodb.Table(this, 'OrdersTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    // The design has no key schema: a string partition key named pk.
    const inventoryTable = new dynamodb.Table(this, 'InventoryTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });

    // Messaging
    const orderNotifications = new sns.Topic(this, 'OrderNotifications');

    // Functions
    const validateOrderLogs = new logs.LogGroup(this, 'ValidateOrderLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const validateOrder = new lambda.Function(this, 'ValidateOrder', {
      description: 'Checks the order and stores it as RECEIVED.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'validate-order')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: cdk.Duration.seconds(10),
      environment: { TABLE_NAME: 'orders' },
      logGroup: validateOrderLogs,
    });
    const chargePaymentLogs = new logs.LogGroup(this, 'ChargePaymentLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const chargePayment = new lambda.Function(this, 'ChargePayment', {
      description: 'Charges the card; the workflow retries on 5xx and catches declines.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'charge-payment')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.seconds(20),
      environment: { PAYMENT_API_URL: 'https://api.stripe.com' },
      logGroup: chargePaymentLogs,
    });
    const reserveStockLogs = new logs.LogGroup(this, 'ReserveStockLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const reserveStock = new lambda.Function(this, 'ReserveStock', {
      description: 'Conditional writes per line item.',
      runtime: lambda.Runtime.PYTHON_3_13,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'reserve-stock')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: cdk.Duration.seconds(10),
      environment: { TABLE_NAME: 'inventory' },
      logGroup: reserveStockLogs,
    });
    const createShipmentLogs = new logs.LogGroup(this, 'CreateShipmentLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const createShipment = new lambda.Function(this, 'CreateShipment', {
      description: 'Books the carrier and stores the tracking number.',
      runtime: lambda.Runtime.PYTHON_3_13,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'create-shipment')),
      memorySize: 512,
      timeout: cdk.Duration.seconds(30),
      environment: {
        CARRIER_API_URL: 'https://api.carrier.example.com',
        TABLE_NAME: 'orders',
      },
      logGroup: createShipmentLogs,
    });
    const notifyCustomerLogs = new logs.LogGroup(this, 'NotifyCustomerLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const notifyCustomer = new lambda.Function(this, 'NotifyCustomer', {
      description: 'Publishes the order confirmation for email and push delivery.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'notify-customer')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: cdk.Duration.seconds(10),
      environment: { TOPIC_ARN: 'order-notifications' },
      logGroup: notifyCustomerLogs,
    });

    // State machines, rules, schedules and APIs
    const invokeValidateOrder = new tasks.LambdaInvoke(this, 'InvokeValidateOrder', {
      lambdaFunction: validateOrder,
    });
    const invokeChargePayment = new tasks.LambdaInvoke(this, 'InvokeChargePayment', {
      lambdaFunction: chargePayment,
    });
    const invokeReserveStock = new tasks.LambdaInvoke(this, 'InvokeReserveStock', {
      lambdaFunction: reserveStock,
    });
    const invokeCreateShipment = new tasks.LambdaInvoke(this, 'InvokeCreateShipment', {
      lambdaFunction: createShipment,
    });
    const invokeNotifyCustomer = new tasks.LambdaInvoke(this, 'InvokeNotifyCustomer', {
      lambdaFunction: notifyCustomer,
    });
    const orderFulfilment = new sfn.StateMachine(this, 'OrderFulfilment', {
      definitionBody: sfn.DefinitionBody.fromChainable(
        invokeValidateOrder.next(invokeChargePayment)
          .next(invokeReserveStock)
          .next(invokeCreateShipment)
          .next(invokeNotifyCustomer),
      ),
    });
    const checkoutApi = new apigateway.RestApi(this, 'CheckoutAPI', {
      description: 'POST /checkout starts an execution (StartExecution integration) and returns its id.',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      deployOptions: { stageName: 'prod' },
      defaultMethodOptions: { authorizationType: apigateway.AuthorizationType.IAM },
    });
    const checkoutApiOrderFulfilmentRole = new iam.Role(this, 'CheckoutAPIOrderFulfilmentRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    });
    orderFulfilment.grantStartExecution(checkoutApiOrderFulfilmentRole);
    checkoutApi.root.resourceForPath('/checkout')
      .addMethod('POST', new apigateway.AwsIntegration({
        service: 'states',
        action: 'StartExecution',
        options: {
          credentialsRole: checkoutApiOrderFulfilmentRole,
          requestTemplates: {
            'application/json': JSON.stringify({
              input: '$util.escapeJavaScript($input.json(\'$\'))',
              stateMachineArn: orderFulfilment.stateMachineArn,
            }),
          },
          integrationResponses: [{ statusCode: '200' }],
        },
      }), { methodResponses: [{ statusCode: '200' }] });

    // Access (IAM grants from the design's access edges)
    ordersTable.grantReadWriteData(validateOrder);
    inventoryTable.grantReadWriteData(reserveStock);
    ordersTable.grantWriteData(createShipment);
    orderNotifications.grantPublish(notifyCustomer);

    // Design settings CloudFormation has no property for
    designMetadata(checkoutApi, { name: 'Checkout API' });
    designMetadata(orderFulfilment, {
      name: 'Order fulfilment',
      description: 'validate → charge → reserve → ship → notify, with Retry/Catch on every step.',
      transitionsPerExecution: 14,
    });
    designMetadata(validateOrder, { name: 'Validate order', access: [{ to: logicalIdOf(ordersTable) }] });
    designMetadata(chargePayment, {
      name: 'Charge payment',
      access: [{ to: 'Payment provider API', toMetadataNode: true, mode: 'invoke' }],
    });
    designMetadata(reserveStock, { name: 'Reserve stock', access: [{ to: logicalIdOf(inventoryTable) }] });
    designMetadata(createShipment, {
      name: 'Create shipment',
      access: [
        { to: 'Carrier API', toMetadataNode: true, mode: 'invoke' },
        { to: logicalIdOf(ordersTable), mode: 'write' },
      ],
    });
    designMetadata(notifyCustomer, {
      name: 'Notify customer',
      access: [{ to: logicalIdOf(orderNotifications), mode: 'publish' }],
    });
    designMetadata(ordersTable, { name: 'Orders table' });
    designMetadata(inventoryTable, { name: 'Inventory table' });
    designMetadata(orderNotifications, {
      name: 'Order notifications',
      description: 'Email and mobile push subscriptions.',
    });
  }
}
