import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { exportSam } from '../../core/iac/sam';
import { iacDesign } from '../support/iacDesigns';
import { validateSamTemplate } from '../support/samSchema';

/* Generated designs (every node kind, every trigger kind with its settings, DLQs, destinations,
 * invokes, a two-AZ VPC with NAT, endpoints, RDS behind a proxy, ElastiCache; names of any
 * characters) export to SAM that the schema accepts, whose references all resolve, deterministically. */
describe('SAM export of generated designs', () => {
  it('is valid SAM with every reference resolved, and the same twice', () => {
    fc.assert(fc.property(iacDesign, (design) => {
      const out = exportSam(design);
      const tree = parseTemplateText(out.files[0].content).template;
      expect(validateSamTemplate(tree)).toEqual([]);
      expect(exportSam(design).files).toEqual(out.files);
      for (const f of out.files) expect(f.path).toMatch(/^(template\.yaml|src\/[a-z0-9-]+\/[A-Za-z0-9_./-]+)$/);
    }), { numRuns: Number(process.env.SAM_RUNS ?? 80) });
  });
});
