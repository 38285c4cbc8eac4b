import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../core/iac/import';
import { CONTAINER_KINDS, layoutDesign, NODE_SIZE } from '../../core/iac/import/layout';
import type { Design } from '../../core/model/design';
import { sharedFile } from '../support/shared';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/iac/${name}`, import.meta.url), 'utf8');

interface Rect { x: number; y: number; width: number; height: number }

/** Where the canvas draws each node: positions add up along container parents only (a rule's parent
 *  bus is not a container, as in renderer/canvas/toFlow.ts). */
function rects(design: Design): Map<string, Rect> {
  const out = new Map<string, Rect>();
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const absolute = (id: string) => {
    let x = 0;
    let y = 0;
    const seen = new Set<string>();
    for (let cur = byId.get(id); cur && !seen.has(cur.id); ) {
      seen.add(cur.id);
      x += design.layout.positions[cur.id]?.x ?? 0;
      y += design.layout.positions[cur.id]?.y ?? 0;
      const parent = cur.parent ? byId.get(cur.parent) : undefined;
      cur = parent && CONTAINER_KINDS.includes(parent.kind) ? parent : undefined;
    }
    return { x, y };
  };
  for (const n of design.nodes) {
    const p = design.layout.positions[n.id];
    const { x, y } = absolute(n.id);
    out.set(n.id, { x, y, width: p?.width ?? NODE_SIZE.width, height: p?.height ?? NODE_SIZE.height });
  }
  return out;
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Layout checks a person would notice: what is inside a container is drawn inside it, nothing is
 *  drawn over anything else, and every trigger runs left to right. */
function checkLayout(design: Design): string[] {
  const problems: string[] = [];
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const r = rects(design);
  const inContainer = (id: string) => {
    const p = byId.get(id)?.parent;
    return p && CONTAINER_KINDS.includes(byId.get(p)?.kind ?? '') ? p : undefined;
  };
  const ancestors = (id: string) => {
    const out = new Set<string>();
    for (let p = inContainer(id); p && !out.has(p); p = inContainer(p)) out.add(p);
    return out;
  };
  for (const n of design.nodes) {
    if (!design.layout.positions[n.id]) problems.push(`${n.id} has no position`);
    const parent = inContainer(n.id);
    if (parent) {
      const c = r.get(parent)!;
      const me = r.get(n.id)!;
      if (me.x < c.x || me.y < c.y || me.x + me.width > c.x + c.width || me.y + me.height > c.y + c.height) problems.push(`${n.id} sticks out of its container ${parent}`);
    }
    if (CONTAINER_KINDS.includes(n.kind) && !(design.layout.positions[n.id]?.width && design.layout.positions[n.id]?.height)) problems.push(`container ${n.id} has no size`);
  }
  const ids = design.nodes.map((n) => n.id);
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const [a, b] = [ids[i], ids[j]];
      if (ancestors(a).has(b) || ancestors(b).has(a)) continue;
      if (overlap(r.get(a)!, r.get(b)!)) problems.push(`${a} and ${b} overlap`);
    }
  }
  for (const e of design.edges) {
    if (e.kind !== 'trigger') continue;
    if (!(r.get(e.from)!.x < r.get(e.to)!.x)) problems.push(`trigger ${e.from} → ${e.to} runs right to left`);
  }
  return problems;
}

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
