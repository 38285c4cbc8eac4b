import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { costCommand, table } from '../../../cli/commands/cost';
import { parseDesign } from '../../../core/model';
import { estimateCost, formatUsd, SUPPORTED_REGIONS } from '../../../core/pricing';
import { expectGolden, runCommand } from '../../support/golden';

/** What `cost` prints for every template in every Region with a catalog (the expected profile):
 *  test/golden/cost/<region>/<template>.txt, and totals.txt, one table of every template's monthly
 *  total per Region with its unpriced and needs-input counts. Regions come from SUPPORTED_REGIONS
 *  when the test runs: a new catalog adds a folder (UPDATE_GOLDEN=1 writes it, and removes the
 *  folders of Regions that no longer have one). */
const DIR = 'test/golden/cost';
const templates = readdirSync('templates').filter((f) => f.endsWith('.design.json')).sort();
const name = (file: string) => file.replace('.design.json', '');

describe('golden: the cost table of every template in every Region with a catalog', () => {
  describe.each(SUPPORTED_REGIONS)('%s', (region) => {
    it.each(templates)('%s', async (file) => {
      const { code, out, err } = await runCommand((a, io) => costCommand.run(a, io), [`templates/${file}`, '--region', region]);
      expect(code).toBe(0);
      expectGolden(`${DIR}/${region}/${name(file)}.txt`, out + err);
    });
  });

  it('totals.txt: every template × Region, total, unpriced and needs-input lines', () => {
    const out = [
      'Monthly total of every template in every Region with a price catalog (expected profile, free tier off).',
      'Unpriced lines and lines that need input are not in the totals.',
    ];
    for (const file of templates) {
      const parsed = parseDesign(readFileSync(`templates/${file}`, 'utf8'));
      if (!parsed.ok) throw new Error(file);
      out.push('', name(file), ...table(SUPPORTED_REGIONS.map((region) => {
        const r = estimateCost(parsed.design, { region });
        const extra = [r.unpriced.length ? `${r.unpriced.length} unpriced` : '', r.needsInput.length ? `${r.needsInput.length} need input` : ''].filter(Boolean).join(', ');
        return [`  ${region}${region === parsed.design.region ? ' (its own)' : ''}`, formatUsd(r.monthlyTotal), extra];
      }), [1]));
    }
    const text = `${out.join('\n')}\n`;
    expectGolden(`${DIR}/totals.txt`, text);
  });

  it('one folder per Region with a catalog, and no other', () => {
    const folders = () => readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    if (process.env.UPDATE_GOLDEN === '1') {
      for (const f of folders()) if (!SUPPORTED_REGIONS.includes(f)) rmSync(`${DIR}/${f}`, { recursive: true });
    }
    expect(folders()).toEqual([...SUPPORTED_REGIONS].sort());
    for (const region of SUPPORTED_REGIONS) expect(existsSync(`${DIR}/${region}`)).toBe(true);
  });
});
