import { describe, expect, it } from 'vitest';
import { catalogFor, estimateCost, SUPPORTED_REGIONS, type CostReport } from '../../core/pricing';
import { template } from './network/designs';
import { cost, design, line } from './serverless/helpers';

/** The design of issue 10 built from empty: HTTP API → function → SQS → function → DynamoDB, no usage. */
const fromEmpty = (usage: Parameters<typeof design>[2] = {}) => design(
  [['apiGateway', 'api', { apiType: 'http' }], ['lambda', 'place'], ['sqsQueue', 'q'], ['lambda', 'write'], ['dynamoTable', 'tbl']],
  [['trigger', 'e1', 'api', 'place'], ['access', 'e2', 'place', 'q', { mode: 'write' }], ['trigger', 'e3', 'q', 'write'], ['access', 'e4', 'write', 'tbl', { mode: 'readWrite' }]],
  usage,
);

describe('a Region without a catalog degrades per line', () => {
  /** Lines per node: priced, needing input, or unpriced for want of a price (not whole-node "all" lines). */
  const linesPerNode = (r: CostReport) => {
    const count = new Map<string, number>();
    for (const l of [...r.components, ...r.needsInput, ...r.unpriced.filter((u) => u.component !== 'all')]) count.set(l.node, (count.get(l.node) ?? 0) + 1);
    return Object.fromEntries([...count].sort());
  };

  it('every estimator still runs: each priced line of the us-east-1 estimate is a "no price in xx-foo-1 for <key>" line', () => {
    const d = template('rest-api');
    const home = estimateCost(d);
    const away = estimateCost(d, { region: 'xx-foo-1' });
    expect(away.components).toEqual([]);
    expect(away.monthlyTotal.isZero()).toBe(true);
    expect(linesPerNode(away)).toEqual(linesPerNode(home));
    const keys = new Set(home.components.map((c) => c.priceKey));
    for (const u of away.unpriced.filter((x) => !home.unpriced.includes(x) && x.component !== 'all')) {
      const key = /^no price in xx-foo-1 for (\S+)$/.exec(u.reason)?.[1];
      expect(key, `${u.nodeName} · ${u.component}: ${u.reason}`).toBeDefined();
      // The same prices, but for log ingestion: without the Lambda vended-logs price the function's logs fall back to the standard one.
      expect(keys.has(key!) || key === 'logs.ingestion', key).toBe(true);
    }
    // Kinds the catalogs never price keep their own reason (Cognito here).
    for (const u of home.unpriced) expect(away.unpriced).toContainEqual(u);
    expect([away.regionHasCatalog, home.regionHasCatalog]).toEqual([false, true]);
    expect(away.catalogRegions).toEqual(SUPPORTED_REGIONS);
    expect(away.catalog).toEqual({ version: 'none', asOf: 'none' });
    expect(away.notes.at(-1)).toBe(`No price catalog for xx-foo-1: each line says "no price in xx-foo-1 for <price>" and is not in the total. Regions with catalogs: ${SUPPORTED_REGIONS.join(', ')}.`);
  });

  it('the conventions without a catalog are the default catalog\'s (730 h), the price date "none"', () => {
    const r = estimateCost(template('rest-api'), { region: 'xx-foo-1' });
    expect(r.conventions).toMatchObject({ hoursPerMonth: catalogFor('us-east-1')!.hoursPerMonth, priceDate: 'none', catalogVersion: 'none', kbPerGb: 1024 * 1024 });
  });

  it.each(SUPPORTED_REGIONS)('%s: a key missing from the catalog is one "no price" line; nothing else of the design is lost', (region) => {
    const d = template('vpc-rds-external-api');
    const here = estimateCost(d, { region });
    const prices = catalogFor(region)!.prices;
    expect(linesPerNode(here)).toEqual(linesPerNode(estimateCost(d)));
    for (const c of here.components) expect(prices[c.priceKey], c.priceKey).toBeDefined();
    for (const u of here.unpriced) {
      const key = new RegExp(`^no price in ${region} for (\\S+)$`).exec(u.reason)?.[1];
      if (key) expect(prices[key], `${u.nodeName} · ${u.component}`).toBeUndefined();
    }
  });
});

