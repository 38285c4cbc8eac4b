import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCdk } from '../../core/iac/cdk';
import { diffDesigns } from '../../core/iac/diffDesigns';
import { importTemplate } from '../../core/iac/import';
import { kindLabel } from '../../core/model';
import { exportSam } from '../../core/iac/sam';
import { synthesize, writeApp } from '../support/cdkSynth';
import { cdkCarriedDesign, iacDesign } from '../support/iacDesigns';

/* Bullet 5 of the IaC issue: a design exported and imported back is the same design — every node,
 * edge and setting the model has — with ids that may differ. On failure the message lists what
 * differs, by node name and setting. */

describe('IaC round trips (property)', () => {
  it('design → SAM → import gives back every node, edge and setting', () => {
    fc.assert(
      fc.property(iacDesign, (design) => {
        const template = exportSam(design).files[0].content;
        const { design: back } = importTemplate(template);
        expect(diffDesigns(design, back)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  // What the CDK export does not carry yet is left out of these designs, each case named in cdkCarriedDesign.
  it('design → CDK → synth → import gives back every node, edge and setting it carries', () => {
    fc.assert(
      fc.property(cdkCarriedDesign, (design) => {
        const synthesized = synthesize(writeApp(exportCdk(design)), { validation: false });
        const { design: back } = importTemplate(JSON.stringify(synthesized));
        expect(diffDesigns(design, back)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('the comparison notices a changed setting, a lost node and a lost edge', () => {
    const [design] = fc.sample(iacDesign.filter((d) => d.edges.length > 0), { numRuns: 1, seed: 7 });
    const changed = structuredClone(design);
    const fn = changed.nodes.find((n) => n.kind === 'lambda');
    if (fn?.kind !== 'lambda') throw new Error('the generator always makes a function');
    fn.props.memoryMb = fn.props.memoryMb === 128 ? 256 : 128;
    const lostEdge = changed.edges.pop()!;
    const lostNode = changed.nodes.pop()!;
    const diffs = diffDesigns(design, changed);
    expect(diffs).toContain(`Lambda function "${fn.name}": memoryMb was ${design.nodes.find((n) => n.id === fn.id)!.props.memoryMb}, came back ${fn.props.memoryMb}`);
    expect(diffs.some((d) => d.startsWith(`${lostEdge.kind} edge`) && d.endsWith('is missing'))).toBe(true);
    expect(diffs).toContain(`${kindLabel(lostNode.kind)} "${lostNode.name}" is missing`);
    expect(diffDesigns(design, structuredClone(design))).toEqual([]);
  });
});
