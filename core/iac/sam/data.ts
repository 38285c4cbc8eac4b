import type { NodeOfKind } from '../../model/design';
import { isAurora, proxyEngineFamily, tableForKind } from '../cfn/properties';
import { slugFor } from '../names';
import { type ExportContext, getAtt, nameTag, ref, sub } from './context';

/** Data stores: DynamoDB tables, RDS instances / Aurora clusters with their generated credentials,
 *  RDS Proxy (secret, role, target group) and ElastiCache. */
export function exportData(ctx: ExportContext): void {
  for (const table of ctx.ofKind('dynamoTable')) exportTable(ctx, table);
  for (const db of ctx.ofKind('rds')) exportDatabase(ctx, db);
  for (const proxy of ctx.ofKind('rdsProxy')) exportProxy(ctx, proxy);
  for (const cache of ctx.ofKind('elasticache')) exportCache(ctx, cache);
}

function exportTable(ctx: ExportContext, table: NodeOfKind<'dynamoTable'>): void {
  const id = ctx.id(table.id);
  ctx.add(id, {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      // The design has no key schema: a string partition key `pk` to start from.
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      ...ctx.applyTable(tableForKind('dynamoTable', table.props)!, table),
    },
  });
  ctx.output(`${id}Name`, { Description: `${table.name}: table name`, Value: ref(id) });
}

/** The secret each database's credentials live in (generated at deploy; RDS Proxy reads it too). */
const secrets = new WeakMap<ExportContext, Map<string, string>>();
export function databaseSecret(ctx: ExportContext, dbId: string): string | undefined {
  return secrets.get(ctx)?.get(dbId);
}

function subnetGroup(ctx: ExportContext, node: NodeOfKind<'rds'> | NodeOfKind<'elasticache'>, ownerId: string): string | undefined {
  const subnets = ctx.refs(node, node.props.subnets);
  if (!subnets.length) {
    ctx.warn(node, 'lists no subnets; it is created in the default VPC\'s default subnets');
    return undefined;
  }
  const id = ctx.auxId(ownerId, 'SubnetGroup');
  if (node.kind === 'rds') {
    ctx.add(id, { Type: 'AWS::RDS::DBSubnetGroup', Properties: { DBSubnetGroupDescription: `Subnets of ${node.name}`, SubnetIds: subnets, Tags: nameTag(node, 'subnet group') } });
  } else {
    ctx.add(id, { Type: 'AWS::ElastiCache::SubnetGroup', Properties: { Description: `Subnets of ${node.name}`, SubnetIds: subnets, Tags: nameTag(node, 'subnet group') } });
  }
  return id;
}

function exportDatabase(ctx: ExportContext, db: NodeOfKind<'rds'>): void {
  const id = ctx.id(db.id);
  const secret = ctx.auxId(id, 'Secret');
  if (!secrets.has(ctx)) secrets.set(ctx, new Map());
  secrets.get(ctx)!.set(db.id, secret);
  ctx.add(secret, {
    Type: 'AWS::SecretsManager::Secret',
    Properties: {
      Description: `Master credentials of ${db.name}`,
      GenerateSecretString: { SecretStringTemplate: '{"username":"dbadmin"}', GenerateStringKey: 'password', PasswordLength: 32, ExcludeCharacters: '"@/\\\'' },
    },
  });
  const credentials = {
    MasterUsername: sub(`{{resolve:secretsmanager:\${${secret}}:SecretString:username}}`),
    MasterUserPassword: sub(`{{resolve:secretsmanager:\${${secret}}:SecretString:password}}`),
  };
  const group = subnetGroup(ctx, db, id);
  const table = tableForKind('rds', db.props, 'AWS::RDS::DBInstance')!;
  if (isAurora(db.props)) {
    const clusterProps = ctx.applyTable(tableForKind('rds', db.props, 'AWS::RDS::DBCluster')!, db);
    ctx.add(id, {
      Type: 'AWS::RDS::DBCluster', DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot',
      Properties: { ...clusterProps, ...credentials, ...(group ? { DBSubnetGroupName: ref(group) } : {}), Tags: nameTag(db) },
    });
    const instances = db.props.multiAz ? 2 : 1;
    for (let i = 1; i <= instances; i += 1) {
      ctx.add(ctx.auxId(id, `Instance ${i}`), {
        Type: 'AWS::RDS::DBInstance',
        Properties: { ...ctx.applyTable(table, db), DBClusterIdentifier: ref(id), ...(group ? { DBSubnetGroupName: ref(group) } : {}), Tags: nameTag(db, `instance ${i}`) },
      });
    }
    ctx.output(`${id}Endpoint`, { Description: `${db.name}: writer endpoint`, Value: getAtt(id, 'Endpoint.Address') });
  } else {
    ctx.add(id, {
      Type: 'AWS::RDS::DBInstance', DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot',
      Properties: { ...ctx.applyTable(table, db), ...credentials, ...(group ? { DBSubnetGroupName: ref(group) } : {}), Tags: nameTag(db) },
    });
    ctx.output(`${id}Endpoint`, { Description: `${db.name}: endpoint`, Value: getAtt(id, 'Endpoint.Address') });
  }
}

