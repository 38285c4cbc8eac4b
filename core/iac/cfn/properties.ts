/** Which template property says which model setting: one table per CloudFormation / SAM resource type
 *  (and per SAM event type for trigger settings), read by the SAM exporter and by the importer so the
 *  two cannot drift. Data plus pure converters; no template is built here.
 *
 *  Conventions of every entry:
 *  - `model` is a path inside the node's `props` (for event tables: the trigger edge's `props`, or the
 *    source node's with `source: true`). An empty path means the whole props object: `toCfn` then
 *    receives all props and `fromCfn` returns a partial props object to merge.
 *  - `cfn` is a path inside the resource's `Properties` (or the event's `Properties`). An empty path means
 *    the whole Properties object: `toCfn` returns an object to merge, `fromCfn` receives them all.
 *  - `awsDefault` is AWS's default as a model value: export leaves the property out when the model value
 *    equals it (or is undefined/null), import reads an absent property as it. An entry without
 *    `awsDefault` is always written (CloudFormation's default differs from the model's, or it is required).
 *  - `ref`: the model value is a node id (`one`) or ids (`many`); the template holds `!Ref` to that
 *    node's resource. The exporter substitutes, the importer resolves back. `refKinds` narrows which
 *    target kinds the entry is for (a route's GatewayId vs NatGatewayId).
 *  - `via`: the model setting lives in another resource the exporter creates beside the node's own
 *    (a subnet's route in AWS::EC2::Route, an RDS subnet list in AWS::RDS::DBSubnetGroup). */

export type ModelValue = unknown;
export type Props = Record<string, unknown>;

export interface PropertyMapping {
  model: readonly string[];
  cfn: readonly string[];
  awsDefault?: ModelValue;
  /** model → template; returning undefined leaves the property out. */
  toCfn?: (value: ModelValue) => unknown;
  /** template → model; returning undefined means "could not be read" (the importer reports it). */
  fromCfn?: (value: unknown) => ModelValue;
  ref?: 'one' | 'many';
  refKinds?: readonly string[];
  /** The entry applies only when this holds for the node's props (e.g. capacity only when provisioned). */
  when?: (props: Props) => boolean;
  /** The entry reads the source node's props instead of the trigger edge's (event tables only). */
  source?: boolean;
  via?: string;
  note?: string;
}

export interface ResourceTable {
  cfnType: string;
  /** The node kind (or `trigger` for event tables) this type maps to. */
  kind: string;
  /** Which nodes of `kind` become this type, when a kind has variants (Aurora → DBCluster). */
  applies?: (props: Props) => boolean;
  /** Model paths are relative to each item of this props array (a security group's rules). */
  within?: readonly string[];
  properties: readonly PropertyMapping[];
  note?: string;
}

// ---------- converters (pure, symmetric) ----------

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** A JSON text in the model (event patterns, filter policies) ↔ an object in the template. Text that is
 *  not JSON goes out as the string it is. */
export const jsonText = {
  toCfn: (v: unknown): unknown => { if (typeof v !== 'string') return v; try { return JSON.parse(v) as unknown; } catch { return v; } },
  fromCfn: (v: unknown): string | undefined => (typeof v === 'string' ? v : v !== null && typeof v === 'object' ? JSON.stringify(v) : undefined),
};

/** A number the template writes as a string (RDS AllocatedStorage, Port). */
const numberAsString = { toCfn: (v: unknown) => (typeof v === 'number' ? String(v) : v), fromCfn: num };

/** A single architecture ↔ `Architectures: [x]`. */
export const architectures = {
  toCfn: (v: unknown) => [v],
  fromCfn: (v: unknown) => (Array.isArray(v) && (v[0] === 'arm64' || v[0] === 'x86_64') ? v[0] : undefined),
};

/** reportBatchItemFailures ↔ FunctionResponseTypes: [ReportBatchItemFailures]. */
export const functionResponseTypes = {
  toCfn: (v: unknown) => (v === true ? ['ReportBatchItemFailures'] : undefined),
  fromCfn: (v: unknown) => (Array.isArray(v) ? v.includes('ReportBatchItemFailures') : undefined),
};

/** filters (JSON texts) ↔ FilterCriteria: { Filters: [{ Pattern }] } (Pattern is a JSON string in CFN). */
export const filterCriteria = {
  toCfn: (v: unknown) => (Array.isArray(v) && v.length > 0 ? { Filters: v.map((p) => ({ Pattern: String(p) })) } : undefined),
  fromCfn: (v: unknown) => {
    const filters = v !== null && typeof v === 'object' ? (v as { Filters?: unknown }).Filters : undefined;
    if (!Array.isArray(filters)) return undefined;
    return filters.map((f) => jsonText.fromCfn((f as { Pattern?: unknown } | null)?.Pattern)).filter((p): p is string => p !== undefined);
  },
};

/** The subnet's AZ letter ↔ `!Sub '${AWS::Region}a'` (portable across regions); reads a literal
 *  `us-east-1a` or the Sub back. */
export const availabilityZone = {
  toCfn: (v: unknown) => ({ 'Fn::Sub': `\${AWS::Region}${String(v)}` }),
  fromCfn: (v: unknown) => {
    const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' && typeof (v as Props)['Fn::Sub'] === 'string' ? (v as Props)['Fn::Sub'] as string : undefined;
    const letter = text?.match(/([a-f])$/)?.[1];
    return letter;
  },
};

