import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { importTemplate, TemplateSyntaxError, type ImportResult } from '../../core/iac/import';
import { isCoveredType } from '../../core/iac/import/report';
import { diffDesigns } from '../../core/iac/diffDesigns';
import { exportSam } from '../../core/iac/sam';
import { restoreDesign } from '../../core/model';
import { estimateCost } from '../../core/pricing';
import { validateSamTemplate } from '../support/samSchema';
import { sharedFile } from '../support/shared';

/* The real-world corpus: every serverless-patterns template in ../shared/corpus is imported, then the
 * design is validated, linted and costed. Zero crashes; a coverage record per template in
 * reports/corpus-coverage.json; ≥ 90% of the resources of kinds the model covers are understood. */

const root = sharedFile('corpus/serverless-patterns');

interface Record {
  template: string;
  /** null: the template is not readable YAML/JSON (the parser's message, with its line). */
  syntaxError: string | null;
  resources: number;
  understood: number;
  covered: number;
  coveredUnderstood: number;
  /** Roles, policies, log groups, permissions (SUPPORT_TYPES): read into other nodes' settings and edges. */
  support: number;
  supportUnderstood: number;
  nodes: number;
  edges: number;
  skipped: { logicalId: string; type: string; reason: string }[];
  partial: { logicalId: string; type: string; reasons: string[] }[];
  validationProblems: string[];
  findings: number;
  ruleErrors: string[];
  monthlyCost: string | null;
  reexportProblems: string[];
  /** What differs when the SAM export is imported again (diffDesigns): export and import agree on real data. */
  roundTripDiffs: string[];
}

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => ['template.yaml', 'template.yml'].filter((f) => existsSync(`${dir}/${d.name}/${f}`)).map((f) => `${d.name}/${f}`))
    .sort();
}

