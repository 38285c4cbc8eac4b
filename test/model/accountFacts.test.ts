import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { formatProblem, parseDesign, serializeDesign } from '../../core/model';
import { boundedForAnalysis } from '../../core/model/bounded';
import { minimalDoc, text } from '../support/designs';

/** Issue 14, bullet 6: facts the model can now say, each validated with its JSON path. */
describe('design.account (Lambda concurrency quota and other reservations)', () => {
  const withAccount = (account: unknown, reserved = 800) => {
    const doc = minimalDoc();
    (doc.nodes as Record<string, unknown>[])[0].props = { reservedConcurrency: reserved };
    return parseDesign(text({ ...doc, account }));
  };

  it('is written back as read, and a design without it is written without it', () => {
    const r = withAccount({ id: '123456789012', concurrencyLimit: 3000, otherReservedConcurrency: 250 });
    expect(r.ok && r.problems).toEqual([]);
    if (!r.ok) return;
    expect(JSON.parse(serializeDesign(r.design)).account).toEqual({ id: '123456789012', concurrencyLimit: 3000, otherReservedConcurrency: 250 });
    const plain = parseDesign(text(minimalDoc()));
    expect(plain.ok && 'account' in JSON.parse(serializeDesign(plain.design))).toBe(false);
  });

  it('loads a quota outside the range as written, names $.account.concurrencyLimit, and the analysis uses it clamped', () => {
    const r = withAccount({ concurrencyLimit: 0 }, 50);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual(['$.account.concurrencyLimit: concurrencyLimit is 0; AWS allows at least 1; the analysis uses 1']);
    expect(r.design.account?.concurrencyLimit).toBe(0);
    expect(boundedForAnalysis(r.design).account?.concurrencyLimit).toBe(1);
    // 50 reserved against a quota of 1 (clamped from 0): Lambda refuses it.
    expect(analyze(r.design).findings.map((f) => f.ruleId)).toContain('CONC-01');
  });

  it('refuses an account ID that is not 12 digits, naming its path', () => {
    const r = withAccount({ id: '1234' });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path)).toEqual(['$.account.id']);
    expect(r.problems[0].message).toMatch(/12-digit/);
  });

  it('CONC-01 counts the reservations of the account\'s other functions and its stated quota', () => {
    const ids = (account: unknown, reserved: number) => {
      const r = withAccount(account, reserved);
      return r.ok ? analyze(r.design).findings.filter((f) => f.ruleId === 'CONC-01').length : -1;
    };
    expect(ids(undefined, 800)).toBe(0);
    expect(ids({ otherReservedConcurrency: 150 }, 800)).toBe(1);
    expect(ids({ concurrencyLimit: 800 }, 800)).toBe(1);
    expect(ids({ concurrencyLimit: 20000, otherReservedConcurrency: 5000 }, 800)).toBe(0);
  });
});

describe('account and Region on a node (CFG-12 co-location)', () => {
  const withQueue = (props: Record<string, unknown>) => parseDesign(text(minimalDoc({
    nodes: [{ id: 'fn', kind: 'lambda', name: 'resize' }, { id: 'q', kind: 'sqsQueue', name: 'jobs', props }],
  })));

  it('refuses a Region or account that is not in AWS\'s form, naming the JSON path and the node', () => {
    const region = withQueue({ region: 'Ireland' });
    expect(region.ok).toBe(false);
    expect(region.problems.map(formatProblem)).toEqual([expect.stringMatching(/^\$\.nodes\[1\]\.props\.region \(node "jobs"\): expected an AWS Region such as eu-west-1/)]);
    const account = withQueue({ account: '12345' });
    expect(account.problems.map((p) => p.path)).toEqual(['$.nodes[1].props.account']);
  });

  it('a queue in another Region than its function is a CFG-12 error on the trigger; in another account of the same Region it is not', () => {
    const cfg12 = (props: Record<string, unknown>) => {
      const r = withQueue(props);
      return r.ok ? analyze(r.design).findings.filter((f) => f.ruleId === 'CFG-12').map((f) => `${f.severity} ${f.target.id}`) : ['not loaded'];
    };
    expect(cfg12({ region: 'eu-west-1' })).toEqual(['error e1']);
    expect(cfg12({ account: '111122223333' })).toEqual([]);
    expect(cfg12({ account: '111122223333', encryption: 'aws-managed-kms' })).toEqual(['error e1']);
    expect(cfg12({ region: 'us-east-1' })).toEqual([]);
  });
});

describe('provisioned pollers, Kafka partitions, DynamoDB stream shards: AWS ranges with their JSON paths', () => {
  it('loads values outside the range as written with a range problem at their path', () => {
    const r = parseDesign(text(minimalDoc({
      nodes: [{ id: 'fn', kind: 'lambda', name: 'resize' }, { id: 'q', kind: 'sqsQueue', name: 'jobs' }, { id: 't', kind: 'dynamoTable', name: 'orders', props: { streamViewType: 'NEW_IMAGE', streamShards: 0 } }],
      edges: [{ id: 'e1', kind: 'trigger', from: 'q', to: 'fn', props: { provisionedPollers: { minimumPollers: 0, maximumPollers: 5000 } } }],
    })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual([
      '$.edges[0].props.provisionedPollers.maximumPollers',
      '$.edges[0].props.provisionedPollers.minimumPollers',
      '$.nodes[2].props.streamShards',
    ]);
    expect(r.problems.find((p) => p.path.endsWith('maximumPollers'))?.message).toBe('maximumPollers is 5000; AWS allows at most 2000; the analysis uses 2000');
  });
});

describe('a subnet sharing another subnet\'s route table (routeTableOf)', () => {
  const doc = (routeTableOf: string, extra: Record<string, unknown>[] = []) => text(minimalDoc({
    nodes: [
      { id: 'vpc', kind: 'vpc', name: 'main' }, { id: 'vpc2', kind: 'vpc', name: 'other' },
      { id: 'a', kind: 'subnet', name: 'private-a', parent: 'vpc' },
      { id: 'b', kind: 'subnet', name: 'private-b', parent: 'vpc', props: { routeTableOf } },
      { id: 'x', kind: 'subnet', name: 'elsewhere', parent: 'vpc2' },
      ...extra,
    ],
    edges: [],
  }));
  const problems = (routeTableOf: string, extra?: Record<string, unknown>[]) => {
    const r = parseDesign(doc(routeTableOf, extra));
    return r.ok ? r.problems.map((p) => `${p.path}: ${p.message}`) : ['not loaded'];
  };

  it('loads a reference to another subnet of the VPC without a problem', () => {
    expect(problems('a')).toEqual([]);
  });

  it('names the JSON path when it points at itself, another VPC\'s subnet, a subnet that shares in turn, or nothing', () => {
    expect(problems('b')).toEqual(['$.nodes[3].props.routeTableOf: a subnet cannot share its own route table; remove routeTableOf']);
    expect(problems('x')).toEqual(['$.nodes[3].props.routeTableOf: subnet "elsewhere" is in another VPC; a route table serves subnets of its own VPC only']);
    expect(problems('c', [{ id: 'c', kind: 'subnet', name: 'private-c', parent: 'vpc', props: { routeTableOf: 'a' } }])).toEqual(['$.nodes[3].props.routeTableOf: subnet "private-c" itself uses another subnet\'s route table; name the subnet that holds the table']);
    expect(problems('gone')).toEqual(['$.nodes[3].props.routeTableOf: refers to "gone", which is not a node of this design']);
  });
});
