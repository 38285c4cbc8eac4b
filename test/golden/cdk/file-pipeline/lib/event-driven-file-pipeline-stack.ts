// AWS CDK stack for the design 'Event-driven file pipeline', exported by Serverless Designer.

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
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

export class EventDrivenFilePipelineStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.templateOptions.description = 'Event-driven file pipeline (exported by Serverless Designer)';
    this.templateOptions.metadata = {
      ServerlessDesigner: { design: 'Event-driven file pipeline', region: 'us-east-1' },
    };

    // Data
    const uploadBucket = new s3.Bucket(this, 'UploadBucket', { versioned: true });
    const processedFiles = new s3.Bucket(this, 'ProcessedFiles');

    // Messaging
    const failedUploads = new sqs.Queue(this, 'FailedUploads', { retentionPeriod: cdk.Duration.days(14) });
    const transformJobsDlq = new sqs.Queue(this, 'TransformJobsDLQ', {
      retentionPeriod: cdk.Duration.days(14),
    });
    const transformJobs = new sqs.Queue(this, 'TransformJobs', {
      visibilityTimeout: cdk.Duration.minutes(15),
      receiveMessageWaitTime: cdk.Duration.seconds(20),
      deadLetterQueue: { queue: transformJobsDlq, maxReceiveCount: 5 },
    });

    // Functions
    const validateUploadLogs = new logs.LogGroup(this, 'ValidateUploadLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const validateUpload = new lambda.Function(this, 'ValidateUpload', {
      description: 'Checks format and size, scans the file, queues a transform job.',
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'app.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'validate-upload')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: cdk.Duration.minutes(1),
      environment: {
        JOBS_QUEUE_URL: 'transform-jobs',
        POWERTOOLS_SERVICE_NAME: 'file-validate',
      },
      maxEventAge: cdk.Duration.hours(1),
      onFailure: new destinations.SqsDestination(failedUploads),
      logGroup: validateUploadLogs,
    });
    const transformFileLogs = new logs.LogGroup(this, 'TransformFileLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const transformFile = new lambda.Function(this, 'TransformFile', {
      description: 'Resizes / converts the file and extracts metadata; reports partial batch failures.',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'transform-file')),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 2048,
      timeout: cdk.Duration.minutes(2),
      ephemeralStorageSize: cdk.Size.mebibytes(2048),
      environment: {
        OUTPUT_BUCKET: 'processed-files',
        POWERTOOLS_SERVICE_NAME: 'file-transform',
      },
      logGroup: transformFileLogs,
    });

    // Event sources and subscriptions
    validateUpload.addEventSource(new sources.S3EventSource(uploadBucket, {
      events: [s3.EventType.OBJECT_CREATED],
      filters: [{ prefix: 'incoming/' }],
    }));
    transformFile.addEventSource(new sources.SqsEventSource(transformJobs, {
      batchSize: 10,
      maxBatchingWindow: cdk.Duration.seconds(5),
      reportBatchItemFailures: true,
    }));

    // Access (IAM grants from the design's access edges)
    uploadBucket.grantRead(validateUpload);
    transformJobs.grantSendMessages(validateUpload);
    uploadBucket.grantRead(transformFile);
    processedFiles.grantWrite(transformFile);

    // Design settings CloudFormation has no property for
    designMetadata(uploadBucket, {
      name: 'Upload bucket',
      description: 'Clients upload files under incoming/.',
    });
    designMetadata(validateUpload, {
      name: 'Validate upload',
      access: [{ to: logicalIdOf(uploadBucket), mode: 'read' }, { to: logicalIdOf(transformJobs), mode: 'write' }],
    });
    designMetadata(failedUploads, {
      name: 'Failed uploads',
      description: 'On-failure destination: invocation records of uploads that could not be validated.',
    });
    designMetadata(transformJobs, {
      name: 'Transform jobs',
      description: 'Buffers bursts of uploads; visibility timeout 900 s ≥ 6 × 120 s + 5 s window.',
    });
    designMetadata(transformJobsDlq, {
      name: 'Transform jobs DLQ',
      description: 'Jobs that failed 5 receives.',
    });
    designMetadata(transformFile, {
      name: 'Transform file',
      access: [{ to: logicalIdOf(uploadBucket), mode: 'read' }, { to: logicalIdOf(processedFiles), mode: 'write' }],
    });
    designMetadata(processedFiles, {
      name: 'Processed files',
      description: 'Transformed files and metadata.',
      storageClass: 'INTELLIGENT_TIERING',
    });
  }
}
