import { describe, expect, it } from 'vitest';
import { catalogFor, dec, estimateCost, sum, type Dec } from '../../../core/pricing';
import { compare } from '../../../core/pricing/compare';
import { load, template, templateDoc } from '../network/designs';
import { design } from '../serverless/helpers';

type Node = { id: string; kind: string; props: Record<string, unknown>; name: string };

/** templates/rest-api with its API switched to HTTP and its function to `architecture`. */
function restApiVariant(apiType: string, architecture: string) {
  const doc = templateDoc('rest-api');
  for (const n of doc.nodes as Node[]) {
    if (n.kind === 'apiGateway') n.props.apiType = apiType;
    if (n.kind === 'lambda') n.props.architecture = architecture;
  }
  return load(doc);
}

describe('compare', () => {
  it('templates/rest-api against a copy with apiType http and architecture arm64: the API requests save $2.50 a month', () => {
    // expected profile: 1,000,000 requests; REST $3.50 per million (P25), HTTP $1.00 (P23). The
    // template's function is arm64 already, so its lines are unchanged.
    const a = estimateCost(template('rest-api'));
    const b = estimateCost(restApiVariant('http', 'arm64'));
    const c = compare(a, b);
    const requests = c.components.find((d) => d.node === 'api-items' && d.component === 'Requests')!;
    expect([requests.a.monthly.toFixed(2), requests.b.monthly.toFixed(2), requests.difference.toFixed(2)]).toEqual(['3.50', '1.00', '-2.50']);
    expect(requests.a.priceKey).toBe('apigateway.rest.requests');
    expect(requests.b.priceKey).toBe('apigateway.http.requests');
    expect(c.exactDifference.toFixed()).toBe('-2.5');
    expect(c.difference.toFixed()).toBe('-2.5');
    expect(c.components[0]).toBe(requests);
    expect(c.components.filter((d) => !d.difference.isZero())).toHaveLength(1);
    expect(c.onlyInA).toEqual([]);
    expect(c.onlyInB).toEqual([]);
  });

  it('from x86_64 and REST: the HTTP API saves $2.50 and arm64 $0.1499985 (45,000 GB-s × (0.0000166667 − 0.0000133334))', () => {
    const c = compare(estimateCost(restApiVariant('rest', 'x86_64')), estimateCost(restApiVariant('http', 'arm64')));
    const by = Object.fromEntries(c.components.map((d) => [`${d.node} ${d.component}`, d.difference.toFixed()]));
    expect(by['api-items Requests']).toBe('-2.5');
    expect(by['fn-items Duration']).toBe('-0.1499985');
    expect(by['fn-items Requests']).toBe('0');
    expect(c.exactDifference.toFixed()).toBe('-2.6499985');
    // Shown: the rounded totals' difference; the duration line −$0.15 (0.6000030 → 0.4500045 rounds 0.60 → 0.45).
    expect(c.difference.toFixed(2)).toBe(c.shownTotals.b.minus(c.shownTotals.a).toFixed(2));
    expect(c.components.find((d) => d.node === 'fn-items' && d.component === 'Duration')!.shownDifference.toFixed(2)).toBe('-0.15');
    expect(c.components.map((d) => d.component).slice(0, 2)).toEqual(['Requests', 'Duration']);
  });

  it('components on one side only: one NAT gateway instead of two', () => {
    const doc = templateDoc('vpc-rds-external-api');
    doc.nodes = (doc.nodes as Node[]).filter((n) => n.id !== 'nat-b');
    for (const n of doc.nodes as Node[]) if (n.id === 'sn-private-b') n.props.routeTable = { defaultRoute: 'nat-a' };
    const c = compare(estimateCost(template('vpc-rds-external-api')), estimateCost(load(doc)));
    expect(c.onlyInA.map((l) => `${l.node} ${l.component}`)).toEqual(['nat-b NAT gateway hours', 'nat-b Data processed']);
    expect(c.onlyInB.map((l) => `${l.node} ${l.component}`)).toEqual(['nat-a Cross-AZ data transfer']);
    // NAT A now processes both AZs' traffic: + 5.741119384765625 GB × $0.045.
    expect(c.components.find((d) => d.node === 'nat-a' && d.component === 'Data processed')!.difference.toFixed()).toBe('0.258350372314453125');
    // One NAT gateway-hour line fewer ($32.85) against the extra cross-AZ transfer (11.48 GB × $0.01).
    expect(c.exactDifference.toFixed(4)).toBe('-32.7352');
  });

  it('matches a node by name when the other design gave it another id', () => {
    const doc = templateDoc('rest-api');
    for (const n of doc.nodes as Node[]) if (n.id === 'fn-items') n.id = 'fn-items-v2';
    for (const e of doc.edges as { from: string; to: string }[]) { if (e.from === 'fn-items') e.from = 'fn-items-v2'; if (e.to === 'fn-items') e.to = 'fn-items-v2'; }
    const usage = doc.usage as { profiles: Record<string, { nodes: Record<string, unknown> }> };
    for (const p of Object.values(usage.profiles)) { p.nodes['fn-items-v2'] = p.nodes['fn-items']; delete p.nodes['fn-items']; }
    const c = compare(estimateCost(template('rest-api')), estimateCost(load(doc)));
    expect(c.onlyInA).toEqual([]);
    expect(c.onlyInB).toEqual([]);
    expect(c.components.find((d) => d.nodeName === 'Items handler' && d.component === 'Duration')?.b.node).toBe('fn-items-v2');
    expect(c.difference.isZero()).toBe(true);
  });

  it('one design under two profiles, and under two regions (with a note that the catalogs differ)', () => {
    const design = template('vpc-rds-external-api');
    const profiles = compare(estimateCost(design, { profile: 'low' }), estimateCost(design, { profile: 'peak' }));
    expect(profiles.difference.isPositive()).toBe(true);
    expect(profiles.components.find((d) => d.node === 'nat-a' && d.component === 'NAT gateway hours')!.difference.isZero()).toBe(true);
    const regions = compare(estimateCost(design), estimateCost(design, { region: 'eu-west-1' }));
    // NAT gateway-hours: 730 × ($0.048 − $0.045) = $2.19 per gateway.
    expect(regions.components.find((d) => d.node === 'nat-b' && d.component === 'NAT gateway hours')!.difference.toFixed(2)).toBe('2.19');
    expect(regions.notes[0]).toBe('The two sides use different price catalogs (A us-east-1 2026.11.0 of 2026-09-06, B eu-west-1 2026.11.0 of 2026-10-01).');
  });

  /** Two functions billed for requests only (no duration or logs entered: those need input and are
   *  in neither total), with request counts giving chosen amounts at the catalog's price. */
  const requestsOnly = (amounts: [string, string]) => {
    const price = dec(catalogFor('us-east-1')!.prices['lambda.requests'].tiers[0].usd);
    const [f, g] = amounts.map((a) => dec(a).div(price).toNumber());
    return estimateCost(design([['lambda', 'f'], ['lambda', 'g']], [], { nodes: { f: { requestsPerMonth: f }, g: { requestsPerMonth: g } } }));
  };

  it('rounded (default): $0.006 → $0.004 shows $0.01 → $0.00, a difference of −$0.01 — not the exact −$0.002, which rounds to $0.00 — and a rounding line makes the per-line differences add up', () => {
    const a = requestsOnly(['0.003', '0.003']);
    const b = requestsOnly(['0.003', '0.001']);
    expect([a.monthlyTotal.toFixed(), b.monthlyTotal.toFixed()]).toEqual(['0.006', '0.004']);
    const c = compare(a, b);
    expect(c.mode).toBe('rounded');
    expect([c.shownTotals.a.toFixed(2), c.shownTotals.b.toFixed(2)]).toEqual(['0.01', '0.00']);
    expect(c.difference.toFixed(2)).toBe('-0.01');
    expect(c.exactDifference.toFixed()).toBe('-0.002');
    expect(c.exactDifference.toDecimalPlaces(2).isZero()).toBe(true);
    // Each line is $0.00 on both sides once rounded: the −$0.01 is all rounding.
    expect(c.components.map((d) => d.shownDifference.toFixed(2))).toEqual(['0.00', '0.00']);
    expect(c.rounding.toFixed(2)).toBe('-0.01');
    expect(sum([...c.components.map((d) => d.shownDifference), c.rounding]).toFixed(2)).toBe(c.difference.toFixed(2));
  });

  it('exact: totals, differences and lines unrounded, no rounding residual', () => {
    const c = compare(requestsOnly(['0.003', '0.003']), requestsOnly(['0.003', '0.001']), { roundedTotals: false });
    expect(c.mode).toBe('exact');
    expect([c.shownTotals.a.toFixed(), c.shownTotals.b.toFixed(), c.difference.toFixed()]).toEqual(['0.006', '0.004', '-0.002']);
    expect(c.components.find((d) => d.node === 'g')!.shownDifference.toFixed()).toBe('-0.002');
    expect(c.rounding.isZero()).toBe(true);
  });

  it('rounded: lines on one side only count in the sum (B-only added, A-only taken away)', () => {
    const doc = templateDoc('vpc-rds-external-api');
    doc.nodes = (doc.nodes as Node[]).filter((n) => n.id !== 'nat-b');
    for (const n of doc.nodes as Node[]) if (n.id === 'sn-private-b') n.props.routeTable = { defaultRoute: 'nat-a' };
    const c = compare(estimateCost(template('vpc-rds-external-api')), estimateCost(load(doc)));
    const cents = (d: Dec) => d.toDecimalPlaces(2);
    const perLine = sum([
      ...c.components.map((d) => d.shownDifference), ...c.onlyInB.map((l) => cents(l.monthly)), ...c.onlyInA.map((l) => cents(l.monthly).negated()), c.rounding,
    ]);
    expect(perLine.toFixed(2)).toBe(c.difference.toFixed(2));
    expect(c.difference.toFixed(2)).toBe(cents(c.b.monthlyTotal).minus(cents(c.a.monthlyTotal)).toFixed(2));
  });

  it('needs-input lines on one side only are listed, and a note says they are in neither total', () => {
    const a = estimateCost(design([['lambda', 'f']], [], { nodes: { f: { requestsPerMonth: 1000, avgDurationMs: 10, logKbPerInvocation: 1 } } }));
    const b = estimateCost(design([['lambda', 'f']], [], { nodes: { f: { requestsPerMonth: 1000 } } }));
    const c = compare(a, b);
    expect(c.needsInputOnlyInB.map((n) => n.component)).toEqual(['Duration', 'CloudWatch Logs']);
    expect(c.onlyInA.map((l) => l.component)).toEqual(expect.arrayContaining(['Duration']));
    expect(c.notes).toContain('Components that need input (no usage entered) are not in either total.');
  });
});
