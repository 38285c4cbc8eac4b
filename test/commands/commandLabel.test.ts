import { describe, expect, it } from 'vitest';
import { History, commandLabel } from '../../core/commands';
import { lambdaKind } from '../../core/model';
import { fieldsOf, type Field } from '../../renderer/schemaFields';
import { sampleDesign } from './fixtures';

describe('undo labels name fields by the title the inspector shows', () => {
  it('a trigger setting edited through history is undone as "Change Maximum retry attempts"', () => {
    const h = new History(sampleDesign());
    const result = h.apply({ type: 'setEdgeProp', edgeId: 't1', path: ['maximumRetryAttempts'], value: 3 });
    expect(result.refused).toBeUndefined();
    expect(h.undoLabel).toBe('Change Maximum retry attempts');
    h.undo();
    expect(h.redoLabel).toBe('Change Maximum retry attempts');
  });

  it('a nested prop is named by its own key; list indexes are skipped', () => {
    expect(commandLabel({ type: 'setProp', nodeId: 'fn', path: ['asyncConfig', 'maximumEventAgeSeconds'], value: 60 })).toBe('Change Maximum event age (seconds)');
    expect(commandLabel({ type: 'setProp', nodeId: 'fn', path: ['vpc', 'subnets', 0], value: 'sn' })).toBe('Change Subnets');
    expect(commandLabel({ type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 512 })).toBe('Change Memory (MB)');
  });

  it('every field of the function form has the same title in its undo label', () => {
    const walk = (fields: Field[], path: string[]): [string[], string][] =>
      fields.flatMap((f) => (f.type === 'object' ? walk(f.fields, [...path, f.key]) : [[[...path, f.key], f.label] as [string[], string]]));
    const fields = walk(fieldsOf(lambdaKind.props), []);
    expect(fields.length).toBeGreaterThan(10);
    for (const [path, label] of fields) {
      expect(commandLabel({ type: 'setProp', nodeId: 'fn', path, value: null })).toBe(`Change ${label}`);
      expect(label).not.toMatch(/^[a-z]+[A-Z]/); // a title, never the camelCase id
    }
  });
});
