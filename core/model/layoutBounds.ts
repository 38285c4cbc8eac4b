import { formatNumber } from '../format';
import type { Design } from './design';
import { jsonPath, type Problem } from './problems';

/** The largest distance from the origin, in px, of a place or size on the canvas. The canvas and the
 *  diagram (core/diagram/scene.ts) are drawn at about 1 px per unit: 1,000,000 px is some 500
 *  screens across, far beyond any real drawing (the 1,000-node generated design spans ~20,000 px),
 *  while a damaged file's 1e89 made label placement and routing run out of memory (issue 13). */
export const MAX_COORDINATE = 1_000_000;

const KEYS = ['x', 'y', 'width', 'height'] as const;
const px = (v: number) => (Math.abs(v) < 1e21 ? formatNumber(v) : String(v));

/** Places and sizes in `layout.positions` beyond ±MAX_COORDINATE: one `range` problem each (naming
 *  the card and the JSON path), and the value clamped to the bound. A design within bounds comes back
 *  as it was (the same object). */
export function clampLayout(design: Design): { design: Design; problems: Problem[] } {
  const problems: Problem[] = [];
  const names = new Map(design.nodes.map((n) => [n.id, n.name]));
  let positions: Design['layout']['positions'] | undefined;
  for (const [id, place] of Object.entries(design.layout.positions)) {
    let fixed: typeof place | undefined;
    for (const key of KEYS) {
      const v = place[key];
      if (v === undefined || Math.abs(v) <= MAX_COORDINATE) continue;
      const to = Math.sign(v) * MAX_COORDINATE;
      fixed = { ...(fixed ?? place), [key]: to };
      const name = names.get(id);
      problems.push({
        code: 'range',
        path: jsonPath(['layout', 'positions', id, key]),
        ...(name !== undefined ? { target: { id, name, type: 'node' as const } } : {}),
        message: `${key} is ${px(v)} px; a place on the canvas is within ±${px(MAX_COORDINATE)} px, so it was moved to ${px(to)}`,
      });
    }
    if (fixed) {
      positions ??= Object.assign(Object.create(null) as Design['layout']['positions'], design.layout.positions);
      positions[id] = fixed;
    }
  }
  return positions ? { design: { ...design, layout: { ...design.layout, positions: { ...positions } } }, problems } : { design, problems };
}
