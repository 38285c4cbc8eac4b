// AWS CDK stack for the design 'VPC function with RDS and an external API', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
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

export class VPCFunctionWithRDSAndAnExternalAPIStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'VPC function with RDS and an external API (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: {
        design: 'VPC function with RDS and an external API',
        region: 'us-east-1',
        nodes: [
          {
            kind: 'externalEndpoint',
            name: 'Partner pricing API',
            props: { url: 'https://api.partner.example.com' },
          },
          {
            kind: 'awsService',
            name: 'Secrets Manager',
            props: {
              description: 'Partner API key; reached through the NAT gateways (no VPC endpoint).',
            },
          },
        ],
      },
    };

    // Network
    // Subnets, gateways and routes are declared one by one below, exactly as designed.
    const quotesVpc = new ec2.Vpc(this, 'QuotesVPC', {
      ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
      enableDnsSupport: true,
      enableDnsHostnames: true,
      natGateways: 0,
      subnetConfiguration: [],
    });
    const internetGateway = new ec2.CfnInternetGateway(this, 'InternetGateway');
    const internetGatewayAttachment = new ec2.CfnVPCGatewayAttachment(this, 'InternetGatewayAttachment', {
      vpcId: quotesVpc.vpcId,
      internetGatewayId: internetGateway.ref,
    });
    const privateSubnetA = new ec2.Subnet(this, 'PrivateSubnetA', {
      vpcId: quotesVpc.vpcId,
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.0.10.0/24',
    });
    const privateSubnetB = new ec2.Subnet(this, 'PrivateSubnetB', {
      vpcId: quotesVpc.vpcId,
      availabilityZone: 'us-east-1b',
      cidrBlock: '10.0.11.0/24',
    });
    const publicSubnetA = new ec2.Subnet(this, 'PublicSubnetA', {
      vpcId: quotesVpc.vpcId,
      availabilityZone: 'us-east-1a',
      cidrBlock: '10.0.0.0/24',
    });
    const publicSubnetB = new ec2.Subnet(this, 'PublicSubnetB', {
      vpcId: quotesVpc.vpcId,
      availabilityZone: 'us-east-1b',
      cidrBlock: '10.0.1.0/24',
    });
    const natGatewayAEip = new ec2.CfnEIP(this, 'NATGatewayAEip', { domain: 'vpc' });
    const natGatewayA = new ec2.CfnNatGateway(this, 'NATGatewayA', {
      subnetId: publicSubnetA.subnetId,
      allocationId: natGatewayAEip.attrAllocationId,
    });
    const natGatewayBEip = new ec2.CfnEIP(this, 'NATGatewayBEip', { domain: 'vpc' });
    const natGatewayB = new ec2.CfnNatGateway(this, 'NATGatewayB', {
      subnetId: publicSubnetB.subnetId,
      allocationId: natGatewayBEip.attrAllocationId,
    });
    privateSubnetA.addDefaultNatRoute(natGatewayA.ref);
    privateSubnetB.addDefaultNatRoute(natGatewayB.ref);
    publicSubnetA.addDefaultInternetRoute(internetGateway.ref, internetGatewayAttachment);
    publicSubnetB.addDefaultInternetRoute(internetGateway.ref, internetGatewayAttachment);
    const quoteServiceSg = new ec2.SecurityGroup(this, 'QuoteServiceSG', {
      vpc: quotesVpc,
      description: 'On the function ENIs; default egress, no inbound rules needed.',
      allowAllOutbound: true,
    });
    const databaseSg = new ec2.SecurityGroup(this, 'DatabaseSG', {
      vpc: quotesVpc,
      description: 'Database SG',
      allowAllOutbound: true,
    });
    databaseSg.addIngressRule(quoteServiceSg, ec2.Port.tcp(5432), 'Postgres from the quote service');

    // Data
    // The design names no engine version: the newest this aws-cdk-lib lists.
    const quotesDatabase = new rds.DatabaseInstance(this, 'QuotesDatabase', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17_9 }),
      instanceType: new ec2.InstanceType('m7g.large'),
      allocatedStorage: 100,
      multiAz: true,
      publiclyAccessible: false,
      vpc: quotesVpc,
      vpcSubnets: { subnets: [privateSubnetA, privateSubnetB] },
      securityGroups: [databaseSg],
    });

    // Functions
    const quoteServiceLogs = new logs.LogGroup(this, 'QuoteServiceLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const quoteService = new lambda.Function(this, 'QuoteService', {
      description: 'Reads the customer from Postgres, prices the quote with the partner API (key from Secrets Manager, cached).',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'quote-service')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: cdk.Duration.seconds(15),
      reservedConcurrentExecutions: 50,
      environment: {
        DB_HOST: 'quotes-db',
        DB_NAME: 'quotes',
        PARTNER_API_URL: 'https://api.partner.example.com',
        PARTNER_KEY_SECRET: 'partner/api-key',
      },
      vpc: quotesVpc,
      vpcSubnets: { subnets: [privateSubnetA, privateSubnetB] },
      securityGroups: [quoteServiceSg],
      logGroup: quoteServiceLogs,
    });

    // State machines, rules, schedules and APIs
    const quotesApi = new apigwv2.HttpApi(this, 'QuotesAPI', {
      description: 'HTTP API; callers sign requests (IAM auth).',
      defaultAuthorizer: new authorizers.HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    quotesApi.addStage('Stage', { stageName: 'prod', autoDeploy: true });
    quotesApi.addRoutes({
      path: '/quotes/{proxy+}',
      methods: [apigwv2.HttpMethod.ANY],
      integration: new integrations.HttpLambdaIntegration('QuoteServiceIntegration', quoteService),
    });

    // Access (IAM grants from the design's access edges)
    quotesDatabase.secret?.grantRead(quoteService);

    // Design settings CloudFormation has no property for
    designMetadata(quotesApi, { name: 'Quotes API' });
    designMetadata(quoteService, {
      name: 'Quote service',
      access: [
        { to: logicalIdOf(quotesDatabase), mode: 'connect' },
        { to: 'Partner pricing API', toMetadataNode: true, mode: 'invoke' },
        { to: 'Secrets Manager', toMetadataNode: true, mode: 'read' },
      ],
    });
    designMetadata(quotesVpc, { name: 'Quotes VPC' });
    designMetadata(internetGateway, { name: 'Internet gateway' });
    designMetadata(privateSubnetA, { name: 'Private subnet A' });
    designMetadata(privateSubnetB, { name: 'Private subnet B' });
    designMetadata(publicSubnetA, { name: 'Public subnet A' });
    designMetadata(publicSubnetB, { name: 'Public subnet B' });
    designMetadata(natGatewayA, { name: 'NAT gateway A' });
    designMetadata(natGatewayB, { name: 'NAT gateway B' });
    designMetadata(quoteServiceSg, { name: 'Quote service SG' });
    designMetadata(databaseSg, { name: 'Database SG' });
    designMetadata(quotesDatabase, { name: 'Quotes database' });
  }
}