/** DB proxy names: letters, digits and single hyphens, starting with a letter, at most 63:
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-rds-dbproxy.html#cfn-rds-dbproxy-dbproxyname */
const proxyName = (name: string) => `proxy-${slugFor(name, 'db')}`.slice(0, 63).replace(/-+$/, '');

function exportProxy(ctx: ExportContext, proxy: NodeOfKind<'rdsProxy'>): void {
  const id = ctx.id(proxy.id);
  const target = ctx.has(proxy.props.target) ? ctx.node(proxy.props.target) : null;
  const secret = target ? databaseSecret(ctx, target.id) : undefined;
  if (!target || target.kind !== 'rds' || !secret) {
    ctx.warn(proxy, 'has no target database; the proxy needs one, so it is left out of the template');
    return;
  }
  const family = proxyEngineFamily(target.props.engine);
  if (!family) {
    ctx.warn(proxy, `RDS Proxy does not support the ${target.props.engine} engine of "${target.name}"; the proxy is left out`);
    return;
  }
  const role = ctx.auxId(id, 'Role');
  ctx.add(role, {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'rds.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      Policies: [{ PolicyName: 'ReadDatabaseSecret', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ref(secret) }] } }],
    },
  });
  ctx.add(id, {
    Type: 'AWS::RDS::DBProxy',
    Properties: {
      DBProxyName: proxyName(proxy.name),
      EngineFamily: family,
      RoleArn: getAtt(role, 'Arn'),
      Auth: [{ AuthScheme: 'SECRETS', SecretArn: ref(secret), IAMAuth: 'DISABLED' }],
      ...ctx.applyTable(tableForKind('rdsProxy', proxy.props)!, proxy),
      Tags: [{ Key: 'Name', Value: proxy.name }],
    },
  });
  if (!proxy.props.subnets.length) ctx.warn(proxy, 'lists no subnets; RDS Proxy needs at least two in different AZs');
  const aurora = isAurora(target.props);
  ctx.add(ctx.auxId(id, 'TargetGroup'), {
    Type: 'AWS::RDS::DBProxyTargetGroup',
    Properties: { DBProxyName: ref(id), TargetGroupName: 'default', [aurora ? 'DBClusterIdentifiers' : 'DBInstanceIdentifiers']: [ref(ctx.id(target.id))] },
  });
  ctx.output(`${id}Endpoint`, { Description: `${proxy.name}: proxy endpoint`, Value: getAtt(id, 'Endpoint') });
}

function exportCache(ctx: ExportContext, cache: NodeOfKind<'elasticache'>): void {
  const id = ctx.id(cache.id);
  const table = tableForKind('elasticache', cache.props)!;
  if (cache.props.serverless === true) {
    // ElastiCache Serverless: no subnet group, no node type; its name is required (1-40 characters, a letter first).
    const props = ctx.applyTable(table, cache);
    const name = `${/^[a-z]/.test(slugFor(cache.name, 'cache')) ? '' : 'c-'}${slugFor(cache.name, 'cache')}`.slice(0, 40).replace(/-+$/, '');
    ctx.add(id, { Type: 'AWS::ElastiCache::ServerlessCache', Properties: { ServerlessCacheName: name, ...props } });
    ctx.output(`${id}Endpoint`, { Description: `${cache.name}: endpoint`, Value: getAtt(id, 'Endpoint.Address') });
    return;
  }
  const group = subnetGroup(ctx, cache, id);
  const props = ctx.applyTable(table, cache);
  if (group) props.CacheSubnetGroupName = ref(group);
  if (cache.props.engine === 'memcached') {
    ctx.add(id, { Type: 'AWS::ElastiCache::CacheCluster', Properties: { ...props, Tags: nameTag(cache) } });
    ctx.output(`${id}Endpoint`, { Description: `${cache.name}: configuration endpoint`, Value: getAtt(id, 'ConfigurationEndpoint.Address') });
    return;
  }
  props.ReplicationGroupDescription = cache.props.description || cache.name;
  if (!cache.props.description) ctx.meta(id).description = '';
  if (cache.props.numNodes > 1) props.AutomaticFailoverEnabled = true;
  ctx.add(id, { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { ...props, Tags: nameTag(cache) } });
  ctx.output(`${id}Endpoint`, { Description: `${cache.name}: primary endpoint`, Value: getAtt(id, 'PrimaryEndPoint.Address') });
}
