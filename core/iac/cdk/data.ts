import type { NodeOfKind } from '../../model/design';
import { proxyEngineFamily } from '../cfn/properties';
import { slugFor } from '../names';
import { type CdkContext, duration, LIMITS } from './context';
import { subnetSelection } from './network';
import { type Expr, arr, bool, call, constStmt, construct, id, member, nonNull, num, obj, str } from './writer';

/** Tables, buckets, streams, user pools, databases, proxies and caches. */
export function exportData(ctx: CdkContext): void {
  for (const t of ctx.ofKind('dynamoTable')) {
    const p = t.props;
    const provisioned = p.billingMode === 'provisioned';
    ctx.add('data', constStmt(ctx.varName(t.id), ctx.create('dynamodb', 'Table', ctx.cid(t.id), obj({
      partitionKey: obj({ name: str('pk'), type: ctx.ns('dynamodb', 'AttributeType', 'STRING') }),
      billingMode: ctx.ns('dynamodb', 'BillingMode', provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST'),
      readCapacity: provisioned ? num(p.readCapacityUnits) : undefined,
      writeCapacity: provisioned ? num(p.writeCapacityUnits) : undefined,
      stream: p.streamViewType !== 'NONE' ? ctx.ns('dynamodb', 'StreamViewType', p.streamViewType) : undefined,
      tableClass: p.tableClass !== 'STANDARD' ? ctx.ns('dynamodb', 'TableClass', p.tableClass) : undefined,
    })), 'The design has no key schema: a string partition key named pk.'));
    ctx.declared.add(t.id);
  }

  for (const b of ctx.ofKind('s3Bucket')) {
    ctx.add('data', constStmt(ctx.varName(b.id), ctx.create('s3', 'Bucket', ctx.cid(b.id), obj({
      versioned: b.props.versioning ? bool(true) : undefined,
      eventBridgeEnabled: b.props.eventBridgeNotifications ? bool(true) : undefined,
    }))));
    ctx.declared.add(b.id);
  }

  for (const s of ctx.ofKind('kinesisStream')) {
    const p = s.props;
    const onDemand = p.capacityMode === 'onDemand';
    ctx.add('data', constStmt(ctx.varName(s.id), ctx.create('kinesis', 'Stream', ctx.cid(s.id), obj({
      streamMode: onDemand ? ctx.ns('kinesis', 'StreamMode', 'ON_DEMAND') : undefined,
      shardCount: onDemand ? undefined : num(p.shardCount),
      retentionPeriod: p.retentionHours !== 24 ? duration(ctx, p.retentionHours * 3600) : undefined,
    }))));
    ctx.declared.add(s.id);
    if (p.enhancedFanOut) {
      const consumer = ctx.auxVar(`${ctx.varName(s.id)} consumer`);
      ctx.add('data', constStmt(consumer, ctx.create('kinesis', 'StreamConsumer', ctx.auxId(ctx.cid(s.id), 'Consumer'), obj({
        stream: ctx.v(s.id), streamConsumerName: str(`${ctx.cid(s.id).slice(0, LIMITS.consumerName - 8)}Consumer`),
      })), 'Enhanced fan-out: the functions read through this consumer.'));
      ctx.consumers.set(s.id, consumer);
    }
  }

  for (const pool of ctx.ofKind('cognitoUserPool')) {
    const mfa = pool.props.mfa;
    ctx.add('data', constStmt(ctx.varName(pool.id), ctx.create('cognito', 'UserPool', ctx.cid(pool.id), obj({
      mfa: mfa !== 'OFF' ? ctx.ns('cognito', 'Mfa', mfa === 'ON' ? 'REQUIRED' : 'OPTIONAL') : undefined,
      mfaSecondFactor: mfa !== 'OFF' ? obj({ sms: bool(false), otp: bool(true) }) : undefined,
    }))));
    ctx.declared.add(pool.id);
  }

  for (const db of ctx.ofKind('rds')) exportDatabase(ctx, db);
  for (const proxy of ctx.ofKind('rdsProxy')) exportProxy(ctx, proxy);
  for (const cache of ctx.ofKind('elasticache')) exportCache(ctx, cache);
}

/** The design names no engine version: each engine gets the newest version aws-cdk-lib 2.276 lists. */
const VERSION_NOTE = 'The design names no engine version: the newest this aws-cdk-lib lists.';
function engineOf(ctx: CdkContext, engine: string): Expr {
  const versioned = (factory: string, versionClass: string, version: string) =>
    call(ctx.ns('rds', engine.startsWith('aurora') ? 'DatabaseClusterEngine' : 'DatabaseInstanceEngine', factory), obj({ version: ctx.ns('rds', versionClass, version) }));
  switch (engine) {
    case 'aurora-postgresql': return versioned('auroraPostgres', 'AuroraPostgresEngineVersion', 'VER_17_9');
    case 'aurora-mysql': return versioned('auroraMysql', 'AuroraMysqlEngineVersion', 'VER_3_12_0');
    case 'mysql': return versioned('mysql', 'MysqlEngineVersion', 'VER_8_4_10');
    case 'mariadb': return versioned('mariaDb', 'MariaDbEngineVersion', 'VER_11_8_6');
    case 'sqlserver': return versioned('sqlServerEx', 'SqlServerEngineVersion', 'VER_16_00_4236_2_V1');
    case 'oracle': return versioned('oracleSe2', 'OracleEngineVersion', 'VER_21_0_0_0_2025_07_R1');
    default: return versioned('postgres', 'PostgresEngineVersion', 'VER_17_9');
  }
}

function instanceType(ctx: CdkContext, instanceClass: string): Expr {
  return construct(ctx.ns('ec2', 'InstanceType'), str(instanceClass.replace(/^(db|cache)\./, '')));
}

function exportDatabase(ctx: CdkContext, db: NodeOfKind<'rds'>): void {
  const p = db.props;
  if (!db.parent || !ctx.declared.has(db.parent)) { ctx.warn(db, 'is not inside a VPC of this design; RDS needs one, so it is left out'); return; }
  const vpc = ctx.v(db.parent);
  const subnets = ctx.refs(db, p.subnets);
  const sgs = ctx.refs(db, p.securityGroups);
  const common = {
    vpc,
    vpcSubnets: subnets.length ? subnetSelection(ctx, subnets) : undefined,
    securityGroups: sgs.length ? arr(sgs) : undefined,
    port: p.port !== null ? num(p.port) : undefined,
  };
  if (p.engine.startsWith('aurora')) {
    const instance = (name: string) => call(ctx.ns('rds', 'ClusterInstance', 'provisioned'), str(name), obj({ instanceType: instanceType(ctx, p.instanceClass), publiclyAccessible: bool(p.publiclyAccessible) }));
    ctx.add('data', constStmt(ctx.varName(db.id), ctx.create('rds', 'DatabaseCluster', ctx.cid(db.id), obj({
      engine: engineOf(ctx, p.engine),
      writer: instance('writer'),
      // multiAz: a reader in another AZ to fail over to.
      readers: p.multiAz ? arr([instance('reader')]) : undefined,
      ...common,
    })), VERSION_NOTE));
  } else {
    ctx.add('data', constStmt(ctx.varName(db.id), ctx.create('rds', 'DatabaseInstance', ctx.cid(db.id), obj({
      engine: engineOf(ctx, p.engine),
      instanceType: instanceType(ctx, p.instanceClass),
      allocatedStorage: num(p.allocatedStorageGb),
      multiAz: p.multiAz ? bool(true) : undefined,
      publiclyAccessible: bool(p.publiclyAccessible),
      ...common,
    })), VERSION_NOTE));
  }
  ctx.declared.add(db.id);
}

function exportProxy(ctx: CdkContext, proxy: NodeOfKind<'rdsProxy'>): void {
  const p = proxy.props;
  const target = p.target;
  if (!proxy.parent || !ctx.declared.has(proxy.parent)) { ctx.warn(proxy, 'is not inside a VPC of this design; left out'); return; }
  if (!target || !ctx.declared.has(target)) { ctx.warn(proxy, 'has no target database in this export; left out'); return; }
  const db = ctx.node(target) as NodeOfKind<'rds'>;
  if (!proxyEngineFamily(db.props.engine)) { ctx.warn(proxy, `RDS Proxy does not support ${db.props.engine}; left out`); return; }
  const aurora = db.props.engine.startsWith('aurora');
  const subnets = ctx.refs(proxy, p.subnets);
  const sgs = ctx.refs(proxy, p.securityGroups);
  ctx.add('data', constStmt(ctx.varName(proxy.id), ctx.create('rds', 'DatabaseProxy', ctx.cid(proxy.id), obj({
    proxyTarget: call(ctx.ns('rds', 'ProxyTarget', aurora ? 'fromCluster' : 'fromInstance'), ctx.v(target)),
    // The credentials the database generated; the proxy reads them from Secrets Manager.
    secrets: arr([nonNull(member(ctx.v(target), 'secret'))]),
    vpc: ctx.v(proxy.parent),
    vpcSubnets: subnets.length ? subnetSelection(ctx, subnets) : undefined,
    securityGroups: sgs.length ? arr(sgs) : undefined,
    requireTLS: bool(p.requireTls),
  }))));
  ctx.declared.add(proxy.id);
}

/** ElastiCache has no L2 construct in aws-cdk-lib: L1 subnet group and cluster / replication group. */
function exportCache(ctx: CdkContext, cache: NodeOfKind<'elasticache'>): void {
  const p = cache.props;
  const subnets = ctx.refs(cache, p.subnets);
  const sgs = ctx.refs(cache, p.securityGroups);
  if (p.serverless === true) {
    // ElastiCache Serverless: L1, no subnet group or node type; the name is required (a letter first, at most 40).
    const slug = slugFor(cache.name, 'cache');
    ctx.add('data', constStmt(ctx.varName(cache.id), ctx.create('elasticache', 'CfnServerlessCache', ctx.cid(cache.id), obj({
      serverlessCacheName: str(`${/^[a-z]/.test(slug) ? '' : 'c-'}${slug}`.slice(0, 40).replace(/-+$/, '')),
      engine: str(p.engine),
      description: p.description ? str(p.description) : undefined,
      subnetIds: subnets.length ? arr(subnets.map((s) => member(s, 'subnetId'))) : undefined,
      securityGroupIds: sgs.length ? arr(sgs.map((s) => member(s, 'securityGroupId'))) : undefined,
    }))));
    ctx.declared.add(cache.id);
    return;
  }
  let subnetGroup: Expr | undefined;
  if (subnets.length) {
    const name = ctx.auxVar(`${ctx.varName(cache.id)} subnet group`);
    ctx.add('data', constStmt(name, ctx.create('elasticache', 'CfnSubnetGroup', ctx.auxId(ctx.cid(cache.id), 'SubnetGroup'), obj({
      description: str(`Subnets of ${cache.name}`),
      subnetIds: arr(subnets.map((s) => member(s, 'subnetId'))),
    }))));
    subnetGroup = member(id(name), 'ref');
  }
  const sgIds = sgs.length ? arr(sgs.map((s) => member(s, 'securityGroupId'))) : undefined;
  if (p.engine === 'memcached') {
    ctx.add('data', constStmt(ctx.varName(cache.id), ctx.create('elasticache', 'CfnCacheCluster', ctx.cid(cache.id), obj({
      engine: str('memcached'),
      cacheNodeType: str(p.nodeType),
      numCacheNodes: num(p.numNodes),
      port: p.port !== null ? num(p.port) : undefined,
      cacheSubnetGroupName: subnetGroup,
      vpcSecurityGroupIds: sgIds,
    }))));
  } else {
    ctx.add('data', constStmt(ctx.varName(cache.id), ctx.create('elasticache', 'CfnReplicationGroup', ctx.cid(cache.id), obj({
      replicationGroupDescription: str(p.description || cache.name),
      engine: str(p.engine),
      cacheNodeType: str(p.nodeType),
      numCacheClusters: num(p.numNodes),
      automaticFailoverEnabled: p.numNodes > 1 ? bool(true) : undefined,
      // The design has no in-transit encryption setting; Valkey needs it said: off, CloudFormation's default for Redis.
      transitEncryptionEnabled: p.engine === 'valkey' ? bool(false) : undefined,
      port: p.port !== null ? num(p.port) : undefined,
      cacheSubnetGroupName: subnetGroup,
      securityGroupIds: sgIds,
    }))));
  }
  ctx.declared.add(cache.id);
}

