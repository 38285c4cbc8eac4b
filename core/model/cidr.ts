/** IPv4 CIDR arithmetic: parsing with a reason, containment, overlap, and the next free subnet block of
 *  a VPC. Addresses are plain numbers 0 … 2³²−1 (never signed 32-bit values), so ranges compare simply. */

export interface Cidr {
  /** The first address of the block (host bits cleared). */
  base: number;
  /** The prefix length, 0 … 32. */
  bits: number;
}

const BLOCK = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** The number of addresses in a block of `bits`. */
export const blockSize = (bits: number): number => 2 ** (32 - bits);

/** Why `text` is not an IPv4 CIDR block, in words for the person who typed it; undefined when it is one.
 *  Host bits set (10.0.0.5/24) are accepted here — AWS keeps the network address — and reported by
 *  `hostBitsNote`. */
export function cidrProblem(text: unknown): string | undefined {
  if (typeof text !== 'string' || !text.trim()) return 'expected an IPv4 CIDR block such as 10.0.0.0/16';
  const m = BLOCK.exec(text.trim());
  if (!m) return `"${text}" is not an IPv4 CIDR block: expected four numbers and a prefix length, such as 10.0.0.0/16`;
  const bad = m.slice(1, 5).find((o) => Number(o) > 255);
  if (bad !== undefined) return `"${text}": ${bad} is above 255, the largest value of an address byte`;
  if (Number(m[5]) > 32) return `"${text}": the prefix length /${m[5]} is above /32`;
  return undefined;
}

/** The block `text` names (host bits cleared), or undefined when it is not an IPv4 CIDR block. Never throws. */
export function parseCidr(text: unknown): Cidr | undefined {
  if (cidrProblem(text) !== undefined) return undefined;
  const m = BLOCK.exec((text as string).trim())!;
  const [a, b, c, d] = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  const address = a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8 + d;
  return { base: address - (address % blockSize(bits)), bits };
}

/** `10.0.1.0/24` */
export function formatCidr(c: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
  return `${octets.join('.')}/${c.bits}`;
}

/** "10.0.0.5/24 has host bits set; the block is 10.0.0.0/24", or undefined when the text is the network address. */
export function hostBitsNote(text: string): string | undefined {
  const c = parseCidr(text);
  if (!c) return undefined;
  const canonical = formatCidr(c);
  return canonical === text.trim() ? undefined : `${text.trim()} has host bits set; the block is ${canonical}`;
}

const asCidr = (x: string | Cidr): Cidr | undefined => (typeof x === 'string' ? parseCidr(x) : x);
const lastOf = (c: Cidr): number => c.base + blockSize(c.bits) - 1;

/** Does `outer` contain every address of `inner`? False when either is not a CIDR block. */
export function cidrContains(outer: string | Cidr, inner: string | Cidr): boolean {
  const o = asCidr(outer);
  const i = asCidr(inner);
  return !!o && !!i && o.base <= i.base && lastOf(i) <= lastOf(o);
}

/** Do `a` and `b` share at least one address? False when either is not a CIDR block. */
export function cidrsOverlap(a: string | Cidr, b: string | Cidr): boolean {
  const x = asCidr(a);
  const y = asCidr(b);
  return !!x && !!y && x.base <= lastOf(y) && y.base <= lastOf(x);
}

/** AWS's smallest subnet (and VPC) is a /28 (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html). */
export const SMALLEST_SUBNET_BITS = 28;

/** The size of a new subnet in a VPC of `vpcBits`: a /24 (256 addresses) while the VPC holds at least four
 *  of them, else a quarter of the VPC, never smaller than AWS's /28 (and the whole VPC when it is that small). */
export function defaultSubnetBits(vpcBits: number): number {
  return Math.max(vpcBits, Math.min(SMALLEST_SUBNET_BITS, Math.max(24, vpcBits + 2)));
}

/** The lowest block of `bits` inside `vpc` that overlaps none of `taken` (blocks that are not CIDRs are
 *  ignored), or undefined when the VPC is not a CIDR block, `bits` does not fit in it, or every such block is
 *  taken. */
export function nextFreeSubnet(vpc: string, taken: readonly string[], bits?: number): string | undefined {
  const v = parseCidr(vpc);
  if (!v) return undefined;
  const size = bits ?? defaultSubnetBits(v.bits);
  if (!Number.isInteger(size) || size < v.bits || size > 32) return undefined;
  const step = blockSize(size);
  const used = taken.flatMap((t) => parseCidr(t) ?? []).filter((t) => cidrsOverlap(t, v)).sort((p, q) => p.base - q.base);
  let candidate = v.base;
  // Blocks are nested or disjoint and sorted by first address: the first block (from `next` on) that
  // ends at or after the candidate is the only one that can clash, so one pass over `used` suffices.
  let next = 0;
  for (;;) {
    if (candidate + step - 1 > lastOf(v)) return undefined;
    const end = candidate + step - 1;
    while (next < used.length && lastOf(used[next]) < candidate) next++;
    const clash = next < used.length && used[next].base <= end ? used[next] : undefined;
    if (!clash) return formatCidr({ base: candidate, bits: size });
    // Jump past the clashing block, to the next boundary of `step`.
    candidate = Math.ceil((lastOf(clash) + 1) / step) * step;
  }
}
