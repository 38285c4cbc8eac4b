// AWS CDK stack for the design 'Serverless REST API', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
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

export class ServerlessRESTAPIStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Serverless REST API (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: { design: 'Serverless REST API', region: 'us-east-1' },
    };

    // Data
    // The design has no key schema: a string partition key named pk.
    const itemsTable = new dynamodb.Table(this, 'ItemsTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    const customerUserPool = new cognito.UserPool(this, 'CustomerUserPool', {
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
    });

    // Functions
    const itemsHandlerLogs = new logs.LogGroup(this, 'ItemsHandlerLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const itemsHandler = new lambda.Function(this, 'ItemsHandler', {
      description: 'CRUD on items: validates input, reads and writes the items table.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'items-handler')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: cdk.Duration.seconds(10),
      environment: {
        TABLE_NAME: 'items',
        POWERTOOLS_SERVICE_NAME: 'items-api',
        NODE_OPTIONS: '--enable-source-maps',
      },
      logGroup: itemsHandlerLogs,
    });

    // State machines, rules, schedules and APIs
    const itemsApiAuthorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'ItemsAPIAuthorizer', {
      cognitoUserPools: [customerUserPool],
    });
    const itemsApi = new apigateway.RestApi(this, 'ItemsAPI', {
      description: 'Regional REST API: Cognito auth, throttling, the /items resource.',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      deployOptions: { stageName: 'prod' },
      defaultMethodOptions: {
        authorizationType: apigateway.AuthorizationType.COGNITO,
        authorizer: itemsApiAuthorizer,
      },
    });
    itemsApi.root.resourceForPath('/items/{proxy+}')
      .addMethod('ANY', new apigateway.LambdaIntegration(itemsHandler));

    // Access (IAM grants from the design's access edges)
    itemsTable.grantReadWriteData(itemsHandler);

    // Design settings CloudFormation has no property for
    designMetadata(customerUserPool, {
      name: 'Customer user pool',
      description: 'Signs users in; the API checks their JWTs.',
    });
    designMetadata(itemsApi, { name: 'Items API' });
    designMetadata(itemsHandler, { name: 'Items handler', access: [{ to: logicalIdOf(itemsTable) }] });
    designMetadata(itemsTable, { name: 'Items table', description: 'pk = ITEM#<id>; on-demand capacity.' });
  }
}
