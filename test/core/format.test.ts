import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../core/format';

describe('formatNumber', () => {
  it('groups thousands and keeps at most 3 decimals, like en-US toLocaleString', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(80240.7189)).toBe('80,240.719');
    expect(formatNumber(0.003)).toBe('0.003');
    expect(formatNumber(-1500.5)).toBe('-1,500.5');
    expect(formatNumber(999.9999)).toBe('1,000');
    expect(formatNumber(2.25, 1)).toBe('2.3');
  });

  it('agrees with toLocaleString on whole numbers', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => formatNumber(n) === n.toLocaleString('en-US')));
  });
});
