import { apiGatewayProps } from '../../core/model/kinds/apiGateway';

// Which AWS Price List product gives each catalog price key.
//
// A rule selects the OnDemand price dimensions of one product (SKU) in one offer file by exact
// attribute values. `usagetype` is compared after the Region's billing-code prefix is removed
// ("USE1-Lambda-GB-Second" → "Lambda-GB-Second"; us-east-1 usage types sometimes carry no prefix).
// Tiers come from the dimensions' beginRange/endRange. Every rule says where its selector comes from
// (`evidence`): a selector nobody has checked against a live offer says "unverified", and the builder
// reports a key it cannot match instead of inventing a price.
//
// Keys that Price List does not give (a $0 line documented only on a pricing page, or a usage type
// not confirmed in any source read so far) have `priceList: null` and a reason; the builder keeps the
// existing catalog's entry for them, and lists them.

/** AWS Region billing codes, the prefix of Price List usage types.
 *  Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html */
export const REGION_BILLING_CODES: Readonly<Record<string, string>> = {
  'us-east-1': 'USE1', 'us-east-2': 'USE2', 'us-west-1': 'USW1', 'us-west-2': 'USW2',
  'ca-central-1': 'CAN1', 'ca-west-1': 'CAN2', 'mx-central-1': 'MXC1', 'sa-east-1': 'SAE1', 'af-south-1': 'AFS1',
  'eu-west-1': 'EU', 'eu-west-2': 'EUW2', 'eu-west-3': 'EUW3', 'eu-central-1': 'EUC1', 'eu-central-2': 'EUC2',
  'eu-north-1': 'EUN1', 'eu-south-1': 'EUS1', 'eu-south-2': 'EUS2',
  'ap-east-1': 'APE1', 'ap-northeast-1': 'APN1', 'ap-northeast-2': 'APN2', 'ap-northeast-3': 'APN3',
  'ap-southeast-1': 'APS1', 'ap-southeast-2': 'APS2', 'ap-south-1': 'APS3', 'ap-southeast-3': 'APS4',
  'ap-south-2': 'APS5', 'ap-southeast-4': 'APS6', 'ap-southeast-5': 'APS7',
  'me-south-1': 'MES1', 'me-central-1': 'MEC1', 'il-central-1': 'ILC1',
};

export interface PriceListRule {
  offerCode: string;
  productFamily?: string;
  /** Usage type without the Region prefix. */
  usagetype?: string;
  /** Other product attributes that must match exactly (group, operation, queueType …). */
  attributes?: Readonly<Record<string, string>>;
  /** Units the offer's price dimensions may carry; another unit is an error (a wrong SKU or a changed offer). */
  offerUnits: readonly string[];
  /** Catalog price = offer price × scale (default 1: Price List prices one unit, as the catalog does). */
  scale?: string;
  /** The offer's first $0 dimension is the always-free allowance, which the catalog applies through its
   *  freeTier block (convention 3), so it is left out of the tiers. */
  dropFreeFirstTier?: boolean;
  /** Where the selector comes from. */
  evidence: string;
}

export interface PriceKeyMapping {
  /** The catalog unit (the estimators' quantity unit). */
  unit: string;
  note?: string;
  priceList: PriceListRule | null;
  /** Why Price List is not used for this key (priceList null). */
  reason?: string;
}

const IC = 'Infracost filter, internal/resources/aws/';
/** Public slices of real offer files (CSV form of the same products and attributes). */
const SLICE = (offer: string) => `${offer} rows of the eu-west-2 offer slices in mooncitizen/togen internal/cost/cmd/testdata`;
const ZERO_LINE = 'a $0 line AWS documents on the pricing page, not a Price List dimension the catalog relies on';
const EFO = 'groups named in public Price List query code and notes (two sources); usage type and unit unverified';
const UNCONFIRMED = 'usage type not confirmed in any source read offline; add a rule after checking a live offer file';

const rule = (offerCode: string, r: Omit<PriceListRule, 'offerCode'>): PriceListRule => ({ offerCode, ...r });
const lambda = (usagetype: string, group: string, evidence: string) =>
  rule('AWSLambda', { productFamily: 'Serverless', usagetype, attributes: { group }, offerUnits: ['Lambda-GB-Second', 'GB-Second', 'GB-Seconds', 'Second'], evidence });

