import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../bench/generate';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { exportSam } from '../../core/iac/sam';
import { parseDesign } from '../../core/model';
import { validateSamTemplate } from '../support/samSchema';

/* A design larger than one CloudFormation stack takes still exports to valid SAM, keeps within the
 * output quota and says, in warnings, which quotas it breaks. */
describe('SAM export of a 1,000-node design', () => {
  it('is valid, has at most 200 outputs, and warns about the 500-resource and 200-output quotas', () => {
    const parsed = parseDesign(JSON.stringify(generateDesign(1000)));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    const out = exportSam(parsed.design);
    const tree = parseTemplateText(out.files[0].content).template as { Outputs: object; Resources: object };
    expect(validateSamTemplate(tree)).toEqual([]);
    expect(Object.keys(tree.Outputs).length).toBe(200);
    expect(Object.keys(tree.Resources).length).toBeGreaterThan(500);
    expect(out.warnings.join('\n')).toMatch(/at most 500 per stack/);
    expect(out.warnings.join('\n')).toMatch(/at most 200, so only the first 200 are written/);
  });
});