/** S3 prefix/suffix ↔ Filter.S3Key.Rules (names `prefix` / `suffix`, case-insensitive in S3). */
export const s3KeyFilter = {
  toCfn: (p: unknown) => {
    const props = (p ?? {}) as Props;
    const rules = [
      ...(typeof props.prefix === 'string' && props.prefix !== '' ? [{ Name: 'prefix', Value: props.prefix }] : []),
      ...(typeof props.suffix === 'string' && props.suffix !== '' ? [{ Name: 'suffix', Value: props.suffix }] : []),
    ];
    return rules.length ? { S3Key: { Rules: rules } } : undefined;
  },
  fromCfn: (v: unknown) => {
    const rules = (v as { S3Key?: { Rules?: unknown } } | undefined)?.S3Key?.Rules;
    if (!Array.isArray(rules)) return undefined;
    const out: Props = {};
    for (const r of rules as { Name?: unknown; Value?: unknown }[]) {
      const name = String(r?.Name ?? '').toLowerCase();
      if ((name === 'prefix' || name === 'suffix') && typeof r.Value === 'string') out[name] = r.Value;
    }
    return out;
  },
};

/** SQS encryption choice ↔ SqsManagedSseEnabled / KmsMasterKeyId. customer-kms needs a key the design
 *  does not name: the exporter passes a parameter (see `needsKmsKeyParameter`). */
export const sqsEncryption = {
  toCfn: (p: unknown): Props | undefined => {
    const e = (p as Props | undefined)?.encryption;
    if (e === 'none') return { SqsManagedSseEnabled: false };
    if (e === 'aws-managed-kms') return { KmsMasterKeyId: 'alias/aws/sqs' };
    return undefined; // sqs-managed: the default; customer-kms: the exporter sets KmsMasterKeyId to a parameter
  },
  fromCfn: (v: unknown): Props => {
    const p = (v ?? {}) as Props;
    if (p.KmsMasterKeyId !== undefined) return { encryption: p.KmsMasterKeyId === 'alias/aws/sqs' ? 'aws-managed-kms' : 'customer-kms' };
    if (bool(p.SqsManagedSseEnabled) === false) return { encryption: 'none' };
    return { encryption: 'sqs-managed' };
  },
};

const RDS_ENGINE_TO_CFN: Record<string, string> = {
  postgres: 'postgres', 'aurora-postgresql': 'aurora-postgresql', mysql: 'mysql', 'aurora-mysql': 'aurora-mysql',
  mariadb: 'mariadb', sqlserver: 'sqlserver-ex', oracle: 'oracle-se2',
};
/** RDS engines: CloudFormation names an edition for SQL Server and Oracle (sqlserver-ex, oracle-se2 …):
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-engine */
export const rdsEngine = {
  toCfn: (v: unknown) => RDS_ENGINE_TO_CFN[String(v)] ?? v,
  fromCfn: (v: unknown) => {
    const s = str(v)?.toLowerCase();
    if (!s) return undefined;
    if (s.startsWith('sqlserver')) return 'sqlserver';
    if (s.startsWith('oracle')) return 'oracle';
    if (s === 'aurora') return 'aurora-mysql';
    return Object.keys(RDS_ENGINE_TO_CFN).includes(s) ? s : undefined;
  },
};
export const isAurora = (p: Props) => String(p.engine ?? 'postgres').startsWith('aurora');

/** RDS Proxy EngineFamily for a target engine. */
export function proxyEngineFamily(engine: string): 'POSTGRESQL' | 'MYSQL' | 'SQLSERVER' | null {
  if (engine.includes('postgres')) return 'POSTGRESQL';
  if (engine.includes('mysql') || engine === 'mariadb') return 'MYSQL';
  if (engine.startsWith('sqlserver')) return 'SQLSERVER';
  return null;
}

const enumMap = <M extends Record<string, string>>(map: M) => {
  const back = Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k]));
  return { toCfn: (v: unknown) => map[String(v)] ?? v, fromCfn: (v: unknown) => back[String(v)] };
};
export const dynamoBillingMode = enumMap({ onDemand: 'PAY_PER_REQUEST', provisioned: 'PROVISIONED' });
export const kinesisStreamMode = enumMap({ provisioned: 'PROVISIONED', onDemand: 'ON_DEMAND' });
export const stepFunctionType = enumMap({ standard: 'STANDARD', express: 'EXPRESS' });
export const vpcEndpointType = enumMap({ interface: 'Interface', gateway: 'Gateway' });
export const apiEndpointType = enumMap({ regional: 'REGIONAL', edge: 'EDGE', private: 'PRIVATE' });

/** The VPC endpoint service (`s3`) ↔ `!Sub com.amazonaws.${AWS::Region}.s3`. */
export const endpointServiceName = {
  toCfn: (v: unknown) => ({ 'Fn::Sub': `com.amazonaws.\${AWS::Region}.${String(v)}` }),
  fromCfn: (v: unknown) => {
    const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' && typeof (v as Props)['Fn::Sub'] === 'string' ? (v as Props)['Fn::Sub'] as string : undefined;
    return text?.match(/^com\.amazonaws\.(?:\$\{AWS::Region\}|[a-z0-9-]+)\.(.+)$/)?.[1];
  },
};

const versioning = {
  toCfn: (v: unknown) => (v === true ? { Status: 'Enabled' } : undefined),
  fromCfn: (v: unknown) => (v as Props | undefined)?.Status === 'Enabled',
};
const enabledState = {
  toCfn: (v: unknown) => (v === false ? 'DISABLED' : undefined),
  fromCfn: (v: unknown) => (v === undefined ? undefined : v !== 'DISABLED'),
};

// ---------- resources ----------

const parent = (cfn: string): PropertyMapping => ({ model: ['$parent'], cfn: [cfn], ref: 'one', note: 'the node\'s parent (containment)' });
const description = (cfn = 'Description'): PropertyMapping => ({ model: ['description'], cfn: [cfn], awsDefault: '' });

