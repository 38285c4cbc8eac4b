import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockSize, cidrContains, cidrProblem, cidrsOverlap, defaultSubnetBits, formatCidr, hostBitsNote, nextFreeSubnet, parseCidr, type Cidr,
} from '../../core/model/cidr';

/** Any aligned IPv4 block. */
const arbCidr = (minBits = 0, maxBits = 32): fc.Arbitrary<Cidr> =>
  fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: minBits, max: maxBits }))
    .map(([address, bits]) => ({ base: address - (address % blockSize(bits)), bits }));

/** Brute force over addresses, for small blocks only. */
const addresses = (c: Cidr): number[] => Array.from({ length: blockSize(c.bits) }, (_, i) => c.base + i);

describe('parseCidr / formatCidr', () => {
  it('reads a block and prints it back', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ base: 10 * 2 ** 24, bits: 16 });
    expect(formatCidr(parseCidr('192.168.1.0/24')!)).toBe('192.168.1.0/24');
    expect(formatCidr(parseCidr('255.255.255.255/32')!)).toBe('255.255.255.255/32');
    expect(formatCidr(parseCidr('0.0.0.0/0')!)).toBe('0.0.0.0/0');
  });

  it('clears host bits and says so', () => {
    expect(formatCidr(parseCidr('10.0.0.5/24')!)).toBe('10.0.0.0/24');
    expect(hostBitsNote('10.0.0.5/24')).toBe('10.0.0.5/24 has host bits set; the block is 10.0.0.0/24');
    expect(hostBitsNote('10.0.0.0/24')).toBeUndefined();
  });

  it.each([
    ['', /expected an IPv4 CIDR block/],
    ['10.0.0.0', /not an IPv4 CIDR block/],
    ['10.0.0/24', /not an IPv4 CIDR block/],
    ['10.0.0.0/24/8', /not an IPv4 CIDR block/],
    ['fd00::/8', /not an IPv4 CIDR block/],
    ['10.0.300.0/24', /300 is above 255/],
    ['10.0.0.0/33', /\/33 is above \/32/],
    ['ten.0.0.0/8', /not an IPv4 CIDR block/],
  ])('refuses %j with the reason, without throwing', (text, reason) => {
    expect(cidrProblem(text)).toMatch(reason);
    expect(parseCidr(text)).toBeUndefined();
  });

  it('never throws on any input, and accepts exactly what it can print back', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.anything()), (x) => {
      const c = parseCidr(x);
      if (c) expect(parseCidr(formatCidr(c))).toEqual(c);
      expect(cidrContains(x as string, '10.0.0.0/8') || cidrsOverlap(x as string, '0.0.0.0/0') || !c).toBe(true);
    }));
  });

  it('round-trips every aligned block', () => {
    fc.assert(fc.property(arbCidr(), (c) => { expect(parseCidr(formatCidr(c))).toEqual(c); }));
  });
});

describe('cidrContains / cidrsOverlap', () => {
  it('answers the cases a VPC designer meets', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.1.0/24')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.1.0.0/24')).toBe(false);
    expect(cidrContains('10.0.1.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/23', '10.0.1.0/24')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/24', '10.0.1.0/24')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/24', 'garbage')).toBe(false);
    expect(cidrContains('garbage', '10.0.0.0/24')).toBe(false);
  });

  it('agree with address-by-address comparison on small blocks', () => {
    const near = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 32 }))
      .map(([last, bits]) => ({ base: 10 * 2 ** 24 + last - (last % blockSize(bits)), bits }));
    fc.assert(fc.property(near, near, (a, b) => {
      const as = new Set(addresses(a));
      const bs = addresses(b);
      expect(cidrContains(a, b)).toBe(bs.every((x) => as.has(x)));
      expect(cidrsOverlap(a, b)).toBe(bs.some((x) => as.has(x)));
    }));
  });

  it('overlap is symmetric, containment implies overlap, and two blocks either nest or are disjoint', () => {
    fc.assert(fc.property(arbCidr(), arbCidr(), (a, b) => {
      expect(cidrsOverlap(a, b)).toBe(cidrsOverlap(b, a));
      if (cidrContains(a, b)) expect(cidrsOverlap(a, b)).toBe(true);
      expect(cidrsOverlap(a, b)).toBe(cidrContains(a, b) || cidrContains(b, a));
    }));
  });
});