describe('needs input instead of a silent $0', () => {
  it('issue 10: built from empty, the design prices only the idle SQS polls and every traffic line needs input, naming the API', () => {
    const r = cost(fromEmpty());
    // The only priced line is the fixed cost of the queue's pollers, independent of traffic.
    expect(r.components.map((c) => `${c.node} · ${c.component}`)).toEqual(['q · Empty long polls by "write"']);
    expect(r.needsInput.map((n) => `${n.node} · ${n.component}`)).toEqual([
      'api · Requests', 'place · Requests', 'place · Duration', 'q · Send requests', 'q · Receive requests by "write"', 'q · Delete requests by "write"',
      'write · Requests', 'write · Duration', 'tbl · Write request units', expect.stringMatching(/^tbl · Read request units/), 'tbl · Storage',
    ]);
    expect(r.needsInput[0]).toEqual({ node: 'api', nodeName: 'api', component: 'Requests', hint: 'no traffic entered — enter requests/month at "api"', enterAt: [{ node: 'api', nodeName: 'api', field: 'requestsPerMonth' }] });
    // Every traffic line, two functions and a queue downstream, names the one source.
    for (const n of r.needsInput.filter((x) => x.component !== 'Storage')) expect(n.enterAt[0]).toEqual({ node: 'api', nodeName: 'api', field: 'requestsPerMonth' });
    expect(r.needsInput.find((n) => n.node === 'write' && n.component === 'Duration')).toMatchObject({
      hint: 'no traffic or duration entered — enter requests/month at "api", and average duration (ms) at "write"',
      enterAt: [{ node: 'api', field: 'requestsPerMonth' }, { node: 'write', field: 'avgDurationMs' }],
    });
    expect(r.needsInput.find((n) => n.node === 'tbl' && n.component === 'Write request units')!.enterAt.map((e) => `${e.node}.${e.field}`)).toEqual(['api.requestsPerMonth', 'tbl.writeRequestUnitsPerMonth']);
  });

  it('entering requests at the API prices the lines; a function without a duration still needs it, at the function', () => {
    const r = cost(fromEmpty({ nodes: { api: { requestsPerMonth: 1_000_000 }, place: { avgDurationMs: 120 } } }));
    expect(line(r, 'api', 'Requests').quantity.toNumber()).toBe(1_000_000);
    expect(line(r, 'place', 'Duration').quantity.isZero()).toBe(false);
    expect(r.needsInput.map((n) => [`${n.node} · ${n.component}`, n.hint])).toEqual([
      ['place · CloudWatch Logs', 'no logs per invocation entered — enter logs per invocation (KB) at "place"'],
      ['write · Duration', 'no duration entered — enter average duration (ms) at "write"'],
      ['write · CloudWatch Logs', 'no logs per invocation entered — enter logs per invocation (KB) at "write"'],
      ['tbl · Storage', 'no storage entered — enter storage (GB) at "tbl"'],
    ]);
    expect(r.monthlyTotal.gt(cost(fromEmpty()).monthlyTotal)).toBe(true);
  });

  it('two sources, none entered: the hint names both', () => {
    const r = cost(design([['apiGateway', 'a'], ['apiGateway', 'b'], ['lambda', 'fn']], [['trigger', 'x', 'a', 'fn'], ['trigger', 'y', 'b', 'fn']], { nodes: { fn: { avgDurationMs: 10 } } }));
    expect(r.needsInput.find((n) => n.node === 'fn' && n.component === 'Requests')).toMatchObject({
      hint: 'no traffic entered — enter requests/month at "a" or "b"', enterAt: [{ node: 'a' }, { node: 'b' }],
    });
  });

  it('a rule on a bus: the volume is entered at the bus (its parent)', () => {
    const r = cost(design([['eventBus', 'bus'], ['eventRule', 'rule', {}, 'bus'], ['lambda', 'fn']], [['trigger', 't', 'rule', 'fn']], { nodes: { fn: { avgDurationMs: 10 } } }));
    expect(r.needsInput.find((n) => n.node === 'fn' && n.component === 'Requests')!.enterAt).toEqual([{ node: 'bus', nodeName: 'bus', field: 'requestsPerMonth' }]);
  });

  it.each([['s3Bucket', 'Storage'], ['dynamoTable', 'Storage']])('%s: storage not entered needs input at the node; storage entered as 0 is a $0 line', (kind, component) => {
    const at = (usage: Record<string, number>) => cost(design([[kind as 's3Bucket', 'b']], [], { nodes: { b: usage } }));
    expect(at({ requestsPerMonth: 1000 }).needsInput.filter((n) => n.component.startsWith(component))).toEqual([
      { node: 'b', nodeName: 'b', component, hint: 'no storage entered — enter storage (GB) at "b"', enterAt: [{ node: 'b', nodeName: 'b', field: 'storageGb' }] },
    ]);
    const zero = at({ requestsPerMonth: 1000, storageGb: 0 });
    expect(zero.needsInput.filter((n) => n.component.startsWith(component))).toEqual([]);
    expect(zero.components.find((c) => c.component.startsWith(component))?.monthly.isZero()).toBe(true);
  });

  it('a function that logs nothing entered: its logs need input (logs per invocation), not an unpriced line', () => {
    const r = cost(design([['apiGateway', 'api'], ['lambda', 'fn']], [['trigger', 'e', 'api', 'fn']], { nodes: { api: { requestsPerMonth: 1000 }, fn: { avgDurationMs: 10 } } }));
    expect(r.unpriced).toEqual([]);
    expect(r.needsInput).toEqual([expect.objectContaining({ node: 'fn', enterAt: [{ node: 'fn', nodeName: 'fn', field: 'logKbPerInvocation' }], hint: 'no logs per invocation entered — enter logs per invocation (KB) at "fn"' })]);
  });

  it('zero-price lines stay components: SNS → SQS deliveries with no traffic are a $0 line, not "needs input"', () => {
    const r = cost(design([['snsTopic', 't'], ['sqsQueue', 'q']], [['trigger', 's', 't', 'q']]));
    expect(r.components.map((c) => c.component)).toContain('Deliveries to SQS "q" (no charge)');
    expect(r.needsInput.map((n) => n.component)).toEqual(['Publish requests', 'Send requests']);
  });

  it('fixed monthly charges never need input: NAT gateway hours and provisioned concurrency with no traffic', () => {
    const nat = estimateCost(template('vpc-rds-external-api'), { profile: 'none-such' });
    expect(nat.components.filter((c) => c.component === 'NAT gateway hours')).toHaveLength(2);
    expect(nat.needsInput.some((n) => /hours/.test(n.component))).toBe(false);
    const pc = cost(design([['lambda', 'fn', { provisionedConcurrency: 2, publish: { alias: 'live' } }]]));
    expect(pc.components.map((c) => c.component)).toContain('Provisioned concurrency');
    expect(pc.needsInput.map((n) => n.component)).toEqual(['Requests', 'Duration on provisioned concurrency']);
  });

  it('a NAT gateway with nothing routed: needs GB processed entered at it when the design has no traffic at all (a gateway nothing reaches while traffic is entered stays a $0 line: natGateway.test.ts, broken path)', () => {
    const d = template('vpc-rds-external-api');
    const none = estimateCost(d, { profile: 'none-such' });
    expect(none.needsInput.find((n) => n.node === 'nat-a' && n.component === 'Data processed')).toEqual({
      node: 'nat-a', nodeName: 'NAT gateway A', component: 'Data processed', hint: 'no data processed entered — enter data processed (GB/month) at "NAT gateway A"', enterAt: [{ node: 'nat-a', nodeName: 'NAT gateway A', field: 'gbProcessedPerMonth' }],
    });
    // The expected profile routes traffic through both gateways: their data lines are priced, none needs input.
    expect(estimateCost(d).needsInput.filter((n) => n.node.startsWith('nat-'))).toEqual([]);
  });

  it('a line that is 0 because of the design, with traffic entered upstream, stays a $0 component (a dead-letter queue with no failures)', () => {
    const r = cost(design([['sqsQueue', 'q'], ['sqsQueue', 'dlq'], ['lambda', 'fn']], [['trigger', 't', 'q', 'fn'], ['deadLetter', 'r', 'q', 'dlq']], { nodes: { q: { requestsPerMonth: 1000 }, fn: { avgDurationMs: 10 } } }));
    expect(r.needsInput.filter((n) => n.node === 'dlq')).toEqual([]);
  });
});

