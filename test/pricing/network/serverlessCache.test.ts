import { describe, expect, it } from 'vitest';
import { cost, linesOf, load } from './designs';

/** Issue 14, bullet 6: ElastiCache Serverless priced per GB-hour stored and per ECPU (pricing.md
 *  P98-P100, us-east-1: Valkey $0.084/GB-hour and $0.0023 per million ECPUs; Redis OSS $0.125/GB-hour). */
const design = (props: Record<string, unknown>, usage: Record<string, unknown> = {}) => load({
  format: 'serverless-design', schemaVersion: 2, name: 'cache', region: 'us-east-1',
  nodes: [{ id: 'vpc', kind: 'vpc', name: 'VPC' }, { id: 'cache', kind: 'elasticache', name: 'Sessions', parent: 'vpc', props: { serverless: true, ...props } }],
  edges: [],
  usage: { active: 'expected', profiles: { expected: { nodes: { cache: usage } } } },
});

describe('ElastiCache Serverless estimator', () => {
  it('Valkey: 5 GB × 730 h × $0.084 = $306.60, and 100 million 2-KB requests = 200 million ECPUs × $0.0023/M = $0.46; no node-hours', () => {
    const lines = linesOf(cost(design({ engine: 'valkey' }, { storageGb: 5, requestsPerMonth: 100_000_000, avgPayloadKb: 2 })), 'cache');
    expect(Object.keys(lines).sort()).toEqual(['Data stored (serverless)', 'ECPUs (serverless)']);
    expect(lines['Data stored (serverless)'].quantity.toFixed()).toBe('3650');
    expect(lines['Data stored (serverless)'].monthly.toFixed(2)).toBe('306.60');
    expect(lines['ECPUs (serverless)'].quantity.toFixed()).toBe('200000000');
    expect(lines['ECPUs (serverless)'].monthly.toFixed(2)).toBe('0.46');
  });

  it('bills the metered minimum when less is entered: Redis OSS 1 GB (× 730 h × $0.125 = $91.25), Valkey 100 MB', () => {
    const redis = linesOf(cost(design({ engine: 'redis' }, { storageGb: 0.2 })), 'cache')['Data stored (serverless)'];
    expect(redis.monthly.toFixed(2)).toBe('91.25');
    expect(redis.volumeFrom).toContain('raised to the metered minimum of 1 GB');
    const valkey = linesOf(cost(design({ engine: 'valkey' })), 'cache')['Data stored (serverless)'];
    expect(valkey.quantity.toFixed()).toBe('73');
    expect(valkey.volumeFrom).toContain('no storageGb entered');
  });

  it('the same cache node-based is priced per node-hour instead', () => {
    const lines = linesOf(cost(design({ engine: 'valkey', serverless: false, nodeType: 'cache.m4.large' }, { storageGb: 5 })), 'cache');
    expect(Object.keys(lines)).toContain('Cache node-hours (cache.m4.large)');
    expect(Object.keys(lines)).not.toContain('Data stored (serverless)');
  });
});
