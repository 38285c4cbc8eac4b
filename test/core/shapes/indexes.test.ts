import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stronglyConnected } from '../../../core/graph/scc';
import { cidrsOverlap, nextFreeSubnet, parseCidr } from '../../../core/model/cidr';
import type { NodeOfKind } from '../../../core/model/design';
import { earlierOverlaps, freeBlockFix } from '../../../core/rules/net/support';
import type { DesignIndex } from '../../../core/graph';
import type { SecurityGroupRule } from '../../../core/model/kinds';
import { cidrCovers, securityGroupsAllow, type Peer } from '../../../core/semantics';

/* The indexes issue 13's complexity fixes rest on, against the plain quadratic definitions they
 * replace, on random inputs (fast-check, fixed seed). */

const subnet = (i: number, cidr: string) => ({ id: `s${i}`, kind: 'subnet', name: `s${i}`, props: { cidr, az: 'a', routeTable: { defaultRoute: null, gatewayEndpoints: [] }, mapPublicIpOnLaunch: false, description: '' } }) as unknown as NodeOfKind<'subnet'>;
const vpc = (cidr: string) => ({ id: 'v', kind: 'vpc', name: 'v', props: { cidr } }) as unknown as NodeOfKind<'vpc'>;

/** Blocks in 10.0.0.0/22 .. 10.0.3.255 and a little outside, many nested, repeated and malformed. */
const cidrArb = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 20, max: 32 })).map(([c, d, bits]) => `10.0.${c}.${d}/${bits}`),
  fc.constantFrom('10.0.0.0/16', '10.0.0.0/22', '10.0.1.0/24', '10.0.1.0/24', '10.1.0.0/24', '9.0.0.0/8', 'nonsense'),
);

/** The old definitions: every earlier subnet compared with each one; the free block with the subnet left out. */
const pairwise = (subnets: NodeOfKind<'subnet'>[]) => subnets.map((s, i) => subnets.slice(0, i).filter((o) => cidrsOverlap(o.props.cidr, s.props.cidr)));
function oldFix(v: NodeOfKind<'vpc'>, subnets: NodeOfKind<'subnet'>[], s: NodeOfKind<'subnet'>): string | undefined {
  const bits = parseCidr(s.props.cidr)?.bits;
  return nextFreeSubnet(v.props.cidr, subnets.filter((o) => o.id !== s.id).map((o) => o.props.cidr), bits !== undefined && bits >= (parseCidr(v.props.cidr)?.bits ?? 33) ? bits : undefined);
}

