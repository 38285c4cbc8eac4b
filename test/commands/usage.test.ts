import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandLabel, copyName, History, parseUsageNumber, perform, usageValueProblem, type Command } from '../../core/commands';
import { createDesign, designSchema, type Design } from '../../core/model';
import { parseDesign } from '../../core/model/parse';
import { serializeDesign } from '../../core/model/serialize';
import { estimateCost } from '../../core/pricing';
import { sampleDesign } from './fixtures';

const run = (design: Design, command: Command) => perform(design, command);
const ok = (design: Design, command: Command): Design => {
  const r = run(design, command);
  expect(r.refused).toBeUndefined();
  return r.design;
};

describe('setNodeUsage', () => {
  it('sets a value in the active profile, and in a named one when given', () => {
    let d = ok(sampleDesign(), { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 1_000_000 });
    expect(d.usage.active).toBe('expected');
    expect(d.usage.profiles.expected.nodes.q).toEqual({ requestsPerMonth: 1_000_000 });
    expect(d.usage.profiles.peak.nodes.q).toBeUndefined();
    d = ok(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'avgDurationMs', value: 120, profile: 'peak' });
    expect(d.usage.profiles.peak.nodes.fn).toEqual({ avgDurationMs: 120 });
    expect(d.usage.profiles.expected.nodes.fn).toBeUndefined();
  });

  it('clearing the last value removes the node entry, so the saved file stays clean', () => {
    let d = ok(sampleDesign(), { type: 'setNodeUsage', nodeId: 'fn', field: 'avgDurationMs', value: 120 });
    d = ok(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'errorRate', value: 0.1 });
    d = ok(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'avgDurationMs', value: undefined });
    expect(d.usage.profiles.expected.nodes.fn).toEqual({ errorRate: 0.1 });
    d = ok(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'errorRate', value: undefined });
    expect(d.usage.profiles.expected.nodes).not.toHaveProperty('fn');
    // Clearing what is not there is no edit at all (no undo step).
    const again = run(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'errorRate', value: undefined });
    expect(again.patches).toEqual([]);
  });

  it('refuses out-of-range values with a message naming the node, the field and AWS’s bound', () => {
    const d = sampleDesign();
    const long = run(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'avgDurationMs', value: 900_001 });
    expect(long.refused).toBe('"Orders handler": Average duration (avgDurationMs) must be at most 900,000 ms.');
    expect(long.design).toBe(d);
    expect(run(d, { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: -1 }).refused)
      .toBe('"Orders queue": Requests a month (requestsPerMonth) must be at least 0 requests/month.');
    expect(run(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'errorRate', value: 1.5 }).refused).toMatch(/Error rate \(errorRate\) must be at most 1 fraction 0–1/);
    expect(run(d, { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: Number.NaN }).refused).toMatch(/must be a finite number/);
    expect(run(d, { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 'lots' }).refused).toMatch(/must be a number/);
  });

  it('refuses a value the node’s kind does not take, an unknown node and a missing profile', () => {
    const d = sampleDesign();
    expect(run(d, { type: 'setNodeUsage', nodeId: 'q', field: 'avgDurationMs', value: 10 }).refused).toBe('"Orders queue" (SQS queue) takes no average duration (avgDurationMs).');
    expect(run(d, { type: 'setNodeUsage', nodeId: 'nope', field: 'requestsPerMonth', value: 1 }).refused).toMatch(/no node "nope"/);
    expect(run(d, { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 1, profile: 'weekend' }).refused).toBe('There is no usage profile "weekend".');
    const none = designSchema.parse({ ...d, usage: { profiles: {}, active: null } });
    expect(run(none, { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 1 }).refused).toMatch(/no usage profile: add one first/);
  });

  it('a choice and a flag are validated against their options', () => {
    let d = ok(sampleDesign(), { type: 'addNode', kind: 'dynamoTable', id: 't', name: 'Orders table', position: { x: 0, y: 0 } });
    d = ok(d, { type: 'setNodeUsage', nodeId: 't', field: 'readConsistency', value: 'strong' });
    d = ok(d, { type: 'setNodeUsage', nodeId: 't', field: 'transactionalWrites', value: true });
    expect(d.usage.profiles.expected.nodes.t).toEqual({ readConsistency: 'strong', transactionalWrites: true });
    expect(run(d, { type: 'setNodeUsage', nodeId: 't', field: 'readConsistency', value: 'sometimes' }).refused).toMatch(/must be one of eventual, strong, transactional/);
    expect(run(d, { type: 'setNodeUsage', nodeId: 't', field: 'transactionalWrites', value: 1 }).refused).toMatch(/must be yes or no/);
  });

  it('what is entered changes the estimate: the queue’s requests reach the function', () => {
    let d = ok(sampleDesign(), { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 10_000_000 });
    const withRequests = estimateCost(d);
    d = ok(d, { type: 'setNodeUsage', nodeId: 'fn', field: 'avgDurationMs', value: 200 });
    const withDuration = estimateCost(d);
    expect(withRequests.monthlyTotal.gt(0)).toBe(true);
    expect(withDuration.monthlyTotal.gt(withRequests.monthlyTotal)).toBe(true);
    // The other profiles are untouched.
    expect(estimateCost(d, { profile: 'peak' }).monthlyTotal.toString()).toBe(estimateCost(sampleDesign(), { profile: 'peak' }).monthlyTotal.toString());
  });
});