const LAMBDA_COMMON: PropertyMapping[] = [
  description(),
  { model: ['packageType'], cfn: ['PackageType'], awsDefault: 'Zip' },
  { model: ['runtime'], cfn: ['Runtime'], when: (p) => p.packageType !== 'Image' },
  { model: ['handler'], cfn: ['Handler'], when: (p) => p.packageType !== 'Image' },
  { model: ['architecture'], cfn: ['Architectures'], awsDefault: 'x86_64', ...architectures },
  { model: ['memoryMb'], cfn: ['MemorySize'], awsDefault: 128, fromCfn: num },
  { model: ['timeoutSeconds'], cfn: ['Timeout'], awsDefault: 3, fromCfn: num },
  { model: ['ephemeralStorageMb'], cfn: ['EphemeralStorage', 'Size'], awsDefault: 512, fromCfn: num },
  { model: ['reservedConcurrency'], cfn: ['ReservedConcurrentExecutions'], awsDefault: null, fromCfn: num },
  { model: ['recursiveLoop'], cfn: ['RecursiveLoop'], awsDefault: 'Terminate' },
  { model: ['environment'], cfn: ['Environment', 'Variables'], awsDefault: {} },
  { model: ['layers'], cfn: ['Layers'], awsDefault: [] },
  { model: ['vpc', 'subnets'], cfn: ['VpcConfig', 'SubnetIds'], ref: 'many', when: (p) => p.vpc !== null && p.vpc !== undefined },
  { model: ['vpc', 'securityGroups'], cfn: ['VpcConfig', 'SecurityGroupIds'], ref: 'many', when: (p) => p.vpc !== null && p.vpc !== undefined },
  { model: ['logRetentionDays'], cfn: ['RetentionInDays'], awsDefault: null, via: 'AWS::Logs::LogGroup', fromCfn: num, when: (p) => p.logGroup === null || p.logGroup === undefined,
    note: 'an AWS::Logs::LogGroup named /aws/lambda/<function>, referenced by LoggingConfig.LogGroup; with a logGroup node it has no effect (kept in metadata)' },
  { model: ['logGroup'], cfn: ['LoggingConfig', 'LogGroup'], ref: 'one', refKinds: ['logGroup'], awsDefault: null, note: 'a logGroup node (!Ref of a log group is its name)' },
];

