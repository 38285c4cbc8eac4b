import { formatCidr, nextFreeSubnet, parseCidr, type Cidr } from '../../model/cidr';
import { vpcOf, type DesignIndex } from '../../graph';
import { catalogFor } from '../../pricing/catalog';
import type { DesignEdge, DesignNode, NodeOfKind } from '../../model/design';
import { kindLabel } from '../../model/kinds';
import { securityGroupsAllow, type Reachability, type SubnetPath } from '../../semantics';
import { formatNumber } from '../../format';
import { NAMES_SHOWN } from '../support';
import type { RuleContext, RuleFinding } from '../types';

/** An idle connection through a NAT gateway times out after 350 s (NET-16). */
export const NAT_IDLE_TIMEOUT_SECONDS = 350;
/** The only services with gateway endpoints. */
export const GATEWAY_SERVICES: readonly string[] = ['s3', 'dynamodb'];

/** `a, b and c` (duplicates dropped); past ten items `a, b, … i and 9,991 others`. */
export function list(items: readonly string[]): string {
  const u = [...new Set(items)];
  if (u.length > NAMES_SHOWN) return `${u.slice(0, NAMES_SHOWN - 1).join(', ')} and ${formatNumber(u.length - NAMES_SHOWN + 1)} others`;
  return u.length > 1 ? `${u.slice(0, -1).join(', ')} and ${u[u.length - 1]}` : (u[0] ?? '');
}

/** `"a", "b" and "c"` */
export const names = (items: readonly { name: string }[]): string => list(items.map((i) => `"${i.name}"`));

/** `NAT gateway "a"`, `NAT gateways "a" and "b"` */
export const named = (label: string, items: readonly { name: string }[]): string => `${label}${new Set(items.map((i) => i.name)).size > 1 ? 's' : ''} ${names(items)}`;

/** `"Private subnet A" (us-east-1a) and "Private subnet B" (us-east-1b)` */
export const where = (paths: readonly SubnetPath[]): string => list(paths.map((p) => `"${p.subnet?.name}" (${p.az})`));

const nodesOf = (index: DesignIndex, ids: readonly string[]): DesignNode[] => ids.flatMap((id) => index.node(id) ?? []);

/** One access/invoke edge of a function, with its reachability and its paths split by outcome. */
export interface EdgePaths {
  r: Reachability;
  edge: DesignEdge;
  fn: NodeOfKind<'lambda'>;
  target: DesignNode;
  /** The paths the rule is about (broken ones for path rules). */
  paths: SubnetPath[];
  /** The paths that work. */
  ok: SubnetPath[];
}

/** Every reachability result whose paths (filtered by `pick`) are not empty. */
export function edgePaths(ctx: RuleContext, pick: (p: SubnetPath, r: Reachability) => boolean): EdgePaths[] {
  return ctx.reachability().flatMap((r) => {
    const edge = ctx.index.edge(r.edge);
    const fn = ctx.index.node(r.from.id);
    const target = ctx.index.node(r.to.id);
    const paths = r.paths.filter((p) => pick(p, r));
    if (!edge || fn?.kind !== 'lambda' || !target || !paths.length) return [];
    return [{ r, edge, fn, target, paths, ok: r.paths.filter((p) => p.reachable) }];
  });
}

/** Edges with paths broken by `ruleId` (and kept by `keep`). */
export const breaks = (ctx: RuleContext, ruleId: string, keep: (p: SubnetPath, r: Reachability) => boolean = () => true): EdgePaths[] =>
  edgePaths(ctx, (p, r) => !p.reachable && p.ruleId === ruleId && keep(p, r));

/** The distinct reasons of some paths: a reason repeated for each subnet (same words, other subnet
 *  name and CIDR) is given once, naming the other subnets. */
