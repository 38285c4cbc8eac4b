import type { DesignIndex } from '../graph';
import type { SecurityGroupRule } from '../model/kinds';
import { cidrCovers } from './cidr';

/** The other side of a connection, as a security group rule sees it. */
export interface Peer {
  securityGroups: readonly string[];
  /** The CIDR blocks the peer's addresses come from (its subnets), or 0.0.0.0/0 for the internet. */
  cidrs: readonly string[];
}

export const INTERNET_PEER: Peer = { securityGroups: [], cidrs: ['0.0.0.0/0'] };
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

const protocolMatches = (rule: SecurityGroupRule, port: number) =>
  rule.protocol === '-1' || (rule.protocol === 'tcp' && rule.fromPort <= port && port <= rule.toPort);

/** Does a rule with a security-group or CIDR peer match? (A prefix-list peer never matches here: see below.) */
function ruleMatches(rule: SecurityGroupRule, port: number, peer: Peer): boolean {
  if (!protocolMatches(rule, port)) return false;
  if (rule.securityGroup !== null) return peer.securityGroups.includes(rule.securityGroup);
  if (rule.cidr === null) return false;
  if (peer === INTERNET_PEER || peer.cidrs.includes('0.0.0.0/0')) {
    // Public destinations: any rule to a non-private block may reach them (AWS's ranges are not modelled).
    return !PRIVATE.some((p) => cidrCovers(p, rule.cidr!));
  }
  return peer.cidrs.length > 0 && peer.cidrs.every((c) => cidrCovers(rule.cidr!, c));
}

/** A long rule list, indexed once (rules are immutable values): the positions of the rules naming
 *  each peer group, of the other rules (CIDR and prefix-list peers), and of the prefix-list rules. So
 *  a database group admitting 1,000 function groups is not scanned 1,000 times per function. */
interface RuleIndex { byGroup: Map<string, number[]>; other: number[]; prefixLists: number[] }
const ruleIndexes = new WeakMap<readonly SecurityGroupRule[], RuleIndex>();
const INDEX_FROM = 16;

function ruleIndex(rules: readonly SecurityGroupRule[]): RuleIndex {
  let idx = ruleIndexes.get(rules);
  if (idx) return idx;
  idx = { byGroup: new Map(), other: [], prefixLists: [] };
  rules.forEach((r, i) => {
    if (r.securityGroup !== null) (idx!.byGroup.get(r.securityGroup) ?? idx!.byGroup.set(r.securityGroup, []).get(r.securityGroup)!).push(i);
    else idx!.other.push(i);
    if (r.prefixList !== null) idx!.prefixLists.push(i);
  });
  ruleIndexes.set(rules, idx);
  return idx;
}

/** The first rule (in the group's order) that matches: `rules.find(ruleMatches)`, through the index for long lists. */
function firstMatch(rules: readonly SecurityGroupRule[], port: number, peer: Peer): SecurityGroupRule | undefined {
  if (rules.length < INDEX_FROM) return rules.find((r) => ruleMatches(r, port, peer));
  const idx = ruleIndex(rules);
  let best = rules.length;
  for (const group of peer.securityGroups) {
    for (const i of idx.byGroup.get(group) ?? []) {
      if (i >= best) break;
      if (protocolMatches(rules[i], port)) { best = i; break; }
    }
  }
  for (const i of idx.other) {
    if (i >= best) break;
    if (ruleMatches(rules[i], port, peer)) { best = i; break; }
  }
  return rules[best];
}

/** The first prefix-list rule whose protocol and port match. */
function firstPrefixList(rules: readonly SecurityGroupRule[], port: number): SecurityGroupRule | undefined {
  if (rules.length < INDEX_FROM) return rules.find((r) => r.prefixList !== null && protocolMatches(r, port));
  for (const i of ruleIndex(rules).prefixLists) if (protocolMatches(rules[i], port)) return rules[i];
  return undefined;
}

export interface SgVerdict {
  allowed: boolean;
  by?: { group: string; rule?: SecurityGroupRule; defaultEgress?: boolean };
  /** Set when only a rule to (or from) a managed prefix list allows it: the verdict holds if that list covers the peer. */
  prefixList?: string;
}

/** Does any of `groups` allow traffic on `port` to (egress) or from (ingress) `peer`? A group
 *  with no egress rules given has AWS's default allow-all egress (NET-07).
 *
 *  A rule whose peer is a managed prefix list allows the CIDR blocks in that list
 *  (https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html). Those blocks live in
 *  the AWS account, not in the design, so offline they are unknown: such a rule counts as allowing the
 *  traffic, with `prefixList` naming the list the verdict depends on, rather than as allowing nothing
 *  (which would report a false NET-07 for the documented way to let a function out to S3 or DynamoDB
 *  through a gateway endpoint: an outbound rule to the service's AWS-managed prefix list,
 *  https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html). A rule with a CIDR or
 *  security-group peer that matches is preferred, so a verdict depends on a prefix list only when
 *  nothing else allows the traffic. */
export function securityGroupsAllow(index: DesignIndex, groups: readonly string[], direction: 'ingress' | 'egress', port: number, peer: Peer): SgVerdict {
  let viaPrefixList: SgVerdict | undefined;
  for (const id of groups) {
    const sg = index.node(id);
    if (sg?.kind !== 'securityGroup') continue;
    const rules = sg.props[direction];
    if (rules === null) return { allowed: true, by: { group: id, defaultEgress: true } };
    const rule = firstMatch(rules, port, peer);
    if (rule) return { allowed: true, by: { group: id, rule } };
    const listed = viaPrefixList ? undefined : firstPrefixList(rules, port);
    if (listed) viaPrefixList = { allowed: true, by: { group: id, rule: listed }, prefixList: listed.prefixList! };
  }
  return viaPrefixList ?? { allowed: false };
}

/** How a rule names its peer in a hop: `security group "db-sg"`, `10.0.0.0/16`, `prefix list pl-63a5400a`. */
export function rulePeerText(index: DesignIndex, rule: SecurityGroupRule): string {
  if (rule.securityGroup !== null) return `security group "${index.node(rule.securityGroup)?.name ?? rule.securityGroup}"`;
  if (rule.prefixList !== null) return `prefix list ${rule.prefixList}`;
  return rule.cidr ?? '';
}