const TABLES: ResourceTable[] = [
  {
    cfnType: 'AWS::Serverless::Function', kind: 'lambda',
    properties: [
      ...LAMBDA_COMMON,
      { model: ['publish', 'alias'], cfn: ['AutoPublishAlias'], awsDefault: null },
      { model: ['provisionedConcurrency'], cfn: ['ProvisionedConcurrencyConfig', 'ProvisionedConcurrentExecutions'], awsDefault: 0, fromCfn: num },
      { model: ['asyncConfig', 'maximumRetryAttempts'], cfn: ['EventInvokeConfig', 'MaximumRetryAttempts'], awsDefault: 2, fromCfn: num },
      { model: ['asyncConfig', 'maximumEventAgeSeconds'], cfn: ['EventInvokeConfig', 'MaximumEventAgeInSeconds'], awsDefault: 21600, fromCfn: num },
    ],
  },
  {
    cfnType: 'AWS::Lambda::Function', kind: 'lambda', properties: LAMBDA_COMMON,
    note: 'alias and provisioned concurrency in AWS::Lambda::Alias, async settings in AWS::Lambda::EventInvokeConfig',
  },
  {
    cfnType: 'AWS::Lambda::Alias', kind: 'lambda',
    properties: [
      { model: ['publish', 'alias'], cfn: ['Name'], awsDefault: null },
      { model: ['provisionedConcurrency'], cfn: ['ProvisionedConcurrencyConfig', 'ProvisionedConcurrentExecutions'], awsDefault: 0, fromCfn: num },
    ],
  },
  {
    cfnType: 'AWS::Lambda::EventInvokeConfig', kind: 'lambda',
    properties: [
      { model: ['asyncConfig', 'maximumRetryAttempts'], cfn: ['MaximumRetryAttempts'], awsDefault: 2, fromCfn: num },
      { model: ['asyncConfig', 'maximumEventAgeSeconds'], cfn: ['MaximumEventAgeInSeconds'], awsDefault: 21600, fromCfn: num },
    ],
  },
  {
    cfnType: 'AWS::Serverless::StateMachine', kind: 'stepFunction',
    properties: [{ model: ['workflowType'], cfn: ['Type'], awsDefault: 'standard', ...stepFunctionType }],
  },
  {
    cfnType: 'AWS::StepFunctions::StateMachine', kind: 'stepFunction',
    properties: [{ model: ['workflowType'], cfn: ['StateMachineType'], awsDefault: 'standard', ...stepFunctionType }],
  },
  {
    cfnType: 'AWS::Serverless::HttpApi', kind: 'apiGateway', applies: (p) => (p.apiType ?? 'http') === 'http',
    properties: [description(), { model: ['stage'], cfn: ['StageName'], awsDefault: '$default' }],
    note: 'authorizer → Auth (AWS_IAM / JWT for Cognito / Lambda); integrationTimeoutMs → each HttpApi event\'s TimeoutInMillis',
  },
  {
    cfnType: 'AWS::Serverless::Api', kind: 'apiGateway', applies: (p) => p.apiType === 'rest',
    properties: [
      description(),
      { model: ['stage'], cfn: ['StageName'] },
      { model: ['endpointType'], cfn: ['EndpointConfiguration', 'Type'], ...apiEndpointType },
      { model: ['cacheSizeGb'], cfn: ['CacheClusterSize'], awsDefault: null },
    ],
    note: 'cacheSizeGb also sets CacheClusterEnabled: true; authorizer → Auth.DefaultAuthorizer (AWS_IAM, a Cognito or Lambda authorizer)',
  },
  {
    cfnType: 'AWS::ApiGatewayV2::Api', kind: 'apiGateway', applies: (p) => p.apiType === 'websocket',
    properties: [description(), { model: ['apiType'], cfn: ['ProtocolType'], toCfn: () => 'WEBSOCKET', fromCfn: (v) => (v === 'WEBSOCKET' ? 'websocket' : v === 'HTTP' ? 'http' : undefined) }],
  },
  {
    cfnType: 'AWS::ElasticLoadBalancingV2::LoadBalancer', kind: 'alb',
    properties: [
      { model: ['scheme'], cfn: ['Scheme'], awsDefault: 'internet-facing' },
      { model: ['subnets'], cfn: ['Subnets'], ref: 'many' },
      { model: ['securityGroups'], cfn: ['SecurityGroups'], ref: 'many' },
    ],
  },
  {
    cfnType: 'AWS::ElasticLoadBalancingV2::TargetGroup', kind: 'alb',
    properties: [{
      model: ['multiValueHeaders'], cfn: ['TargetGroupAttributes'], awsDefault: false,
      toCfn: (v) => (v === true ? [{ Key: 'lambda.multi_value_headers.enabled', Value: 'true' }] : undefined),
      fromCfn: (v) => Array.isArray(v) && v.some((a) => (a as Props)?.Key === 'lambda.multi_value_headers.enabled' && String((a as Props).Value) === 'true'),
    }],
  },
  {
    cfnType: 'AWS::CloudFront::Distribution', kind: 'cloudfront',
    properties: [{ model: ['priceClass'], cfn: ['DistributionConfig', 'PriceClass'], awsDefault: 'PriceClass_All' }],
    note: 'Lambda@Edge: DefaultCacheBehavior.LambdaFunctionAssociations (EventType, LambdaFunctionARN of a published version)',
  },
  {
    cfnType: 'AWS::S3::Bucket', kind: 's3Bucket',
    properties: [
      { model: ['versioning'], cfn: ['VersioningConfiguration'], awsDefault: false, ...versioning },
      { model: ['eventBridgeNotifications'], cfn: ['NotificationConfiguration', 'EventBridgeConfiguration', 'EventBridgeEnabled'], awsDefault: false, fromCfn: bool },
    ],
  },
  {
    cfnType: 'AWS::Events::Rule', kind: 'eventRule', applies: (p) => !(p.ruleType === 'schedule' && p.scheduler === true),
    properties: [
      description(),
      { model: ['eventPattern'], cfn: ['EventPattern'], when: (p) => (p.ruleType ?? 'pattern') === 'pattern', ...jsonText },
      { model: ['scheduleExpression'], cfn: ['ScheduleExpression'], when: (p) => p.ruleType === 'schedule' },
      parent('EventBusName'),
    ],
    note: 'ruleType is pattern when EventPattern is set, schedule when ScheduleExpression is; targets are trigger edges (table TRIGGER_TABLES["EventBridgeTarget"])',
  },
  {
    cfnType: 'AWS::Scheduler::Schedule', kind: 'eventRule', applies: (p) => p.ruleType === 'schedule' && p.scheduler === true,
    properties: [description(), { model: ['scheduleExpression'], cfn: ['ScheduleExpression'] }],
    note: 'ruleType schedule, scheduler true',
  },
  {
    cfnType: 'AWS::Cognito::UserPool', kind: 'cognitoUserPool',
    properties: [{ model: ['mfa'], cfn: ['MfaConfiguration'], awsDefault: 'OFF' }],
    note: 'OPTIONAL / ON also set EnabledMfas: [SOFTWARE_TOKEN_MFA]',
  },
  {
    cfnType: 'AWS::Logs::LogGroup', kind: 'logGroup',
    properties: [
      { model: ['retentionInDays'], cfn: ['RetentionInDays'], awsDefault: null, fromCfn: num },
      // Always written, though STANDARD is CloudFormation's default: a class stated marks a log group of
      // its own (a node), as opposed to a function's /aws/lambda group that only holds its retention.
      { model: ['logGroupClass'], cfn: ['LogGroupClass'], fromCfn: (v) => (v === 'STANDARD' || v === 'INFREQUENT_ACCESS' ? v : undefined) },
    ],
    note: 'no Description property (it travels in Metadata); no LogGroupName: CloudFormation names it; functions point at it with LoggingConfig.LogGroup',
  },
  {
    cfnType: 'AWS::SNS::Topic', kind: 'snsTopic',
    properties: [
      { model: ['fifo'], cfn: ['FifoTopic'], awsDefault: false, fromCfn: bool },
      { model: ['contentBasedDeduplication'], cfn: ['ContentBasedDeduplication'], awsDefault: false, fromCfn: bool },
    ],
  },
  {
    cfnType: 'AWS::SQS::Queue', kind: 'sqsQueue',
    properties: [
      { model: ['fifo'], cfn: ['FifoQueue'], awsDefault: false, fromCfn: bool },
      { model: ['queueName'], cfn: ['QueueName'], awsDefault: null },
      { model: ['visibilityTimeoutSeconds'], cfn: ['VisibilityTimeout'], awsDefault: 30, fromCfn: num },
      { model: ['messageRetentionSeconds'], cfn: ['MessageRetentionPeriod'], awsDefault: 345600, fromCfn: num },
      { model: ['delaySeconds'], cfn: ['DelaySeconds'], awsDefault: 0, fromCfn: num },
      { model: ['maximumMessageSizeBytes'], cfn: ['MaximumMessageSize'], awsDefault: 1048576, fromCfn: num },
      { model: ['receiveWaitTimeSeconds'], cfn: ['ReceiveMessageWaitTimeSeconds'], awsDefault: 0, fromCfn: num },
      { model: ['contentBasedDeduplication'], cfn: ['ContentBasedDeduplication'], awsDefault: false, fromCfn: bool },
      // FIFO throughput (CFG-07): written whenever the design states it.
      { model: ['deduplicationScope'], cfn: ['DeduplicationScope'], fromCfn: (v) => (v === 'queue' || v === 'messageGroup' ? v : undefined) },
      { model: ['fifoThroughputLimit'], cfn: ['FifoThroughputLimit'], fromCfn: (v) => (v === 'perQueue' || v === 'perMessageGroupId' ? v : undefined) },
      { model: [], cfn: [], ...sqsEncryption, note: 'encryption' },
    ],
    note: 'redrive (deadLetter edge with maxReceiveCount) → RedrivePolicy { deadLetterTargetArn, maxReceiveCount }',
  },
  {
    cfnType: 'AWS::Events::EventBus', kind: 'eventBus', applies: (p) => p.busType !== 'default',
    properties: [description()],
    note: 'the default bus has no resource: it travels in the template Metadata',
  },
  {
    cfnType: 'AWS::Kinesis::Stream', kind: 'kinesisStream',
    properties: [
      { model: ['capacityMode'], cfn: ['StreamModeDetails', 'StreamMode'], awsDefault: 'provisioned', ...kinesisStreamMode },
      { model: ['shardCount'], cfn: ['ShardCount'], when: (p) => p.capacityMode !== 'onDemand', fromCfn: num },
      { model: ['retentionHours'], cfn: ['RetentionPeriodHours'], awsDefault: 24, fromCfn: num },
    ],
    note: 'enhancedFanOut → an AWS::Kinesis::StreamConsumer the Kinesis triggers read through',
  },
  {
    cfnType: 'AWS::DynamoDB::Table', kind: 'dynamoTable',
    properties: [
      { model: ['billingMode'], cfn: ['BillingMode'], ...dynamoBillingMode },
      { model: ['readCapacityUnits'], cfn: ['ProvisionedThroughput', 'ReadCapacityUnits'], when: (p) => p.billingMode === 'provisioned', fromCfn: num },
      { model: ['writeCapacityUnits'], cfn: ['ProvisionedThroughput', 'WriteCapacityUnits'], when: (p) => p.billingMode === 'provisioned', fromCfn: num },
      { model: ['streamViewType'], cfn: ['StreamSpecification', 'StreamViewType'], awsDefault: 'NONE' },
      { model: ['tableClass'], cfn: ['TableClass'], awsDefault: 'STANDARD' },
    ],
    note: 'a table has no Description property (it travels in Metadata); KeySchema is pk (S), as the model has no keys',
  },
  // ---------- network ----------
  {
    cfnType: 'AWS::EC2::VPC', kind: 'vpc',
    properties: [
      { model: ['cidr'], cfn: ['CidrBlock'] },
      { model: ['enableDnsSupport'], cfn: ['EnableDnsSupport'], awsDefault: true, fromCfn: bool },
      { model: ['enableDnsHostnames'], cfn: ['EnableDnsHostnames'], awsDefault: false, fromCfn: bool },
      { model: ['tenancy'], cfn: ['InstanceTenancy'], awsDefault: 'default' },
    ],
  },
  {
    cfnType: 'AWS::EC2::Subnet', kind: 'subnet',
    properties: [
      parent('VpcId'),
      { model: ['az'], cfn: ['AvailabilityZone'], ...availabilityZone },
      { model: ['cidr'], cfn: ['CidrBlock'] },
      { model: ['mapPublicIpOnLaunch'], cfn: ['MapPublicIpOnLaunch'], awsDefault: false, fromCfn: bool },
    ],
    note: 'each subnet has its own AWS::EC2::RouteTable and AWS::EC2::SubnetRouteTableAssociation',
  },
  {
    cfnType: 'AWS::EC2::Route', kind: 'subnet',
    properties: [
      { model: ['routeTable', 'defaultRoute'], cfn: ['GatewayId'], ref: 'one', refKinds: ['internetGateway'], awsDefault: null },
      { model: ['routeTable', 'defaultRoute'], cfn: ['NatGatewayId'], ref: 'one', refKinds: ['natGateway'], awsDefault: null },
    ],
    note: 'DestinationCidrBlock 0.0.0.0/0 in the subnet\'s route table',
  },
  {
    cfnType: 'AWS::EC2::VPCEndpoint', kind: 'vpcEndpoint',
    properties: [
      parent('VpcId'),
      // CloudFormation's default type is Gateway and its PrivateDnsEnabled default is false: both always written.
      { model: ['endpointType'], cfn: ['VpcEndpointType'], ...vpcEndpointType },
      { model: ['service'], cfn: ['ServiceName'], ...endpointServiceName },
      { model: ['subnets'], cfn: ['SubnetIds'], ref: 'many', when: (p) => p.endpointType !== 'gateway' },
      { model: ['securityGroups'], cfn: ['SecurityGroupIds'], ref: 'many', when: (p) => p.endpointType !== 'gateway' },
      { model: ['privateDnsEnabled'], cfn: ['PrivateDnsEnabled'], when: (p) => p.endpointType !== 'gateway', fromCfn: bool },
    ],
    note: 'gateway endpoints: RouteTableIds lists the route table of every subnet whose routeTable.gatewayEndpoints names it',
  },
  { cfnType: 'AWS::EC2::InternetGateway', kind: 'internetGateway', properties: [], note: 'attached to its parent VPC by AWS::EC2::VPCGatewayAttachment' },
  { cfnType: 'AWS::EC2::VPCGatewayAttachment', kind: 'internetGateway', properties: [parent('VpcId')] },
  {
    cfnType: 'AWS::EC2::NatGateway', kind: 'natGateway',
    properties: [
      parent('SubnetId'),
      { model: ['connectivity'], cfn: ['ConnectivityType'], awsDefault: 'public' },
      { model: ['elasticIp'], cfn: ['AllocationId'], awsDefault: false, when: (p) => p.connectivity !== 'private',
        note: 'true → AllocationId: !GetAtt <EIP>.AllocationId of an AWS::EC2::EIP (Domain vpc)', toCfn: () => undefined, fromCfn: (v) => v !== undefined },
    ],
  },
  {
    cfnType: 'AWS::EC2::SecurityGroup', kind: 'securityGroup',
    properties: [
      parent('VpcId'),
      { model: ['description'], cfn: ['GroupDescription'], note: 'required: the node name when the description is empty' },
    ],
    note: 'rules with a CIDR peer are inline (SecurityGroupIngress/SecurityGroupEgress); rules with a security-group peer are AWS::EC2::SecurityGroupIngress/Egress resources, which avoids cycles between groups. egress [] writes one rule that matches nothing (255.255.255.255/32, icmp 252-86), as the CDK does.',
  },
  {
    cfnType: 'AWS::EC2::SecurityGroupIngress', kind: 'securityGroup', within: ['ingress'], properties: SG_RULE('SourceSecurityGroupId'),
    note: 'a rule of props.ingress; GroupId is the owning group',
  },
  {
    cfnType: 'AWS::EC2::SecurityGroupEgress', kind: 'securityGroup', within: ['egress'], properties: SG_RULE('DestinationSecurityGroupId'),
    note: 'a rule of props.egress; GroupId is the owning group',
  },
  {
    cfnType: 'AWS::RDS::DBInstance', kind: 'rds',
    properties: [
      { model: ['engine'], cfn: ['Engine'], ...rdsEngine },
      { model: ['instanceClass'], cfn: ['DBInstanceClass'] },
      { model: ['port'], cfn: ['Port'], awsDefault: null, when: (p) => !isAurora(p), ...numberAsString },
      { model: ['publiclyAccessible'], cfn: ['PubliclyAccessible'], fromCfn: bool },
      { model: ['multiAz'], cfn: ['MultiAZ'], awsDefault: false, when: (p) => !isAurora(p), fromCfn: bool },
      { model: ['allocatedStorageGb'], cfn: ['AllocatedStorage'], when: (p) => !isAurora(p), ...numberAsString },
      { model: ['securityGroups'], cfn: ['VPCSecurityGroups'], ref: 'many', when: (p) => !isAurora(p) },
      { model: ['subnets'], cfn: ['SubnetIds'], ref: 'many', via: 'AWS::RDS::DBSubnetGroup' },
    ],
    note: 'Aurora engines: the instance(s) join an AWS::RDS::DBCluster (multiAz → a second instance); credentials from an AWS::SecretsManager::Secret',
  },
  {
    cfnType: 'AWS::RDS::DBCluster', kind: 'rds', applies: isAurora,
    properties: [
      { model: ['engine'], cfn: ['Engine'], ...rdsEngine },
      { model: ['port'], cfn: ['Port'], awsDefault: null, fromCfn: num },
      { model: ['securityGroups'], cfn: ['VpcSecurityGroupIds'], ref: 'many' },
      { model: ['subnets'], cfn: ['SubnetIds'], ref: 'many', via: 'AWS::RDS::DBSubnetGroup' },
    ],
  },
  {
    cfnType: 'AWS::RDS::DBProxy', kind: 'rdsProxy',
    properties: [
      // CloudFormation's RequireTLS default is false, the model's true: always written.
      { model: ['requireTls'], cfn: ['RequireTLS'], fromCfn: bool },
      { model: ['subnets'], cfn: ['VpcSubnetIds'], ref: 'many' },
      { model: ['securityGroups'], cfn: ['VpcSecurityGroupIds'], ref: 'many' },
    ],
    note: 'EngineFamily from the target\'s engine; Auth: the target database\'s AWS::SecretsManager::Secret; RoleArn: a role that may read it',
  },
  {
    cfnType: 'AWS::RDS::DBProxyTargetGroup', kind: 'rdsProxy',
    properties: [
      { model: ['target'], cfn: ['DBInstanceIdentifiers'], ref: 'many', note: 'a one-element list: [!Ref Database] (non-Aurora)', toCfn: (v) => (v ? [v] : undefined), fromCfn: (v) => (Array.isArray(v) ? v[0] : undefined) },
      { model: ['target'], cfn: ['DBClusterIdentifiers'], ref: 'many', note: 'a one-element list: [!Ref Cluster] (Aurora)', toCfn: (v) => (v ? [v] : undefined), fromCfn: (v) => (Array.isArray(v) ? v[0] : undefined) },
    ],
  },
  {
    cfnType: 'AWS::ElastiCache::ServerlessCache', kind: 'elasticache', applies: (p) => p.serverless === true,
    properties: [
      { model: ['description'], cfn: ['Description'], awsDefault: '' },
      { model: ['engine'], cfn: ['Engine'] },
      { model: ['securityGroups'], cfn: ['SecurityGroupIds'], ref: 'many' },
      { model: ['subnets'], cfn: ['SubnetIds'], ref: 'many' },
    ],
    note: 'ServerlessCacheName (required) is written from the node name; serverless is this table itself',
  },
  {
    cfnType: 'AWS::ElastiCache::ReplicationGroup', kind: 'elasticache', applies: (p) => p.engine !== 'memcached' && p.serverless !== true,
    properties: [
      { model: ['description'], cfn: ['ReplicationGroupDescription'], note: 'required: the node name when the description is empty' },
      { model: ['engine'], cfn: ['Engine'] },
      { model: ['nodeType'], cfn: ['CacheNodeType'] },
      { model: ['numNodes'], cfn: ['NumCacheClusters'], fromCfn: num },
      { model: ['port'], cfn: ['Port'], awsDefault: null, fromCfn: num },
      { model: ['securityGroups'], cfn: ['SecurityGroupIds'], ref: 'many' },
      { model: ['subnets'], cfn: ['SubnetIds'], ref: 'many', via: 'AWS::ElastiCache::SubnetGroup' },
    ],
    note: 'numNodes > 1 also sets AutomaticFailoverEnabled: true',
  },
  {
    cfnType: 'AWS::ElastiCache::CacheCluster', kind: 'elasticache', applies: (p) => p.engine === 'memcached' && p.serverless !== true,
    properties: [
      { model: ['engine'], cfn: ['Engine'] },
      { model: ['nodeType'], cfn: ['CacheNodeType'] },
      { model: ['numNodes'], cfn: ['NumCacheNodes'], fromCfn: num },
      { model: ['port'], cfn: ['Port'], awsDefault: null, fromCfn: num },
      { model: ['securityGroups'], cfn: ['VpcSecurityGroupIds'], ref: 'many' },
      { model: ['subnets'], cfn: ['SubnetIds'], ref: 'many', via: 'AWS::ElastiCache::SubnetGroup' },
    ],
  },
];

