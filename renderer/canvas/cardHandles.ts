import type { NodeHandle, Position } from '@xyflow/react';

/** Where a resource card's two handles are, relative to the card, as React Flow measures them
 *  (getHandleBounds): 10 px handles (`.sd-handle`) centred on the inner edge of the 4 px left border
 *  and the 1 px right border (`.sd-node`), at half the card's height. Given to React Flow for a card
 *  it has not measured yet, so that it need not draw every card of a design just opened to learn
 *  them (it draws any card without handle positions, wherever it is) and draws only those in view;
 *  the measured ones replace them as each card is drawn. test/e2e/bigdesign.spec.ts compares them
 *  with the handles as drawn. (Type-only imports: the e2e test imports this file.) */
export function estimatedHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - 5;
  return [
    { type: 'target', position: 'left' as Position, x: -1, y, width: 10, height: 10 },
    { type: 'source', position: 'right' as Position, x: width - 6, y, width: 10, height: 10 },
  ];
}
