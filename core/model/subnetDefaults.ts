import { defaultSubnetBits, nextFreeSubnet, parseCidr } from './cidr';
import { AZ_SUFFIXES } from './kinds/subnet';

type AzLetter = (typeof AZ_SUFFIXES)[number];
interface NodeLike { id: string; kind: string; name: string; parent?: string; props?: unknown }

const propOf = (node: NodeLike, key: string): unknown =>
  node.props !== null && typeof node.props === 'object' ? (node.props as Record<string, unknown>)[key] : undefined;

/** The AZ letter for the next subnet of a VPC whose subnets (in the order they were added) are in `used`:
 *  the least used letter, ties broken by the first letter after the last one added (wrapping round).
 *  The letters in play are a and b — two AZs, the least AWS advises for a highly available function
 *  (https://docs.aws.amazon.com/lambda/latest/operatorguide/networking-vpc.html) and what every Region
 *  has — plus any other letter the VPC already uses, so a, b, a, b … until the user picks c once. */
export function nextAz(used: readonly string[]): AzLetter {
  const valid = used.filter((u): u is AzLetter => (AZ_SUFFIXES as readonly string[]).includes(u));
  const inPlay = AZ_SUFFIXES.filter((l) => l === 'a' || l === 'b' || valid.includes(l));
  const count = (l: AzLetter) => valid.filter((u) => u === l).length;
  const least = Math.min(...inPlay.map(count));
  const tied = inPlay.filter((l) => count(l) === least);
  const last = valid[valid.length - 1];
  return (last && tied.find((l) => l > last)) || tied[0];
}

export interface SubnetDefaults {
  props: { cidr?: string; az: AzLetter };
  /** Why no CIDR could be chosen (the subnet then keeps the schema's default), naming the VPC. */
  warning?: string;
}

/** CIDR and AZ for a new subnet added into `vpcId`: the lowest free block of the VPC's range (a /24, or a
 *  quarter of a small VPC) and the next AZ (`nextAz`). Bad input (no such VPC, a malformed CIDR) never
 *  throws: the CIDR is left out, with a warning when the user should know. */
export function newSubnetDefaults(design: { nodes: readonly NodeLike[] }, vpcId: string): SubnetDefaults {
  const vpc = design.nodes.find((n) => n.id === vpcId);
  const siblings = design.nodes.filter((n) => n.kind === 'subnet' && n.parent === vpcId);
  const az = nextAz(siblings.map((s) => String(propOf(s, 'az') ?? 'a')));
  if (!vpc || vpc.kind !== 'vpc') return { props: { az } };
  const vpcCidr = propOf(vpc, 'cidr');
  const range = parseCidr(vpcCidr);
  if (!range) return { props: { az }, warning: `VPC "${vpc.name}" has no valid CIDR block, so the new subnet keeps the default 10.0.0.0/24: set the VPC's CIDR, then the subnet's.` };
  const bits = defaultSubnetBits(range.bits);
  const cidr = nextFreeSubnet(String(vpcCidr), siblings.map((s) => String(propOf(s, 'cidr') ?? '')), bits);
  if (cidr) return { props: { cidr, az } };
  return { props: { az }, warning: `VPC "${vpc.name}" (${String(vpcCidr)}) has no free /${bits} left for a new subnet: it keeps the default 10.0.0.0/24, which overlaps another subnet or lies outside the VPC. Enlarge the VPC's range or shrink its subnets.` };
}
