import { describe, expect, it } from 'vitest';
import { autoLayoutLabel, interpolate } from '../../renderer/canvas/useAutoLayout';

describe('Auto-layout glide', () => {
  const from = { a: { x: 0, y: 100 }, vpc: { x: 10, y: 10, width: 800, height: 600 }, still: { x: 5, y: 5 } };
  const to = { a: { x: 200, y: 0 }, vpc: { x: 30, y: 10, width: 400, height: 300 }, fresh: { x: 50, y: 60 } };

  it('starts where the nodes were and ends where the layout puts them, sizes included', () => {
    expect(interpolate(from, to, 0)).toEqual({ ...from, fresh: { x: 50, y: 60 } });
    expect(interpolate(from, to, 1)).toEqual({ a: { x: 200, y: 0 }, vpc: { x: 30, y: 10, width: 400, height: 300 }, still: { x: 5, y: 5 }, fresh: { x: 50, y: 60 } });
  });

  it('is part-way in between, and leaves nodes the layout does not move alone', () => {
    const half = interpolate(from, to, 0.5);
    expect(half.a).toEqual({ x: 100, y: 50 });
    expect(half.vpc).toEqual({ x: 20, y: 10, width: 600, height: 450 });
    expect(half.still).toBe(from.still);
  });

  it('says what it will lay out', () => {
    expect(autoLayoutLabel(0)).toBe('Auto-layout');
    expect(autoLayoutLabel(1)).toBe('Auto-layout');
    expect(autoLayoutLabel(2)).toBe('Auto-layout selection');
  });
});