export function reasonsOf(paths: readonly SubnetPath[]): string {
  const groups = new Map<string, SubnetPath[]>();
  for (const p of paths) {
    const key = (p.subnet ? (p.reason ?? '').split(`"${p.subnet.name}"`).join('#') : p.reason ?? '').replace(/\d+\.\d+\.\d+\.\d+\/\d+/g, '#');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const sameFrom = (first: SubnetPath, more: SubnetPath[]) => (more.length && first.subnet && first.reason?.includes(`"${first.subnet.name}"`) ? ` (the same from ${where(more)})` : '');
  return [...groups.values()].map(([first, ...more]) => `${first.reason}${sameFrom(first, more)}`).join('; ');
}

interface Hop { one: string; many: string; name?: string; suffix?: string }

/** Where a broken path stops, as a message names it: the route table of subnet "private-a",
 *  security group "db-sg", no VPC endpoint for sqs … (issue 14: the message names the blocking hop). */
function hopOf(ctx: RuleContext, p: SubnetPath, r: Reachability): Hop {
  const at = p.brokenAt;
  if (!at) return p.ruleId === 'NET-03' && r.service ? { one: `no VPC endpoint for ${r.service}`, many: `no VPC endpoint for ${r.service}` } : { one: 'the network path', many: 'the network path' };
  switch (at.kind) {
    case 'subnet':
      if (p.ruleId === 'NET-02') return { one: 'public subnet', many: 'public subnets', name: at.name };
      // A subnet that blocks a NET-06/NET-07 path does so by its network ACL (semantics/networkAcls.ts).
      if (p.ruleId === 'NET-06' || p.ruleId === 'NET-07') return { one: 'the network ACL of subnet', many: 'the network ACLs of subnets', name: at.name };
      return { one: 'the route table of subnet', many: 'the route tables of subnets', name: at.name, suffix: p.ruleId === 'NET-03' && r.service ? ` (no VPC endpoint for ${r.service}, no route out)` : '' };
    case 'securityGroup': return { one: 'security group', many: 'security groups', name: at.name };
    case 'vpcEndpoint': return { one: 'VPC endpoint', many: 'VPC endpoints', name: at.name };
    case 'lambda': {
      const fn = ctx.index.node(at.id);
      const groups = fn?.kind === 'lambda' ? nodesOf(ctx.index, fn.props.vpc?.securityGroups ?? []) : [];
      const text = p.ruleId === 'NET-07' && groups.length ? `the egress rules of ${named('security group', groups)} of "${at.name}"` : `"${at.name}" itself`;
      return { one: text, many: text };
    }
    default: return { one: kindLabel(at.kind), many: `${kindLabel(at.kind)}s`, name: at.name };
  }
}

/** The blocking hops of some broken paths, alike ones named together: "the route tables of subnets
 *  "private-a" and "private-b" (no VPC endpoint for sqs, no route out)". */
export function blockingHops(ctx: RuleContext, paths: readonly SubnetPath[], r: Reachability): string {
  const groups = new Map<string, { hop: Hop; names: string[] }>();
  for (const p of paths) {
    const hop = hopOf(ctx, p, r);
    const key = `${hop.one}\n${hop.suffix ?? ''}`;
    const g = groups.get(key) ?? groups.set(key, { hop, names: [] }).get(key)!;
    if (hop.name !== undefined) g.names.push(`"${hop.name}"`);
  }
  return list([...groups.values()].map(({ hop, names: ns }) => {
    const distinct = [...new Set(ns)];
    return distinct.length ? `${distinct.length > 1 ? hop.many : hop.one} ${list(distinct)}${hop.suffix ?? ''}` : `${hop.one}${hop.suffix ?? ''}`;
  }));
}

/** The nodes that block an edge's broken paths (a function that blocks itself by its egress rules:
 *  its security groups), for a finding's `related` targets. */
export function blockers(ctx: RuleContext, b: EdgePaths): DesignNode[] {
  const out: DesignNode[] = [];
  for (const p of b.paths) {
    const at = p.brokenAt && ctx.index.node(p.brokenAt.id);
    if (!at) continue;
    if (at.kind === 'lambda' && p.ruleId === 'NET-07') out.push(...nodesOf(ctx.index, at.props.vpc?.securityGroups ?? []));
    else out.push(at);
  }
  return [...new Set(out)];
}

/** `"Quote service" → "Secrets Manager" is broken at security group "x" from "Private subnet A"
 *  (us-east-1a): <reason>`, and what still works when only some AZs break. */
export function breakMessage(b: EdgePaths, ctx?: RuleContext): string {
  // "from <subnets>" unless the blocking hops are those subnets' own (route tables, ACLs), named already.
  const ownRoutes = ctx && b.paths.every((p) => p.subnet && p.brokenAt?.id === p.subnet.id);
  const from = b.paths[0].subnet && !ownRoutes ? ` from ${where(b.paths)}` : '';
  const at = ctx ? ` at ${blockingHops(ctx, b.paths, b.r)}` : '';
  const head = `"${b.fn.name}" → "${b.target.name}" is broken${at}${from}: ${reasonsOf(b.paths)}`;
  if (!b.ok.length) return `${head}.`;
  return `${head}. Partial: it works from ${where(b.ok)}, so only invocations that run in ${list(b.paths.map((p) => p.az ?? ''))} fail.`;
}

/** NET-06/NET-07 broken by a subnet's network ACL (not a security group): what to allow, where.
 *  Undefined when a security group blocks the path. */
export function networkAclFix(b: EdgePaths): string | undefined {
  const blocked = b.paths.filter((p) => p.brokenAt?.kind === 'subnet');
  if (!blocked.length || blocked.length !== b.paths.length) return undefined;
  const what = [...new Set(blocked.map((p) => /blocks (?:the replies: )?(.+?) \(/.exec(p.reason ?? '')?.[1]).filter((w): w is string => !!w))];
  const subnets = [...new Map(blocked.map((p) => [p.brokenAt!.id, p.brokenAt!])).values()];
  return `Add an allow rule${what.length ? ` for ${list(what)}` : ''} to the network ACL${subnets.length > 1 ? 's' : ''} of ${named('subnet', subnets)}, numbered before any rule that denies it (network ACLs are stateless: the replies need a rule of their own, for ephemeral ports 1024-65535).`;
}

/** One finding per edge broken by `ruleId`: on the function → resource edge (the path the user
 *  looks at), naming the blocking hop, with the blocking nodes as related targets. */
export function pathFindings(ctx: RuleContext, ruleId: string, fix: (b: EdgePaths) => string, keep?: (p: SubnetPath, r: Reachability) => boolean): RuleFinding[] {
  return breaks(ctx, ruleId, keep).map((b) => ({ target: b.edge, related: blockers(ctx, b), message: breakMessage(b, ctx), fix: fix(b) }));
}

export const subnetOf = (index: DesignIndex, p: SubnetPath): NodeOfKind<'subnet'> | undefined => {
  const n = p.subnet && index.node(p.subnet.id);
  return n && n.kind === 'subnet' ? n : undefined;
};

/** The subnets a function is attached to, as nodes. */
export const functionSubnets = (index: DesignIndex, fn: NodeOfKind<'lambda'>): NodeOfKind<'subnet'>[] =>
  nodesOf(index, fn.props.vpc?.subnets ?? []).filter((n): n is NodeOfKind<'subnet'> => n.kind === 'subnet');

/** VPC endpoints of a VPC for a service and type. */
export function endpointsOf(index: DesignIndex, vpc: DesignNode | undefined, service: string, type: 'gateway' | 'interface'): NodeOfKind<'vpcEndpoint'>[] {
  if (!vpc) return [];
  return index.childrenOfKind(vpc.id, 'vpcEndpoint').filter((n) => n.props.endpointType === type && n.props.service === service);
}

/** Gateway endpoints for `service` in the path's VPC that the path's subnet route table does not carry (NET-04). */
export function strandedGateways(index: DesignIndex, p: SubnetPath, service: string | undefined): NodeOfKind<'vpcEndpoint'>[] {
  const subnet = subnetOf(index, p);
  if (!subnet || !service || !GATEWAY_SERVICES.includes(service)) return [];
  const gateways = endpointsOf(index, vpcOf(index, subnet), service, 'gateway');
  return gateways.some((g) => subnet.props.routeTable.gatewayEndpoints.includes(g.id)) ? [] : gateways;
}

/** What keeps an interface endpoint's private DNS from resolving the service's default hostname. */
export function dnsGaps(index: DesignIndex, ep: NodeOfKind<'vpcEndpoint'>): string[] {
  const vpc = ep.parent ? index.node(ep.parent) : undefined;
  const v = vpc?.kind === 'vpc' ? vpc.props : undefined;
  return [!ep.props.privateDnsEnabled && 'private DNS on the endpoint', v && !v.enableDnsSupport && 'DNS support on the VPC', v && !v.enableDnsHostnames && 'DNS hostnames on the VPC']
    .filter((s): s is string => typeof s === 'string');
}

/** "Turn on DNS hostnames on VPC "orders-vpc"", "enable private DNS on "sqs-endpoint"" … */
export function dnsFix(index: DesignIndex, ep: NodeOfKind<'vpcEndpoint'>): string {
  const gaps = dnsGaps(index, ep);
  const vpcGaps = gaps.filter((g) => g.endsWith(' on the VPC')).map((g) => g.replace(' on the VPC', ''));
  const vpc = ep.parent ? index.node(ep.parent) : undefined;
  const steps = [...(gaps.includes('private DNS on the endpoint') ? [`enable private DNS on "${ep.name}"`] : []), ...(vpcGaps.length ? [`turn on ${list(vpcGaps)} on VPC "${vpc?.name}"`] : [])];
  return `${list(steps).replace(/^./, (c) => c.toUpperCase())}, so that the default hostname resolves to interface endpoint "${ep.name}".`;
}

/** Does the subnet's 0.0.0.0/0 lead to a public NAT gateway (with an Elastic IP, in a subnet routed to an internet gateway)? */
export function natEgress(index: DesignIndex, subnet: NodeOfKind<'subnet'>): NodeOfKind<'natGateway'> | undefined {
  const nat = subnet.props.routeTable.defaultRoute ? index.node(subnet.props.routeTable.defaultRoute) : undefined;
  if (nat?.kind !== 'natGateway' || nat.props.connectivity !== 'public' || !nat.props.elasticIp || !nat.parent) return undefined;
  const natSubnet = index.node(nat.parent);
  const igw = natSubnet?.kind === 'subnet' && natSubnet.props.routeTable.defaultRoute ? index.node(natSubnet.props.routeTable.defaultRoute) : undefined;
  return igw?.kind === 'internetGateway' ? nat : undefined;
}

/** An interface endpoint for `service` in the subnet's VPC whose private DNS works and whose groups
 *  admit HTTPS from a client with `groups` in `subnet` (and the client's groups, if any, let it out). */
export function usableInterfaceEndpoint(index: DesignIndex, subnet: NodeOfKind<'subnet'>, service: string, groups: readonly string[]): NodeOfKind<'vpcEndpoint'> | undefined {
  return endpointsOf(index, vpcOf(index, subnet), service, 'interface').find((ep) => {
    if (dnsGaps(index, ep).length) return false;
    const epCidrs = nodesOf(index, ep.props.subnets).flatMap((n) => (n.kind === 'subnet' ? [n.props.cidr] : []));
    return (!groups.length || securityGroupsAllow(index, groups, 'egress', 443, { securityGroups: ep.props.securityGroups, cidrs: epCidrs }).allowed)
      && securityGroupsAllow(index, ep.props.securityGroups, 'ingress', 443, { securityGroups: groups, cidrs: [subnet.props.cidr] }).allowed;
  });
}

/** The VPC a function's path starts in (undefined for the Lambda-managed network). */
export function pathVpc(index: DesignIndex, p: SubnetPath): NodeOfKind<'vpc'> | undefined {
  const subnet = subnetOf(index, p);
  return subnet && vpcOf(index, subnet);
}

/** A unit price of the design's region as text ("$0.045 per GB in us-east-1"), when the price catalog has it. */
export function unitPrice(region: string, key: string): string | undefined {
  const price = catalogFor(region)?.prices[key];
  return price && `$${price.tiers[0].usd} per ${price.unit} in ${region}`;
}

/** Every VPC with its subnets, in the order the design lists them (NET-18, NET-19, NET-20). */
export function subnetsByVpc(index: DesignIndex): { vpc: NodeOfKind<'vpc'>; subnets: readonly NodeOfKind<'subnet'>[] }[] {
  return index.ofKind('vpc').map((vpc) => ({
    vpc,
    subnets: index.childrenOfKind(vpc.id, 'subnet'),
  }));
}

/** The blocks of a VPC's subnets, worked out once per list of subnets (NET-18, NET-19 ask for every
 *  subnet of a VPC): parsed blocks, how many subnets have each block, and the blocks sorted by first
 *  address (then larger first). CIDR blocks are nested or disjoint, which the look-ups below rely on. */
interface VpcBlocks {
  blocks: (Cidr | undefined)[];
  count: Map<string, number>;
  /** Indexes into `subnets` of the parsed blocks, by (first address, prefix length, index). */
  sorted: number[];
  /** The lowest free block per size, with every subnet taken. */
  free: Map<string, string | undefined>;
}
const blocksCache = new WeakMap<readonly NodeOfKind<'subnet'>[], VpcBlocks>();
const blockKey = (c: Cidr) => `${c.base}/${c.bits}`;
const lastAddress = (c: Cidr) => c.base + 2 ** (32 - c.bits) - 1;

function vpcBlocks(subnets: readonly NodeOfKind<'subnet'>[]): VpcBlocks {
  let b = blocksCache.get(subnets);
  if (b) return b;
  const blocks = subnets.map((s) => parseCidr(s.props.cidr));
  const count = new Map<string, number>();
  const sorted: number[] = [];
  blocks.forEach((c, i) => {
    if (!c) return;
    count.set(blockKey(c), (count.get(blockKey(c)) ?? 0) + 1);
    sorted.push(i);
  });
  sorted.sort((i, j) => blocks[i]!.base - blocks[j]!.base || blocks[i]!.bits - blocks[j]!.bits || i - j);
  blocksCache.set(subnets, (b = { blocks, count, sorted, free: new Map() }));
  return b;
}

/** Positions in `sorted` of the blocks inside `c`, `c`'s own included: [lo, hi). */
function insideRange(b: VpcBlocks, c: Cidr): [number, number] {
  const last = lastAddress(c);
  const at = (p: number) => b.blocks[b.sorted[p]]!;
  let lo = 0;
  let hi = b.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = at(mid);
    if (m.base < c.base || (m.base === c.base && m.bits < c.bits)) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  hi = b.sorted.length;
  while (end < hi) {
    const mid = (end + hi) >> 1;
    if (at(mid).base <= last) end = mid + 1;
    else hi = mid;
  }
  return [lo, end];
}

/** Does another subnet's block strictly contain `c`? (At most 32 look-ups: one per shorter prefix.) */
function containedByAnother(b: VpcBlocks, c: Cidr): boolean {
  for (let bits = 0; bits < c.bits; bits++) {
    const size = 2 ** (32 - bits);
    if (b.count.has(`${c.base - (c.base % size)}/${bits}`)) return true;
  }
  return false;
}

/** A segment tree of minimums over `values` (leaves at [size, 2·size)). */
function buildMinTree(values: readonly number[]): { size: number; min: Float64Array } {
  let size = 1;
  while (size < values.length) size *= 2;
  const min = new Float64Array(2 * size).fill(Infinity);
  values.forEach((v, p) => (min[size + p] = v));
  for (let k = size - 1; k > 0; k--) min[k] = Math.min(min[2 * k], min[2 * k + 1]);
  return { size, min };
}

/** The (at most `k`) smallest values below `limit` at positions [lo, hi), smallest first: the range's
 *  canonical tree nodes, then always the open node with the least minimum — O(k log n). */
function smallestBelow(t: { size: number; min: Float64Array }, lo: number, hi: number, limit: number, k: number): number[] {
  const open: number[] = [];
  for (let l = lo + t.size, r = hi + t.size; l < r; l >>= 1, r >>= 1) {
    if (l & 1) open.push(l++);
    if (r & 1) open.push(--r);
  }
  const out: number[] = [];
  while (out.length < k && open.length) {
    let best = 0;
    for (let j = 1; j < open.length; j++) if (t.min[open[j]] < t.min[open[best]]) best = j;
    const node = open[best];
    if (t.min[node] >= limit) break;
    open.splice(best, 1);
    if (node >= t.size) out.push(t.min[node]);
    else open.push(2 * node, 2 * node + 1);
  }
  return out;
}

/** For each subnet of a VPC (in design order), the earlier subnets whose blocks overlap its own: how
 *  many, and up to `shown` of them in design order. The blocks overlapping one are those containing
 *  it (one look-up per shorter prefix) and those inside it (a run of the sorted blocks, counted with
 *  a Fenwick tree over that order as the subnets are taken in design order, the first ones found in
 *  a tree of minimum indexes): O(S log S) where comparing every pair of 5,000 subnets took seconds
 *  (issue 13). */
export function earlierOverlaps(subnets: readonly NodeOfKind<'subnet'>[], shown = 10): { count: number; first: NodeOfKind<'subnet'>[] }[] {
  const b = vpcBlocks(subnets);
  const position = new Int32Array(subnets.length).fill(-1);
  b.sorted.forEach((i, p) => (position[i] = p));
  const members = new Map<string, number[]>();
  b.blocks.forEach((c, i) => {
    if (c) (members.get(blockKey(c)) ?? members.set(blockKey(c), []).get(blockKey(c))!).push(i);
  });
  const minTree = buildMinTree(b.sorted);
  const tree = new Int32Array(b.sorted.length + 1);
  const add = (p: number) => { for (let k = p + 1; k < tree.length; k += k & -k) tree[k]++; };
  const before = (p: number) => { let n = 0; for (let k = p; k > 0; k -= k & -k) n += tree[k]; return n; };
  return subnets.map((_, i) => {
    const c = b.blocks[i];
    if (!c) return { count: 0, first: [] };
    const found: number[] = [];
    let count = 0;
    // Blocks containing this one: each earlier subnet with one of its shorter prefixes.
    for (let bits = 0; bits < c.bits; bits++) {
      const size = 2 ** (32 - bits);
      const list = members.get(`${c.base - (c.base % size)}/${bits}`);
      if (!list) continue;
      let earlier = 0;
      for (let hi = list.length; earlier < hi;) {
        const mid = (earlier + hi) >> 1;
        if (list[mid] < i) earlier = mid + 1;
        else hi = mid;
      }
      count += earlier;
      found.push(...list.slice(0, Math.min(earlier, shown)));
    }
    // Blocks inside it (its own block included): the earlier ones are those already in the tree.
    const [lo, hi] = insideRange(b, c);
    const inside = before(hi) - before(lo);
    count += inside;
    if (inside) found.push(...smallestBelow(minTree, lo, hi, i, shown));
    add(position[i]);
    return { count, first: found.sort((x, y) => x - y).slice(0, shown).map((j) => subnets[j]) };
  });
}

/** "Give "b" a block of its own inside 10.0.0.0/16, such as 10.0.2.0/24 (the lowest free one)."
 *  The lowest free block of a size is worked out once per VPC: leaving `subnet` out of the taken
 *  blocks changes it only when no other subnet covers its block, and then only by its own block. */
export function freeBlockFix(vpc: NodeOfKind<'vpc'>, subnets: readonly NodeOfKind<'subnet'>[], subnet: NodeOfKind<'subnet'>): string {
  const own = parseCidr(subnet.props.cidr);
  const vpcBlock = parseCidr(vpc.props.cidr);
  const bits = own !== undefined && own.bits >= (vpcBlock?.bits ?? 33) ? own.bits : undefined;
  const b = vpcBlocks(subnets);
  const lowest = (key: string, taken: () => string[]) => {
    if (!b.free.has(key)) b.free.set(key, nextFreeSubnet(vpc.props.cidr, taken(), bits));
    return b.free.get(key);
  };
  const all = () => lowest(`${bits}`, () => subnets.map((s) => s.props.cidr));
  let free: string | undefined;
  if (!own || !vpcBlock || lastAddress(own) < vpcBlock.base || lastAddress(vpcBlock) < own.base || b.count.get(blockKey(own))! > 1 || containedByAnother(b, own)) {
    free = all();
  } else if (bits === own.bits) {
    // Its own block is the only block of its size it frees: free when no other block lies inside it.
    const [lo, hi] = insideRange(b, own);
    const alone = hi - lo === 1;
    const other = all();
    const otherBase = other === undefined ? undefined : parseCidr(other)?.base;
    free = alone && (otherBase === undefined || own.base < otherBase) ? formatCidr(own) : other;
  } else {
    // A subnet larger than its VPC: work it out without it (at most one per shorter prefix).
    free = lowest(`${bits} ${blockKey(own)}`, () => subnets.filter((s) => s.id !== subnet.id).map((s) => s.props.cidr));
  }
  return free
    ? `Give "${subnet.name}" a block of its own inside ${vpc.props.cidr}, such as ${free} (the lowest free one).`
    : `VPC "${vpc.name}" (${vpc.props.cidr}) has no free block the size of "${subnet.name}" left: enlarge the VPC's range or shrink its subnets, then give "${subnet.name}" a block no other subnet uses.`;
}
