import type { Design } from '../model/design';

export interface Point { x: number; y: number }

/** Layout positions are stored relative to the node's parent container (React Flow's sub-flow
 *  convention), so moving a VPC moves what it contains without touching their entries. */
export function relativePosition(design: Design, nodeId: string): Point {
  const p = design.layout.positions[nodeId];
  return p ? { x: p.x, y: p.y } : { x: 0, y: 0 };
}

/** Position on the canvas, summing the parent chain (cycles stop after a few hops). */
export function absolutePosition(design: Design, nodeId: string): Point {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  let x = 0;
  let y = 0;
  let current = byId.get(nodeId);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const p = relativePosition(design, current.id);
    x += p.x;
    y += p.y;
    current = current.parent ? byId.get(current.parent) : undefined;
  }
  return { x, y };
}
