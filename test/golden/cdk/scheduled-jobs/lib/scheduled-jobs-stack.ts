// AWS CDK stack for the design 'Scheduled jobs', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
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

export class ScheduledJobsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Scheduled jobs (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: {
        design: 'Scheduled jobs',
        region: 'us-east-1',
        nodes: [{
          kind: 'externalEndpoint',
          name: 'Partner catalog API',
          props: { url: 'https://api.partner.example.com' },
        }],
      },
    };

    // Data
    // The design has no key schema: a string partition key named pk.
    const ordersTable = new dynamodb.Table(this, 'OrdersTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    // The design has no key schema: a string partition key named pk.
    const sessionsTable = new dynamodb.Table(this, 'SessionsTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    // The design has no key schema: a string partition key named pk.
    const catalogCacheTable = new dynamodb.Table(this, 'CatalogCacheTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });
    const reportsBucket = new s3.Bucket(this, 'ReportsBucket');
    const scratchBucket = new s3.Bucket(this, 'ScratchBucket');

    // Messaging
    const scheduleTargetDlq = new sqs.Queue(this, 'ScheduleTargetDLQ', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const opsAlerts = new sns.Topic(this, 'OpsAlerts');

    // Functions
    const nightlyReportLogs = new logs.LogGroup(this, 'NightlyReportLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const nightlyReport = new lambda.Function(this, 'NightlyReport', {
      description: 'Queries yesterday\'s orders, renders the PDF/CSV report to S3.',
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'nightly-report')),
      memorySize: 2048,
      timeout: cdk.Duration.minutes(10),
      ephemeralStorageSize: cdk.Size.mebibytes(1024),
      environment: { TABLE_NAME: 'orders', REPORT_BUCKET: 'reports' },
      retryAttempts: 1,
      maxEventAge: cdk.Duration.hours(1),
      onFailure: new destinations.SnsDestination(opsAlerts),
      logGroup: nightlyReportLogs,
    });
    const hourlyCleanupLogs = new logs.LogGroup(this, 'HourlyCleanupLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const hourlyCleanup = new lambda.Function(this, 'HourlyCleanup', {
      description: 'Deletes expired sessions and purges temp files older than 24 h. The next run catches up, so no retries.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'hourly-cleanup')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.minutes(5),
      environment: { SESSIONS_TABLE: 'sessions', SCRATCH_BUCKET: 'scratch' },
      retryAttempts: 0,
      maxEventAge: cdk.Duration.minutes(15),
      onFailure: new destinations.SnsDestination(opsAlerts),
      logGroup: hourlyCleanupLogs,
    });
    const partnerCatalogSyncLogs = new logs.LogGroup(this, 'PartnerCatalogSyncLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const partnerCatalogSync = new lambda.Function(this, 'PartnerCatalogSync', {
      description: 'Polls the partner API for changes and updates the cache table. A stale run is dropped, the next one is 5 min away.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'partner-catalog-sync')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: cdk.Duration.minutes(1),
      environment: {
        CACHE_TABLE: 'catalog-cache',
        PARTNER_API_URL: 'https://api.partner.example.com',
      },
      retryAttempts: 0,
      maxEventAge: cdk.Duration.minutes(4),
      onFailure: new destinations.SnsDestination(opsAlerts),
      logGroup: partnerCatalogSyncLogs,
    });

    // State machines, rules, schedules and APIs
    const nightlyAt0200Utc = new scheduler.Schedule(this, 'NightlyAt0200UTC', {
      description: 'EventBridge Scheduler schedule.',
      schedule: scheduler.ScheduleExpression.expression('cron(0 2 * * ? *)'),
      target: new schedulerTargets.LambdaInvoke(nightlyReport, {
        retryAttempts: 3,
        maxEventAge: cdk.Duration.hours(1),
        deadLetterQueue: scheduleTargetDlq,
      }),
    });
    const everyHour = new events.Rule(this, 'EveryHour', {
      description: 'Scheduled rule on the default bus.',
      schedule: events.Schedule.expression('rate(1 hour)'),
    });
    everyHour.addTarget(new targets.LambdaFunction(hourlyCleanup, {
      retryAttempts: 2,
      maxEventAge: cdk.Duration.minutes(15),
      deadLetterQueue: scheduleTargetDlq,
    }));
    const every5Minutes = new scheduler.Schedule(this, 'Every5Minutes', {
      description: 'EventBridge Scheduler schedule.',
      schedule: scheduler.ScheduleExpression.expression('rate(5 minutes)'),
      target: new schedulerTargets.LambdaInvoke(partnerCatalogSync, {
        retryAttempts: 2,
        maxEventAge: cdk.Duration.minutes(4),
        deadLetterQueue: scheduleTargetDlq,
      }),
    });

    // Access (IAM grants from the design's access edges)
    ordersTable.grantReadData(nightlyReport);
    reportsBucket.grantWrite(nightlyReport);
    sessionsTable.grantReadWriteData(hourlyCleanup);
    scratchBucket.grantReadWrite(hourlyCleanup);
    catalogCacheTable.grantWriteData(partnerCatalogSync);

    // Design settings CloudFormation has no property for
    designMetadata(nightlyAt0200Utc, { name: 'Nightly at 02:00 UTC' });
    designMetadata(everyHour, { name: 'Every hour' });
    designMetadata(every5Minutes, { name: 'Every 5 minutes' });
    designMetadata(nightlyReport, {
      name: 'Nightly report',
      access: [{ to: logicalIdOf(ordersTable), mode: 'read' }, { to: logicalIdOf(reportsBucket), mode: 'write' }],
    });
    designMetadata(hourlyCleanup, {
      name: 'Hourly cleanup',
      access: [{ to: logicalIdOf(sessionsTable) }, { to: logicalIdOf(scratchBucket) }],
    });
    designMetadata(partnerCatalogSync, {
      name: 'Partner catalog sync',
      access: [
        { to: 'Partner catalog API', toMetadataNode: true, mode: 'read' },
        { to: logicalIdOf(catalogCacheTable), mode: 'write' },
      ],
    });
    designMetadata(ordersTable, { name: 'Orders table' });
    designMetadata(reportsBucket, { name: 'Reports bucket', storageClass: 'STANDARD_IA' });
    designMetadata(sessionsTable, { name: 'Sessions table' });
    designMetadata(scratchBucket, { name: 'Scratch bucket', description: 'Temporary exports and uploads.' });
    designMetadata(catalogCacheTable, { name: 'Catalog cache table' });
    designMetadata(opsAlerts, {
      name: 'Ops alerts',
      description: 'On-failure destination of every job; the on-call team subscribes by email.',
    });
    designMetadata(scheduleTargetDlq, {
      name: 'Schedule target DLQ',
      description: 'Invocations EventBridge could not deliver.',
    });
  }
}