describe('conventions stated and selectable', () => {
  it('the report states hours a month, the granularity of what it prices, tiering, price date, catalog and KB per GB', () => {
    const r = estimateCost(template('rest-api'));
    const catalog = catalogFor('us-east-1')!;
    expect(r.conventions).toMatchObject({ hoursPerMonth: 730, priceDate: catalog.asOf, catalogVersion: catalog.version, kbPerGb: 1048576 });
    expect(r.conventions.billingGranularity).toContain('Lambda duration per 1 ms (the average duration rounded up)');
    expect(r.conventions.billingGranularity).toContain('API Gateway REST per request');
    expect(r.conventions.billingGranularity.some((g) => g.startsWith('SQS'))).toBe(false);
    expect(r.conventions.tiering).toMatch(/this design only/);
    const http = estimateCost(template('sns-fan-out'));
    expect(http.conventions.billingGranularity).toEqual(expect.arrayContaining(['API Gateway HTTP per 512 KB (each request in 512 KB increments)', 'SQS per 64 KB chunk of each request']));
  });

  it('720 hours (pricing.md convention 1): NAT gateway hours 720 × the hourly price instead of 730 ×', () => {
    const d = template('vpc-rds-external-api');
    const hourly = catalogFor('us-east-1')!.prices['vpc.natGateway.hours'].tiers[0].usd;
    const at730 = estimateCost(d).components.find((c) => c.node === 'nat-a' && c.component === 'NAT gateway hours')!;
    const at720 = estimateCost(d, { hoursPerMonth: 720 }).components.find((c) => c.node === 'nat-a' && c.component === 'NAT gateway hours')!;
    expect([at730.quantity.toNumber(), at720.quantity.toNumber()]).toEqual([730, 720]);
    expect(at720.monthly.toFixed()).toBe(at720.quantity.times(hourly).toFixed());
    expect(at730.monthly.minus(at720.monthly).toFixed()).toBe(at730.quantity.minus(720).times(hourly).toFixed());
    expect(estimateCost(d, { hoursPerMonth: 720 }).conventions.hoursPerMonth).toBe(720);
  });

  it('720 hours: a rate(1 hour) schedule fires 720 times, and the function it triggers is invoked 720 times', () => {
    const d = design([['eventRule', 'tick', { ruleType: 'schedule', scheduleExpression: 'rate(1 hour)' }], ['lambda', 'fn']], [['trigger', 't', 'tick', 'fn']], { nodes: { fn: { avgDurationMs: 100 } } });
    expect(line(cost(d, { hoursPerMonth: 720 }), 'fn', 'Requests').quantity.toNumber()).toBe(720);
    expect(line(cost(d), 'fn', 'Requests').quantity.toNumber()).toBe(730);
  });
});