describe.skipIf(!root)('corpus: every serverless-patterns template imports, validates, lints and costs', () => {
  const files = root ? templates(root) : [];
  const texts = files.map((f) => readFileSync(`${root}/${f}`, 'utf8'));
  const results: (ImportResult | TemplateSyntaxError)[] = [];
  let importMs = 0;

  it(`imports all ${files.length} templates without a crash (only unreadable text is a TemplateSyntaxError)`, () => {
    expect(files.length).toBe(235);
    const started = performance.now();
    for (let i = 0; i < files.length; i += 1) {
      try {
        results.push(importTemplate(texts[i], { fileName: files[i] }));
      } catch (error) {
        if (!(error instanceof TemplateSyntaxError)) throw new Error(`${files[i]}: ${String(error)}`, { cause: error });
        results.push(error);
      }
    }
    importMs = performance.now() - started;
    // The two corpus templates the YAML parser refuses have flow collections continued on lines indented
    // less than their block, which the YAML spec does not allow; each error names its line.
    const unreadable = results.filter((r) => r instanceof TemplateSyntaxError);
    expect(unreadable.every((e) => (e as TemplateSyntaxError).line !== undefined)).toBe(true);
    expect(unreadable.length).toBeLessThanOrEqual(2);
  });

  it('validates, lints and costs each imported design; re-exported to SAM it still validates; writes the coverage records', () => {
    const records: Record[] = [];
    for (let i = 0; i < files.length; i += 1) {
      const r = results[i];
      if (r instanceof TemplateSyntaxError) {
        records.push({ template: files[i], syntaxError: r.message, resources: 0, understood: 0, covered: 0, coveredUnderstood: 0, support: 0, supportUnderstood: 0, nodes: 0, edges: 0, skipped: [], partial: [], validationProblems: [], findings: 0, ruleErrors: [], monthlyCost: null, reexportProblems: [], roundTripDiffs: [] });
        continue;
      }
      const { design, report } = r;
      const restored = restoreDesign(JSON.parse(JSON.stringify(design)));
      const validationProblems = restored.ok ? restored.problems.map((p) => `${p.path}: ${p.message}`) : restored.problems.map((p) => `REFUSED ${p.path}: ${p.message}`);
      const analysis = analyze(design);
      const cost = estimateCost(design);
      const exported = exportSam(design);
      const reexportProblems = design.nodes.length ? validateSamTemplate(parseTemplateText(exported.files[0].content).template) : [];
      const roundTripDiffs = design.nodes.length ? diffDesigns(design, importTemplate(exported.files[0].content).design) : [];
      records.push({
        template: files[i],
        syntaxError: null,
        resources: report.totals.resources,
        understood: report.totals.understood,
        covered: report.totals.covered,
        coveredUnderstood: report.totals.coveredUnderstood,
        support: report.totals.support,
        supportUnderstood: report.totals.supportUnderstood,
        nodes: design.nodes.length,
        edges: design.edges.length,
        skipped: report.resources.filter((x) => x.status === 'skipped').map((x) => ({ logicalId: x.logicalId, type: x.type, reason: x.reasons[0] ?? '' })),
        partial: report.resources.filter((x) => x.status === 'partial').map((x) => ({ logicalId: x.logicalId, type: x.type, reasons: x.reasons })),
        validationProblems,
        findings: analysis.findings.length,
        ruleErrors: analysis.findings.filter((f) => f.ruleId === 'RULE-ERROR').map((f) => f.message),
        monthlyCost: cost.monthlyTotal.toString(),
        reexportProblems,
        roundTripDiffs,
      });
    }
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/corpus-coverage.json', `${JSON.stringify(records, null, 2)}\n`);

    const readable = records.filter((x) => x.syntaxError === null);
    const sum = (f: (x: Record) => number) => readable.reduce((a, x) => a + f(x), 0);
    const resources = sum((x) => x.resources);
    const understood = sum((x) => x.understood);
    const covered = sum((x) => x.covered);
    const coveredUnderstood = sum((x) => x.coveredUnderstood);
    const skippedTypes = new Map<string, number>();
    for (const x of readable) for (const s of x.skipped) skippedTypes.set(s.type, (skippedTypes.get(s.type) ?? 0) + 1);
    const top = [...skippedTypes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
    const withNodes = readable.filter((x) => x.nodes > 0);
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
    console.log([
      `corpus: ${files.length} templates (${readable.length} readable, ${files.length - readable.length} refused by the YAML parser), imported in ${importMs.toFixed(0)} ms`,
      `resources: ${resources}, understood ${understood} (${pct(understood, resources)}); of kinds the model covers: ${coveredUnderstood}/${covered} (${pct(coveredUnderstood, covered)}); ` +
        `roles, policies, log groups, permissions read into them: ${sum((x) => x.supportUnderstood)}/${sum((x) => x.support)} (${pct(sum((x) => x.supportUnderstood), sum((x) => x.support))})`,
      `top skipped types: ${top.map(([t, n]) => `${t} ×${n}`).join(', ')}`,
      `re-exported to SAM: ${readable.filter((x) => x.nodes > 0 && x.reexportProblems.length === 0).length}/${readable.filter((x) => x.nodes > 0).length} validate; imported again, ${withNodes.filter((x) => x.roundTripDiffs.length === 0).length}/${withNodes.length} give the same design`,
    ].join('\n'));

    // Nothing crashed: every readable template's design loads with no problem, every rule ran, every design was costed.
    expect(readable.flatMap((x) => x.validationProblems.map((p) => `${x.template}: ${p}`))).toEqual([]);
    expect(readable.flatMap((x) => x.ruleErrors.map((m) => `${x.template}: ${m}`))).toEqual([]);
    expect(readable.every((x) => x.monthlyCost !== null)).toBe(true);
    // Every skipped resource says why, and so does every partial one.
    expect(readable.flatMap((x) => x.skipped.filter((s) => !s.reason).map((s) => `${x.template} ${s.logicalId}`))).toEqual([]);
    expect(coveredUnderstood / covered).toBeGreaterThanOrEqual(0.9);
    // The SAM export of every imported design validates (schema, CFN spec, references).
    expect(readable.filter((x) => x.reexportProblems.length).map((x) => `${x.template}: ${x.reexportProblems.slice(0, 3).join('; ')}`)).toEqual([]);
    // Export and import agree on real designs: nearly every one comes back the same (the rest: see roundTripDiffs).
    expect(withNodes.filter((x) => x.roundTripDiffs.length === 0).length / withNodes.length).toBeGreaterThanOrEqual(0.95);
    // The coverage records agree with the covered-type list they are measured against.
    expect(readable.flatMap((x) => x.skipped).filter((s) => isCoveredType(s.type)).length).toBe(covered - coveredUnderstood);
  });
});
