import { describe, expect, it } from 'vitest';
import { createNode, type NodeOfKind } from '../../core/model';
import { aclAllows, aclPassesConnection } from '../../core/semantics/networkAcls';

/** Issue 14, bullet 6: network ACLs are stateless, numbered, first match wins, no match denies. */
const subnet = (networkAcl?: unknown) => createNode('subnet', 's', 'data-a', { cidr: '10.0.20.0/24', ...(networkAcl ? { networkAcl } : {}) }) as NodeOfKind<'subnet'>;
const rule = (ruleNumber: number, action: 'allow' | 'deny', cidr: string, fromPort = 0, toPort = 65535, protocol = 'tcp') => ({ ruleNumber, action, cidr, fromPort, toPort, protocol });

describe('network ACLs', () => {
  it('the default ACL (none stated) allows everything both ways', () => {
    expect(aclPassesConnection(subnet(), 'server', '10.0.10.0/24', 5432)).toEqual({ allowed: true });
  });

  it('the lowest-numbered matching rule decides, whatever order the rules are written in', () => {
    const s = subnet({ ingress: [rule(200, 'allow', '10.0.0.0/16'), rule(100, 'deny', '10.0.10.0/24', 5432, 5432)], egress: [] });
    expect(aclAllows(s, 'ingress', '10.0.10.0/24', { from: 5432, to: 5432 })).toMatchObject({ allowed: false, rule: { ruleNumber: 100 } });
    expect(aclAllows(s, 'ingress', '10.0.11.0/24', { from: 5432, to: 5432 })).toMatchObject({ allowed: true, rule: { ruleNumber: 200 } });
  });

  it('no matching rule denies; a rule matches only a peer block it contains whole', () => {
    const s = subnet({ ingress: [rule(100, 'allow', '10.0.10.0/25')], egress: [] });
    expect(aclAllows(s, 'ingress', '10.0.10.0/24', { from: 5432, to: 5432 })).toEqual({ allowed: false });
  });

  it('is stateless: a server subnet needs an outbound rule for the replies to ephemeral ports', () => {
    const noReplies = subnet({ ingress: [rule(100, 'allow', '10.0.0.0/16', 5432, 5432)], egress: [] });
    const verdict = aclPassesConnection(noReplies, 'server', '10.0.10.0/24', 5432);
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.reason).toMatch(/blocks the replies: outbound TCP 1024-65535 to 10\.0\.10\.0\/24/);
    const withReplies = subnet({ ingress: [rule(100, 'allow', '10.0.0.0/16', 5432, 5432)], egress: [rule(100, 'allow', '10.0.0.0/16', 1024, 65535)] });
    expect(aclPassesConnection(withReplies, 'server', '10.0.10.0/24', 5432)).toEqual({ allowed: true });
  });

  it('a client subnet needs the request out and the replies in', () => {
    const s = subnet({ ingress: [rule(100, 'allow', '0.0.0.0/0', 1024, 65535)], egress: [rule(100, 'allow', '0.0.0.0/0', 443, 443)] });
    expect(aclPassesConnection(s, 'client', '0.0.0.0/0', 443)).toEqual({ allowed: true });
    const blocked = aclPassesConnection(s, 'client', '10.0.20.0/24', 5432);
    expect(!blocked.allowed && blocked.reason).toMatch(/blocks outbound TCP 5432 to 10\.0\.20\.0\/24/);
  });

  it('refuses a rule number outside 1-32766 as a range problem naming the path (schema)', async () => {
    const { parseDesign } = await import('../../core/model');
    const r = parseDesign(JSON.stringify({ format: 'serverless-design', schemaVersion: 2, name: 'x', nodes: [{ id: 'vpc', kind: 'vpc', name: 'v' }, { id: 's', kind: 'subnet', name: 'a', parent: 'vpc', props: { networkAcl: { ingress: [{ ruleNumber: 40000 }] } } }] }));
    expect(r.ok && r.problems.map((p) => `${p.path} ${p.message}`)).toEqual(['$.nodes[1].props.networkAcl.ingress[0].ruleNumber ruleNumber is 40000; AWS allows at most 32766; the analysis uses 32766']);
  });
});