function SG_RULE(peerProperty: string): PropertyMapping[] {
  return [
    { model: ['protocol'], cfn: ['IpProtocol'], fromCfn: (v) => { const s = str(v); return s === undefined ? undefined : s === '6' ? 'tcp' : s === '17' ? 'udp' : s === '1' ? 'icmp' : s.toLowerCase(); } },
    { model: ['fromPort'], cfn: ['FromPort'], fromCfn: num },
    { model: ['toPort'], cfn: ['ToPort'], fromCfn: num },
    { model: ['cidr'], cfn: ['CidrIp'], awsDefault: null },
    { model: ['securityGroup'], cfn: [peerProperty], ref: 'one', awsDefault: null },
    { model: ['description'], cfn: ['Description'], awsDefault: '' },
  ];
}

/** Inline rule properties (AWS::EC2::SecurityGroup SecurityGroupIngress / SecurityGroupEgress items). */
export const SECURITY_GROUP_RULE = { ingress: SG_RULE('SourceSecurityGroupId'), egress: SG_RULE('DestinationSecurityGroupId') } as const;

export const RESOURCE_TABLES: readonly ResourceTable[] = TABLES;

/** Props whose value picks the resource type itself (an HTTP vs a REST API, Aurora vs an instance): the
 *  type says them, so they never need metadata. */
