import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../core/iac/import';
import { layoutDesign, NODE_SIZE } from '../../core/iac/import/layout';
import type { Design } from '../../core/model/design';
import { sharedFile } from '../support/shared';
import { checkLayout } from '../layout/checkLayout';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/iac/${name}`, import.meta.url), 'utf8');

describe('layoutDesign', () => {
  it('lays out the SAM fixture: VPC ⊃ subnets ⊃ NAT, no overlaps, sources left of their functions', async () => {
    const { design } = importTemplate(fixture('sam-orders.yaml'));
    const laid = await layoutDesign(design);
    expect(checkLayout(laid)).toEqual([]);
    // Positions are relative to the parent: the NAT's stored position is inside its subnet's box.
    const nat = laid.layout.positions.Nat;
    const subnet = laid.layout.positions.PublicSubnet;
    expect(nat.x + NODE_SIZE.width).toBeLessThanOrEqual(subnet.width!);
    expect(nat.y + NODE_SIZE.height).toBeLessThanOrEqual(subnet.height!);
    // The design itself is unchanged.
    expect(laid.nodes).toEqual(design.nodes);
    expect(laid.edges).toEqual(design.edges);
    expect(design.layout.positions).toEqual({});
  });

  it('lays out the JSON fixture and a design with a parent cycle without failing', async () => {
    const { design } = importTemplate(fixture('cfn-streams.json'));
    expect(checkLayout(await layoutDesign(design))).toEqual([]);
    const cyclic: Design = { ...design, nodes: [
      ...design.nodes,
      { id: 'v1', kind: 'vpc', name: 'v1', parent: 's1', props: {} } as unknown as Design['nodes'][number],
      { id: 's1', kind: 'subnet', name: 's1', parent: 'v1', props: {} } as unknown as Design['nodes'][number],
    ] };
    const laid = await layoutDesign(cyclic);
    expect(Object.keys(laid.layout.positions)).toEqual(expect.arrayContaining(['v1', 's1']));
  });

  const corpus = sharedFile('corpus/serverless-patterns');
  it.skipIf(!corpus)('lays out every readable corpus template the same way (containers, no overlaps, triggers left to right)', async () => {
    const problems: string[] = [];
    let withSubnets = 0;
    for (const dir of readdirSync(corpus!)) {
      for (const file of ['template.yaml', 'template.yml']) {
        if (!existsSync(`${corpus}/${dir}/${file}`)) continue;
        let design: Design;
        try { design = importTemplate(readFileSync(`${corpus}/${dir}/${file}`, 'utf8')).design; } catch { continue; } // unreadable YAML: the corpus test's business
        if (design.nodes.some((n) => n.kind === 'subnet')) withSubnets += 1;
        problems.push(...checkLayout(await layoutDesign(design)).map((p) => `${dir}: ${p}`));
      }
    }
    expect(withSubnets).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });
});
