import type { EdgeOfKind, NodeOfKind } from '../../model/design';
import type { Props } from '../cfn/properties';
import { type ExportContext, getAtt, ref, sub } from './context';
import { kafkaClusterParam } from './events';
import { busName } from './messaging';

/** Least-privilege policies of one function, from its `access` and `invoke` edges: SAM policy
 *  templates where one fits (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html),
 *  IAM statements where none does. DLQs, destinations and event sources need nothing here: SAM adds
 *  those permissions itself from DeadLetterQueue, EventInvokeConfig (with Type) and Events. */
export function functionPolicies(ctx: ExportContext, fn: NodeOfKind<'lambda'>, extra: Props[]): unknown[] {
  const policies: unknown[] = [];
  const statements: Props[] = [...extra];
  const seen = new Set<string>();
  const add = (p: unknown) => { const k = JSON.stringify(p); if (!seen.has(k)) { seen.add(k); policies.push(p); } };
  for (const e of ctx.from(fn.id, 'access')) accessPolicy(ctx, fn, e, add, statements);
  for (const e of ctx.from(fn.id, 'invoke')) add({ LambdaInvokePolicy: { FunctionName: ref(ctx.id(e.to)) } });
  if (statements.length) policies.push({ Version: '2012-10-17', Statement: statements });
  return policies;
}

function accessPolicy(ctx: ExportContext, fn: NodeOfKind<'lambda'>, e: EdgeOfKind<'access'>, add: (p: unknown) => void, statements: Props[]): void {
  const target = ctx.node(e.to);
  const id = ctx.id(target.id);
  const mode = e.props.mode;
  const reads = mode === 'read' || mode === 'readWrite';
  const writes = mode === 'write' || mode === 'readWrite' || mode === 'publish' || mode === 'invoke';
  switch (target.kind) {
    case 'dynamoTable':
      add(mode === 'read' ? { DynamoDBReadPolicy: { TableName: ref(id) } } : mode === 'write' ? { DynamoDBWritePolicy: { TableName: ref(id) } } : { DynamoDBCrudPolicy: { TableName: ref(id) } });
      return;
    case 's3Bucket': {
      const name = ctx.bucketNames.get(target.id) ?? ref(id);
      if (e.props.prefix && !reads) {
        // Writes under one prefix only (keeps a bucket trigger from looping, INV-14): no template says that.
        statements.push({ Effect: 'Allow', Action: ['s3:PutObject', 's3:AbortMultipartUpload'], Resource: sub(`arn:\${AWS::Partition}:s3:::\${Name}/${escapeSub(e.props.prefix)}*`, { Name: name }) });
        return;
      }
      add(mode === 'read' ? { S3ReadPolicy: { BucketName: name } } : mode === 'write' ? { S3WritePolicy: { BucketName: name } } : { S3CrudPolicy: { BucketName: name } });
      return;
    }
    case 'sqsQueue':
      if (reads) add({ SQSPollerPolicy: { QueueName: getAtt(id, 'QueueName') } });
      if (writes) add({ SQSSendMessagePolicy: { QueueName: getAtt(id, 'QueueName') } });
      return;
    case 'snsTopic':
      add({ SNSPublishMessagePolicy: { TopicName: getAtt(id, 'TopicName') } });
      return;
    case 'eventBus':
      add({ EventBridgePutEventsPolicy: { EventBusName: busName(ctx, target.id) } });
      return;
    case 'kinesisStream':
      add(mode === 'read' ? { KinesisStreamReadPolicy: { StreamName: ref(id) } } : { KinesisCrudPolicy: { StreamName: ref(id) } });
      return;
    case 'stepFunction':
      add({ StepFunctionsExecutionPolicy: { StateMachineName: getAtt(id, 'Name') } });
      return;
    case 'awsService':
      statements.push(serviceStatement(target.props.service, reads, writes));
      return;
    case 'kafka':
      if (target.props.flavor === 'msk' && target.props.auth === 'iam') {
        const actions = ['kafka-cluster:Connect', 'kafka-cluster:DescribeTopic', ...(writes ? ['kafka-cluster:WriteData'] : []), ...(reads ? ['kafka-cluster:ReadData', 'kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'] : [])];
        const cluster = ref(kafkaClusterParam(ctx, target));
        statements.push({ Effect: 'Allow', Action: actions, Resource: [cluster, sub('arn:${AWS::Partition}:kafka:${AWS::Region}:${AWS::AccountId}:*/*')] });
      }
      return;
    case 'rdsProxy':
    case 'rds':
    case 'elasticache':
    case 'externalEndpoint':
      // A network connection: security groups and routes carry it, not IAM.
      return;
    default:
      ctx.warn(fn, `has access to ${target.kind} "${target.name}", which has no IAM permission in SAM; left out`);
  }
}

/** `${` in a Sub string is a variable: a literal one is written `${!`. */
const escapeSub = (text: string) => text.replace(/\$\{/g, '${!');

/** A statement for an AWS API the design names only by service (Secrets Manager, SSM, KMS …). Known
 *  services get their read actions; anything else its read-style actions or all, scoped to the account. */
function serviceStatement(service: string, reads: boolean, writes: boolean): Props {
  const KNOWN: Record<string, { read: string[]; write: string[]; resource?: string }> = {
    secretsmanager: { read: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], write: ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecret'], resource: 'secret:*' },
    ssm: { read: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'], write: ['ssm:PutParameter'], resource: 'parameter/*' },
    kms: { read: ['kms:Decrypt', 'kms:DescribeKey'], write: ['kms:Encrypt', 'kms:GenerateDataKey'], resource: 'key/*' },
    sts: { read: ['sts:GetCallerIdentity'], write: ['sts:AssumeRole'] },
  };
  const known = KNOWN[service];
  const actions = known
    ? [...(reads || !writes ? known.read : []), ...(writes ? known.write : [])]
    : [...(reads || !writes ? [`${service}:Get*`, `${service}:List*`, `${service}:Describe*`] : []), ...(writes ? [`${service}:*`] : [])];
  return { Effect: 'Allow', Action: [...new Set(actions)], Resource: service === 'sts' ? '*' : sub(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${known?.resource ?? '*'}`) };
}
