import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportCdk } from '../core/iac/cdk';
import { parseTemplateText, TemplateSyntaxError } from '../core/iac/cfn/yaml';
import { importTemplate } from '../core/iac/import';
import { layoutDesign } from '../core/iac/import/layout';
import { exportSam } from '../core/iac/sam';
import { parseDesign } from '../core/model';
import { generateDesign } from './generate';
import { measure } from './measure';

/** Issue 9's speed targets: SAM and CDK export of a 1,000-node design ≤ 50 ms each; import of all
 *  235 serverless-patterns corpus templates ≤ 5 s in total. Plus how long hostile template text
 *  takes to be refused. Run: `npx tsx bench/iac.ts` (also run by `npm run bench`). */

const TARGET_EXPORT_MS = 50;
const TARGET_CORPUS_MS = 5000;
const verdict = (ms: number, target: number) => `${ms <= target ? 'within' : 'OVER'} the ${target.toLocaleString('en-US')} ms target`;

console.log(`node ${process.version} — IaC export/import, medians after 3 warm-ups\n`);

{
  const parsed = parseDesign(JSON.stringify(generateDesign(1000)));
  if (!parsed.ok || parsed.problems.length) throw new Error(`the generated 1,000-node design does not load cleanly: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const design = parsed.design;
  const sam = exportSam(design);
  const cdk = exportCdk(design);
  const kb = (files: { content: string }[]) => (files.reduce((n, f) => n + f.content.length, 0) / 1024).toFixed(0);
  console.log(`— ${design.nodes.length} nodes, ${design.edges.length} edges: SAM ${sam.files.length} files / ${kb(sam.files)} KB, CDK ${cdk.files.length} files / ${kb(cdk.files)} KB`);
  const s = measure('exportSam (1000 nodes)', () => exportSam({ ...design }));
  const c = measure('exportCdk (1000 nodes)', () => exportCdk({ ...design }));
  console.log(`  SAM ${verdict(s.medianMs, TARGET_EXPORT_MS)}, CDK ${verdict(c.medianMs, TARGET_EXPORT_MS)}`);
  const samText = sam.files[0].content;
  measure(`  import of that SAM template (${(samText.length / 1024).toFixed(0)} KB)`, () => importTemplate(samText), 5);
  // What `serverless-designer import` adds unless --no-layout: one run, it is slow.
  const imported = importTemplate(samText).design;
  const start = performance.now();
  await layoutDesign(imported);
  console.log(`${`  + layoutDesign of it (${imported.nodes.length} nodes, 1 run)`.padEnd(48)} total    ${(performance.now() - start).toFixed(0).padStart(5)} ms`);
  console.log('');
}

{
  const root = fileURLToPath(new URL('../../shared/corpus/serverless-patterns/', import.meta.url));
  if (!existsSync(root)) {
    console.log(`skipped: corpus import (../shared/corpus/serverless-patterns is not beside this clone; it exists on the team's machines)\n`);
  } else {
    const files = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())
      .flatMap((d) => ['template.yaml', 'template.yml'].filter((f) => existsSync(`${root}${d.name}/${f}`)).map((f) => `${d.name}/${f}`)).sort();
    const texts = files.map((f) => readFileSync(`${root}${f}`, 'utf8'));
    let refused = 0;
    let resources = 0;
    const importAll = () => {
      refused = 0;
      resources = 0;
      const designs = [];
      for (let i = 0; i < texts.length; i++) {
        try {
          const r = importTemplate(texts[i], { fileName: files[i] });
          resources += r.report.totals.resources;
          designs.push(r.design);
        } catch (err) {
          if (!(err instanceof TemplateSyntaxError)) throw err;
          refused += 1;
        }
      }
      return designs;
    };
    const kb = texts.reduce((n, t) => n + t.length, 0) / 1024;
    const r = measure(`import all ${files.length} corpus templates`, importAll, 5);
    console.log(`  ${files.length} templates, ${kb.toFixed(0)} KB, ${resources} resources, ${refused} refused as unreadable; ${verdict(r.medianMs, TARGET_CORPUS_MS)}`);
    // What `serverless-designer import` adds: the elkjs layout of each imported design.
    const designs = importAll();
    const start = performance.now();
    for (const d of designs) await layoutDesign(d);
    console.log(`${'  + layoutDesign of every imported design (1 run)'.padEnd(48)} total    ${(performance.now() - start).toFixed(0).padStart(5)} ms`);
    console.log('');
  }
}

{
  console.log('— hostile template text: time to be refused (parseTemplateText)');
  const bomb = ['Resources:', '  L0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) bomb.push(`  L${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  const cases: [string, string][] = [
    ['YAML alias bomb (10^10 values)', bomb.join('\n')],
    ['10 MB string', `Description: "${'x'.repeat(10 * 1024 * 1024)}"\n`],
    ['10,000-deep flow YAML', `Resources: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['10,000-deep JSON', `{"Resources":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}`],
    ['10,000-deep block YAML (- - - …)', `Resources:\n  A:\n    ${'- '.repeat(10_000)}x\n`],
    ['1,000-deep indented block YAML (500 KB)', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['NUL byte', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\u0000\n'],
    ['300,000 empty lists (880 KB: read, slowly)', `Resources: [${'[],'.repeat(300_000)}]`],
  ];
  for (const [label, text] of cases) {
    measure(label, () => {
      try { parseTemplateText(text); } catch (err) { if (!(err instanceof TemplateSyntaxError)) throw err; }
    }, 5);
  }
}