describe('setEdgeUsage', () => {
  it('sets perInvocation and payload on a connection and refuses out-of-range ones naming both ends', () => {
    let d = ok(sampleDesign(), { type: 'setEdgeUsage', edgeId: 't1', field: 'perInvocation', value: 3 });
    d = ok(d, { type: 'setEdgeUsage', edgeId: 't1', field: 'avgPayloadKb', value: 4 });
    expect(d.usage.profiles.expected.edges.t1).toEqual({ perInvocation: 3, avgPayloadKb: 4 });
    expect(run(d, { type: 'setEdgeUsage', edgeId: 't1', field: 'avgPayloadKb', value: 2_000_000 }).refused)
      .toBe('"Orders queue" → "Orders handler": Average payload (avgPayloadKb) must be at most 1,048,576 KB.');
    expect(run(d, { type: 'setEdgeUsage', edgeId: 'nope', field: 'perInvocation', value: 1 }).refused).toMatch(/no connection "nope"/);
    d = ok(d, { type: 'setEdgeUsage', edgeId: 't1', field: 'perInvocation', value: undefined });
    d = ok(d, { type: 'setEdgeUsage', edgeId: 't1', field: 'avgPayloadKb', value: undefined });
    expect(d.usage.profiles.expected.edges).not.toHaveProperty('t1');
  });
});

describe('usage profiles', () => {
  it('add, duplicate (right after its source, values copied), rename (active follows), set active', () => {
    let d = ok(sampleDesign(), { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 5 });
    d = ok(d, { type: 'addUsageProfile', name: '  black friday ', description: 'one day a year' });
    expect(Object.keys(d.usage.profiles)).toEqual(['low', 'expected', 'peak', 'black friday']);
    expect(d.usage.profiles['black friday']).toEqual({ description: 'one day a year', nodes: {}, edges: {} });
    d = ok(d, { type: 'duplicateUsageProfile', from: 'expected' });
    expect(Object.keys(d.usage.profiles)).toEqual(['low', 'expected', 'expected copy', 'peak', 'black friday']);
    expect(d.usage.profiles['expected copy'].nodes.q).toEqual({ requestsPerMonth: 5 });
    // The copy is independent of its source.
    d = ok(d, { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 7, profile: 'expected copy' });
    expect(d.usage.profiles.expected.nodes.q).toEqual({ requestsPerMonth: 5 });
    d = ok(d, { type: 'renameUsageProfile', from: 'expected', to: 'typical' });
    expect(Object.keys(d.usage.profiles)).toEqual(['low', 'typical', 'expected copy', 'peak', 'black friday']);
    expect(d.usage.active).toBe('typical');
    d = ok(d, { type: 'setActiveUsageProfile', name: 'peak' });
    expect(d.usage.active).toBe('peak');
    expect(estimateCost(d).profile).toBe('peak');
  });

  it('refuses empty, duplicate and unknown names', () => {
    const d = sampleDesign();
    expect(run(d, { type: 'addUsageProfile', name: ' ' }).refused).toBe('A usage profile needs a name.');
    expect(run(d, { type: 'addUsageProfile', name: 'peak' }).refused).toBe('There is already a usage profile "peak".');
    expect(run(d, { type: 'addUsageProfile', name: 'x'.repeat(41) }).refused).toMatch(/at most 40 characters/);
    expect(run(d, { type: 'renameUsageProfile', from: 'low', to: 'peak' }).refused).toBe('There is already a usage profile "peak".');
    expect(run(d, { type: 'renameUsageProfile', from: 'nope', to: 'x' }).refused).toBe('There is no usage profile "nope".');
    expect(run(d, { type: 'setActiveUsageProfile', name: 'nope' }).refused).toBe('There is no usage profile "nope".');
    expect(run(d, { type: 'duplicateUsageProfile', from: 'peak', name: 'low' }).refused).toBe('There is already a usage profile "low".');
  });

  it('deleting the active profile activates its neighbour; the last profile stays', () => {
    let d = ok(sampleDesign(), { type: 'deleteUsageProfile', name: 'expected' });
    expect(Object.keys(d.usage.profiles)).toEqual(['low', 'peak']);
    expect(d.usage.active).toBe('peak');
    d = ok(d, { type: 'deleteUsageProfile', name: 'peak' });
    expect(d.usage.active).toBe('low');
    expect(run(d, { type: 'deleteUsageProfile', name: 'low' }).refused).toMatch(/only usage profile: a design keeps at least one/);
  });

  it('a design loaded with no profiles gets one, active, when a profile is added', () => {
    const none = designSchema.parse({ ...createDesign('x'), usage: { profiles: {}, active: null } });
    const d = ok(none, { type: 'addUsageProfile', name: 'expected' });
    expect(d.usage.active).toBe('expected');
  });

  it('a profile’s description is set, trimmed', () => {
    const d = ok(sampleDesign(), { type: 'setUsageProfileDescription', name: 'peak', description: '  Black Friday, 10× traffic ' });
    expect(d.usage.profiles.peak.description).toBe('Black Friday, 10× traffic');
    expect(run(d, { type: 'setUsageProfileDescription', name: 'nope', description: 'x' }).refused).toBe('There is no usage profile "nope".');
  });

  it('copy names stay unique', () => {
    expect(copyName(['peak'], 'peak')).toBe('peak copy');
    expect(copyName(['peak', 'peak copy', 'peak copy 2'], 'peak')).toBe('peak copy 3');
  });

  it('usage edits are saved in the file and come back on open', () => {
    let d = ok(sampleDesign(), { type: 'addUsageProfile', name: 'launch' });
    d = ok(d, { type: 'setActiveUsageProfile', name: 'launch' });
    d = ok(d, { type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 2_500_000 });
    d = ok(d, { type: 'setEdgeUsage', edgeId: 't1', field: 'avgPayloadKb', value: 12 });
    const reopened = parseDesign(serializeDesign(d));
    expect(reopened.ok && reopened.design.usage).toEqual(d.usage);
  });
});

