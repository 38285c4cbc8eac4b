import { readFileSync, readdirSync } from 'node:fs';
import type { Design } from '../../core/model/design';
import { parseDesign } from '../../core/model/parse';
import { absolutePositions, CONTAINER_KINDS, containerSizes, placementOf, RESOURCE_SIZE } from '../../core/model/placement';

const templatesDir = new URL('../../templates/', import.meta.url);
/** The starter templates' file names, sorted. */
export const TEMPLATES = readdirSync(templatesDir).filter((f) => f.endsWith('.design.json')).sort();
/** A starter template, parsed (throws when it does not load). */
export function template(file: string): Design {
  const parsed = parseDesign(readFileSync(new URL(file, templatesDir), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not load`);
  return parsed.design;
}

export interface Rect { x: number; y: number; width: number; height: number }

/** Where the canvas draws each node: positions add up along draw parents (core/model/placement.ts),
 *  containers at their drawn size (stored, grown to fit), resources as 180×54 cards. */
export function rects(design: Design): Map<string, Rect> {
  const placement = placementOf(design);
  const abs = absolutePositions(design, placement);
  const sizes = containerSizes(design, placement);
  const out = new Map<string, Rect>();
  for (const n of design.nodes) {
    const p = abs.get(n.id) ?? { x: 0, y: 0 };
    out.set(n.id, { ...p, ...(sizes.get(n.id) ?? RESOURCE_SIZE) });
  }
  return out;
}

export const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Layout checks a person would notice: what is drawn in a container is inside its box, nothing is
 *  drawn over anything else (but its own containers), and every trigger runs left to right. */
export function checkLayout(design: Design, options: { triggers?: boolean } = {}): string[] {
  const problems: string[] = [];
  const placement = placementOf(design);
  const r = rects(design);
  const ancestors = (id: string) => {
    const out = new Set<string>();
    for (let p = placement.get(id)?.drawParent; p !== undefined && !out.has(p); p = placement.get(p)?.drawParent) out.add(p);
    return out;
  };
  for (const n of design.nodes) {
    const stored = design.layout.positions[n.id];
    if (!stored) problems.push(`${n.id} has no position`);
    const parent = placement.get(n.id)?.drawParent;
    if (parent !== undefined) {
      const c = r.get(parent)!;
      const me = r.get(n.id)!;
      if (me.x < c.x || me.y < c.y || me.x + me.width > c.x + c.width || me.y + me.height > c.y + c.height) problems.push(`${n.id} sticks out of its container ${parent}`);
      // The container as stored (what the command resized it to) holds it too, not only the drawn one.
      const box = design.layout.positions[parent];
      if (stored && box?.width && box.height && (stored.x + me.width > box.width || stored.y + me.height > box.height)) problems.push(`${n.id} sticks out of ${parent}'s stored size`);
    }
    if (CONTAINER_KINDS.includes(n.kind) && !(stored?.width && stored.height)) problems.push(`container ${n.id} has no size`);
  }
  const ids = design.nodes.map((n) => n.id);
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const [a, b] = [ids[i], ids[j]];
      if (ancestors(a).has(b) || ancestors(b).has(a)) continue;
      if (overlap(r.get(a)!, r.get(b)!)) problems.push(`${a} and ${b} overlap`);
    }
  }
  if (options.triggers !== false) {
    for (const e of design.edges) {
      if (e.kind !== 'trigger' || !r.has(e.from) || !r.has(e.to)) continue;
      if (!(r.get(e.from)!.x < r.get(e.to)!.x)) problems.push(`trigger ${e.from} → ${e.to} runs right to left`);
    }
  }
  return problems;
}