export const VARIANT_PROPS: Readonly<Record<string, readonly string[]>> = {
  apiGateway: ['apiType'], rds: ['engine'], elasticache: ['engine'], eventRule: ['ruleType', 'scheduler'], eventBus: ['busType'],
};

/** The tables for a CloudFormation type (several when a type carries a kind's settings in variants). */
export function tablesForType(cfnType: string): ResourceTable[] {
  return TABLES.filter((t) => t.cfnType === cfnType);
}

/** The table for a node kind's main resource, given its props (variants such as Aurora). */
export function tableForKind(kind: string, props: Props, cfnType?: string): ResourceTable | undefined {
  return TABLES.find((t) => t.kind === kind && (cfnType === undefined || t.cfnType === cfnType) && (t.applies?.(props) ?? true));
}

// ---------- trigger settings ↔ SAM events and their CloudFormation forms ----------

/** SAM event types the exporter writes (and the importer reads) for trigger edges. */
export type SamEventType = 'SQS' | 'Kinesis' | 'DynamoDB' | 'MSK' | 'SelfManagedKafka' | 'S3' | 'SNS' | 'Api' | 'HttpApi'
  | 'EventBridgeRule' | 'Schedule' | 'ScheduleV2' | 'Cognito';

/** Event source mapping settings, with the defaults AWS uses for that source:
 *  https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
 *  https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html
 *  https://docs.aws.amazon.com/lambda/latest/dg/with-msk-configure.html */