describe('subnet block indexes (NET-18, NET-19)', () => {
  it('earlierOverlaps counts and names the same earlier subnets as comparing every pair', () => {
    fc.assert(fc.property(fc.array(cidrArb, { maxLength: 40 }), (cidrs) => {
      const subnets = cidrs.map((c, i) => subnet(i, c));
      const got = earlierOverlaps(subnets, 5);
      pairwise(subnets).forEach((clashes, i) => {
        expect(got[i].count).toBe(clashes.length);
        expect(got[i].first.map((s) => s.id)).toEqual(clashes.slice(0, 5).map((s) => s.id));
      });
    }), { seed: 13, numRuns: 300 });
  });

  it('freeBlockFix suggests the block the old search over all other subnets found', () => {
    fc.assert(fc.property(fc.constantFrom('10.0.0.0/22', '10.0.0.0/24', '10.0.1.0/24'), fc.array(cidrArb, { minLength: 1, maxLength: 30 }), (vpcCidr, cidrs) => {
      const v = vpc(vpcCidr);
      const subnets = cidrs.map((c, i) => subnet(i, c));
      for (const s of subnets) {
        const old = oldFix(v, subnets, s);
        const text = freeBlockFix(v, subnets, s);
        expect(text).toContain(old === undefined ? 'has no free block' : `such as ${old} (the lowest free one)`);
      }
    }), { seed: 13, numRuns: 300 });
  });

  it('names at most `shown` subnets and still counts 5,000 identical blocks', () => {
    const subnets = Array.from({ length: 5000 }, (_, i) => subnet(i, '10.0.1.0/24'));
    const got = earlierOverlaps(subnets, 10);
    expect(got[4999].count).toBe(4999);
    expect(got[4999].first.map((s) => s.id)).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`));
    expect(got[0].count).toBe(0);
  });
});

describe('stronglyConnected (iterative Tarjan)', () => {
  it('puts two vertices in one component exactly when each reaches the other', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }))), ([n, edges]) => {
      const succ = Array.from({ length: n }, () => [] as number[]);
      for (const [a, b] of edges) succ[a].push(b);
      const reach = succ.map((_, s) => {
        const seen = new Set([s]);
        const todo = [s];
        while (todo.length) for (const w of succ[todo.pop()!]) if (!seen.has(w)) { seen.add(w); todo.push(w); }
        return seen;
      });
      const { component, components } = stronglyConnected(n, (v) => succ[v]);
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) expect(component[a] === component[b]).toBe(reach[a].has(b) && reach[b].has(a));
      expect(components.flat().sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
      // Reverse topological order: an edge never leads to a later component.
      for (const [a, b] of edges) expect(component[b]).toBeLessThanOrEqual(component[a]);
    }), { seed: 13, numRuns: 300 });
  });

  it('walks a chain of 100,000 vertices without a deep call stack', () => {
    const { components } = stronglyConnected(100_000, (v) => (v + 1 < 100_000 ? [v + 1] : [0]));
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(100_000);
  });
});

describe('security group rules indexed by peer (long rule lists)', () => {
  const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];
  /** The plain definition: the first rule in order that matches, else the first prefix-list rule. */
  function reference(groups: Record<string, SecurityGroupRule[]>, ids: string[], port: number, peer: Peer) {
    const proto = (r: SecurityGroupRule) => r.protocol === '-1' || (r.protocol === 'tcp' && r.fromPort <= port && port <= r.toPort);
    const matches = (r: SecurityGroupRule) => {
      if (!proto(r)) return false;
      if (r.securityGroup !== null) return peer.securityGroups.includes(r.securityGroup);
      if (r.cidr === null) return false;
      if (peer.cidrs.includes('0.0.0.0/0')) return !PRIVATE.some((p) => cidrCovers(p, r.cidr!));
      return peer.cidrs.length > 0 && peer.cidrs.every((c) => cidrCovers(r.cidr!, c));
    };
    let listed: { group: string; rule: SecurityGroupRule } | undefined;
    for (const id of ids) {
      const rules = groups[id];
      if (!rules) continue;
      const rule = rules.find(matches);
      if (rule) return { group: id, rule };
      listed ??= ((r) => (r ? { group: id, rule: r } : undefined))(rules.find((r) => r.prefixList !== null && proto(r)));
    }
    return listed;
  }
  const peerGroup = fc.constantFrom('sg-a', 'sg-b', 'sg-c', 'sg-d');
  const rule = fc.record({
    protocol: fc.constantFrom('tcp', 'udp', '-1'),
    fromPort: fc.constantFrom(0, 80, 443, 5432),
    span: fc.constantFrom(0, 100, 65535),
    peer: fc.oneof(peerGroup.map((g) => ({ securityGroup: g, cidr: null, prefixList: null })), fc.constantFrom('10.0.0.0/16', '10.0.1.0/24', '0.0.0.0/0', '8.8.8.0/24').map((c) => ({ securityGroup: null, cidr: c, prefixList: null })), fc.constant({ securityGroup: null, cidr: null, prefixList: 'pl-12345678' })),
  }).map(({ protocol, fromPort, span, peer }) => ({ protocol, fromPort, toPort: Math.min(65535, fromPort + span), description: '', ...peer }) as SecurityGroupRule);

  it('finds the same rule as scanning every rule', () => {
    fc.assert(fc.property(fc.array(rule, { minLength: 16, maxLength: 60 }), fc.array(rule, { maxLength: 20 }), fc.constantFrom(80, 443, 5432, 22), fc.subarray(['sg-a', 'sg-b', 'sg-c', 'sg-d']), fc.constantFrom([], ['10.0.1.0/24'], ['0.0.0.0/0']),
      (long, short, port, peerGroups, cidrs) => {
        const groups: Record<string, SecurityGroupRule[]> = { long, short };
        const index = { node: (id: string) => (groups[id] ? { id, kind: 'securityGroup', props: { ingress: groups[id], egress: groups[id] } } : undefined) } as unknown as DesignIndex;
        const peer = { securityGroups: peerGroups, cidrs };
        const got = securityGroupsAllow(index, ['short', 'long'], 'ingress', port, peer);
        const want = reference(groups, ['short', 'long'], port, peer);
        expect(got.allowed).toBe(want !== undefined);
        expect(got.by?.rule).toBe(want?.rule);
        expect(got.by?.group).toBe(want?.group);
      }), { seed: 13, numRuns: 400 });
  });
});
