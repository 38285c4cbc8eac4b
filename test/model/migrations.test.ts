import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, parseDesign } from '../../core/model';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/migrations/${name}`, import.meta.url), 'utf8');

describe('migrations', () => {
  it('are numbered 1..N with a title and a description, and N is the version this build writes', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.title.length).toBeGreaterThan(3);
      expect(m.description.length).toBeGreaterThan(20);
    });
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('migrate a v0 file: positions move to layout, source/target become from/to, kinds are renamed', () => {
    const r = parseDesign(fixture('v0.design.json'));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    expect(r.problems).toEqual([]);
    const d = r.design;
    expect(d.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(d.nodes.map((n) => [n.id, n.kind])).toEqual([['uploads', 's3Bucket'], ['thumb', 'lambda'], ['failed', 'sqsQueue']]);
    expect(d.nodes.some((n) => 'position' in n)).toBe(false);
    expect(d.layout.positions).toEqual({ uploads: { x: 0, y: 100 }, thumb: { x: 260, y: 100 }, failed: { x: 520, y: 100 } });
    expect(d.edges.map((e) => [e.id, e.kind, e.from, e.to])).toEqual([['e1', 'trigger', 'uploads', 'thumb'], ['e2', 'destination', 'thumb', 'failed']]);
    const thumb = d.nodes[1];
    expect(thumb.kind === 'lambda' && thumb.props.memoryMb).toBe(1024);
    expect((d.nodes[2] as Record<string, unknown>)['x-note']).toBe('kept from v0');
  });

  it('are pure: migrating does not change the input document', () => {
    const raw = JSON.parse(fixture('v0.design.json'));
    const before = JSON.stringify(raw);
    MIGRATIONS[0].apply(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });
});
