import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { parseDesign } from '../../core/model/parse';

const template = () => {
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'vpc-rds-external-api.design.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the VPC template does not parse');
  return parsed.design;
};

describe('History.discard (a cancelled palette drop)', () => {
  it('takes back the gesture\'s step with no redo entry and the version it started from', () => {
    const h = new History(template());
    h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', position: { x: 0, y: 0 } });
    const before = h.design;
    const version = h.version;
    h.apply({ type: 'addNode', kind: 'lambda', id: 'lambda-1', position: { x: 1, y: 2 } }, { join: 'drop-1' });
    expect(h.discard('drop-1')).toBe(true);
    expect(h.design).toEqual(before);
    expect(h.version).toBe(version);
    expect(h.canRedo).toBe(false);
    expect(h.undoLabel).toBe('Add SQS queue');
  });

  it('refuses, changing nothing, when the newest step is another gesture\'s or something was undone', () => {
    const h = new History(template());
    h.apply({ type: 'addNode', kind: 'lambda', id: 'lambda-1', position: { x: 1, y: 2 } }, { join: 'drop-1' });
    h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', position: { x: 0, y: 0 } });
    const now = h.design;
    expect(h.discard('drop-1')).toBe(false);
    expect(h.design).toBe(now);
    h.undo();
    expect(h.discard('drop-1')).toBe(false);
    expect(h.design.nodes.some((n) => n.id === 'lambda-1')).toBe(true);
  });
});
