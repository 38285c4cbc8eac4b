import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designSchema, NODE_KINDS, parseDesign, serializeDesign } from '../../core/model';
import { designDocument } from '../support/arbitraries';

describe('design file round trip (property)', () => {
  it('any design the schema accepts survives serialize → parse unchanged', () => {
    fc.assert(
      fc.property(designDocument, (doc) => {
        const design = designSchema.parse(doc);
        const reread = parseDesign(serializeDesign(design));
        expect(reread.ok).toBe(true);
        if (reread.ok) expect(reread.design).toEqual(design);
      }),
      { numRuns: 300 },
    );
  });

  it('unknown fields written by a newer tool are kept on save', () => {
    fc.assert(
      fc.property(designDocument, (doc) => {
        const withExtra = { ...(doc as object), 'x-future': { kept: true } };
        const parsed = parseDesign(JSON.stringify(withExtra));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(JSON.parse(serializeDesign(parsed.design))['x-future']).toEqual({ kept: true });
      }),
      { numRuns: 50 },
    );
  });

  it('the generator reaches every node kind and edge kind', () => {
    const kinds = new Set<string>();
    const edgeKinds = new Set<string>();
    fc.sample(designDocument, 400).forEach((d) => {
      const doc = d as { nodes: { kind: string }[]; edges: { kind: string }[] };
      doc.nodes.forEach((n) => kinds.add(n.kind));
      doc.edges.forEach((e) => edgeKinds.add(e.kind));
    });
    expect(kinds.size).toBe(NODE_KINDS.length);
    expect(edgeKinds.size).toBe(5);
  });
});
