import type { DesignNode } from '../../../model/design';
import type { Estimator } from '../../types';
import { estimateAlb } from './alb';
import { estimateApiGateway } from './apiGateway';
import { estimateDynamoTable } from './dynamoTable';
import { estimateEventBus } from './eventBus';
import { estimateEventRule } from './eventRule';
import { estimateKinesisStream } from './kinesisStream';
import { estimateLogGroup } from './logGroup';
import { estimateS3Bucket } from './s3Bucket';
import { estimateSnsTopic } from './snsTopic';
import { estimateSqsQueue } from './sqsQueue';
import { estimateStepFunction } from './stepFunction';

export { estimateFunctionDataOut, estimateFunctionLogs } from './logs';

/** Estimators of the event sources, messaging, data and workflow services (one file each). */
export const SERVERLESS_ESTIMATORS: Partial<Record<DesignNode['kind'], Estimator>> = {
  apiGateway: estimateApiGateway,
  alb: estimateAlb,
  sqsQueue: estimateSqsQueue,
  snsTopic: estimateSnsTopic,
  eventBus: estimateEventBus,
  eventRule: estimateEventRule,
  kinesisStream: estimateKinesisStream,
  dynamoTable: estimateDynamoTable,
  s3Bucket: estimateS3Bucket,
  stepFunction: estimateStepFunction,
  logGroup: estimateLogGroup,
};

/** Billed kinds of this group that cannot be priced, with why. Every kind here has an estimator;
 *  what they cannot price (a cache size, provisioned capacity, a storage class …) comes back as
 *  unpriced lines naming the component. CloudFront, Cognito and Kafka are in NETWORK_UNPRICED. */
export const SERVERLESS_UNPRICED: Partial<Record<DesignNode['kind'], string>> = {};
