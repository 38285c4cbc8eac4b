import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../../core/pricing';
import { compare } from '../../../core/pricing/compare';
import { load, template, templateDoc } from '../network/designs';

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
    expect(c.difference.toFixed()).toBe('-2.6499985');
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
    expect(c.difference.toFixed(4)).toBe('-32.7352');
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
});
