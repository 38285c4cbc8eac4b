import { NODE_KINDS, type NodeKind } from '../core/model/kinds';

/** Other words people use for a kind ("queue" → SQS), searched as well as its name and id. */
export const KIND_ALIASES: Partial<Record<NodeKind, readonly string[]>> = {
  lambda: ['function', 'fn', 'compute', 'serverless'],
  stepFunction: ['state machine', 'workflow', 'sfn', 'orchestration'],
  apiGateway: ['api', 'rest', 'http', 'websocket', 'endpoint'],
  alb: ['load balancer', 'elb', 'lb'],
  cloudfront: ['cdn', 'distribution'],
  s3Bucket: ['bucket', 'storage', 'object', 'files'],
  eventRule: ['schedule', 'cron', 'rule', 'timer'],
  cognitoUserPool: ['auth', 'login', 'users', 'identity'],
  snsTopic: ['topic', 'pub/sub', 'pubsub', 'notification', 'fan-out'],
  sqsQueue: ['queue', 'message queue', 'fifo'],
  eventBus: ['eventbridge', 'bus', 'events'],
  kinesisStream: ['stream', 'kinesis'],
  kafka: ['msk', 'stream'],
  dynamoTable: ['dynamodb', 'table', 'nosql', 'database', 'db'],
  rds: ['database', 'db', 'postgres', 'mysql', 'aurora', 'sql'],
  rdsProxy: ['proxy', 'connection pool'],
  elasticache: ['cache', 'redis', 'memcached', 'valkey'],
  logGroup: ['logs', 'cloudwatch'],
  externalEndpoint: ['https', 'third party', 'partner', 'external api', 'saas'],
  awsService: ['secrets manager', 'sts', 'kms', 'service'],
  vpc: ['network'],
  subnet: ['network'],
  natGateway: ['nat'],
  internetGateway: ['igw'],
  securityGroup: ['sg', 'firewall'],
  vpcEndpoint: ['privatelink', 'endpoint'],
};

/** The kinds matching typed text, best first: a name starting with the text, then a name or alias
 *  containing it. Blank text matches nothing (the palette then shows every kind by category). */
export function searchKinds(text: string): NodeKind[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const scored: { kind: NodeKind; score: number; order: number }[] = [];
  NODE_KINDS.forEach((k, order) => {
    const label = k.label.toLowerCase();
    const aliases = (KIND_ALIASES[k.kind] ?? []).map((a) => a.toLowerCase());
    const score = label.startsWith(q) ? 0
      : aliases.some((a) => a === q) ? 1
        : aliases.some((a) => a.startsWith(q)) || label.split(/[^a-z0-9]+/).some((w) => w.startsWith(q)) ? 2
          : label.includes(q) || k.kind.toLowerCase().includes(q) || aliases.some((a) => a.includes(q)) ? 3 : -1;
    if (score >= 0) scored.push({ kind: k.kind, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.kind);
}
