import type { Design } from '../model/design';
import { absolutePositions, placementOf } from '../model/placement';

export interface Point { x: number; y: number }

/** Layout positions are stored relative to the container the node is DRAWN in (its draw parent,
 *  core/model/placement.ts — React Flow's sub-flow convention), so moving a VPC moves what it
 *  contains without touching their entries. */
export function relativePosition(design: Design, nodeId: string): Point {
  const p = design.layout.positions[nodeId];
  return p ? { x: p.x, y: p.y } : { x: 0, y: 0 };
}

/** Position on the canvas, summing the chain of draw parents. */
export function absolutePosition(design: Design, nodeId: string): Point {
  return absolutePositions(design, placementOf(design)).get(nodeId) ?? relativePosition(design, nodeId);
}