function mappingSettings(opts: { batchSize: number; window: boolean; stream: boolean; scaling: boolean; failures: boolean; pollers?: boolean }): PropertyMapping[] {
  const out: PropertyMapping[] = [
    { model: ['enabled'], cfn: ['Enabled'], awsDefault: true, fromCfn: bool },
    { model: ['batchSize'], cfn: ['BatchSize'], awsDefault: opts.batchSize, fromCfn: num },
    { model: ['filters'], cfn: ['FilterCriteria'], awsDefault: [], ...filterCriteria },
  ];
  if (opts.window) out.push({ model: ['maximumBatchingWindowSeconds'], cfn: ['MaximumBatchingWindowInSeconds'], awsDefault: 0, fromCfn: num });
  if (opts.stream) {
    out.push(
      { model: ['startingPosition'], cfn: ['StartingPosition'] },
      { model: ['startingPositionTimestamp'], cfn: ['StartingPositionTimestamp'], fromCfn: num },
    );
  }
  if (opts.failures) {
    out.push(
      { model: ['bisectBatchOnFunctionError'], cfn: ['BisectBatchOnFunctionError'], awsDefault: false, fromCfn: bool },
      { model: ['maximumRetryAttempts'], cfn: ['MaximumRetryAttempts'], awsDefault: -1, fromCfn: num },
      { model: ['maximumRecordAgeSeconds'], cfn: ['MaximumRecordAgeInSeconds'], awsDefault: -1, fromCfn: num },
    );
  }
  out.push({ model: ['reportBatchItemFailures'], cfn: ['FunctionResponseTypes'], awsDefault: false, ...functionResponseTypes });
  if (opts.scaling) out.push({ model: ['maximumConcurrency'], cfn: ['ScalingConfig', 'MaximumConcurrency'], fromCfn: num });
  // Provisioned mode (SAM: MSK and SelfManagedKafka events; CloudFormation: any SQS or Kafka mapping).
  if (opts.pollers) {
    out.push(
      { model: ['provisionedPollers', 'minimumPollers'], cfn: ['ProvisionedPollerConfig', 'MinimumPollers'], fromCfn: num },
      { model: ['provisionedPollers', 'maximumPollers'], cfn: ['ProvisionedPollerConfig', 'MaximumPollers'], fromCfn: num },
    );
  }
  return out;
}

