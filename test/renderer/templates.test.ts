import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesign, serializeDesign } from '../../core/model';

describe('loadTemplates', () => {
  it('reads every template in templates/ and reports a broken one instead of hiding it', async () => {
    const { loadTemplates } = await import('../../renderer/templates');
    const good = serializeDesign({ ...createDesign('Orders'), description: 'Queue-based order intake.' } as ReturnType<typeof createDesign>);
    const list = loadTemplates({ '../templates/orders.design.json': good, '../templates/broken.design.json': '{"format":"x"}' });
    expect(list.map((t) => [t.file, t.name, t.design !== undefined])).toEqual([['broken.design.json', 'broken.design.json', false], ['orders.design.json', 'Orders', true]]);
    expect(list[1].description).toBe('Queue-based order intake.');
    expect(list[0].problems[0].path).toBe('$.format');
  });

  it('bundles the repository templates, all readable', async () => {
    const { loadTemplates } = await import('../../renderer/templates');
    const files = readdirSync(join(import.meta.dirname, '..', '..', 'templates')).filter((f) => f.endsWith('.design.json'));
    const list = loadTemplates();
    expect(list.map((t) => t.file).sort()).toEqual(files.sort());
    expect(list.filter((t) => !t.design)).toEqual([]);
  });
});