export const PRICE_LIST_MAP: Readonly<Record<string, PriceKeyMapping>> = {
  'lambda.requests': { unit: 'request', priceList: rule('AWSLambda', { productFamily: 'Serverless', usagetype: 'Request', attributes: { group: 'AWS-Lambda-Requests' }, offerUnits: ['Requests', 'Request'], evidence: `${IC}lambda_function.go; ${SLICE('AWSLambda')}` }) },
  'lambda.duration.x86_64': { unit: 'GB-second', priceList: lambda('Lambda-GB-Second', 'AWS-Lambda-Duration', `${IC}lambda_function.go; ${SLICE('AWSLambda')} (three tiers in one SKU)`) },
  'lambda.duration.arm64': { unit: 'GB-second', priceList: lambda('Lambda-GB-Second-ARM', 'AWS-Lambda-Duration-ARM', SLICE('AWSLambda')) },
  'lambda.ephemeralStorage': { unit: 'GB-second', priceList: rule('AWSLambda', { productFamily: 'Serverless', usagetype: 'Lambda-Storage-GB-Second', offerUnits: ['Lambda-GB-Second', 'GB-Second', 'GB-Seconds', 'Second'], evidence: `${SLICE('AWSLambda')} (unit GB-Seconds)` }) },
  'lambda.provisionedConcurrency.x86_64': { unit: 'GB-second', priceList: rule('AWSLambda', { productFamily: 'Serverless', attributes: { group: 'AWS-Lambda-Provisioned-Concurrency' }, offerUnits: ['Lambda-GB-Second', 'GB-Second', 'GB-Seconds', 'Second'], evidence: `${IC}lambda_provisioned_concurrency_config.go; ${SLICE('AWSLambda')}` }) },
  'lambda.provisionedDuration.x86_64': { unit: 'GB-second', priceList: rule('AWSLambda', { productFamily: 'Serverless', attributes: { group: 'AWS-Lambda-Duration-Provisioned' }, offerUnits: ['Lambda-GB-Second', 'GB-Second', 'GB-Seconds', 'Second'], evidence: `${IC}lambda_provisioned_concurrency_config.go` }) },
  'lambda.provisionedConcurrency.arm64': { unit: 'GB-second', priceList: rule('AWSLambda', { productFamily: 'Serverless', attributes: { group: 'AWS-Lambda-Provisioned-Concurrency-ARM' }, offerUnits: ['Lambda-GB-Second', 'GB-Second', 'GB-Seconds', 'Second'], evidence: `${IC}lambda_provisioned_concurrency_config.go` }) },
  'lambda.provisionedDuration.arm64': { unit: 'GB-second', priceList: rule('AWSLambda', { productFamily: 'Serverless', attributes: { group: 'AWS-Lambda-Duration-Provisioned-ARM' }, offerUnits: ['Lambda-GB-Second', 'GB-Second', 'GB-Seconds', 'Second'], evidence: `${IC}lambda_provisioned_concurrency_config.go` }) },

  'apigateway.http.requests': { unit: 'request', note: 'HTTP APIs meter requests in 512 KB increments', priceList: rule('AmazonApiGateway', { productFamily: 'API Calls', usagetype: 'ApiGatewayHttpRequest', offerUnits: ['Requests'], evidence: `${IC}apigatewayv2_api.go; ${SLICE('AmazonApiGateway')}` }) },
  'apigateway.rest.requests': { unit: 'request', priceList: rule('AmazonApiGateway', { productFamily: 'API Calls', usagetype: 'ApiGatewayRequest', offerUnits: ['Requests'], evidence: `${IC}api_gateway_rest_api.go; ${SLICE('AmazonApiGateway')}` }) },
  'apigateway.websocket.messages': { unit: 'message', note: 'messages metered in 32 KB increments', priceList: rule('AmazonApiGateway', { productFamily: 'WebSocket', usagetype: 'ApiGatewayMessage', offerUnits: ['Messages', 'Message'], evidence: `${IC}apigatewayv2_api.go` }) },
  'apigateway.websocket.connectionMinutes': { unit: 'connection-minute', priceList: rule('AmazonApiGateway', { productFamily: 'WebSocket', usagetype: 'ApiGatewayMinute', offerUnits: ['Minutes', 'Minute'], evidence: `${IC}apigatewayv2_api.go` }) },

  'sqs.standard.requests': { unit: 'request', note: 'requests metered in 64 KB chunks', priceList: rule('AWSQueueService', { productFamily: 'API Request', usagetype: 'Requests-Tier1', attributes: { queueType: 'Standard' }, offerUnits: ['Requests'], evidence: `${SLICE('AWSQueueService')} (the free 1M is a separate Global SKU)` }) },
  'sqs.fifo.requests': { unit: 'request', note: 'requests metered in 64 KB chunks', priceList: rule('AWSQueueService', { productFamily: 'API Request', usagetype: 'Requests-FIFO-Tier1', attributes: { queueType: 'FIFO (first-in, first-out)' }, offerUnits: ['Requests'], evidence: SLICE('AWSQueueService') }) },

  'sns.standard.publishes': { unit: 'request', note: 'publishes metered in 64 KB chunks', priceList: rule('AmazonSNS', { productFamily: 'API Request', usagetype: 'Requests-Tier1', offerUnits: ['Requests'], dropFreeFirstTier: true, evidence: `${IC}sns_topic.go; usage type EU-Requests-Tier1 with a $0 first 1M in pricing.md P46` }) },
  'sns.delivery.https': { unit: 'notification', priceList: rule('AmazonSNS', { productFamily: 'Message Delivery', usagetype: 'DeliveryAttempts-HTTP', offerUnits: ['Notifications', 'Notification'], dropFreeFirstTier: true, evidence: `${IC}sns_topic.go` }) },
  'sns.delivery.email': { unit: 'notification', priceList: rule('AmazonSNS', { productFamily: 'Message Delivery', usagetype: 'DeliveryAttempts-SMTP', offerUnits: ['Notifications', 'Notification'], dropFreeFirstTier: true, evidence: `${IC}sns_topic.go` }) },
  'sns.delivery.sqs': { unit: 'notification', priceList: null, reason: ZERO_LINE },
  'sns.delivery.lambda': { unit: 'notification', priceList: null, reason: ZERO_LINE },
  'sns.fifo.publishes': { unit: 'request', priceList: null, reason: UNCONFIRMED },
  'sns.fifo.publishPayloadGb': { unit: 'GB', priceList: null, reason: UNCONFIRMED },
  'sns.fifo.notifications': { unit: 'notification', priceList: null, reason: UNCONFIRMED },
  'sns.fifo.notificationPayloadGb': { unit: 'GB', priceList: null, reason: UNCONFIRMED },

  'eventbridge.customEvents': { unit: 'event', note: 'events metered in 64 KB chunks', priceList: rule('AWSEvents', { productFamily: 'EventBridge', usagetype: 'Event-64K-Chunks', attributes: { eventType: 'Custom Event' }, offerUnits: ['Events', 'Event'], evidence: `${IC}cloudwatch_event_bus.go` }) },
  'eventbridge.awsEvents': { unit: 'event', priceList: null, reason: ZERO_LINE },
  'eventbridge.partnerEvents': { unit: 'event', note: 'events metered in 64 KB chunks', priceList: rule('AWSEvents', { productFamily: 'EventBridge', usagetype: 'Event-64K-Chunks', attributes: { eventType: 'Partner Event' }, offerUnits: ['Events', 'Event'], evidence: `${IC}cloudwatch_event_bus.go` }) },
  'eventbridge.archive.processedGb': { unit: 'GB', priceList: rule('AWSEvents', { productFamily: 'CloudWatch Events', usagetype: 'ArchivedEvents-Bytes', offerUnits: ['GB'], evidence: `${IC}cloudwatch_event_bus.go` }) },
  'eventbridge.archive.storageGbMonth': { unit: 'GB-month', priceList: rule('AWSEvents', { productFamily: 'CloudWatch Events', usagetype: 'TimedStorage-ByteHrs', offerUnits: ['GB-Mo', 'GB-Month'], evidence: `${IC}cloudwatch_event_bus.go` }) },
  'eventbridge.scheduler.invocations': { unit: 'invocation', priceList: rule('AWSEvents', { usagetype: 'ScheduledInvocation', offerUnits: ['Invocations', 'Invocation'], dropFreeFirstTier: true, evidence: 'usage types USW1-/APS1-/EUW2-ScheduledInvocation (unit Invocations, operation Invocation) quoted from AWSEvents offers in public cost tools and notes; product family unverified' }) },
  'eventbridge.apiDestinations': { unit: 'invocation', priceList: null, reason: UNCONFIRMED },

  'kinesis.shardHours': { unit: 'shard-hour', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'Storage-ShardHour', attributes: { operation: 'shardHourStorage' }, offerUnits: ['ShardHour', 'Hrs'], evidence: `${IC}kinesis_stream.go` }) },
  'kinesis.putPayloadUnits': { unit: 'PUT payload unit (25 KB)', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'PutRequestPayloadUnits', attributes: { operation: 'PutRequest' }, offerUnits: ['PutRequest', 'PayloadUnits', 'Units'], evidence: `${IC}kinesis_stream.go (unit unverified)` }) },
  'kinesis.efo.consumerShardHours': { unit: 'consumer-shard-hour', priceList: rule('AmazonKinesis', { attributes: { group: 'Enhanced fan-out consumer-shard hour' }, offerUnits: ['ConsumerShardHour', 'ConsumerHour', 'Hrs'], evidence: EFO }) },
  'kinesis.efo.retrievalGb': { unit: 'GB', priceList: rule('AmazonKinesis', { attributes: { group: 'Enhanced fan-out GB of data retrieved' }, offerUnits: ['GB'], evidence: EFO }) },
  'kinesis.onDemand.streamHours': { unit: 'stream-hour', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'OnDemand-StreamHour', attributes: { operation: 'OnDemandStreamHr' }, offerUnits: ['StreamHr', 'Hrs', 'StreamHour'], evidence: `${IC}kinesis_stream.go` }) },
  'kinesis.onDemand.ingestedGb': { unit: 'GB', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'OnDemand-BilledIncomingBytes', attributes: { operation: 'OnDemandDataIngested' }, offerUnits: ['GB'], evidence: `${IC}kinesis_stream.go` }) },
  'kinesis.onDemand.retrievedGb': { unit: 'GB', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'OnDemand-BilledOutgoingBytes', attributes: { operation: 'OnDemandDataRetrieval' }, offerUnits: ['GB'], evidence: `${IC}kinesis_stream.go` }) },
  'kinesis.onDemand.efoRetrievalGb': { unit: 'GB', note: 'on-demand enhanced fan-out data retrieval', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'OnDemand-BilledOutgoingEFOBytes', attributes: { operation: 'OnDemandEFODataRetrieval' }, offerUnits: ['GB'], evidence: `${IC}kinesis_stream.go` }) },

  'kinesis.onDemand.extendedRetentionGbMonth': { unit: 'GB-month', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'OnDemand-ExtendedRetention-ByteHrs', attributes: { operation: 'OnDemandExtendedRetentionByteHrs' }, offerUnits: ['GB-Mo', 'GB-Month'], evidence: `${IC}kinesis_stream.go (unit unverified)` }) },
  'kinesis.onDemand.longTermRetentionGbMonth': { unit: 'GB-month', priceList: rule('AmazonKinesis', { productFamily: 'Kinesis Streams', usagetype: 'OnDemand-LongTermRetention-ByteHrs', attributes: { operation: 'OnDemandLongTermRetentionByteHrs' }, offerUnits: ['GB-Mo', 'GB-Month'], evidence: `${IC}kinesis_stream.go (unit unverified)` }) },
  'kinesis.onDemand.longTermRetrievalGb': { unit: 'GB', priceList: null, reason: UNCONFIRMED },
  'kinesis.extendedRetention.shardHours': { unit: 'shard-hour', priceList: null, reason: UNCONFIRMED },
  'kinesis.longTermRetention.gbMonth': { unit: 'GB-month', priceList: rule('AmazonKinesis', { attributes: { group: 'Long-term Data Retention GB-month' }, offerUnits: ['GB-Mo', 'GB-Month'], evidence: EFO }) },
  'kinesis.longTermRetrieval.gb': { unit: 'GB', priceList: null, reason: UNCONFIRMED },

  'dynamodb.onDemand.writeRequestUnits': { unit: 'write request unit', priceList: rule('AmazonDynamoDB', { productFamily: 'Amazon DynamoDB PayPerRequest Throughput', attributes: { group: 'DDB-WriteUnits' }, offerUnits: ['WriteRequestUnits', 'WriteRequestUnit'], evidence: `${IC}dynamodb_table.go` }) },
  'dynamodb.onDemand.readRequestUnits': { unit: 'read request unit', priceList: rule('AmazonDynamoDB', { productFamily: 'Amazon DynamoDB PayPerRequest Throughput', attributes: { group: 'DDB-ReadUnits' }, offerUnits: ['ReadRequestUnits', 'ReadRequestUnit'], evidence: `${IC}dynamodb_table.go` }) },
  'dynamodb.storage': { unit: 'GB-month', priceList: rule('AmazonDynamoDB', { productFamily: 'Database Storage', usagetype: 'TimedStorage-ByteHrs', offerUnits: ['GB-Mo', 'GB-Month'], dropFreeFirstTier: true, evidence: `${IC}dynamodb_table.go (which also skips the $0.00 per GB-Month dimension)` }) },
  'dynamodb.streams.readRequestUnits': { unit: 'stream read request unit', note: 'reads by Lambda triggers are free (P75)', priceList: rule('AmazonDynamoDB', { productFamily: 'API Request', attributes: { group: 'DDB-StreamsReadRequests' }, offerUnits: ['Requests', 'ReadRequestUnits'], dropFreeFirstTier: true, evidence: `${IC}dynamodb_table.go (which also skips the "(free tier)" dimension)` }) },
  'dynamodb.streams.lambdaReads': { unit: 'stream record read by a Lambda trigger', priceList: null, reason: ZERO_LINE },

  's3.storage.standard': { unit: 'GB-month', priceList: rule('AmazonS3', { productFamily: 'Storage', usagetype: 'TimedStorage-ByteHrs', attributes: { volumeType: 'Standard', storageClass: 'General Purpose' }, offerUnits: ['GB-Mo', 'GB-Month'], evidence: SLICE('AmazonS3') }) },
  's3.requests.tier1': { unit: 'request', priceList: rule('AmazonS3', { productFamily: 'API Request', usagetype: 'Requests-Tier1', offerUnits: ['Requests'], evidence: SLICE('AmazonS3') }) },
  's3.requests.tier2': { unit: 'request', priceList: rule('AmazonS3', { productFamily: 'API Request', usagetype: 'Requests-Tier2', offerUnits: ['Requests'], evidence: SLICE('AmazonS3') }) },

  'vpc.natGateway.hours': { unit: 'NAT gateway-hour', priceList: rule('AmazonEC2', { productFamily: 'NAT Gateway', usagetype: 'NatGateway-Hours', offerUnits: ['Hrs'], evidence: `${IC}nat_gateway.go` }) },
  'vpc.natGateway.dataProcessed': { unit: 'GB', priceList: rule('AmazonEC2', { productFamily: 'NAT Gateway', usagetype: 'NatGateway-Bytes', offerUnits: ['GB'], evidence: `${IC}nat_gateway.go` }) },
  'vpc.interfaceEndpoint.hours': { unit: 'endpoint-AZ-hour', priceList: rule('AmazonVPC', { productFamily: 'VpcEndpoint', usagetype: 'VpcEndpoint-Hours', offerUnits: ['Hrs'], evidence: `${IC}vpc_endpoint.go` }) },
  'vpc.interfaceEndpoint.dataProcessed': { unit: 'GB', priceList: rule('AmazonVPC', { productFamily: 'VpcEndpoint', usagetype: 'VpcEndpoint-Bytes', offerUnits: ['GB'], evidence: `${IC}vpc_endpoint.go (tiers at 1 PB and 5 PB)` }) },
  'vpc.gatewayEndpoint': { unit: 'endpoint', priceList: null, reason: ZERO_LINE },

  'rdsProxy.vcpuHours': { unit: 'vCPU-hour', note: 'minimum charge 2 vCPUs (P95)', priceList: rule('AmazonRDS', { productFamily: 'RDSProxy', usagetype: 'RDS:ProxyUsage', attributes: { databaseEngine: 'MySQL' }, offerUnits: ['Hrs'], evidence: `${SLICE('AmazonRDS')} (one SKU per engine at one price; MySQL chosen); usage type USE1-RDS:ProxyUsage in pricing.md P94` }) },
  'elasticache.serverless.redis.storage': { unit: 'GB-hour', note: 'minimum 1 GB', priceList: rule('AmazonElastiCache', { productFamily: 'ElastiCache Serverless', usagetype: 'ElastiCache:ServerlessStorage', attributes: { cacheEngine: 'Redis' }, offerUnits: ['GB-Hours', 'GB-Hrs', 'GB-Hr'], evidence: 'usage type USE1-ElastiCache:ServerlessStorage in public pricing clients; cacheEngine attribute unverified' }) },
  'elasticache.serverless.redis.ecpu': { unit: 'ECPU', priceList: null, reason: UNCONFIRMED },
  'elasticache.serverless.valkey.storage': { unit: 'GB-hour', note: 'minimum 100 MB', priceList: rule('AmazonElastiCache', { productFamily: 'ElastiCache Serverless', usagetype: 'ElastiCache:ServerlessStorage', attributes: { cacheEngine: 'Valkey' }, offerUnits: ['GB-Hours', 'GB-Hrs', 'GB-Hr'], evidence: 'as elasticache.serverless.redis.storage (cacheEngine Valkey unverified)' }) },
  'elasticache.serverless.valkey.ecpu': { unit: 'ECPU', priceList: null, reason: UNCONFIRMED },

  'logs.ingestion': { unit: 'GB', priceList: rule('AmazonCloudWatch', { productFamily: 'Data Payload', usagetype: 'DataProcessing-Bytes', offerUnits: ['GB'], dropFreeFirstTier: true, evidence: `${IC}cloudwatch_log_group.go` }) },
  'logs.lambdaVendedIngestion': { unit: 'GB', priceList: rule('AmazonCloudWatch', { productFamily: 'Data Payload', usagetype: 'VendedLog-Bytes', offerUnits: ['GB'], evidence: 'usage type <prefix>-VendedLog-Bytes in AmazonCloudWatch offers quoted in public notes (tiers unverified)' }) },
  'logs.ingestion.infrequentAccess': { unit: 'GB', priceList: rule('AmazonCloudWatch', { productFamily: 'Data Payload', usagetype: 'DataProcessingIA-Bytes', offerUnits: ['GB'], evidence: 'usage type DataProcessingIA-Bytes (operation PutLogEvents) in the CloudWatch usage-type list and public Price List readers' }) },
  'logs.insights.scannedGb': { unit: 'GB', priceList: rule('AmazonCloudWatch', { productFamily: 'Data Payload', usagetype: 'DataScanned-Bytes', offerUnits: ['GB'], evidence: `${IC}cloudwatch_log_group.go` }) },
  'logs.storage': { unit: 'GB-month', priceList: rule('AmazonCloudWatch', { productFamily: 'Storage Snapshot', usagetype: 'TimedStorage-ByteHrs', offerUnits: ['GB-Mo', 'GB-Month'], evidence: `${IC}cloudwatch_log_group.go` }) },

  'stepfunctions.standard.transitions': { unit: 'state transition', priceList: rule('AmazonStates', { usagetype: 'StateTransition', offerUnits: ['StateTransitions', 'StateTransition', 'Transitions'], dropFreeFirstTier: true, evidence: `${IC}sfn_state_machine.go` }) },
  'stepfunctions.express.requests': { unit: 'request', priceList: rule('AmazonStates', { usagetype: 'StepFunctions-Request', offerUnits: ['Requests', 'Request'], evidence: `${IC}sfn_state_machine.go` }) },
  'stepfunctions.express.duration': { unit: 'GB-second', priceList: rule('AmazonStates', { usagetype: 'StepFunctions-GB-Second', offerUnits: ['GB-Second', 'GB-Seconds', 'Second'], evidence: `${IC}sfn_state_machine.go (tiers at 3,600,000 and 18,000,000 GB-s)` }) },

  'dataTransfer.internetOut': { unit: 'GB', priceList: rule('AWSDataTransfer', { productFamily: 'Data Transfer', usagetype: 'DataTransfer-Out-Bytes', attributes: { transferType: 'AWS Outbound' }, offerUnits: ['GB'], dropFreeFirstTier: true, evidence: `${IC}data_transfer.go; ${SLICE('AWSDataTransfer')} (tiers 10 TB / 50 TB / 150 TB; the free 100 GB is a separate Global SKU)` }) },
  'dataTransfer.crossAz': { unit: 'GB (each direction)', priceList: rule('AWSDataTransfer', { productFamily: 'Data Transfer', usagetype: 'DataTransfer-Regional-Bytes', attributes: { transferType: 'IntraRegion' }, offerUnits: ['GB'], evidence: `${IC}data_transfer.go (transferType IntraRegion); usage type DataTransfer-Regional-Bytes as billed; not in the public offer slices (which show a $0.00 IntraRegion-xAZ-Out line), so unverified` }) },

  'dataTransfer.interRegion': { unit: 'GB', priceList: null, reason: 'Price List has one product per pair of Regions (InterRegion Outbound, toRegionCode) and the price depends on the destination; the catalog has one price a Region' },

  'alb.hours': { unit: 'hour', priceList: rule('AWSELB', { productFamily: 'Load Balancer-Application', usagetype: 'LoadBalancerUsage', attributes: { locationType: 'AWS Region' }, offerUnits: ['Hrs'], evidence: `${IC}lb.go; the us-east-1 AWSELB offer slice in mooncitizen/togen (no Region prefix in us-east-1)` }) },
  'alb.lcuHours': { unit: 'LCU-hour', priceList: rule('AWSELB', { productFamily: 'Load Balancer-Application', usagetype: 'LCUUsage', attributes: { locationType: 'AWS Region' }, offerUnits: ['LCU-Hrs', 'LCU-Hr'], evidence: `${IC}lb.go` }) },
};