describe('defaultSubnetBits', () => {
  it('is a /24 in a /16, a quarter of a /24, never below /28', () => {
    expect(defaultSubnetBits(16)).toBe(24);
    expect(defaultSubnetBits(8)).toBe(24);
    expect(defaultSubnetBits(20)).toBe(24);
    expect(defaultSubnetBits(23)).toBe(25);
    expect(defaultSubnetBits(24)).toBe(26);
    expect(defaultSubnetBits(27)).toBe(28);
    expect(defaultSubnetBits(28)).toBe(28);
  });
});

describe('nextFreeSubnet', () => {
  it('gives the first free /24 of a /16, skipping taken and overlapping blocks', () => {
    expect(nextFreeSubnet('10.0.0.0/16', [])).toBe('10.0.0.0/24');
    expect(nextFreeSubnet('10.0.0.0/16', ['10.0.0.0/24'])).toBe('10.0.1.0/24');
    expect(nextFreeSubnet('10.0.0.0/16', ['10.0.0.0/24', '10.0.1.0/24', '10.0.3.0/24'])).toBe('10.0.2.0/24');
    expect(nextFreeSubnet('10.0.0.0/16', ['10.0.0.0/22'])).toBe('10.0.4.0/24');
    expect(nextFreeSubnet('10.0.0.0/16', ['10.0.0.128/25'])).toBe('10.0.1.0/24');
    expect(nextFreeSubnet('10.0.0.0/16', ['10.0.0.0/8'])).toBeUndefined();
  });

  it('ignores blocks outside the VPC and malformed ones', () => {
    expect(nextFreeSubnet('10.0.0.0/16', ['192.168.0.0/24', 'nonsense', ''])).toBe('10.0.0.0/24');
  });

  it('splits a /24 VPC into four and reports it full after four', () => {
    const taken: string[] = [];
    for (let i = 0; i < 4; i++) taken.push(nextFreeSubnet('172.16.5.0/24', taken)!);
    expect(taken).toEqual(['172.16.5.0/26', '172.16.5.64/26', '172.16.5.128/26', '172.16.5.192/26']);
    expect(nextFreeSubnet('172.16.5.0/24', taken)).toBeUndefined();
  });

  it('returns undefined (never throws) for a malformed VPC or an impossible size', () => {
    expect(nextFreeSubnet('10.0.0/16', [])).toBeUndefined();
    expect(nextFreeSubnet('10.0.0.0/24', [], 16)).toBeUndefined();
    expect(nextFreeSubnet('10.0.0.0/24', [], 33)).toBeUndefined();
  });

  it('always returns an aligned block inside the VPC that overlaps nothing taken, the lowest such block', () => {
    const vpcArb = arbCidr(16, 26);
    fc.assert(fc.property(vpcArb, fc.array(arbCidr(14, 30), { maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (vpc, takenBlocks, extra) => {
      const size = Math.min(32, Math.max(vpc.bits, 24) + (extra % 3));
      // Taken blocks are moved into the VPC's neighbourhood so that clashes are frequent.
      const taken = takenBlocks.map((t) => formatCidr({ base: vpc.base + (t.base % blockSize(Math.max(t.bits, vpc.bits - 1))), bits: Math.max(t.bits, vpc.bits - 1) }))
        .map((t) => formatCidr(parseCidr(t)!));
      const got = nextFreeSubnet(formatCidr(vpc), taken, size);
      const candidates = Array.from({ length: blockSize(size) < blockSize(vpc.bits) ? blockSize(vpc.bits) / blockSize(size) : 1 }, (_, i) => ({ base: vpc.base + i * blockSize(size), bits: size }));
      const free = candidates.find((c) => taken.every((t) => !cidrsOverlap(c, t)));
      expect(got).toBe(free && formatCidr(free));
      if (got) {
        expect(cidrContains(vpc, got)).toBe(true);
        expect(parseCidr(got)!.bits).toBe(size);
        for (const t of taken) expect(cidrsOverlap(got, t)).toBe(false);
      }
    }));
  });
});