const streamOnly: PropertyMapping[] = [
  { model: ['parallelizationFactor'], cfn: ['ParallelizationFactor'], awsDefault: 1, fromCfn: num },
  { model: ['tumblingWindowSeconds'], cfn: ['TumblingWindowInSeconds'], awsDefault: 0, fromCfn: num },
];

const KINESIS_LIKE = [...mappingSettings({ batchSize: 100, window: true, stream: true, scaling: false, failures: true }), ...streamOnly];

const eventRetryPolicy: PropertyMapping[] = [
  { model: ['retryPolicy', 'maximumRetryAttempts'], cfn: ['RetryPolicy', 'MaximumRetryAttempts'], awsDefault: 185, fromCfn: num },
  { model: ['retryPolicy', 'maximumEventAgeSeconds'], cfn: ['RetryPolicy', 'MaximumEventAgeInSeconds'], awsDefault: 86400, fromCfn: num },
];

/** Per SAM event type (plus the plain-CloudFormation forms), the trigger settings it carries. The
 *  reference to the source (Queue, Stream, Bucket …) and on-failure destinations are wired by the
 *  exporter (DestinationConfig.OnFailure.Destination ← a destination edge whose `via` is the trigger). */
export const TRIGGER_TABLES: Readonly<Record<SamEventType | 'EventSourceMapping' | 'SNSSubscription' | 'EventBridgeTarget', readonly PropertyMapping[]>> = {
  SQS: mappingSettings({ batchSize: 10, window: true, stream: false, scaling: true, failures: false }),
  Kinesis: KINESIS_LIKE,
  DynamoDB: KINESIS_LIKE,
  MSK: mappingSettings({ batchSize: 100, window: true, stream: true, scaling: false, failures: true, pollers: true }),
  // SAM's SelfManagedKafka event has no MaximumBatchingWindowInSeconds: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-selfmanagedkafka.html
  SelfManagedKafka: mappingSettings({ batchSize: 100, window: false, stream: true, scaling: false, failures: true, pollers: true }),
  S3: [
    { model: ['events'], cfn: ['Events'], note: 'required by SAM: s3:ObjectCreated:* when the design leaves it out' },
    { model: [], cfn: ['Filter'], ...s3KeyFilter, note: 'prefix / suffix' },
  ],
  SNS: [{ model: ['filterPolicy'], cfn: ['FilterPolicy'], ...jsonText }],
  Api: [
    { model: ['method'], cfn: ['Method'], awsDefault: 'ANY', note: 'required by SAM' },
    { model: ['path'], cfn: ['Path'], awsDefault: '/{proxy+}', note: 'required by SAM' },
  ],
  HttpApi: [
    { model: ['method'], cfn: ['Method'], awsDefault: 'ANY' },
    { model: ['path'], cfn: ['Path'], awsDefault: '/{proxy+}' },
  ],
  EventBridgeRule: [{ model: ['eventPattern'], cfn: ['Pattern'], source: true, ...jsonText }, ...eventRetryPolicy],
  Schedule: [
    { model: ['scheduleExpression'], cfn: ['Schedule'], source: true },
    { model: ['enabled'], cfn: ['State'], awsDefault: true, ...enabledState },
    ...eventRetryPolicy,
  ],
  ScheduleV2: [
    { model: ['scheduleExpression'], cfn: ['ScheduleExpression'], source: true },
    { model: ['enabled'], cfn: ['State'], awsDefault: true, ...enabledState },
    // EventBridge Scheduler's own defaults (185 attempts, 24 h): https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-retry-policy.html
    ...eventRetryPolicy,
  ],
  Cognito: [],
  EventSourceMapping: [...mappingSettings({ batchSize: 10, window: true, stream: true, scaling: true, failures: true, pollers: true }), ...streamOnly],
  SNSSubscription: [
    { model: ['rawMessageDelivery'], cfn: ['RawMessageDelivery'], awsDefault: false, fromCfn: bool },
    { model: ['filterPolicy'], cfn: ['FilterPolicy'], ...jsonText },
  ],
  EventBridgeTarget: eventRetryPolicy,
};

/** The batch size AWS uses when an EventSourceMapping leaves it out, per source kind (the
 *  EventSourceMapping table's awsDefault is SQS's). */
export const DEFAULT_BATCH_SIZE: Readonly<Record<string, number>> = { sqsQueue: 10, kinesisStream: 100, dynamoTable: 100, kafka: 100 };

// ---------- helpers both directions use ----------

export function getPath(obj: unknown, path: readonly string[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Props)[k];
  }
  return cur;
}

export function setPath(obj: Props, path: readonly string[], value: unknown): void {
  if (path.length === 0) { if (value && typeof value === 'object') Object.assign(obj, value); return; }
  let cur = obj;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[k] = {};
    cur = cur[k] as Props;
  }
  cur[path[path.length - 1]] = value;
}

/** True when a model value equals AWS's default, so the property is left out. */
export function isAwsDefault(entry: PropertyMapping, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!('awsDefault' in entry)) return false;
  return JSON.stringify(value) === JSON.stringify(entry.awsDefault);
}