describe('history', () => {
  it('each usage edit is one undo step with a label', () => {
    const h = new History(sampleDesign());
    h.apply({ type: 'setNodeUsage', nodeId: 'q', field: 'requestsPerMonth', value: 1000 });
    expect(h.undoLabel).toBe('Set requests a month');
    h.apply({ type: 'renameUsageProfile', from: 'expected', to: 'normal' });
    expect(h.undoLabel).toBe('Rename usage profile');
    h.undo();
    expect(h.design.usage.active).toBe('expected');
    h.undo();
    expect(h.design.usage.profiles.expected.nodes).toEqual({});
    expect(commandLabel({ type: 'setNodeUsage', nodeId: 'q', field: 'avgDurationMs', value: undefined })).toBe('Clear average duration');
  });

  it('random usage edits: undo all gives the original design back, redo all the final one', () => {
    const profile = fc.constantFrom('low', 'expected', 'peak', 'p2', undefined);
    const name = fc.constantFrom('low', 'expected', 'peak', 'p2', 'p3', '');
    const command: fc.Arbitrary<Command> = fc.oneof(
      fc.record({ type: fc.constant('setNodeUsage' as const), nodeId: fc.constantFrom('q', 'fn', 'nope'), field: fc.constantFrom('requestsPerMonth', 'avgDurationMs', 'errorRate' as const), value: fc.option(fc.double({ min: -2, max: 2e6, noNaN: true }), { nil: undefined }), profile }),
      fc.record({ type: fc.constant('setEdgeUsage' as const), edgeId: fc.constantFrom('t1', 'x'), field: fc.constantFrom('perInvocation', 'avgPayloadKb' as const), value: fc.option(fc.integer({ min: -1, max: 10 }), { nil: undefined }), profile }),
      fc.record({ type: fc.constant('addUsageProfile' as const), name }),
      fc.record({ type: fc.constant('duplicateUsageProfile' as const), from: name }),
      fc.record({ type: fc.constant('renameUsageProfile' as const), from: name, to: name }),
      fc.record({ type: fc.constant('deleteUsageProfile' as const), name }),
      fc.record({ type: fc.constant('setActiveUsageProfile' as const), name }),
      fc.record({ type: fc.constant('removeNodes' as const), ids: fc.constant(['fn']) }),
    );
    fc.assert(fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
      const original = sampleDesign();
      const h = new History(original);
      for (const c of commands) h.apply(c);
      const final = h.design;
      // Whatever the sequence, the design still loads, with an active profile that exists.
      const reloaded = parseDesign(serializeDesign(final));
      expect(reloaded.ok).toBe(true);
      expect(final.usage.active !== null && final.usage.profiles[final.usage.active]).toBeTruthy();
      while (h.undo());
      expect(h.design).toEqual(original);
      while (h.redo());
      expect(h.design).toEqual(final);
    }), { numRuns: 150 });
  });
});

describe('reading typed text', () => {
  it('accepts thousands separators and exponents, keeps an empty field as "clear", says why otherwise', () => {
    expect(parseUsageNumber('1,000,000')).toEqual({ ok: true, value: 1_000_000 });
    expect(parseUsageNumber(' 2.5e6 ')).toEqual({ ok: true, value: 2_500_000 });
    expect(parseUsageNumber('1 000')).toEqual({ ok: true, value: 1000 });
    expect(parseUsageNumber('')).toEqual({ ok: true, value: undefined });
    expect(parseUsageNumber('12ms')).toEqual({ ok: false, message: '"12ms" is not a number' });
    expect(parseUsageNumber('1e999')).toEqual({ ok: false, message: '"1e999" is too large' });
    expect(usageValueProblem('enhancedFanOutConsumers', 2.5)).toBe('must be a whole number');
    expect(usageValueProblem('enhancedFanOutConsumers', 21)).toBe('must be at most 20 consumers');
    expect(usageValueProblem('requestsPerMonth', 5)).toBeUndefined();
  });
});
