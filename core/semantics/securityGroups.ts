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

function ruleMatches(rule: SecurityGroupRule, port: number, peer: Peer): boolean {
  const protocolOk = rule.protocol === '-1' || (rule.protocol === 'tcp' && rule.fromPort <= port && port <= rule.toPort);
  if (!protocolOk) return false;
  if (rule.securityGroup !== null) return peer.securityGroups.includes(rule.securityGroup);
  if (rule.cidr === null) return false;
  if (peer === INTERNET_PEER || peer.cidrs.includes('0.0.0.0/0')) {
    // Public destinations: any rule to a non-private block may reach them (AWS's ranges are not modelled).
    return !PRIVATE.some((p) => cidrCovers(p, rule.cidr!));
  }
  return peer.cidrs.length > 0 && peer.cidrs.every((c) => cidrCovers(rule.cidr!, c));
}

export interface SgVerdict { allowed: boolean; by?: { group: string; rule?: SecurityGroupRule; defaultEgress?: boolean } }

/** Does any of `groups` allow traffic on `port` to (egress) or from (ingress) `peer`? A group
 *  with no egress rules given has AWS's default allow-all egress (NET-07). */
export function securityGroupsAllow(index: DesignIndex, groups: readonly string[], direction: 'ingress' | 'egress', port: number, peer: Peer): SgVerdict {
  for (const id of groups) {
    const sg = index.node(id);
    if (sg?.kind !== 'securityGroup') continue;
    const rules = sg.props[direction];
    if (rules === null) return { allowed: true, by: { group: id, defaultEgress: true } };
    const rule = rules.find((r) => ruleMatches(r, port, peer));
    if (rule) return { allowed: true, by: { group: id, rule } };
  }
  return { allowed: false };
}