/** The REST API cache sizes a design can choose (the model's enum): each has its own hourly price. */
export const API_CACHE_SIZES: readonly string[] = apiGatewayProps.shape.cacheSizeGb.unwrap().unwrap().options;

/** Keys built by default: the table's and one per API Gateway cache size. */
export const DEFAULT_KEYS: readonly string[] = [...Object.keys(PRICE_LIST_MAP), ...API_CACHE_SIZES.map((size) => `apigateway.rest.cache.${size}`)];

/** The rule for a key: from the table, or for keys made from a name (apigateway.rest.cache.<GB>,
 *  elasticache.node.<node type>). */
export function mappingFor(key: string): PriceKeyMapping | undefined {
  const fixed = PRICE_LIST_MAP[key];
  if (fixed) return fixed;
  const cache = /^apigateway\.rest\.cache\.(\d+(?:\.\d+)?)$/.exec(key);
  if (cache) {
    return {
      unit: 'hour',
      priceList: rule('AmazonApiGateway', { productFamily: 'Amazon API Gateway Cache', attributes: { cacheMemorySizeGb: cache[1] }, offerUnits: ['Hrs'], evidence: `${IC}api_gateway_stage.go; ${SLICE('AmazonApiGateway')} (one SKU per size, e.g. usage type ApiGatewayCacheUsage:1.55GB with cache memory size 1.6)` }),
    };
  }
  const node = /^elasticache\.node\.(cache\.[a-z0-9]+\.[a-z0-9]+)$/.exec(key);
  if (node) {
    return {
      unit: 'node-hour',
      priceList: rule('AmazonElastiCache', { productFamily: 'Cache Instance', usagetype: `NodeUsage:${node[1]}`, attributes: { instanceType: node[1], cacheEngine: 'Redis' }, offerUnits: ['Hrs'], evidence: `${SLICE('AmazonElastiCache')} (usage type NodeUsage:<node type>, one SKU per engine; Redis and Memcached prices are the same)` }),
    };
  }
  return undefined;
}

/** The usage type without the Region's billing-code prefix. */
export function usageTypeSuffix(usagetype: string, region: string): string {
  const code = REGION_BILLING_CODES[region];
  return code && usagetype.startsWith(`${code}-`) ? usagetype.slice(code.length + 1) : usagetype;
}
