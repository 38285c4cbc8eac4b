import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { exportSam } from '../../core/iac/sam';
import { parseDesign, type Design } from '../../core/model';
import { expectGolden } from '../support/golden';
import { validateSamTemplate } from '../support/samSchema';

/* Every starter design exports to a SAM template that the official SAM schema accepts, whose every
 * Ref / GetAtt / Sub resolves, that matches its golden file byte for byte, and that comes out the same
 * twice. UPDATE_GOLDEN=1 rewrites test/golden/sam/. */

const templates = readdirSync('templates').filter((f) => f.endsWith('.design.json'));

export function loadTemplate(file: string): Design {
  const result = parseDesign(readFileSync(`templates/${file}`, 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.design;
}

describe('SAM export of every starter design', () => {
  it.each(templates)('%s: valid SAM, references resolve, golden', (file) => {
    const design = loadTemplate(file);
    const out = exportSam(design);
    expect(out.files[0].path).toBe('template.yaml');
    const text = out.files[0].content;
    const tree = parseTemplateText(text).template;
    expect(validateSamTemplate(tree)).toEqual([]);
    const warnings = out.warnings.length ? `\n# warnings\n${out.warnings.map((w) => `# - ${w}`).join('\n')}\n` : '';
    expectGolden(`test/golden/sam/${file.replace('.design.json', '.yaml')}`, text + warnings);
  });

  it.each(templates)('%s: the same design gives the same bytes', (file) => {
    const a = exportSam(loadTemplate(file));
    const b = exportSam(loadTemplate(file));
    expect(b.files).toEqual(a.files);
    expect(b.warnings).toEqual(a.warnings);
  });

  it.each(templates)('%s: a function resource and a placeholder handler for every function', (file) => {
    const design = loadTemplate(file);
    const out = exportSam(design);
    const tree = parseTemplateText(out.files[0].content).template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const fns = Object.values(tree.Resources).filter((r) => r.Type === 'AWS::Serverless::Function');
    expect(fns).toHaveLength(design.nodes.filter((n) => n.kind === 'lambda').length);
    for (const fn of fns) {
      const dir = String(fn.Properties.CodeUri).replace(/\/$/, '');
      expect(out.files.some((f) => f.path.startsWith(`${dir}/`)), `no file under ${dir}/`).toBe(true);
    }
  });
});
