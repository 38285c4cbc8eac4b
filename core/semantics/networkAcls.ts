import { cidrContains } from '../model/cidr';
import type { NodeOfKind } from '../model/design';
import type { NetworkAclRule } from '../model/kinds/subnet';

/** Network ACLs (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html): stateless,
 *  per subnet, rules evaluated from the lowest number up, the first that matches decides; none
 *  matching denies. A subnet without `networkAcl` has the VPC's default ACL, which allows all.
 *  Return traffic is a packet of its own, to the client's ephemeral ports (1024-65535 covers every
 *  client: https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html). */
export const EPHEMERAL_PORTS = { from: 1024, to: 65535 } as const;

export interface AclVerdict {
  allowed: boolean;
  /** The rule that decided (undefined: the default ACL, or the final deny-all). */
  rule?: NetworkAclRule;
}

/** Whether a rule matches traffic to/from `peer` (a CIDR block: a subnet's, or 0.0.0.0/0 for the
 *  internet) on the TCP ports [from, to]. A rule matches a peer only when its block contains the
 *  whole peer block (the addresses in it are not known one by one); a port range only when it
 *  covers the whole range asked for. */
function matches(rule: NetworkAclRule, peer: string, ports: { from: number; to: number }): boolean {
  if (rule.protocol !== '-1' && rule.protocol !== 'tcp') return false;
  if (!cidrContains(rule.cidr, peer)) return false;
  return rule.protocol === '-1' || (rule.fromPort <= ports.from && rule.toPort >= ports.to);
}

/** The verdict of a subnet's ACL on TCP traffic in one direction (`ingress`: into the subnet from
 *  `peer`; `egress`: out of it to `peer`). */
export function aclAllows(subnet: NodeOfKind<'subnet'>, direction: 'ingress' | 'egress', peer: string, ports: { from: number; to: number }): AclVerdict {
  const acl = subnet.props.networkAcl;
  if (!acl) return { allowed: true };
  const rules = [...acl[direction]].sort((a, b) => a.ruleNumber - b.ruleNumber);
  const rule = rules.find((r) => matches(r, peer, ports));
  return rule ? { allowed: rule.action === 'allow', rule } : { allowed: false };
}

/** A TCP connection from `client` (a subnet's block) to `server` on `port`, as the ACL of `subnet`
 *  sees it: `side` says which end the subnet holds. Both directions are checked (stateless). */
export function aclPassesConnection(subnet: NodeOfKind<'subnet'>, side: 'client' | 'server', peer: string, port: number): { allowed: true } | { allowed: false; reason: string } {
  if (!subnet.props.networkAcl) return { allowed: true };
  const request = { from: port, to: port };
  const name = `the network ACL of subnet "${subnet.name}"`;
  const describe = (v: AclVerdict) => (v.rule ? `rule ${v.rule.ruleNumber} denies it` : 'no rule allows it');
  if (side === 'client') {
    const out = aclAllows(subnet, 'egress', peer, request);
    if (!out.allowed) return { allowed: false, reason: `${name} blocks outbound TCP ${port} to ${peer} (${describe(out)})` };
    const back = aclAllows(subnet, 'ingress', peer, EPHEMERAL_PORTS);
    if (!back.allowed) return { allowed: false, reason: `${name} blocks the replies: inbound TCP ${EPHEMERAL_PORTS.from}-${EPHEMERAL_PORTS.to} from ${peer} (${describe(back)}; network ACLs are stateless)` };
    return { allowed: true };
  }
  const into = aclAllows(subnet, 'ingress', peer, request);
  if (!into.allowed) return { allowed: false, reason: `${name} blocks inbound TCP ${port} from ${peer} (${describe(into)})` };
  const back = aclAllows(subnet, 'egress', peer, EPHEMERAL_PORTS);
  if (!back.allowed) return { allowed: false, reason: `${name} blocks the replies: outbound TCP ${EPHEMERAL_PORTS.from}-${EPHEMERAL_PORTS.to} to ${peer} (${describe(back)}; network ACLs are stateless)` };
  return { allowed: true };
}
