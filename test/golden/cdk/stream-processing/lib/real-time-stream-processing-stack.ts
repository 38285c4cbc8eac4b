// AWS CDK stack for the design 'Real-time stream processing', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
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

export class RealTimeStreamProcessingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Real-time stream processing (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: { design: 'Real-time stream processing', region: 'us-east-1' },
    };

    // Data
    // The design has no key schema: a string partition key named pk.
    const sessionAggregates = new dynamodb.Table(this, 'SessionAggregates', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });
    const clickstream = new kinesis.Stream(this, 'Clickstream', {
      shardCount: 4,
      retentionPeriod: cdk.Duration.days(7),
    });

    // Messaging
    const streamFailures = new sqs.Queue(this, 'StreamFailures', { retentionPeriod: cdk.Duration.days(14) });
    const anomalyAlerts = new sns.Topic(this, 'AnomalyAlerts');

    // Functions
    const aggregateSessionsLogs = new logs.LogGroup(this, 'AggregateSessionsLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const aggregateSessions = new lambda.Function(this, 'AggregateSessions', {
      description: 'Folds each batch of clicks into per-session counters; reports the first failed record so only the rest is retried.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'aggregate-sessions')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: cdk.Duration.minutes(1),
      environment: {
        TABLE_NAME: 'session-aggregates',
        POWERTOOLS_SERVICE_NAME: 'clickstream',
      },
      logGroup: aggregateSessionsLogs,
    });
    const detectAnomaliesLogs = new logs.LogGroup(this, 'DetectAnomaliesLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const detectAnomalies = new lambda.Function(this, 'DetectAnomalies', {
      description: 'Compares old and new images of each session and alerts on bot-like bursts.',
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'detect-anomalies')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: cdk.Duration.seconds(30),
      environment: { TOPIC_ARN: 'anomaly-alerts', POWERTOOLS_SERVICE_NAME: 'anomaly-detect' },
      logGroup: detectAnomaliesLogs,
    });

    // Event sources and subscriptions
    aggregateSessions.addEventSource(new sources.KinesisEventSource(clickstream, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 500,
      maxBatchingWindow: cdk.Duration.seconds(2),
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: cdk.Duration.hours(1),
      parallelizationFactor: 2,
      reportBatchItemFailures: true,
      onFailure: new sources.SqsDlq(streamFailures),
    }));
    detectAnomalies.addEventSource(new sources.DynamoEventSource(sessionAggregates, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 100,
      bisectBatchOnError: true,
      retryAttempts: 3,
      maxRecordAge: cdk.Duration.hours(1),
      reportBatchItemFailures: true,
      onFailure: new sources.SqsDlq(streamFailures),
    }));

    // Access (IAM grants from the design's access edges)
    sessionAggregates.grantWriteData(aggregateSessions);
    anomalyAlerts.grantPublish(detectAnomalies);

    // Design settings CloudFormation has no property for
    designMetadata(clickstream, { description: 'Web and app click events; 7-day retention for replays.' });
    designMetadata(aggregateSessions, {
      name: 'Aggregate sessions',
      access: [{ to: logicalIdOf(sessionAggregates), mode: 'write' }],
    });
    designMetadata(streamFailures, {
      name: 'Stream failures',
      description: 'On-failure destination of both mappings: metadata of batches that ran out of retries (replay from the stream).',
    });
    designMetadata(sessionAggregates, {
      name: 'Session aggregates',
      description: 'Per-session counters; its stream feeds anomaly detection.',
    });
    designMetadata(detectAnomalies, {
      name: 'Detect anomalies',
      access: [{ to: logicalIdOf(anomalyAlerts), mode: 'publish' }],
    });
    designMetadata(anomalyAlerts, {
      name: 'Anomaly alerts',
      description: 'Security team and fraud tooling subscribe here.',
    });
  }
}
