import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../bench/generate';
import { costCommand, reportJson } from '../../../cli/commands/cost';
import { parseDesign } from '../../../core/model';
import { estimateCost } from '../../../core/pricing';
import { expectGolden, runCommand } from '../../support/golden';

/** Issue 15, bullet 4: the money arithmetic may change how it computes, never what it prints. The
 *  `cost --format json` output (every line's exact quantity and amount, the total to the cent) is
 *  kept byte for byte:
 *  - templates/<template>.txt: every template in its own Region, each usage profile (the active one also
 *    with free tier);
 *  - digests.txt: the SHA-256 of the JSON estimate of every rule fixture and of the bench's
 *    generated designs (100 and 1,000 nodes), in the expected profile with and without free tier — a
 *    wider net than people would read line by line. UPDATE_GOLDEN=1 rewrites both. */
const DIR = 'test/golden/cost-json';
const templates = readdirSync('templates').filter((f) => f.endsWith('.design.json')).sort();

describe('golden: the cost JSON of every template, byte for byte', () => {
  it.each(templates)('%s', async (file) => {
    const parsed = parseDesign(readFileSync(`templates/${file}`, 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not load`);
    const parts: string[] = [];
    for (const profile of Object.keys(parsed.design.usage.profiles)) {
      for (const freeTier of profile === parsed.design.usage.active ? [false, true] : [false]) {
        const args = [`templates/${file}`, '--format', 'json', '--profile', profile, ...(freeTier ? ['--free-tier'] : [])];
        const { code, out, err } = await runCommand((a, io) => costCommand.run(a, io), args);
        expect(code, err).toBe(0);
        parts.push(`# cost ${args.join(' ')}\n${out}`);
      }
    }
    expectGolden(`${DIR}/templates/${file.replace('.design.json', '')}.txt`, parts.join('\n'));
  });

  it('digests.txt: the JSON estimate of every rule fixture and of generated designs', () => {
    const designs: [string, string][] = readdirSync('test/fixtures/rules').filter((f) => f.endsWith('.design.json')).sort()
      .map((f) => [f, readFileSync(`test/fixtures/rules/${f}`, 'utf8')]);
    for (const size of [100, 1000]) designs.push([`bench generateDesign(${size})`, JSON.stringify(generateDesign(size))]);
    const lines = ['SHA-256 of JSON.stringify(reportJson(estimateCost(design, { freeTier }))), free tier off / on.'];
    let priced = 0;
    for (const [name, text] of designs) {
      const parsed = parseDesign(text);
      if (!parsed.ok) { lines.push(`${name}: does not load`); continue; }
      const digests = [false, true].map((freeTier) => {
        const report = estimateCost(parsed.design, { freeTier });
        priced += report.components.length;
        return createHash('sha256').update(JSON.stringify(reportJson(report))).digest('hex').slice(0, 16);
      });
      lines.push(`${name}: ${digests.join(' ')}`);
    }
    // The net catches something only if the designs price lines (not a list of empty estimates).
    expect(priced).toBeGreaterThan(4000);
    expectGolden(`${DIR}/digests.txt`, `${lines.join('\n')}\n`);
  });
});
